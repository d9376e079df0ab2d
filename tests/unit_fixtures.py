"""Workspaces for the unit tests (tests/<subpackage>/): the packaged one, opened once, and
a small editable one (three municipalities, the packaged clubs, measures and facts).

Each subpackage's conftest.py imports these fixtures.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest
import yaml

from brievenbus.inputs.locations import packaged_dir
from brievenbus.letters.workspace import Workspace

SMALL = ("GM0406", "GM0034", "GM0014")  # Huizen (bussum-eo), Almere (almere), Groningen (unie)


@cache
def _small_municipalities() -> str:
    text = (packaged_dir("data") / "municipalities.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    data["gemeenten"] = [m for m in data["gemeenten"] if m["code"] in SMALL]
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    """An editable data folder with three municipalities."""
    folder = tmp_path / "data"
    shutil.copytree(packaged_dir("data"), folder, ignore=shutil.ignore_patterns("bronnen"))
    (folder / "municipalities.yaml").write_text(_small_municipalities(), encoding="utf-8")
    return folder


@cache
def _packaged_workspace() -> Workspace:
    return Workspace.open(packaged_dir("data"), packaged_dir("templates"))


@pytest.fixture
def packaged_workspace() -> Workspace:
    """The packaged data and templates, opened once per run (read-only: do not change it)."""
    return _packaged_workspace()
