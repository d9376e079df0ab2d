"""Shared helpers: run `brief` in a temporary folder and read letters back."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from brievenbus.cli import app
from brievenbus.cli import common as cli
from brievenbus.inputs.locations import MARKER, packaged_dir


@dataclass
class Result:
    """What a user sees: exit code, standard output and standard error."""

    exit_code: int
    stdout: str
    stderr: str


RunBrief = Callable[..., Result]


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test run gets its own cache folder: a user's (or an earlier run's) cache of
    parsed YAML can never hide a change to the code that parses it."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("BRIEF_CACHE_DIR")
    os.environ["BRIEF_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["BRIEF_CACHE_DIR"]
    else:
        os.environ["BRIEF_CACHE_DIR"] = previous


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory, as a user would start in."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run_brief(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> RunBrief:
    """Run the CLI in the working directory; bugs raise instead of being swallowed.

    The output is as wide as a maximised terminal, so tables do not wrap words.
    """
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(cli.out, "_width", 200)
    monkeypatch.setattr(cli.err, "_width", 200)

    def run(*args: str, catch_exceptions: bool = False) -> Result:
        result = CliRunner().invoke(app, list(args), catch_exceptions=catch_exceptions)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def local_data(workdir: Path) -> Path:
    """A ./data folder with copies of the packaged data, for a test to break."""
    target = workdir / "data"
    shutil.copytree(
        packaged_dir("data"), target, ignore=shutil.ignore_patterns("bronnen"), dirs_exist_ok=True
    )
    return target


@pytest.fixture
def workspace(workdir: Path) -> Path:
    """The working directory as a workspace with the packaged data and templates."""
    return make_workspace(workdir)


def make_workspace(folder: Path) -> Path:
    """A workspace with the packaged data (its example clubs) and templates, and the marker."""
    shutil.copytree(
        packaged_dir("data"),
        folder / "data",
        ignore=shutil.ignore_patterns("bronnen"),
        dirs_exist_ok=True,
    )
    shutil.copytree(packaged_dir("templates"), folder / "templates", dirs_exist_ok=True)
    (folder / MARKER).write_text("werkmap voor een test\n", encoding="utf-8")
    return folder


def read_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, as Word would show them."""
    return [(p.style.name if p.style else "", p.text) for p in docx.Document(str(path)).paragraphs]
