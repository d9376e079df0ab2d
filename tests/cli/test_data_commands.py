"""`brief maatregelen`, `brief gemeenten`, `brief clubs` called as functions: tables of the data."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from brievenbus.cli.data_commands import list_clubs, list_measures, list_municipalities


def test_measures_of_one_pillar(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    list_measures(pillar="bescherming")
    out = capsys.readouterr().out
    assert "Bescherming en opvang" in out
    assert "tijdelijk-huisverbod" in out
    assert "Preventie" not in out
    assert "onderwijs" not in out


def test_unknown_pillar(workdir: Path) -> None:
    with pytest.raises(
        typer.BadParameter, match="kies uit: preventie, bescherming, vervolging, beleid"
    ):
        list_measures(pillar="opvang")


def test_municipalities_of_a_club_with_parties(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    list_municipalities(province=None, club_id="almere", with_figures=False, data_dir=small_data)
    rows = [line for line in capsys.readouterr().out.splitlines() if "GM" in line]
    assert len(rows) == 1
    assert "Almere" in rows[0]
    assert "232.650" in rows[0]


def test_figures_view_without_figures_says_how_to_get_them(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    list_municipalities(province=None, club_id=None, with_figures=True, data_dir=small_data)
    assert capsys.readouterr().err == (
        "Let op: er zijn nog geen lokale cijfers; lees ze in met 'brief importeer cbs --online'"
        " (of uit een StatLine-export: BESTAND.csv).\n"
    )


def test_unknown_club_exits_1(small_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as caught:
        list_municipalities(province=None, club_id="gooi", with_figures=False, data_dir=small_data)
    assert caught.value.exit_code == 1
    assert capsys.readouterr().err.startswith("Fout: club 'gooi' bestaat niet")


def test_clubs(small_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    list_clubs(data_dir=small_data)
    out = capsys.readouterr().out
    assert "bussum@soroptimist.nl" in out
    assert [line.split("│")[1].strip() for line in out.splitlines() if line.count("│") > 3] == [
        "bussum-eo",
        "almere",
        "unie",
    ]
