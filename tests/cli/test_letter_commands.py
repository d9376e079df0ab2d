"""`brief genereer` and `brief voorbeeld`: planning without writing, the resume command, parties."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from brievenbus.cli.letter_commands import _resume_command
from tests.conftest import RunBrief


def test_resume_command_is_what_the_user_typed_plus_hervat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "argv", ["brief", "genereer", "Den Haag", "--alle", "--hervat", "--pdf"]
    )
    assert _resume_command() == "brief genereer 'Den Haag' --alle --pdf --hervat"


def test_dry_run_plans_and_writes_nothing(run_brief: RunBrief, workdir: Path) -> None:
    result = run_brief("genereer", "Groningen", "Huizen", "--per-fractie", "--proef")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "brieven/groningen/groenlinks-partij-van-de-arbeid-pvda.docx  (GM0014 GROENLINKS /"
        " Partij van de Arbeid (PvdA), namens Unie van Soroptimistclubs in het Koninkrijk der"
        " Nederlanden en in Suriname)"
    )
    assert lines[-1] == f"{len(lines) - 1} brieven gepland; er is niets geschreven (--proef)."
    assert list(workdir.iterdir()) == []


def test_preview_for_a_party_by_its_abbreviation(run_brief: RunBrief, workdir: Path) -> None:
    result = run_brief("voorbeeld", "Groningen", "--fractie", "sp")
    assert result.exit_code == 0, result.stderr
    assert "SP (Socialistische Partij)" in result.stdout
    assert list(workdir.iterdir()) == []


def test_an_unknown_party_is_a_dutch_error(run_brief: RunBrief) -> None:
    result = run_brief("voorbeeld", "Huizen", "--fractie", "Piratenpartij")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Fout: Huizen heeft geen fractie 'Piratenpartij'\n  → fracties: "
    )
