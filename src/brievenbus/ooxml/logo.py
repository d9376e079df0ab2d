"""A club's logo (PNG or JPEG) as an image at the top of the letterhead."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from brievenbus.errors import DataError
from brievenbus.fileio import read_bytes
from brievenbus.ooxml.package import add_default_content_type, add_relationship
from brievenbus.ooxml.xml import IMAGE_TYPE

EMU_PER_CM = 360_000
LOGO_HEIGHT_CM = 1.6
LOGO_MAX_WIDTH_CM = 6.0
RELATIONSHIP_ID = "rIdBriefLogo"


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
    """Read a PNG or JPEG and size it to the letterhead, keeping its proportions."""
    data = read_bytes(
        path,
        f"logo {path} kan niet worden gelezen",
        "controleer het pad bij 'logo:' in clubs.yaml (ten opzichte van clubs.yaml)",
    )
    size = _png_size(data) or _jpeg_size(data)
    if size is None:
        raise DataError.simple(
            f"logo {path} is geen PNG- of JPEG-afbeelding",
            "sla het logo op als .png of .jpg",
        )
    extension = "png" if data.startswith(b"\x89PNG") else "jpeg"
    width_px, height_px = size
    height = int(LOGO_HEIGHT_CM * EMU_PER_CM)
    width = min(int(height * width_px / height_px), int(LOGO_MAX_WIDTH_CM * EMU_PER_CM))
    height = int(width * height_px / width_px)
    return Logo(data, extension, width, height)


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Walk the JPEG markers to the frame header (SOF0–SOF15, not DHT/JPG/DAC)."""
    if not data.startswith(b"\xff\xd8"):
        return None
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return (width, height) if width and height else None
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
