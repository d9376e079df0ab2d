"""Shared helpers: run `brief` in a temporary folder and read letters back."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from brievenbus.cli import app
from brievenbus.cli import common as cli
from brievenbus.inputs.locations import MARKER, packaged_dir
from brievenbus.inputs.yaml_cache import CACHE_ENV


@dataclass
class Result:
    """What a user sees: exit code, standard output and standard error."""

    exit_code: int
    stdout: str
    stderr: str


RunBrief = Callable[..., Result]

pytest_plugins = ("pytester",)  # tests/inputs/test_yaml_cache.py runs this conftest in a sandbox


_CACHE = pytest.StashKey[tuple[Path, str | None]]()


def pytest_configure(config: pytest.Config) -> None:
    """Every test run gets its own cache folder, set before any test module is imported
    (some open the workspace at import time): a user's (or an earlier run's) cache of
    parsed YAML can never hide a change to the code that parses it, and the user's cache
    is never read, written or pruned by the tests."""
    folder = Path(tempfile.mkdtemp(prefix="brievenbus-test-cache-"))
    config.stash[_CACHE] = (folder, os.environ.get(CACHE_ENV))
    os.environ[CACHE_ENV] = str(folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    folder, previous = config.stash[_CACHE]
    if previous is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = previous
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def private_cache(pytestconfig: pytest.Config) -> Path:
    """This run's own cache folder."""
    return pytestconfig.stash[_CACHE][0]


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
        # Whatever a test makes `brief` do, no English from the libraries reaches the user.
        if not catch_exceptions:
            assert english_in(result.stdout + result.stderr) == [], result.stdout + result.stderr
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


# Phrases that only appear when English from Typer, Click, pydantic, PyYAML or Jinja
# reaches the user (tests/test_dutch.py runs every help text and error path).
ENGLISH_MARKERS = (
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Show this message",
    "Invalid value",
    "No such option",
    "No such command",
    "Missing argument",
    "Missing option",
    "Missing command",
    "Possible options",
    "Try '",
    "for help",
    "requires an argument",
    "unexpected extra argument",
    "Input should",
    "Field required",
    "Extra inputs",
    "Value error",
    "String should",
    "did not find expected",
    "but found",
    "found unexpected",
    "found character",
    "could not find",
    "mapping values",
    "Node(",
    "[default:",
    "[required]",
    "<bool>",
    "<str>",
    "<int",
    "<path>",
    "list[str]",
    "x>=",
    "Error",
    "Aborted",
    "is undefined",
    "has no attribute",
    "has no element",
    "is unsafe",
    "No filter named",
    "No test named",
    "unexpected char",
    "expected token",
    "Expected an expression",
    "Traceback",
    "' or '",
)


def english_in(text: str) -> list[str]:
    """The English marker phrases found in what a user sees."""
    return [marker for marker in ENGLISH_MARKERS if marker in text]
