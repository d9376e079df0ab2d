"""YAML → models: YAML 1.1 traps, and every error names file:line in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.dataset import load_dataset
from brievenbus.inputs.yaml_reader import read_yaml
from tests.conftest import RunBrief


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a data file as a user would, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line on which text last appears (a duplicate is reported where it repeats)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, 1) if text in line)


def test_yaml_11_traps_stay_text(tmp_path: Path) -> None:
    """Codes, 'no', 'ja' and numbers with leading zeros stay exactly as typed."""
    path = tmp_path / "x.yaml"
    path.write_text("code: GM0406\nnaam: no\nandere: ja\nnul: 0406\nleeg:\n", encoding="utf-8")
    data = read_yaml(path).data
    assert data == {"code": "GM0406", "naam": "no", "andere": "ja", "nul": "0406", "leeg": None}


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    """Files saved by Windows editors (BOM, CRLF) read the same."""
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufeffnaam: Súdwest-Fryslân\r\nzetels: 27\r\n".encode())
    assert read_yaml(path).data == {"naam": "Súdwest-Fryslân", "zetels": "27"}


FIRST_MEASURE = "  - id: coordinatiepunt\n    titel: Gemeentelijk coördinatiepunt\n    pijler: beleid\n    artikelen: [7, 18]\n"


@pytest.mark.parametrize(
    ("new", "marker", "message", "hint"),
    [
        (
            FIRST_MEASURE.replace("    pijler", "    titel: Nog een\n    pijler"),
            "titel: Nog een",
            "maatregelen[0].titel: staat twee keer in hetzelfde blok",
            "verwijder een van de twee regels",
        ),
        (
            FIRST_MEASURE.replace("[7, 18]", "[7, 100]"),
            "artikelen: [7, 100]",
            "maatregelen[0].artikelen[1]: getal buiten het bereik (nu: '100')",
            "het verdrag heeft artikelen 1 tot en met 81",
        ),
        (
            FIRST_MEASURE.replace("pijler: beleid", "pijler: bleid"),
            "pijler: bleid",
            "maatregelen[0].pijler: onbekende waarde (nu: 'bleid')",
            "kies uit: 'preventie', 'bescherming', 'vervolging' of 'beleid'",
        ),
        (
            FIRST_MEASURE.replace("    titel: Gemeentelijk coördinatiepunt\n", ""),
            "- id: coordinatiepunt",
            "maatregelen[0].titel: verplicht veld ontbreekt",
            "vul in: de titel van de maatregel in de brief",
        ),
        (
            FIRST_MEASURE.replace("    titel:", "    title:"),
            "title:",
            "maatregelen[0].title: onbekend veld 'title'",
            "bedoelt u 'titel'?",
        ),
        (
            FIRST_MEASURE.replace("id: coordinatiepunt", "id: onderwijs"),
            "id: onderwijs",
            "maatregelen[3].id: 'onderwijs' komt twee keer voor (ook bij maatregelen[0])",
            "elke id moet uniek zijn",
        ),
        (
            FIRST_MEASURE.replace("    pijler", "\tpijler"),
            "\tpijler: beleid",
            "een tab-teken",
            "vervang de tab door spaties",
        ),
        (
            FIRST_MEASURE.replace(
                "titel: Gemeentelijk coördinatiepunt", "titel: Gemeentelijk: coördinatiepunt"
            ),
            "titel: Gemeentelijk: coördinatiepunt",
            "een dubbele punt op een plek waar die niet mag",
            "zet tekst met een dubbele punt tussen aanhalingstekens",
        ),
    ],
)
def test_measure_errors_name_file_and_line(
    run_brief: RunBrief, local_data: Path, new: str, marker: str, message: str, hint: str
) -> None:
    """A broken measure gives data/measures.yaml:LINE, a Dutch message and hint, exit 1, no traceback."""
    path = local_data / "measures.yaml"
    replace_in(path, FIRST_MEASURE, new)
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert f"Fout: data/measures.yaml:{line_of(path, marker)}: {message}" in result.stderr
    assert hint in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("brieven").exists()


def test_unknown_club_reference_suggests(run_brief: RunBrief, local_data: Path) -> None:
    """A municipality pointing to a club that does not exist: file, line and did-you-mean."""
    path = local_data / "municipalities.yaml"
    replace_in(path, "  naam: Huizen\n", "  naam: Huizen\n  club: bussum\n")
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert f"data/municipalities.yaml:{line_of(path, 'club: bussum')}: gemeenten[" in result.stderr
    assert "].club: onbekende club 'bussum'" in result.stderr
    assert "bedoelt u 'bussum-eo'?" in result.stderr


def test_municipality_code_must_look_like_a_code(run_brief: RunBrief, local_data: Path) -> None:
    """'code: 406' is refused with an example of a real code."""
    path = local_data / "municipalities.yaml"
    replace_in(path, "code: GM0406", "code: 406")
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert f"data/municipalities.yaml:{line_of(path, 'code: 406')}:" in result.stderr
    assert "heeft niet de juiste vorm (nu: '406')" in result.stderr
    assert "bv. GM0406" in result.stderr


def test_all_problems_are_reported_at_once(local_data: Path) -> None:
    """Two broken files give two problems in one error, not one at a time."""
    replace_in(local_data / "measures.yaml", "pijler: beleid", "pijler: bleid")
    replace_in(local_data / "clubs.yaml", "plaats: Huizen", "plaatss: Huizen")
    with pytest.raises(DataError) as caught:
        load_dataset(local_data)
    assert len(caught.value.problems) == 2


def test_file_that_is_not_utf8(run_brief: RunBrief, local_data: Path) -> None:
    """A file saved as Windows-1252 gets a hint on how to save it as UTF-8."""
    (local_data / "clubs.yaml").write_bytes("clubs:\n  - id: caf\xe9\n".encode("cp1252"))
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert "data/clubs.yaml:2: dit bestand is geen UTF-8" in result.stderr
    assert "UTF-8" in result.stderr


def test_every_required_field_says_what_it_is_for() -> None:
    """'verplicht veld ontbreekt' always comes with the field's purpose: every required field
    of every data model has a (Dutch) description."""
    from pydantic import BaseModel

    from brievenbus.inputs import models

    for model in vars(models).values():
        if (
            isinstance(model, type)
            and issubclass(model, models.Strict)
            and model is not models.Strict
        ):
            assert issubclass(model, BaseModel)
            for name, info in model.model_fields.items():
                if info.is_required():
                    assert info.description, f"{model.__name__}.{name} zegt niet waarvoor het is"
