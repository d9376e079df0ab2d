"""The console script never shows a traceback: a Dutch message and a crash report instead."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from brievenbus.cli import main
from brievenbus.cli.crash_report import write_crash_report
from brievenbus.letters import selection


def test_a_bug_gives_a_message_and_a_report(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unexpected error: exit 1, a short Dutch message and the path of a report
    that holds the traceback."""

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(selection, "select_municipalities", broken)
    monkeypatch.setattr(sys, "argv", ["brief", "gemeenten"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    assert "er ging iets mis in brief zelf (ZeroDivisionError)" in stderr
    match = re.search(r"een verslag met de details staat in (\S+\.txt)", stderr)
    assert match, stderr
    report = Path(match.group(1)).read_text(encoding="utf-8")
    assert "opdracht: brief gemeenten" in report
    assert "Traceback" in report
    assert "ZeroDivisionError: division by zero" in report


def test_a_deleted_working_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run from a folder that no longer exists: a Dutch message, exit 1, no traceback."""
    gone = tmp_path / "weg"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    monkeypatch.setattr(sys, "argv", ["brief", "gemeenten"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 1
    stderr = capsys.readouterr().err
    assert stderr.startswith("Fout: de map waarin u werkt bestaat niet meer")
    assert "Traceback" not in stderr


def test_report_holds_the_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The report is a new file in the cache folder with versions, command and traceback."""
    monkeypatch.setenv("BRIEF_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["brief", "genereer", "Huizen"])
    try:
        raise KeyError("kapot")
    except KeyError as error:
        report = write_crash_report(error)
    assert report is not None
    assert report.parent == tmp_path / "fouten"
    text = report.read_text(encoding="utf-8")
    assert text.startswith("brief ")
    assert "opdracht: brief genereer Huizen" in text
    assert "KeyError: 'kapot'" in text
