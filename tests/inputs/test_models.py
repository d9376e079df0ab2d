"""The data model: what a YAML file may say, and the few things models work out."""

from __future__ import annotations

import datetime

import pytest
from pydantic import ValidationError

from brievenbus.inputs.models import Club, Figure, Measure, Municipality

MEASURE = {
    "id": "x",
    "titel": "T",
    "pijler": "beleid",
    "artikelen": ["10"],
    "tekst": "t",
    "bron": "b",
    "contexten": ["verkiezingen"],
}


@pytest.mark.parametrize(
    ("value", "expected"), [("ja", True), ("Nee", False), ("true", True), ("0", False)]
)
def test_yes_no_in_dutch_or_english(value: str, expected: bool) -> None:
    assert (
        Club.model_validate({"id": "c", "naam": "C", "ondertekend": value}).ondertekend is expected
    )


def test_yes_no_refuses_anything_else() -> None:
    with pytest.raises(ValidationError, match="moet ja of nee zijn"):
        Club.model_validate({"id": "c", "naam": "C", "standaard": "misschien"})


def test_unknown_keys_are_errors_not_ignored() -> None:
    with pytest.raises(ValidationError, match="emial"):
        Club.model_validate({"id": "c", "naam": "C", "emial": "x@y.nl"})


@pytest.mark.parametrize("code", ["GM406", "gm0406", "0406"])
def test_municipality_code_is_gm_and_four_digits(code: str) -> None:
    with pytest.raises(ValidationError):
        Municipality.model_validate(
            {
                "code": code,
                "naam": "Huizen",
                "provincie": "Noord-Holland",
                "inwoners": {"aantal": "1", "peildatum": "2026-01-01", "bron": "CBS"},
            }
        )


def test_common_name_falls_back_to_the_official_one() -> None:
    base = {
        "code": "GM0518",
        "naam": "'s-Gravenhage",
        "provincie": "Zuid-Holland",
        "inwoners": {"aantal": "1", "peildatum": "2026-01-01", "bron": "CBS"},
    }
    assert Municipality.model_validate(base).common_name == "'s-Gravenhage"
    assert (
        Municipality.model_validate({**base, "naam_gangbaar": "Den Haag"}).common_name == "Den Haag"
    )


def test_measures_sort_by_pillar_then_first_article() -> None:
    measures = [
        Measure.model_validate({**MEASURE, "id": "c", "pijler": "beleid", "artikelen": ["7"]}),
        Measure.model_validate(
            {**MEASURE, "id": "b", "pijler": "preventie", "artikelen": ["15", "13"]}
        ),
        Measure.model_validate({**MEASURE, "id": "a", "pijler": "preventie", "artikelen": ["14"]}),
    ]
    assert [m.id for m in sorted(measures, key=lambda m: m.sort_key)] == ["b", "a", "c"]


@pytest.mark.parametrize(
    ("period", "year"),
    [("2024", 2024), ("2024 1e halfjaar", 2024), ("2023-2024", 2024), ("onbekend", None)],
)
def test_figure_year_is_the_last_year_of_its_period(period: str, year: int | None) -> None:
    figure = Figure(waarde=1, periode=period, bron="CBS", opgehaald=datetime.date(2026, 1, 1))
    assert figure.year == year
