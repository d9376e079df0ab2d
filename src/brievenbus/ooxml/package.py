"""The OOXML package: a zip of named parts, their relationships and content types.

A small interface over the zip format: ``read_package`` gives the parts of a
.docx, ``write_package`` zips parts back with fixed timestamps (1-1-1980), so
the same parts always give the same bytes. It is written by hand so that the
house style's unchanged parts are compressed once, not once per letter; the
layout is plain PKZIP 2.0 as ``zipfile`` writes it.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from brievenbus.ooxml.xml import REL_NS, xml_text

CONTENT_TYPES_PART = "[Content_Types].xml"
_ZIP_VERSION = 20  # deflate
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01; the time field is 0 (midnight)
_UTF8_NAME = 0x800  # general purpose flag bit 11: the file name is UTF-8


def read_package(path: Path) -> dict[str, bytes]:
    """Every part of a .docx by name, in the order of the archive."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@dataclass(frozen=True)
class ZipEntry:
    """One deflated part, ready to be placed in a zip archive."""

    name: bytes
    flags: int
    crc: int
    size: int
    data: bytes


@lru_cache(maxsize=256)
def deflate(name: str, content: bytes) -> ZipEntry:
    """Compress one part; the house style's unchanged parts hit the cache every letter."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    flags = 0 if name.isascii() else _UTF8_NAME
    return ZipEntry(name.encode("utf-8"), flags, zlib.crc32(content), len(content), data)


def write_package(parts: dict[str, bytes], order: dict[str, bytes] | None = None) -> bytes:
    """A zip of the parts: first those named in ``order`` (the house style's), then the rest."""
    local = bytearray()
    central = bytearray()
    names = [*(order or {}), *(n for n in parts if n not in (order or {}))]
    for name in names:
        entry = deflate(name, parts[name])
        offset = len(local)
        sizes = (entry.crc, len(entry.data), entry.size)
        header = (_ZIP_VERSION, entry.flags, 8, 0, _DOS_DATE, *sizes)
        local += struct.pack("<4s2H2HH3L2H", b"PK\x03\x04", *header, len(entry.name), 0)
        local += entry.name + entry.data
        central += struct.pack(
            "<4sH2H2HH3L5H2L", b"PK\x01\x02", _ZIP_VERSION, *header, len(entry.name), 0, 0, 0, 0,
            0, offset,
        )  # fmt: skip
        central += entry.name
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(names), len(names), len(central), len(local), 0
    )
    return bytes(local + central + end)


def relationships_part(part: str) -> str:
    """Where a part's relationships live: word/header1.xml → word/_rels/header1.xml.rels."""
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def add_relationship(
    parts: dict[str, bytes], source: str, rid: str, rel_type: str, target: str
) -> None:
    """Relate ``source`` to an internal ``target``, creating the .rels part when needed."""
    rels_name = relationships_part(source)
    relationship = (
        f'<Relationship Id="{xml_text(rid)}" Type="{xml_text(rel_type)}" '
        f'Target="{xml_text(target)}"/>'
    )
    existing = parts.get(rels_name, b"").decode()
    if existing:
        updated = existing.replace("</Relationships>", relationship + "</Relationships>")
    else:
        updated = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{REL_NS}">{relationship}</Relationships>'
        )
    parts[rels_name] = updated.encode()


def add_default_content_type(parts: dict[str, bytes], extension: str, content_type: str) -> None:
    """Declare the content type of every part with this extension (once)."""
    types = parts[CONTENT_TYPES_PART].decode()
    if f'Extension="{extension}"' in types:
        return
    default = f'<Default Extension="{xml_text(extension)}" ContentType="{xml_text(content_type)}"/>'
    parts[CONTENT_TYPES_PART] = types.replace("</Types>", default + "</Types>").encode()
