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
# The same characters in UTF-8: control codes are these single bytes (every byte of
# a longer character is 0x80 or more), U+FFFE and U+FFFF these sequences, and a lone
# surrogate cannot be encoded at all.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r")
_NONCHARACTERS = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


def drop_invalid_xml(text: str) -> tuple[str, int]:
    """The text without the characters XML cannot hold, and how many there were.

    A letter's text has none: looking for them in its UTF-8 bytes is twice as fast
    as the pattern, which then only runs when there is something to drop.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return INVALID_XML.subn("", text)
    if len(data.translate(None, _CONTROL_BYTES)) == len(data) and not any(
        sequence in data for sequence in _NONCHARACTERS
    ):
        return text, 0
    return INVALID_XML.subn("", text)


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
