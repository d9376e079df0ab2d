"""A club's logo (PNG or JPEG) as an image at the top of the letterhead."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from brievenbus.errors import DataError
from brievenbus.fileio import display_path, read_bytes
from brievenbus.ooxml.package import add_default_content_type, add_relationship
from brievenbus.ooxml.xml import IMAGE_TYPE

EMU_PER_CM = 360_000
LOGO_HEIGHT_CM = 1.6
LOGO_MAX_WIDTH_CM = 6.0
RELATIONSHIP_ID = "rIdBriefLogo"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Every letter carries a copy of the logo: a sharp letterhead logo is 20-300 kB.
MAX_LOGO_BYTES = 1_000_000
# 600 pixels across is sharp on paper at 6 cm; beyond this a viewer may choke on it.
MAX_LOGO_PIXELS = 10_000


@dataclass(frozen=True)
class Logo:
    """Image bytes with their type and the size they get in the letter (EMU)."""

    data: bytes
    extension: str  # png or jpeg
    width: int
    height: int

    @property
    def part_name(self) -> str:
        """Where the image lives in the .docx package."""
        return f"word/media/logo.{self.extension}"


@cache
def load_logo(path: Path) -> Logo:
    """Read a PNG or JPEG, check it, and size it to the letterhead, keeping its proportions."""
    where = display_path(path)
    data = read_bytes(
        path,
        "het logo kan niet worden gelezen",
        "controleer het pad bij 'logo:' in clubs.yaml (ten opzichte van clubs.yaml)",
        where,
        limit=MAX_LOGO_BYTES,
    )
    if data.startswith(PNG_SIGNATURE):
        extension, size = "png", _png_size(data)
    elif data.startswith(b"\xff\xd8"):
        extension, size = "jpeg", _jpeg_size(data)
    else:
        raise DataError.simple(
            "het logo is geen PNG- of JPEG-afbeelding", "sla het logo op als .png of .jpg", where
        )
    if size is None:
        raise DataError.simple(
            f"het logo is beschadigd of afgebroken (geen complete {extension.upper()})",
            "sla het logo opnieuw op als .png of .jpg",
            where,
        )
    width_px, height_px = size
    if max(width_px, height_px) > MAX_LOGO_PIXELS:
        raise DataError.simple(
            f"het logo is {width_px} × {height_px} pixels; de grens is {MAX_LOGO_PIXELS} per kant",
            "verklein het logo: 600 pixels breed is op papier al scherp",
            where,
        )
    height = int(LOGO_HEIGHT_CM * EMU_PER_CM)
    width = min(int(height * width_px / height_px), int(LOGO_MAX_WIDTH_CM * EMU_PER_CM))
    height = int(width * height_px / width_px)
    return Logo(data, extension, max(width, 1), max(height, 1))


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the IHDR chunk, when the file is complete (ends with IEND)."""
    if len(data) < 33 or data[12:16] != b"IHDR" or b"IEND" not in data[-64:]:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return (width, height) if width and height else None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Walk the JPEG markers to the frame header (SOF0–SOF15, not DHT/JPG/DAC).

    Fill bytes (0xFF 0xFF) and markers without a length are stepped over; the
    file must go on to its end-of-image marker after the frame header.
    """
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # a fill byte before the marker
            position += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # TEM, RSTn: no length
            position += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or image data before any frame header
            return None
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        is_frame = 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC)
        if is_frame and position + 9 <= len(data) and length >= 8:
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            complete = data.rfind(b"\xff\xd9") > position
            return (width, height) if width and height and complete else None
        if length < 2:
            return None
        position += 2 + length
    return None


def drawing_xml(logo: Logo) -> str:
    """An inline picture run; namespaces are declared where they are used."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    return (
        "<w:r><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        f'<wp:extent cx="{logo.width}" cy="{logo.height}"/>'
        '<wp:docPr id="1" name="Logo"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic xmlns:a="{a}">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="logo.{logo.extension}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{RELATIONSHIP_ID}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{logo.width}" cy="{logo.height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def add_to_package(parts: dict[str, bytes], header_part: str, logo: Logo) -> None:
    """Put the image in the package, related to the header that shows it."""
    parts[logo.part_name] = logo.data
    add_relationship(
        parts, header_part, RELATIONSHIP_ID, IMAGE_TYPE, f"media/logo.{logo.extension}"
    )
    add_default_content_type(parts, logo.extension, f"image/{logo.extension}")
