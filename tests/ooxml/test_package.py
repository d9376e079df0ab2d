"""The zip writer and the package helpers, checked by the standard library's own reader."""

from __future__ import annotations

import io
import random
import zipfile
import zlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from brievenbus.ooxml.package import (
    COMPRESSION_LEVEL,
    CONTENT_TYPES_PART,
    add_default_content_type,
    add_relationship,
    deflate,
    read_package,
    relationships_part,
    write_package,
)
from brievenbus.ooxml.xml import REL_NS

PARTS = {
    CONTENT_TYPES_PART: b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
    "word/document.xml": b"<w:document>"
    + "Geachte raad, één brief – ‘met’ tekens".encode() * 200
    + b"</w:document>",
    "word/media/afbeelding-é.png": bytes(range(256)) * 40,  # non-ASCII name, binary content
    "docProps/leeg.xml": b"",
    "日本/überschrift.xml": b"<x/>",
}


def open_zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_round_trip_through_zipfile_with_crc_check() -> None:
    """zipfile reads back every part unchanged and its CRC check finds nothing wrong."""
    archive = open_zip(write_package(dict(PARTS)))
    assert archive.testzip() is None
    assert archive.namelist() == list(PARTS)
    assert {name: archive.read(name) for name in archive.namelist()} == PARTS
    assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())


def test_non_ascii_part_names_are_flagged_utf8() -> None:
    """Names outside ASCII carry the UTF-8 flag (bit 11), so every zip reader decodes them."""
    archive = open_zip(write_package(dict(PARTS)))
    flags = {info.filename: bool(info.flag_bits & 0x800) for info in archive.infolist()}
    assert flags == {name: not name.isascii() for name in PARTS}


def test_same_parts_give_the_same_bytes(tmp_path: Path) -> None:
    """Fixed timestamps and order: a re-run can tell 'unchanged' by comparing files."""
    first = write_package(dict(PARTS))
    deflate.cache_clear()
    assert write_package(dict(PARTS)) == first
    assert {info.date_time for info in open_zip(first).infolist()} == {(1980, 1, 1, 0, 0, 0)}
    changed = write_package({**PARTS, "docProps/leeg.xml": b"x"})
    assert changed != first


def test_parts_in_order_first_then_the_rest() -> None:
    """The house style's parts keep their order; parts a letter adds come after them."""
    order = {"word/document.xml": b"", CONTENT_TYPES_PART: b""}
    names = open_zip(write_package(dict(PARTS), order)).namelist()
    assert names == [
        "word/document.xml",
        CONTENT_TYPES_PART,
        "word/media/afbeelding-é.png",
        "docProps/leeg.xml",
        "日本/überschrift.xml",
    ]


def test_read_package_gives_the_parts_in_archive_order(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(write_package(dict(PARTS)))
    parts = read_package(path)
    assert parts == PARTS
    assert list(parts) == list(PARTS)


def test_relationships_part_names() -> None:
    assert relationships_part("word/header1.xml") == "word/_rels/header1.xml.rels"
    assert relationships_part("word/document.xml") == "word/_rels/document.xml.rels"
    assert relationships_part("document.xml") == "_rels/document.xml.rels"


def relationships(parts: dict[str, bytes], name: str) -> list[dict[str, str]]:
    root = etree.fromstring(parts[name])
    assert root.tag == f"{{{REL_NS}}}Relationships"
    return [{str(k): str(v) for k, v in child.attrib.items()} for child in root]


def test_add_relationship_creates_then_appends_with_escaped_attributes() -> None:
    """A new .rels part is well-formed XML; a second relationship joins the first one."""
    parts: dict[str, bytes] = {}
    add_relationship(parts, "word/header1.xml", "rId1", "http://x/image", 'media/a&b "c" <d>.png')
    add_relationship(parts, "word/header1.xml", 'rId"2&', "http://x/type?a=1&b=2", "media/b.png")
    assert relationships(parts, "word/_rels/header1.xml.rels") == [
        {"Id": "rId1", "Type": "http://x/image", "Target": 'media/a&b "c" <d>.png'},
        {"Id": 'rId"2&', "Type": "http://x/type?a=1&b=2", "Target": "media/b.png"},
    ]


def test_add_relationship_keeps_existing_relationships() -> None:
    existing = (
        f'<?xml version="1.0"?><Relationships xmlns="{REL_NS}">'
        '<Relationship Id="rIdOud" Type="t" Target="styles.xml"/></Relationships>'
    )
    parts = {"word/_rels/document.xml.rels": existing.encode()}
    add_relationship(parts, "word/document.xml", "rIdNieuw", "t", "media/logo.png")
    ids = [r["Id"] for r in relationships(parts, "word/_rels/document.xml.rels")]
    assert ids == ["rIdOud", "rIdNieuw"]


def test_add_default_content_type_once_and_escaped() -> None:
    parts = dict(PARTS)
    add_default_content_type(parts, "jpeg", "image/jpeg")
    add_default_content_type(parts, "jpeg", "image/jpeg")
    add_default_content_type(parts, "x&y", 'text/"raar"&<')
    root = etree.fromstring(parts[CONTENT_TYPES_PART])
    defaults = [(d.get("Extension"), d.get("ContentType")) for d in root]
    assert defaults == [("jpeg", "image/jpeg"), ("x&y", 'text/"raar"&<')]


def test_a_part_compressed_once_can_stand_anywhere() -> None:
    """A cached part (the house style's) after parts of another size in the next letter:
    its offset is that letter's, and every part reads back with its CRC checked."""
    deflate.cache_clear()
    first = open_zip(write_package(dict(PARTS)))
    assert first.testzip() is None
    moved = {"word/extra.xml": b"<extra>" * 300, **PARTS}
    archive = open_zip(write_package(moved))
    assert archive.testzip() is None
    assert {name: archive.read(name) for name in archive.namelist()} == moved
    assert deflate.cache_info().hits >= len(PARTS)


# Sizes just past each window's reach (a window of 2**n bytes looks back 2**n - 262).
_PART_SIZES = st.sampled_from([0, 1, 3, 250, 300, 766, 800, 7934, 7990, 16126, 16200, 40000])


@given(_PART_SIZES, st.integers(0, 2**32), st.integers(3, 40))
def test_parts_pack_to_the_same_bytes_as_with_the_largest_window(
    size: int, seed: int, repeat: int
) -> None:
    """Letters stay byte for byte what earlier versions wrote (so a re-run after an
    upgrade does not report every letter as changed), whatever window is used: here
    the end of a part repeats its start, as far back as deflate can look."""
    start = random.Random(seed).randbytes(max(0, size - repeat))
    content = (start + start[:repeat])[:size]
    entry = deflate.__wrapped__("word/document.xml", content)
    assert entry.data == zlib.compress(content, COMPRESSION_LEVEL, wbits=-15)
    assert zlib.decompress(entry.data, wbits=-15) == content
