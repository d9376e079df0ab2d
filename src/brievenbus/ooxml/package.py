"""The OOXML package: a zip of named parts, their relationships and content types.

A small interface over the zip format: ``read_package`` gives the parts of a
.docx, ``write_package`` zips parts back with fixed timestamps (1-1-1980), so
the same parts always give the same bytes. It is written by hand so that the
house style's unchanged parts are compressed once, not once per letter; the
layout is plain PKZIP 2.0 as ``zipfile`` writes it.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from brievenbus.errors import DataError
from brievenbus.fileio import display_path, format_size, read_bytes
from brievenbus.ooxml.xml import REL_NS, xml_text

CONTENT_TYPES_PART = "[Content_Types].xml"
# Every letter carries a copy of the house style: the default one is 6 kB, one
# with a letterhead picture a few hundred kB. Beyond these it is not a letterhead.
MAX_PACKAGE_BYTES = 5_000_000
MAX_UNPACKED_BYTES = 25_000_000
MAX_PARTS = 500  # Word writes about 15 parts; a few dozen with pictures
# Word's XML packs about ten to one; a part packed more than a hundred to one
# (and over a megabyte unpacked) is a zip bomb (a 3 MB one unpacked to 6 GB).
MAX_RATIO = 100
RATIO_FROM_BYTES = 1_000_000
_ZIP_VERSION = 20  # deflate
# zlib's fastest level: a letter's text packs to 3.3 kB instead of 3.0 kB at the default
# level 6, in 0.1 ms instead of 0.17 ms (every letter's document.xml is new).
COMPRESSION_LEVEL = 1
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01; the time field is 0 (midnight)
_UTF8_NAME = 0x800  # general purpose flag bit 11: the file name is UTF-8


def read_package(path: Path) -> dict[str, bytes]:
    """Every part of a .docx by name, in the order of the archive, within the limits above.

    Raises DataError for a file over the limits, ``zipfile.BadZipFile`` for no zip.
    """
    data = read_bytes(
        path,
        f"kan de huisstijl {display_path(path)} niet lezen",
        "controleer het pad bij 'huisstijl:' in clubs.yaml (ten opzichte van clubs.yaml)",
        display_path(path),
        limit=MAX_PACKAGE_BYTES,
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        _check_sizes(entries, path)
        # read() stops at each part's declared size, so the check above bounds it.
        return {entry.filename: archive.read(entry) for entry in entries}


def _check_sizes(entries: list[zipfile.ZipInfo], path: Path) -> None:
    """Refuse a zip bomb before unpacking anything."""
    unpacked = sum(entry.file_size for entry in entries)
    bombs = [
        e.filename
        for e in entries
        if e.file_size > RATIO_FROM_BYTES and e.file_size > MAX_RATIO * max(e.compress_size, 1)
    ]
    if len(entries) > MAX_PARTS:
        what = f"{len(entries)} onderdelen (de grens is {MAX_PARTS})"
    elif bombs:
        what = f"{bombs[0]} pakt uit tot meer dan {MAX_RATIO} keer zijn grootte"
    elif unpacked > MAX_UNPACKED_BYTES:
        limit = format_size(MAX_UNPACKED_BYTES)
        what = f"uitgepakt {format_size(unpacked)} (de grens is {limit})"
    else:
        return
    raise DataError.simple(
        f"de huisstijl is te groot of opgeblazen: {what}",
        "gebruik een gewoon Word-document als huisstijl; maak het in Word opnieuw",
        display_path(path),
    )


@dataclass(frozen=True)
class ZipEntry:
    """One deflated part, ready to be placed in a zip archive."""

    name: bytes
    flags: int
    crc: int
    size: int
    data: bytes

    @cached_property
    def local_record(self) -> bytes:
        """Local file header, name and data: the same wherever the part stands."""
        header = struct.pack(
            "<4s2H2HH3L2H", b"PK\x03\x04", *self._fields, len(self.name), 0
        )  # fmt: skip
        return header + self.name + self.data

    @cached_property
    def central_head(self) -> bytes:
        """The central directory record up to the offset (which depends on the place)."""
        return struct.pack(
            "<4sH2H2HH3L5HL", b"PK\x01\x02", _ZIP_VERSION, *self._fields, len(self.name), 0, 0,
            0, 0, 0,
        )  # fmt: skip

    @property
    def _fields(self) -> tuple[int, ...]:
        return (_ZIP_VERSION, self.flags, 8, 0, _DOS_DATE, self.crc, len(self.data), self.size)


@lru_cache(maxsize=256)
def deflate(name: str, content: bytes) -> ZipEntry:
    """Compress one part; the house style's unchanged parts hit the cache every letter."""
    data = zlib.compress(content, COMPRESSION_LEVEL, wbits=-window_bits(len(content)))
    flags = 0 if name.isascii() else _UTF8_NAME
    return ZipEntry(name.encode("utf-8"), flags, zlib.crc32(content), len(content), data)


def window_bits(size: int) -> int:
    """The smallest deflate window that reaches back over all of ``size`` bytes.

    The bytes are the same as with zlib's largest window (deflate looks back at
    most window - 262 bytes), but zlib sets up a smaller window faster: alone, a
    letter's 11 kB document.xml packs in half the time. Raw deflate (negative
    wbits, as zip wants) does not record the window, so readers do not notice.
    """
    return max(9, min(15, (size + 261).bit_length()))


def write_package(parts: dict[str, bytes], order: dict[str, bytes] | None = None) -> bytes:
    """A zip of the parts: first those named in ``order`` (the house style's), then the rest."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    names = [*(order or {}), *(n for n in parts if n not in (order or {}))]
    for name in names:
        entry = deflate(name, parts[name])
        local.append(entry.local_record)
        central.append(entry.central_head + struct.pack("<L", offset) + entry.name)
        offset += len(entry.local_record)
    directory = b"".join(central)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(names), len(names), len(directory), offset, 0
    )
    return b"".join(local) + directory + end


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
