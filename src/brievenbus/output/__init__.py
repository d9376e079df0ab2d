"""Steps 5 and 6, write and record: files on disk, PDFs, e-mail drafts and the manifest."""
