"""The `brief` program as a user starts it: `python -m brievenbus`, every command's --help."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest
import typer

from brievenbus.cli.app import app
from tests.conftest import RunBrief


def command_paths(command: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, as the words a user types."""
    paths = [prefix]
    subcommands: dict[str, object] = getattr(command, "commands", {})
    for name, sub in sorted(subcommands.items()):
        paths += command_paths(sub, (*prefix, name))
    return paths


COMMANDS = command_paths(typer.main.get_command(app))


def test_all_commands_are_there() -> None:
    names = {path[0] for path in COMMANDS if path}
    assert names == {
        "genereer",
        "voorbeeld",
        "init",
        "opvolging",
        "controleer",
        "maatregelen",
        "gemeenten",
        "clubs",
        "schema",
        "importeer",
    }
    assert ("importeer", "cbs") in COMMANDS


def test_help_of_every_command_through_python_m_brievenbus() -> None:
    """`python -m brievenbus [COMMAND…] --help` exits 0 and shows that command's help."""
    environment = {**os.environ, "COLUMNS": "200"}
    running = {
        path: subprocess.Popen(
            [sys.executable, "-m", "brievenbus", *path, "--help"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            text=True,
        )
        for path in COMMANDS
    }
    shown = {}
    for path, process in running.items():
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, (path, stderr)
        assert "Traceback" not in stderr
        shown[path] = stdout
    for path, stdout in shown.items():
        assert f"Gebruik: python -m brievenbus {' '.join(path)}".replace("  ", " ") in stdout, path
    assert "Pleitbrieven over het Verdrag van Istanbul" in shown[()]
    assert "Voorbeeld" in shown[("genereer",)]


def test_version(run_brief: RunBrief) -> None:
    result = run_brief("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("brief 0.")


def test_start_up_runs_without_garbage_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The console script keeps the collector off while modules and data load."""
    import brievenbus.__main__ as entry
    import brievenbus.cli

    collecting: list[bool] = []
    monkeypatch.setattr(brievenbus.cli, "main", lambda: collecting.append(gc.isenabled()))
    try:
        entry.main()
    finally:
        gc.enable()
    assert collecting == [False]
