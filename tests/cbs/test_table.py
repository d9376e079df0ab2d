"""The rules both CBS readers share: periods, topic columns by title, and what a row adds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from brievenbus.cbs.regions import Region
from brievenbus.cbs.table import (
    Extract,
    Period,
    TopicColumn,
    choose_period,
    match_columns,
    parse_period,
)


@pytest.mark.parametrize(
    ("text", "label", "kind", "provisional"),
    [
        ("2024JJ00", "2024", "jaar", False),
        ("2024", "2024", "jaar", False),
        ("2024*", "2024", "jaar", True),
        ("2025HJ01", "2025 1e halfjaar", "halfjaar", False),
        ("2025 2e halfjaar*", "2025 2e halfjaar", "halfjaar", True),
        ("2025KW03", "2025 3e kwartaal", "kwartaal", False),
        ("2025MM03", "maart 2025", "maand", False),
        ("2020-2024", "2020-2024", "anders", False),
    ],
)
def test_periods_as_letters_name_them(text: str, label: str, kind: str, provisional: bool) -> None:
    period = parse_period(text)
    assert (period.label, period.kind, period.provisional) == (label, kind, provisional)


def test_the_latest_complete_year_else_the_latest_period() -> None:
    periods = [parse_period(p) for p in ("2025HJ01", "2023JJ00", "2024JJ00")]
    assert choose_period(periods).label == "2024"  # not the newer half year
    assert choose_period([*periods, parse_period("2025JJ00")]).label == "2025"
    provisional = [parse_period("2023"), parse_period("2024*"), parse_period("2025 1e halfjaar")]
    assert choose_period(provisional).label == "2023"
    only_parts = [parse_period("2025KW01"), parse_period("2025HJ01"), parse_period("2024KW04")]
    assert choose_period(only_parts).label == "2025 1e halfjaar"


def test_topic_columns_found_by_title() -> None:
    columns = [
        TopicColumn(0, ("Meldingen", "Meldingen door burgers (aantal)")),
        TopicColumn(1, ("Meldingen", "Totaal meldingen (aantal)")),
        TopicColumn(2, ("Adviezen", "Totaal (aantal)")),
        TopicColumn(3, ("Politie incidenten (aantal)",)),
    ]
    assert match_columns(columns, {"meldingen": "m", "adviezen": "a", "politie": "p"}) == {
        1: "m",  # 'Totaal meldingen' beats a column that only starts with the word
        2: "a",  # a 'Totaal' column in the group 'Adviezen'
        3: "p",  # a heading that starts with the title
    }
    assert match_columns(columns, {"fietsen": "f"}) == {}
    assert columns[1].heading == "Meldingen / Totaal meldingen (aantal)"


def test_a_row_adds_cells_or_is_counted_or_named() -> None:
    extract = Extract("export.csv", Period("2024", "jaar"), [Period("2024", "jaar")], {})
    value = ("Meldingen", "veilig-thuis-meldingen", "12", Decimal(12), True)
    extract.add_row("regel 4", Region("regio", "Utrecht (PV)", detail="provincie"), [value])
    extract.add_row("regel 5", Region("regio", "Flevoland (PV)", detail="provincie"), [value])
    extract.add_row("regel 6", Region("opgeheven", "Weesp", detail="nu Amsterdam"), [value])
    extract.add_row("regel 7", Region("onbekend", "Atlantis"), [value])
    extract.add_row("regel 8", Region("gemeente", "Almere", "GM0034"), [value])
    assert extract.regions_skipped == {"provincie": 2}
    assert extract.former == ["Weesp (nu Amsterdam)"]
    assert extract.unmatched == ["Atlantis"]
    assert [(c.where, c.code, c.value) for c in extract.cells] == [
        ("regel 8", "GM0034", Decimal(12))
    ]
