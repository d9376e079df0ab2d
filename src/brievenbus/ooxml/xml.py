"""WordprocessingML basics shared by the OOXML modules: namespaces and safe text."""

from __future__ import annotations

import re
from functools import lru_cache

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
# Characters XML 1.0 cannot hold; they are dropped (the caller warns about them).
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def w(tag: str) -> str:
    """A WordprocessingML tag in lxml's {namespace}name form."""
    return f"{{{W_NS}}}{tag}"


@lru_cache(maxsize=16384)
def xml_text(text: str) -> str:
    """Text safe in an XML element or double-quoted attribute, without forbidden characters."""
    text = INVALID_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
