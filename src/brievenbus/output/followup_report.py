"""``opvolging.html``: the campaign on one self-contained page.

A chart of the response rate per province (inline SVG), the table per
province and the promises per municipality and party. No network, no
scripts, no external fonts or images; every text from data or users goes
through ``html.escape``. It prints on A4 (print CSS) and reads on a phone
(viewport, fluid widths, a table that scrolls sideways when it must).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from html import escape

from brievenbus.dutch_formats import dutch_date
from brievenbus.output.followup import Grouping, LetterFollowUp, Tally, count

REPORT_NAME = "opvolging.html"
_CHART_WIDTH = 420
_BAR_WIDTH = 260
_ROW_HEIGHT = 46
# Column heads with soft hyphens, so the table fits a phone without scrolling.
_HEADS = ("ver&shy;stuurd", "beant&shy;woord", "toe&shy;zeggingen", "% beant&shy;woord")

_STYLE = """
:root { color-scheme: light; --accent: #0b5e7a; --track: #e4ebee; --line: #c9d3d8; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
  Arial, sans-serif; color: #1c2326; background: #fff; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 1.6rem 0 0.6rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1rem; margin: 1rem 0 0.3rem; }
.samenvatting { font-size: 1.05rem; }
svg { width: 100%; height: auto; max-width: 30rem; display: block; }
.tabel { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--track); }
tfoot td { font-weight: bold; border-top: 2px solid #1c2326; }
ul { padding-left: 1.2rem; margin: 0.2rem 0; }
li { margin: 0.2rem 0; }
.klein { color: #52616a; font-size: 0.9rem; }
@media (max-width: 30rem) {
  main { padding: 0.6rem; }
  table { font-size: 0.78rem; }
  th, td { padding: 0.3rem 0.15rem; }
}
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, li, svg { break-inside: avoid; }
  .tabel { overflow: visible; }
}
"""


def build_report(
    rows: Sequence[LetterFollowUp], source: str, made: datetime.date | None = None
) -> str:
    """The whole page as text."""
    groups, total = count(rows, Grouping.PROVINCE)
    made = made or datetime.date.today()
    summary = (
        f"{total.letters} brieven, {total.sent} verstuurd, {total.answered} beantwoord"
        f" ({total.percent} van de verstuurde), {total.promises} met een toezegging."
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Opvolging van de brieven</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<h1>Opvolging van de brieven</h1>",
        f'<p class="samenvatting">{escape(summary)}</p>',
        f'<p class="klein">Gemaakt op {escape(dutch_date(made))} uit het register'
        f" in {escape(source)} met brief opvolging rapport.</p>",
        "<h2>Beantwoord per provincie</h2>",
        '<p class="klein">Het deel van de verstuurde brieven waarop een antwoord kwam.</p>',
        chart(groups),
        "<h2>Per provincie</h2>",
        table(groups, total),
        "<h2>Toezeggingen</h2>",
        promises(rows),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def chart(groups: Sequence[tuple[str, Tally]]) -> str:
    """A bar per province (name above it): answered as a share of sent."""
    height = _ROW_HEIGHT * max(len(groups), 1)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_CHART_WIDTH} {height}"'
        ' role="img" aria-labelledby="grafiek-titel" font-size="14">',
        '<title id="grafiek-titel">Beantwoord per provincie</title>',
    ]
    for index, (name, tally) in enumerate(groups):
        y = index * _ROW_HEIGHT
        rate = tally.response_rate
        bar = round(_BAR_WIDTH * (rate or 0))
        if rate is None:
            label = "nog niets verstuurd"
        else:
            label = f"{tally.percent} ({tally.answered} van {tally.sent})"
        lines += [
            f'<g class="balk" data-provincie="{escape(name)}">',
            f'<text x="0" y="{y + 15}" font-weight="bold">{escape(name)}</text>',
            f'<rect x="0" y="{y + 21}" width="{_BAR_WIDTH}" height="16" fill="#e4ebee"/>',
            f'<rect x="0" y="{y + 21}" width="{bar}" height="16" fill="#0b5e7a"/>',
            f'<text x="{_BAR_WIDTH + 8}" y="{y + 34}">{escape(label)}</text>',
            "</g>",
        ]
    lines.append("</svg>")
    return "\n".join(lines)


def table(groups: Sequence[tuple[str, Tally]], total: Tally) -> str:
    """The counts per province with a total row."""
    lines = [
        '<div class="tabel"><table>',
        "<thead><tr><th>provincie</th><th>brieven</th>"
        + "".join(f"<th>{head}</th>" for head in _HEADS)
        + "</tr></thead>",
        "<tbody>",
    ]
    lines += [_table_row(name, tally) for name, tally in groups]
    lines += ["</tbody>", "<tfoot>", _table_row("totaal", total), "</tfoot>", "</table></div>"]
    return "\n".join(lines)


def _table_row(name: str, tally: Tally) -> str:
    cells = (name, *tally.cells())
    return "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"


def promises(rows: Sequence[LetterFollowUp]) -> str:
    """Every promise, per municipality (in province order) and party."""
    by_municipality: dict[tuple[str, str], list[LetterFollowUp]] = {}
    for row in rows:
        if row.followup.promise:
            by_municipality.setdefault((row.municipality, row.province), []).append(row)
    if not by_municipality:
        return "<p>Nog geen toezeggingen genoteerd (brief opvolging markeer … --toezegging).</p>"
    lines = []
    for (municipality, province), promised in by_municipality.items():
        lines.append(
            f'<section class="gemeente"><h3>{escape(municipality)}'
            f' <span class="klein">{escape(province)}</span></h3><ul>'
        )
        for row in promised:
            when = row.followup.answered
            date = f" ({dutch_date(datetime.date.fromisoformat(when))})" if when else ""
            lines.append(
                f"<li><strong>{escape(row.party_label)}</strong>"
                f'<span class="klein">{escape(date)}</span>: {escape(row.followup.promise)}</li>'
            )
        lines.append("</ul></section>")
    return "\n".join(lines)
