"""Club logos: PNG and real JPEG files (baseline and progressive), sized to the letterhead."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.ooxml.logo import EMU_PER_CM, LOGO_HEIGHT_CM, LOGO_MAX_WIDTH_CM, load_logo
from tests.conftest import RunBrief

FIXTURES = Path(__file__).parents[1] / "fixtures"
HEIGHT = int(LOGO_HEIGHT_CM * EMU_PER_CM)


def png(width: int, height: int) -> bytes:
    """A real (grey) PNG of this size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_segments(data: bytes) -> list[bytes]:
    """The marker segments of a JPEG up to (not including) the scan."""
    segments, position = [], 2
    while data[position + 1] != 0xDA:
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segments.append(data[position : position + 2 + length])
        position += 2 + length
    return segments


def test_png_keeps_its_proportions(tmp_path: Path) -> None:
    logo = load_logo(FIXTURES / "logo.png")  # 240 × 80 pixels
    assert (logo.extension, logo.part_name) == ("png", "word/media/logo.png")
    assert logo.height == HEIGHT
    assert logo.width == 3 * HEIGHT


@pytest.mark.parametrize("name", ["logo.jpg", "logo-progressive.jpg"])
def test_jpeg_size_is_read_from_the_frame_header(name: str) -> None:
    """Real JPEGs of 40 × 20 pixels (made with poppler's pdftoppm, libjpeg)."""
    logo = load_logo(FIXTURES / name)
    assert (logo.extension, logo.part_name) == ("jpeg", "word/media/logo.jpeg")
    assert logo.height == HEIGHT
    assert logo.width == 2 * HEIGHT


def test_jpeg_with_huffman_tables_before_the_frame_header(tmp_path: Path) -> None:
    """A DHT segment (marker C4, inside the SOF range) is not mistaken for the size."""
    data = (FIXTURES / "logo.jpg").read_bytes()
    segments = jpeg_segments(data)
    tables = [s for s in segments if s[1] == 0xC4]
    others = [s for s in segments if s[1] != 0xC4]
    assert tables
    assert others[-1][1] == 0xC0
    reordered = b"\xff\xd8" + b"".join(others[:-1] + tables + others[-1:])
    path = tmp_path / "logo.jpg"
    path.write_bytes(reordered + data[2 + sum(map(len, segments)) :])
    logo = load_logo(path)
    assert (logo.width, logo.height) == (2 * HEIGHT, HEIGHT)


def test_a_very_wide_logo_is_limited_to_the_maximum_width(tmp_path: Path) -> None:
    path = tmp_path / "breed.png"
    path.write_bytes(png(1000, 10))
    logo = load_logo(path)
    assert logo.width == int(LOGO_MAX_WIDTH_CM * EMU_PER_CM)
    assert logo.height == logo.width // 100


@pytest.mark.parametrize("content", [b"GIF89a....", b""], ids=["gif", "leeg"])
def test_not_a_png_or_jpeg(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "logo.gif"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_logo(path)
    assert caught.value.problems[0].message == "het logo is geen PNG- of JPEG-afbeelding"
    assert caught.value.problems[0].path == path
    assert caught.value.problems[0].hint == "sla het logo op als .png of .jpg"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (png(10, 10)[:16], "PNG"),
        (png(10, 10)[:40], "PNG"),
    ],
    ids=["jpeg-zonder-frame", "png-afgebroken-in-kop", "png-zonder-einde"],
)
def test_a_cut_off_logo_is_named(tmp_path: Path, content: bytes, kind: str) -> None:
    """A PNG or JPEG that stops early: 'beschadigd of afgebroken', not a traceback."""
    path = tmp_path / "logo.img"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_logo(path)
    message = f"het logo is beschadigd of afgebroken (geen complete {kind})"
    assert caught.value.problems[0].message == message


def test_missing_logo_says_why_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "weg.png"
    with pytest.raises(DataError) as caught:
        load_logo(path)
    problem = caught.value.problems[0]
    assert problem.message == "het logo kan niet worden gelezen (bestaat niet)"
    assert problem.path == path
    assert "clubs.yaml" in problem.hint


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


def test_hand_written_jpeg_keeps_its_proportions(tmp_path: Path) -> None:
    """A 240×96 JPEG is 1.6 cm high and 2.5 times as wide in the letter."""
    path = tmp_path / "logo.jpg"
    path.write_bytes(tiny_jpeg(240, 96))
    logo = load_logo(path)
    assert logo.extension == "jpeg"
    assert logo.height == HEIGHT
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
