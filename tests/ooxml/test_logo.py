"""Club logos: PNG and real JPEG files (baseline and progressive), sized to the letterhead."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.ooxml.logo import EMU_PER_CM, LOGO_HEIGHT_CM, LOGO_MAX_WIDTH_CM, load_logo

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


@pytest.mark.parametrize(
    "content",
    [b"GIF89a....", b"\xff\xd8\xff\xe0\x00\x10JFIF", png(10, 10)[:16], b""],
    ids=["gif", "jpeg-zonder-frame", "png-afgebroken", "leeg"],
)
def test_not_a_png_or_jpeg(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "logo.gif"
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        load_logo(path)
    assert caught.value.problems[0].message == f"logo {path} is geen PNG- of JPEG-afbeelding"
    assert caught.value.problems[0].hint == "sla het logo op als .png of .jpg"


def test_missing_logo_says_why_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "weg.png"
    with pytest.raises(DataError) as caught:
        load_logo(path)
    problem = caught.value.problems[0]
    assert problem.message == f"logo {path} kan niet worden gelezen (bestaat niet)"
    assert "clubs.yaml" in problem.hint
