"""`brief voorbeeld`'s rendering: the letter's paragraphs as a terminal shows them."""

from __future__ import annotations

import io

from rich.console import Console

from brievenbus.cli.preview import preview
from brievenbus.letters.composition import Composition
from brievenbus.markup import parse_markdown
from brievenbus.ooxml.house_style import FOOTER, LETTERHEAD


def test_letterhead_body_lists_links_and_footer() -> None:
    composition = Composition(
        body=parse_markdown(
            "{.onderwerp}\nBetreft: test\n\n1. een\n2. twee\n   - sub\n\nZie [de site](<https://x.nl>).\n"
        ),
        slots={
            LETTERHEAD: parse_markdown("Soroptimistclub Huizen"),
            FOOTER: parse_markdown("voet"),
        },
        subject="test",
        warnings=[],
    )
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(preview(composition, "verkiezingen · Huizen"))
    text = console.export_text()
    assert "verkiezingen · Huizen" in text.splitlines()[0]
    lines = [line.strip("│ ") for line in text.splitlines()]
    content = [line for line in lines if line and not line.startswith(("╭", "╰", "─"))]
    assert content == [
        "Soroptimistclub Huizen",
        "Betreft: test",
        "1. een",
        "2. twee",
        "– sub",
        "Zie de site.",  # the link is underlined, as in Word
        "voet",
    ]
