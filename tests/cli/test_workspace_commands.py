"""`brief init`, `brief controleer` and `brief schema` called as functions."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from brievenbus.cli.workspace_commands import check, init_workspace, write_schemas


def test_init_says_what_to_do_next(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    init_workspace(Path("mijn brieven"))
    out = capsys.readouterr().out
    assert out.startswith("Werkmap gemaakt (")
    assert out.endswith(
        "Volgende stap: vul data/clubs.yaml in (zie LEESMIJ.md), dan cd 'mijn brieven' en dan brief controleer.\n"
    )
    with pytest.raises(typer.Exit) as caught:
        init_workspace(Path("mijn brieven"))
    assert caught.value.exit_code == 1


def test_check_a_good_workspace(
    small_data: Path, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(data_dir=small_data)
    out = capsys.readouterr().out
    assert "Alles in orde: 3 gemeenten, " in out
    assert "82 brieven op proef gemaakt (" in out


def test_check_counts_the_problems_and_exits_1(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clubs = small_data / "clubs.yaml"
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace("standaard: ja", "standaard: [ja]"),
        encoding="utf-8",
    )
    with pytest.raises(typer.Exit) as caught:
        check(data_dir=small_data)
    assert caught.value.exit_code == 1
    err = capsys.readouterr().err
    assert "clubs[2].standaard: " in err
    assert err.endswith("1 probleem gevonden.\n")


def test_schema_lists_what_it_wrote(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_schemas(Path("schema"))
    assert capsys.readouterr().out.splitlines() == [
        "geschreven: schema/municipalities.schema.json",
        "geschreven: schema/measures.schema.json",
        "geschreven: schema/clubs.schema.json",
        "geschreven: schema/facts.schema.json",
    ]
