"""Pydantic's verdict as Dutch problems at file:line, with a hint each."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.models import ClubsFile, MeasuresFile
from brievenbus.inputs.validation import validate
from brievenbus.inputs.yaml_reader import read_yaml


def problems(
    tmp_path: Path, text: str, model: type[ClubsFile] | type[MeasuresFile]
) -> list[tuple[int | None, str, str]]:
    path = tmp_path / "gegevens.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(read_yaml(path), model)
    return [(p.line, p.message, p.hint) for p in caught.value.problems]


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    text = "clubs:\n  - id: a\n    naam: A\n    emial: a@b.nl\n"
    assert problems(tmp_path, text, ClubsFile) == [
        (4, "clubs[0].emial: onbekend veld 'emial'", "bedoelt u 'email'?")
    ]


def test_missing_field_and_bad_values_all_reported(tmp_path: Path) -> None:
    text = "clubs:\n  - id: Met Spaties\n    email: geen-adres\n    ondertekend: soms\n"
    assert problems(tmp_path, text, ClubsFile) == [
        (
            2,
            "clubs[0].id: heeft niet de juiste vorm (nu: 'Met Spaties')",
            "gebruik kleine letters, cijfers en streepjes, bv. 'opvang-24-7'",
        ),
        (
            2,
            "clubs[0].naam: verplicht veld ontbreekt",
            "vul in: de naam van uw club zoals onder de brief",
        ),
        (
            3,
            "clubs[0].email: heeft niet de juiste vorm (nu: 'geen-adres')",
            "schrijf precies één e-mailadres, zonder naam erbij, bv. naam@voorbeeld.nl",
        ),
        (4, "clubs[0].ondertekend: moet ja of nee zijn", "controleer de waarde"),
    ]


def test_article_out_of_range_and_unknown_pillar(tmp_path: Path) -> None:
    text = (
        "maatregelen:\n  - id: x\n    titel: T\n    pijler: opvang\n    artikelen: [100]\n"
        "    tekst: t\n    bron: b\n    contexten: [verkiezingen]\n"
    )
    found = problems(tmp_path, text, MeasuresFile)
    assert found[0][:2] == (4, "maatregelen[0].pijler: onbekende waarde (nu: 'opvang')")
    assert found[0][2].startswith("kies uit: 'preventie'")
    assert found[1] == (
        5,
        "maatregelen[0].artikelen[0]: getal buiten het bereik (nu: '100')",
        "het verdrag heeft artikelen 1 tot en met 81",
    )


def test_an_empty_file_is_a_missing_top_level_key(tmp_path: Path) -> None:
    assert problems(tmp_path, "# leeg\n", ClubsFile) == [
        (1, "clubs: verplicht veld ontbreekt", "vul in: de clubs die brieven versturen")
    ]


def test_valid_data_gives_the_model(tmp_path: Path) -> None:
    path = tmp_path / "clubs.yaml"
    path.write_text("clubs:\n  - id: a\n    naam: A\n    ondertekend: ja\n", encoding="utf-8")
    clubs = validate(read_yaml(path), ClubsFile)
    assert (clubs.clubs[0].id, clubs.clubs[0].ondertekend) == ("a", True)
