"""What a house style may carry into every letter: ordinary Word parts pass, the rest is named."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.inputs.locations import packaged_dir
from brievenbus.ooxml.house_style import load_house_style
from brievenbus.ooxml.package_check import ALLOWED_TYPES, check_parts

CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def house_style(path: Path, extra: dict[str, bytes], types: dict[str, str]) -> Path:
    """The packaged house style plus extra parts, each override declared in [Content_Types]."""
    with zipfile.ZipFile(packaged_dir("templates") / "huisstijl.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in types.items()
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", overrides.encode() + b"</Types>"
    )
    parts.update(extra)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    load_house_style.cache_clear()
    return path


def test_parts_word_saves_in_an_ordinary_document_pass(tmp_path: Path) -> None:
    """Custom XML, web settings, custom properties, a picture and printer settings are fine."""
    office = "application/vnd.openxmlformats-officedocument."
    path = house_style(
        tmp_path / "word.docx",
        {
            "customXml/item1.xml": b"<b:Sources xmlns:b='urn:x'/>",
            "customXml/itemProps1.xml": b"<ds:datastoreItem xmlns:ds='urn:y'/>",
            "word/webSettings.xml": b"<w:webSettings xmlns:w='urn:z'/>",
            "docProps/custom.xml": b"<Properties xmlns='urn:p'/>",
            "word/media/image1.png": b"\x89PNG\r\n\x1a\n",
            "word/printerSettings/printerSettings1.bin": b"\x00" * 64,
        },
        {
            "customXml/item1.xml": "application/xml",
            "customXml/itemProps1.xml": office + "customXmlProperties+xml",
            "word/webSettings.xml": office + "wordprocessingml.webSettings+xml",
            "docProps/custom.xml": office + "custom-properties+xml",
            "word/media/image1.png": "image/png",
            "word/printerSettings/printerSettings1.bin": office
            + "wordprocessingml.printerSettings",
        },
    )
    assert "customXml/item1.xml" in load_house_style(path).parts


@pytest.mark.parametrize(
    ("part", "content_type", "data", "named"),
    [
        ("word/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml", b"<a/>", "ActiveX"),
        (
            "word/embeddings/oleObject1.bin",
            "application/vnd.openxmlformats-officedocument.oleObject",
            b"\xd0\xcf",
            "ingesloten objecten",
        ),
        ("word/evil.exe", None, b"MZ", "onbekend soort onderdeel"),
        ("word/bom.xml", "application/xml", b'<!DOCTYPE x [<!ENTITY a "a">]><x/>', "DOCTYPE"),
    ],
)
def test_parts_a_letter_must_not_carry_are_named(
    tmp_path: Path, part: str, content_type: str | None, data: bytes, named: str
) -> None:
    """ActiveX, embedded objects, unknown parts and DOCTYPEs: a Dutch error naming the part."""
    path = house_style(
        tmp_path / "kwaad.docx", {part: data}, {part: content_type} if content_type else {}
    )
    with pytest.raises(OutputError) as error:
        load_house_style(path)
    assert f"{part} (" in str(error.value)
    assert named in str(error.value)


def test_damaged_or_encrypted_zip_is_named(tmp_path: Path) -> None:
    """A damaged deflate stream or a password-protected part: a Dutch error, no traceback."""
    original = (packaged_dir("templates") / "huisstijl.docx").read_bytes()
    damaged = bytearray(original)
    start = damaged.find(b"[Content_Types].xml") + 25
    damaged[start : start + 40] = b"\xaa" * 40
    (tmp_path / "kapot.docx").write_bytes(bytes(damaged))
    encrypted = bytearray(original)
    encrypted[6] |= 1  # the local header's "encrypted" flag
    encrypted[encrypted.find(b"PK\x01\x02") + 8] |= 1  # and the central directory's
    (tmp_path / "slot.docx").write_bytes(bytes(encrypted))
    load_house_style.cache_clear()
    with pytest.raises(OutputError, match="beschadigd"):
        load_house_style(tmp_path / "kapot.docx")
    with pytest.raises(OutputError, match="versleuteld"):
        load_house_style(tmp_path / "slot.docx")


def test_check_parts_names_every_refused_part(tmp_path: Path) -> None:
    """check_parts on its own: a macro part and an outside link are both listed."""
    with zipfile.ZipFile(packaged_dir("templates") / "huisstijl.docx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    check_parts(parts, tmp_path / "goed.docx")  # the packaged house style passes
    parts["word/vbaProject.bin"] = b"\xd0\xcf"
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    parts["word/_rels/settings.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="r1" Type="urn:t" Target="https://elders.invalid/x" '
        b'TargetMode="External"/></Relationships>'
    )
    with pytest.raises(OutputError) as error:
        check_parts(parts, tmp_path / "kwaad.docx")
    text = str(error.value)
    assert "word/vbaProject.bin (macro's)" in text
    assert "koppeling naar buiten: https://elders.invalid/x" in text
    assert "application/vnd.ms-office.vbaProject" not in ALLOWED_TYPES
