"""Copies of the packaged house style with one thing changed, as a club might make them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from brievenbus.inputs.locations import packaged_dir
from brievenbus.ooxml.xml import W_NS

Edit = Callable[[dict[str, bytes]], None]
Restyle = Callable[[Edit], Path]

# A paragraph style whose id and name hold every character XML must escape.
ODD_STYLE_ID = 'Brief"&<'
ODD_STYLE_NAME = 'brief "speciaal" & <zo>'


def add_odd_style(parts: dict[str, bytes]) -> None:
    """Add a paragraph style with quotes, an ampersand and angle brackets in id and name."""
    root = etree.fromstring(parts["word/styles.xml"])
    style = etree.SubElement(root, f"{{{W_NS}}}style")
    style.set(f"{{{W_NS}}}type", "paragraph")
    style.set(f"{{{W_NS}}}styleId", ODD_STYLE_ID)
    etree.SubElement(style, f"{{{W_NS}}}name").set(f"{{{W_NS}}}val", ODD_STYLE_NAME)
    etree.SubElement(style, f"{{{W_NS}}}basedOn").set(f"{{{W_NS}}}val", "Normal")
    parts["word/styles.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def restyle(tmp_path: Path) -> Restyle:
    """Write an edited copy of templates/huisstijl.docx (with zipfile, not our writer)."""

    def make(edit: Edit) -> Path:
        with zipfile.ZipFile(packaged_dir("templates") / "huisstijl.docx") as original:
            parts = {name: original.read(name) for name in original.namelist()}
        edit(parts)
        path = tmp_path / f"huisstijl-{len(list(tmp_path.glob('*.docx')))}.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        return path

    return make
