"""Hostile files made during a test, so that no big or binary file is committed.

A bad-input case lists in its ``maak`` file one ``generator path`` per line;
each generator below writes that file into the case's working folder. The
house styles start from the packaged huisstijl.docx, so only the hostile part
differs from a real one.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from brievenbus.inputs.locations import packaged_dir

FIXTURES = Path(__file__).parent / "fixtures"
WML_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = b"application/vnd.ms-word.document.macroEnabled.main+xml"


def _house_style_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(packaged_dir("templates") / "huisstijl.docx") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_docx(path: Path, parts: dict[str, bytes], stored: bool = False) -> None:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _add_type(parts: dict[str, bytes], extension: str, content_type: bytes) -> None:
    default = b'<Default Extension="%s" ContentType="%s"/>' % (extension.encode(), content_type)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", default + b"</Types>"
    )


def macro_docx(path: Path) -> None:
    """A .docm saved as .docx: macro-enabled main part and a VBA project."""
    parts = _house_style_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(WML_MAIN, MACRO_MAIN)
    _add_type(parts, "bin", b"application/vnd.ms-office.vbaProject")
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdVba" Target="vbaProject.bin" Type='
        b'"http://schemas.microsoft.com/office/2006/relationships/vbaProject"/></Relationships>',
    )
    _write_docx(path, parts)


def zip_bomb_docx(path: Path) -> None:
    """A theme part of 30 MB of spaces that packs into 30 kB (the limits look at the
    sizes the zip declares, so a bigger bomb would only make the test slower)."""
    parts = _house_style_parts()
    parts["word/theme/theme1.xml"] = b"<a:theme/>" + b" " * 30_000_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def docx_without_body(path: Path) -> None:
    """word/document.xml with no w:body."""
    parts = _house_style_parts()
    parts["word/document.xml"] = (
        b'<?xml version="1.0"?><w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    _write_docx(path, parts)


def docx_with_outside_link(path: Path) -> None:
    """A remote template attached through settings (fetched when Word opens the letter)."""
    parts = _house_style_parts()
    parts["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0"?><Relationships xmlns='
        b'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1"'
        b' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'attachedTemplate" Target="https://voorbeeld.invalid/sjabloon.dotm"'
        b' TargetMode="External"/></Relationships>'
    )
    _write_docx(path, parts)


def huge_docx(path: Path) -> None:
    """A house style of 6 MB (an uncompressible picture)."""
    parts = _house_style_parts()
    _add_type(parts, "png", b"image/png")
    parts["word/media/foto.png"] = bytes(range(256)) * 24_000
    _write_docx(path, parts, stored=True)


def huge_logo(path: Path) -> None:
    """A complete PNG of 2 MB."""
    logo = (FIXTURES / "logo.png").read_bytes()
    padding = b"x" * 2_000_000
    chunk = struct.pack(">I", len(padding)) + b"tEXt" + padding
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + padding))
    path.write_bytes(logo[:33] + chunk + logo[33:])


def cut_png(path: Path) -> None:
    """A PNG cut off inside its header."""
    path.write_bytes((FIXTURES / "logo.png").read_bytes()[:20])


def huge_yaml(path: Path) -> None:
    """21 MB of YAML comments."""
    path.write_bytes((b"#" * 99 + b"\n") * 210_000)
