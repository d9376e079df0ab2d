"""Steps 2 and 3, plan and render: which letters, then Jinja2 → Markdown → paragraphs."""
