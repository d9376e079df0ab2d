"""opvolging.html's parts: the chart, the table and the promises, escaped and self-contained."""

from __future__ import annotations

from brievenbus.output.followup import FollowUp, LetterFollowUp, Subject, Tally
from brievenbus.output.followup_report import chart, promises, table


def tally(letters: int, sent: int, answered: int, promised: int = 0) -> Tally:
    """A group's counts."""
    return Tally(letters=letters, sent=sent, answered=answered, promises=promised)


def test_chart_bar_follows_the_response_rate_and_escapes_names() -> None:
    """Half answered draws half a bar; a name with '<' stays text; nothing sent says so."""
    svg = chart([("Noord <Holland>", tally(4, 4, 2)), ("Zeeland", tally(3, 0, 0))])
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "Noord &lt;Holland&gt;" in svg
    assert "<Holland>" not in svg
    assert "50 % (2 van 4)" in svg
    assert "nog niets verstuurd" in svg
    widths = [int(part.split('"')[0]) for part in svg.split('width="')[1:]]
    full = widths[0]
    assert widths[1] == full // 2  # the answered share of the first province
    assert widths[3] == 0  # nothing sent in the second


def test_table_has_a_total_row() -> None:
    """One row per group and a total in the footer."""
    html = table([("Flevoland", tally(9, 6, 3, 1))], tally(9, 6, 3, 1))
    assert "<td>Flevoland</td><td>9</td><td>6</td><td>3</td><td>1</td><td>50 %</td>" in html
    assert "<tfoot><tr><td>totaal</td>" in html.replace("\n", "")


def test_promises_are_listed_per_municipality_and_party() -> None:
    """Only letters with a promise appear, under their municipality, with the party."""
    promised = FollowUp(
        sent="2026-05-01",
        answered="2026-05-20",
        promise="Motie <verdrag> indienen",
    )
    rows = [
        LetterFollowUp(
            Subject("GM0034", "D66", "coalitie"), "Almere", "Flevoland", "almere", "a.docx", promised
        ),
        LetterFollowUp(
            Subject("GM0034", "VVD", "coalitie"), "Almere", "Flevoland", "almere", "b.docx",
            FollowUp(sent="2026-05-01"),
        ),
    ]  # fmt: skip
    html = promises(rows)
    assert "Almere" in html
    assert "D66" in html
    assert "Motie &lt;verdrag&gt; indienen" in html
    assert "VVD" not in html
