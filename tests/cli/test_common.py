"""What every command shares: Dutch errors without traceback, warnings, --datum."""

from __future__ import annotations

import datetime
import gc
from pathlib import Path

import pytest
import typer

from brievenbus.cli.common import data_loaded, fail, open_workspace, parse_date, say, warn
from brievenbus.errors import DataError, Problem


def test_parse_date() -> None:
    assert parse_date("2026-03-18") == datetime.date(2026, 3, 18)
    assert parse_date(None) is None
    with pytest.raises(typer.BadParameter, match="'18-3-2026' is geen datum; schrijf JJJJ-MM-DD"):
        parse_date("18-3-2026")


def test_fail_prints_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    error = DataError(
        Problem(
            Path("data/clubs.yaml"),
            3,
            "clubs[0].email: heeft niet de juiste vorm",
            "schrijf naam@voorbeeld.nl",
        ),
        Problem(None, None, "nog iets"),
    )
    with pytest.raises(typer.Exit) as caught:
        fail(error)
    assert caught.value.exit_code == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "Fout: data/clubs.yaml:3: clubs[0].email: heeft niet de juiste vorm\n  → schrijf naam@voorbeeld.nl\nFout: nog iets\n"
    )


def test_warn_and_say(capsys: pytest.CaptureFixture[str]) -> None:
    warn("let hierop [niet vet]")
    say("klaar: brieven/huizen.docx")
    captured = capsys.readouterr()
    assert captured.err == "Let op: let hierop [niet vet]\n"
    assert captured.out == "klaar: brieven/huizen.docx\n"


def test_open_workspace_reports_data_errors(
    small_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert open_workspace(small_data).dataset.find_municipality("Huizen").code == "GM0406"
    (small_data / "clubs.yaml").write_text("clubs: [\n", encoding="utf-8")
    with pytest.raises(typer.Exit) as caught:
        open_workspace(small_data)
    assert caught.value.exit_code == 1
    assert "clubs.yaml:2: " in capsys.readouterr().err


def test_plain_shows_data_as_typed() -> None:
    """Square brackets are not rich markup and control characters are written out."""
    from brievenbus.cli.common import plain

    assert plain("Huizen [/] [red]") == "Huizen \\[/] \\[red]"
    assert plain("a\x1b[0m") == "a\\x1b[0m"


def test_data_loaded_ends_start_up() -> None:
    """After start-up (collector off), what is loaded is frozen and collection resumes."""
    gc.disable()
    try:
        data_loaded()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 1000  # modules and data: never walked again
    finally:
        gc.unfreeze()
        gc.enable()


def test_data_loaded_leaves_a_running_collector_alone() -> None:
    """Called from Python or the tests (collector on), nothing is frozen."""
    frozen = gc.get_freeze_count()
    data_loaded()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
