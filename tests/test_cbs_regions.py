"""Region names and codes as CBS writes them, and the period a table's figures are about."""

from __future__ import annotations

import pytest

from brievenbus.cbs.regions import Region, RegionMatcher
from brievenbus.cbs.table import TopicColumn, choose_period, match_columns, parse_period
from brievenbus.letters.workspace import Workspace


@pytest.fixture(scope="module")
def matcher() -> RegionMatcher:
    """A matcher over the packaged 342 municipalities."""
    return RegionMatcher(Workspace.open().dataset.municipalities)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Utrecht (gemeente)", Region("gemeente", "Utrecht (gemeente)", "GM0344")),
        ("Groningen (gemeente)", Region("gemeente", "Groningen (gemeente)", "GM0014")),
        ("'s-Gravenhage (gemeente)", Region("gemeente", "'s-Gravenhage (gemeente)", "GM0518")),
        ("Den Haag", Region("gemeente", "Den Haag", "GM0518")),
        ("Bergen (NH.)", Region("gemeente", "Bergen (NH.)", "GM0373")),
        ("Bergen (L.)", Region("gemeente", "Bergen (L.)", "GM0893")),
        ("GM0034", Region("gemeente", "GM0034", "GM0034")),
        ("Utrecht (PV)", Region("regio", "Utrecht (PV)", detail="provincie")),
        ("Groningen (PV)", Region("regio", "Groningen (PV)", detail="provincie")),
        ("Noord-Nederland (LD)", Region("regio", "Noord-Nederland (LD)", detail="landsdeel")),
        ("Utrecht (VT)", Region("regio", "Utrecht (VT)", detail="Veilig Thuis-regio")),
        ("Oost-Groningen (CR)", Region("regio", "Oost-Groningen (CR)", detail="COROP-gebied")),
        ("Nederland", Region("regio", "Nederland", detail="land")),
        ("PV26", Region("regio", "PV26", detail="provincie")),
        ("Weesp", Region("opgeheven", "Weesp", detail="nu Amsterdam")),
        ("Weesp (gemeente)", Region("opgeheven", "Weesp (gemeente)", detail="nu Amsterdam")),
        ("Atlantis (gemeente)", Region("onbekend", "Atlantis (gemeente)")),
    ],
)
def test_statline_names(matcher: RegionMatcher, written: str, expected: Region) -> None:
    """A name is a municipality only by its own name, never because a province shares it."""
    assert matcher.match(written) == expected


@pytest.mark.parametrize(
    ("key", "title", "expected"),
    [
        ("GM0034  ", "Almere", Region("gemeente", "Almere", "GM0034")),
        ("GM0344  ", "Utrecht (PV)", Region("gemeente", "Utrecht (PV)", "GM0344")),
        ("PV26    ", "Utrecht", Region("regio", "Utrecht", detail="provincie")),
        ("NL01    ", "Nederland", Region("regio", "Nederland", detail="land")),
        ("GM0457  ", "Weesp", Region("opgeheven", "Weesp (GM0457)", detail="nu Amsterdam")),
        ("GM9999  ", "Nergenshuizen", Region("onbekend", "Nergenshuizen (GM9999)")),
    ],
)
def test_code_keys_decide_never_titles(
    matcher: RegionMatcher, key: str, title: str, expected: Region
) -> None:
    """Online, the padded code key decides what a region is; its title is only for the report."""
    assert matcher.match_code(key, title) == expected


def test_latest_complete_year() -> None:
    """Half years and provisional years are passed over while a complete year exists."""
    periods = [
        parse_period("2023JJ00"),
        parse_period("2024JJ00"),
        parse_period("2025HJ01"),
        parse_period("2025JJ00", provisional=True),
    ]
    assert choose_period(periods).label == "2024"
    assert parse_period("2025HJ01").label == "2025 1e halfjaar"
    written = parse_period("2025 1e halfjaar*")  # as a StatLine export writes it
    assert (written.label, written.kind, written.provisional) == (
        "2025 1e halfjaar",
        "halfjaar",
        True,
    )
    assert choose_period([parse_period("2025HJ01"), parse_period("2024KW04")]).label == (
        "2025 1e halfjaar"
    )


def test_topic_columns_by_title() -> None:
    """The total is chosen over a part, whether the title or its group says 'Meldingen'."""
    columns = [
        TopicColumn("A", ("Meldingen", "Meldingen door politie (aantal)")),
        TopicColumn("B", ("Meldingen", "Totaal meldingen (aantal)")),
        TopicColumn("C", ("Adviezen", "Totaal (aantal)")),
    ]
    assert match_columns(columns, {"meldingen": "m", "adviezen": "a"}) == {"B": "m", "C": "a"}
