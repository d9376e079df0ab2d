"""`--fractie` on genereer and voorbeeld: a party by any usual name, or the candidates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunBrief, read_paragraphs

PVDA_ALMERE = "GROENLINKS / Partij van de Arbeid (PvdA)"


@pytest.mark.parametrize(
    "query", ["PvdA", "pvda", "groenlinks", "groenlinks-partij-van-de-arbeid-pvda", PVDA_ALMERE]
)
def test_genereer_fractie_writes_only_that_partys_letter(
    run_brief: RunBrief, workdir: Path, query: str
) -> None:
    """--fractie implies one letter per party, for that party only, addressed to it."""
    result = run_brief("genereer", "Almere", "--fractie", query, "--datum", "2026-04-28")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "nieuw: brieven/almere/groenlinks-partij-van-de-arbeid-pvda.docx  (verkiezingen,"
        " 6 maatregelen, namens Soroptimistclub Almere)\n"
    )
    letters = sorted(p.name for p in (workdir / "brieven" / "almere").iterdir())
    assert letters == ["groenlinks-partij-van-de-arbeid-pvda.docx"]
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "almere" / letters[0])]
    assert f"Geachte fractievoorzitter van {PVDA_ALMERE}," in text
    assert any(t.endswith("\nSoroptimistclub Almere") for t in text[-4:])


def test_genereer_fractie_by_abbreviation_in_brackets(run_brief: RunBrief, workdir: Path) -> None:
    """'SGP' finds 'Staatkundig Gereformeerde Partij (SGP)'."""
    result = run_brief("genereer", "Stadskanaal", "--fractie", "SGP")
    assert result.exit_code == 0, result.stderr
    assert (
        workdir / "brieven" / "stadskanaal" / "staatkundig-gereformeerde-partij-sgp.docx"
    ).exists()


def test_genereer_fractie_ambiguous_lists_candidates(run_brief: RunBrief, workdir: Path) -> None:
    """A part of several names: the candidates, exit 1, nothing written."""
    result = run_brief("genereer", "Almere", "--fractie", "partij")
    assert result.exit_code == 1
    assert "Fout: 'partij' past bij meer dan één fractie in Almere: " in result.stderr
    assert "Almere Partij" in result.stderr
    assert "Partij voor de Dieren" in result.stderr
    assert not (workdir / "brieven").exists()


def test_genereer_fractie_unknown_names_the_parties(run_brief: RunBrief, workdir: Path) -> None:
    """A party the council does not have: the parties it has, exit 1."""
    result = run_brief("genereer", "Huizen", "--fractie", "Piratenpartij")
    assert result.exit_code == 1
    assert "Fout: Huizen heeft geen fractie 'Piratenpartij'" in result.stderr
    assert "fracties: " in result.stderr
    assert not (workdir / "brieven").exists()


def test_genereer_fractie_in_a_group_skips_councils_without_it(
    run_brief: RunBrief, workdir: Path
) -> None:
    """--provincie with --fractie: only councils that have the party get a letter."""
    result = run_brief("genereer", "--provincie", "Groningen", "--fractie", "SGP", "--proef")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.endswith(")")]
    assert lines
    assert all("/staatkundig-gereformeerde-partij-sgp.docx" in line for line in lines)


@pytest.mark.parametrize("query", ["PvdA", "sgp", "Staatkundig"])
def test_voorbeeld_fractie(run_brief: RunBrief, query: str) -> None:
    """voorbeeld --fractie shows the letter to that party's leader."""
    municipality = "Almere" if query == "PvdA" else "Stadskanaal"
    result = run_brief("voorbeeld", municipality, "--fractie", query)
    assert result.exit_code == 0, result.stderr
    assert "Geachte fractievoorzitter van" in result.stdout
    party = PVDA_ALMERE if query == "PvdA" else "Staatkundig Gereformeerde Partij (SGP)"
    assert party.split(" (")[0].split(" /")[0] in result.stdout
