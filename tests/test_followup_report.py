"""`brief opvolging rapport`: one self-contained page with a chart, the table and the promises."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.conftest import RunBrief
from tests.output.test_followup import ALMERE, ZEELAND, make

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ACCENT = (0x0B, 0x5E, 0x7A)  # the bars and headings


def report(run_brief: RunBrief) -> str:
    """Letters for Zeeland and Almere, some follow-up, and the report's text."""
    folder = make(run_brief, ZEELAND, ALMERE)
    for args in (
        ("Almere", "--fractie", "PvdA", "--verstuurd", "2026-05-01", "--antwoord", "2026-05-03",
         "--toezegging", "Motie <b>in juni</b> & een \"plan\""),
        ("Almere", "--fractie", "VVD", "--verstuurd", "2026-05-01"),
        ("Middelburg", "--verstuurd", "2026-05-01", "--antwoord", "2026-05-20",
         "--toezegging", "Neemt het verdrag op in het coalitieakkoord"),
        ("Vlissingen", "--verstuurd", "2026-05-01"),
    ):  # fmt: skip
        assert run_brief("opvolging", "markeer", *args).exit_code == 0
    result = run_brief("opvolging", "rapport")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("brieven/opvolging.html geschreven (27 brieven)")
    return (folder / "opvolging.html").read_text(encoding="utf-8")


def test_chart_table_and_promises(run_brief: RunBrief) -> None:
    """A bar per province with its share answered, the counts, every promise by municipality."""
    page = report(run_brief)

    bars = re.findall(r'<g class="balk" data-provincie="([^"]+)">.*?<text[^>]*>([^<]+)</text>\s*</g>',
                      page, re.S)  # fmt: skip
    assert bars == [("Flevoland", "50 % (1 van 2)"), ("Zeeland", "50 % (1 van 2)")]
    assert "<tr><td>Zeeland</td><td>13</td><td>2</td><td>1</td><td>1</td><td>50 %</td></tr>" in page
    assert "<tr><td>totaal</td><td>27</td><td>4</td><td>2</td><td>2</td><td>50 %</td></tr>" in page
    assert (
        "<li><strong>GROENLINKS / Partij van de Arbeid (PvdA)</strong>"
        '<span class="klein"> (3 mei 2026)</span>: '
        "Motie &lt;b&gt;in juni&lt;/b&gt; &amp; een &quot;plan&quot;</li>"
    ) in page
    assert "<h3>Middelburg <span" in page
    assert "Neemt het verdrag op in het coalitieakkoord" in page


def test_page_is_self_contained(run_brief: RunBrief) -> None:
    """No scripts, no links to other files or the network; phone and A4 settings present."""
    page = report(run_brief)

    assert "<script" not in page
    assert "<link" not in page
    assert "url(" not in page
    assert "@import" not in page
    assert re.findall(r"https?://[^\s\"']+", page) == ["http://www.w3.org/2000/svg"]  # a name
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@page { size: A4;" in page


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows (RGB or RGBA bytes) of an 8-bit, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0)
    channels = {2: 3, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = previous[x - channels] if x >= channels else 0
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + best) & 0xFF
        rows.append(bytes(line) if channels == 3 else _rgb(line))
        previous = line
    return width, height, rows


def _rgb(line: bytearray) -> bytes:
    return bytes(b for i, b in enumerate(line) if i % 4 != 3)


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is niet geïnstalleerd"
)
def test_report_in_chromium_on_a_phone(run_brief: RunBrief, workdir: Path) -> None:
    """Headless Chromium draws the page at phone width: text, the chart's colour, not blank."""
    assert CHROMIUM, "CI installs chromium (.ci/run)"
    report(run_brief)
    shot = workdir / "telefoon.png"
    sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    subprocess.run(
        [CHROMIUM, "--headless", *sandbox, "--disable-gpu", "--hide-scrollbars",
         "--force-device-scale-factor=1", "--window-size=390,844",
         f"--screenshot={shot}", (workdir / "brieven" / "opvolging.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip

    width, height, rows = png_pixels(shot.read_bytes())
    every = [row[i : i + 3] for row in rows for i in range(0, len(row), 3)]
    pixels = set(every)
    white = every.count(b"\xff\xff\xff")

    assert (width, height) == (390, 844)
    assert len(pixels) > 50  # text anti-aliasing, bars, table lines
    assert bytes(ACCENT) in pixels
    assert 0.05 < 1 - white / (width * height) < 0.9  # drawn on, yet mostly page


@pytest.mark.skipif(
    (CHROMIUM is None or shutil.which("pdfinfo") is None) and not os.environ.get("CI"),
    reason="chromium of poppler is niet geïnstalleerd",
)
def test_report_prints_on_a4(run_brief: RunBrief, workdir: Path) -> None:
    """Printed from Chromium, the report is A4 pages, one for a province's letters."""
    assert CHROMIUM, "CI installs chromium (.ci/run)"
    report(run_brief)
    pdf = workdir / "rapport.pdf"
    sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    subprocess.run(
        [CHROMIUM, "--headless", *sandbox, "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", (workdir / "brieven" / "opvolging.html").as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip

    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)

    assert re.search(r"Pages:\s+1\n", info.stdout), info.stdout
    assert "(A4)" in info.stdout
