"""Municipal mergers: which letters a merger changes, and how the merged municipality looks."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from brievenbus.inputs.models import Municipality
from brievenbus.letters.mergers import as_of, merger_index, merger_warnings

D = datetime.date


def municipality(code: str, naam: str, aantal: int, **extra: Any) -> Municipality:
    return Municipality.model_validate(
        {
            "code": code,
            "naam": naam,
            "provincie": "Noord-Holland",
            "inwoners": {"aantal": aantal, "peildatum": "2026-01-01", "bron": f"CBS {naam}"},
            **extra,
        }
    )


def pair(status: str, **merger: Any) -> list[Municipality]:
    herindeling = {
        "datum": "2027-01-01",
        "status": status,
        "voegt_toe": ["GM1696"],
        "bron": "wet",
        **merger,
    }
    return [
        municipality(
            "GM0402", "Hilversum", 94_000, naam_gangbaar="'t Gooi", herindeling=herindeling
        ),
        municipality("GM1696", "Wijdemeren", 24_000),
        municipality("GM0406", "Huizen", 41_000),
    ]


def test_every_member_points_to_the_merger() -> None:
    index = merger_index(pair("beoogd"))
    assert set(index) == {"GM0402", "GM1696"}
    assert index["GM0402"] is index["GM1696"]
    assert index["GM0402"].continuing.naam == "Hilversum"
    assert [m.naam for m in index["GM0402"].joining] == ["Wijdemeren"]


@pytest.mark.parametrize(
    ("status", "on", "in_effect"),
    [
        ("beoogd", D(2027, 6, 1), False),
        ("besloten", D(2026, 12, 31), False),
        ("besloten", D(2027, 1, 1), True),
    ],
)
def test_only_a_decided_merger_on_or_after_its_date_changes_letters(
    status: str, on: datetime.date, in_effect: bool
) -> None:
    municipalities = pair(status)
    info = merger_index(municipalities)["GM1696"]
    assert info.in_effect(on) is in_effect
    letter_to = as_of(municipalities[1], info, on)
    assert (letter_to.code == "GM0402") is in_effect


def test_the_merged_municipality_sums_inhabitants_and_names_its_sources() -> None:
    municipalities = pair("besloten", naam="Gooise Meren-Noord", raad={"zetels": 39, "bron": "wet"})
    merged = as_of(municipalities[0], merger_index(municipalities)["GM0402"], D(2027, 1, 1))
    assert (merged.code, merged.naam, merged.naam_gangbaar) == (
        "GM0402",
        "Gooise Meren-Noord",
        None,
    )
    assert merged.inwoners.aantal == 118_000
    assert (
        merged.inwoners.bron == "som van Hilversum (CBS Hilversum) en Wijdemeren (CBS Wijdemeren)"
    )
    assert merged.raad.zetels == 39
    assert merged.herindeling is None


def test_without_a_new_council_in_the_data_the_letter_says_since_when() -> None:
    municipalities = pair("besloten")
    merged = as_of(municipalities[0], merger_index(municipalities)["GM0402"], D(2027, 2, 1))
    assert merged.naam == "Hilversum"
    assert merged.naam_gangbaar == "'t Gooi"
    assert merged.raad.opmerking == "Sinds 1 januari 2027 samen met Wijdemeren (wet)."


def test_a_proposed_merger_past_its_date_asks_for_the_data_to_be_updated() -> None:
    municipalities = pair("beoogd")
    info = merger_index(municipalities)["GM1696"]
    assert merger_warnings(municipalities[1], info, D(2026, 12, 31)) == []
    (warning,) = merger_warnings(municipalities[1], info, D(2027, 1, 1))
    assert warning == (
        "De herindeling van Hilversum en Wijdemeren per 1 januari 2027 staat in de gegevens nog als"
        " beoogd; de brief aan Wijdemeren gaat uit van de oude gemeente. Zet bij 'herindeling' de"
        " status op 'besloten' als de wet is aangenomen."
    )
    assert merger_warnings(municipalities[2], None, D(2027, 1, 1)) == []
