"""A club's logo: real PNG and JPEG files are sized right; broken or huge ones are refused."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.ooxml.logo import EMU_PER_CM, LOGO_HEIGHT_CM, load_logo
from tests.conftest import RunBrief


def _segment(marker: int, payload: bytes) -> bytes:
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


def tiny_jpeg(width: int, height: int, extras: bytes = b"") -> bytes:
    """A real baseline JPEG, written by hand: one grey channel, every block mid-grey.

    Both Huffman tables hold a single one-bit code (DC difference 0, end of
    block), so each 8×8 block is two zero bits. Browsers and LibreOffice
    decode it as a grey rectangle. ``extras`` go between the JFIF header and
    the tables (a comment, fill bytes, an Exif block).
    """
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    scan = bytes(int(bits[i : i + 8], 2) for i in range(0, len(bits), 8))
    table = bytes([1] + [0] * 15) + b"\x00"
    return (
        b"\xff\xd8"
        + _segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
        + extras
        + _segment(0xDB, b"\x00" + b"\x01" * 64)
        + _segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
        + _segment(0xC4, b"\x00" + table)
        + _segment(0xC4, b"\x10" + table)
        + _segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + scan.replace(b"\xff", b"\xff\x00")
        + b"\xff\xd9"
    )


def test_jpeg_logo_keeps_its_proportions(tmp_path: Path) -> None:
    """A 240×96 JPEG is 1.6 cm high and 2.5 times as wide in the letter."""
    path = tmp_path / "logo.jpg"
    path.write_bytes(tiny_jpeg(240, 96))
    logo = load_logo(path)
    assert logo.extension == "jpeg"
    assert logo.height == int(LOGO_HEIGHT_CM * EMU_PER_CM)
    assert logo.width == pytest.approx(logo.height * 2.5, rel=0.01)


def test_jpeg_with_comment_fill_bytes_and_exif_is_read(tmp_path: Path) -> None:
    """Markers before the frame header, fill bytes included, are stepped over."""
    exif = _segment(0xE1, b"Exif\x00\x00" + b"\x00" * 300)
    path = tmp_path / "logo.jpg"
    path.write_bytes(tiny_jpeg(100, 100, _segment(0xFE, b"brief") + exif + b"\xff\xff"))
    logo = load_logo(path)
    assert logo.width == logo.height


@pytest.mark.parametrize("cut", [3, 40, 120, -2])
def test_cut_off_jpeg_is_refused(tmp_path: Path, cut: int) -> None:
    """A JPEG cut off anywhere (before, in or after the frame header) is named as broken."""
    path = tmp_path / f"logo{cut}.jpg"
    path.write_bytes(tiny_jpeg(240, 96)[:cut])
    with pytest.raises(DataError, match="beschadigd of afgebroken"):
        load_logo(path)


def test_letter_with_jpeg_logo_carries_it(run_brief: RunBrief, local_data: Path) -> None:
    """The letterhead of a club with a JPEG logo holds that picture."""
    (local_data / "logo.jpg").write_bytes(tiny_jpeg(240, 96))
    clubs = local_data / "clubs.yaml"
    text = clubs.read_text(encoding="utf-8")
    clubs.write_text(
        text.replace(
            "    werkgebied: [Huizen]\n", "    werkgebied: [Huizen]\n    logo: logo.jpg\n"
        ),
        encoding="utf-8",
    )
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(local_data.parent / "brieven" / "huizen.docx") as letter:
        assert letter.read("word/media/logo.jpeg") == tiny_jpeg(240, 96)
