"""Matching CBS region names and code keys to our municipalities, and nothing else."""

from __future__ import annotations

import pytest

from brievenbus.cbs.regions import Region, RegionMatcher
from brievenbus.inputs.models import Municipality


def municipality(code: str, naam: str, gangbaar: str | None = None) -> Municipality:
    return Municipality.model_validate(
        {
            "code": code,
            "naam": naam,
            "naam_gangbaar": gangbaar,
            "provincie": "Utrecht",
            "inwoners": {"aantal": "1000", "peildatum": "2026-01-01", "bron": "CBS"},
        }
    )


@pytest.fixture
def matcher() -> RegionMatcher:
    return RegionMatcher(
        [
            municipality("GM0344", "Utrecht"),
            municipality("GM0518", "'s-Gravenhage", "Den Haag"),
            municipality("GM1900", "Súdwest-Fryslân"),
        ]
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Utrecht (gemeente)", Region("gemeente", "Utrecht (gemeente)", "GM0344")),
        ("Utrecht (PV)", Region("regio", "Utrecht (PV)", detail="provincie")),
        ("  Den   Haag ", Region("gemeente", "Den Haag", "GM0518")),
        ("Sudwest Fryslan", Region("gemeente", "Sudwest Fryslan", "GM1900")),
        ("gm0344", Region("gemeente", "GM0344", "GM0344")),
        (
            "Midden-Nederland (RE)",
            Region("regio", "Midden-Nederland (RE)", detail="politie-eenheid"),
        ),
        ("Beemster", Region("opgeheven", "Beemster", detail="nu Purmerend")),
        ("Amsterdam", Region("onbekend", "Amsterdam")),  # not in this matcher's data
    ],
)
def test_names_as_statline_writes_them(
    matcher: RegionMatcher, written: str, expected: Region
) -> None:
    assert matcher.match(written) == expected


@pytest.mark.parametrize(
    ("key", "title", "expected"),
    [
        ("GM0344  ", "Utrecht (PV)", Region("gemeente", "Utrecht (PV)", "GM0344")),
        ("PV26    ", "Utrecht", Region("regio", "Utrecht", detail="provincie")),
        ("GM0370  ", "", Region("opgeheven", "Beemster (GM0370)", detail="nu Purmerend")),
        ("GM0363  ", "Amsterdam", Region("onbekend", "Amsterdam (GM0363)")),
        ("XX1", "Raar", Region("onbekend", "Raar")),
    ],
)
def test_code_keys_decide(matcher: RegionMatcher, key: str, title: str, expected: Region) -> None:
    """Online, the padded key decides; the title is only how the report names the region."""
    assert matcher.match_code(key, title) == expected
