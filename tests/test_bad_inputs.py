"""The bad-input catalogue: each folder in tests/bad_inputs/ is a small broken workspace.

A case holds the files that differ from the packaged defaults (``data/…``,
``templates/…``), the command (``opdracht``) and the exact start of what the
user must see on stderr (``verwacht``). The test makes a workspace (marker,
the packaged data and templates) and puts the case's files over it. Big or
binary hostile files (a zip bomb, a huge logo) are not committed: the case's
``maak`` file names a generator in tests/hostile_files.py and the file it
writes, one per line. Every case must exit 1 with a Dutch
message naming the place, show no traceback and leave no file behind.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

from tests import hostile_files
from tests.conftest import RunBrief, english_in, make_workspace

CASES_DIR = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


def make_hostile_files(source: Path, workdir: Path) -> None:
    """Write the files a case's ``maak`` lists: '<generator> <path>' per line."""
    recipe = source / "maak"
    if not recipe.exists():
        return
    for line in recipe.read_text(encoding="utf-8").splitlines():
        if line.strip():
            generator, target = line.split()
            (workdir / target).parent.mkdir(parents=True, exist_ok=True)
            getattr(hostile_files, generator)(workdir / target)


def snapshot(folder: Path) -> set[Path]:
    """Every file below a folder."""
    return {p.relative_to(folder) for p in folder.rglob("*")}


def test_catalogue_has_at_least_twenty_cases() -> None:
    """The catalogue covers many kinds of mistakes."""
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case: str, run_brief: RunBrief, workdir: Path) -> None:
    """The broken workspace gives exactly the expected Dutch message, exit 1, and writes nothing."""
    source = CASES_DIR / case
    make_workspace(workdir)
    shutil.copytree(
        source,
        workdir,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("opdracht", "verwacht", "maak"),
    )
    make_hostile_files(source, workdir)
    before = snapshot(workdir)
    args = shlex.split((source / "opdracht").read_text(encoding="utf-8"))
    expected = (source / "verwacht").read_text(encoding="utf-8")

    result = run_brief(*args)

    assert result.exit_code == 1
    assert result.stderr.startswith(expected), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert english_in(result.stdout + result.stderr) == []
    assert snapshot(workdir) == before
