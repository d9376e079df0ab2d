"""Where files are found: --data/--sjablonen first, then ./data or ./templates, then the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.locations import candidate_paths, find_file, packaged_dir


def test_packaged_folders_hold_the_defaults() -> None:
    assert (packaged_dir("data") / "municipalities.yaml").is_file()
    assert (packaged_dir("templates") / "huisstijl.docx").is_file()


def test_candidates_in_order(workdir: Path) -> None:
    explicit = workdir / "eigen"
    assert list(candidate_paths("clubs.yaml", "data", explicit)) == [
        explicit / "clubs.yaml",
        workdir / "data" / "clubs.yaml",
        packaged_dir("data") / "clubs.yaml",
    ]
    assert list(candidate_paths("clubs.yaml", "data", None)) == [
        workdir / "data" / "clubs.yaml",
        packaged_dir("data") / "clubs.yaml",
    ]


def test_the_first_existing_file_wins(workdir: Path) -> None:
    assert find_file("clubs.yaml", "data", None) == packaged_dir("data") / "clubs.yaml"
    (workdir / "data").mkdir()
    (workdir / "data" / "clubs.yaml").write_text("clubs: []\n", encoding="utf-8")
    assert find_file("clubs.yaml", "data", None) == workdir / "data" / "clubs.yaml"
    (workdir / "eigen").mkdir()
    (workdir / "eigen" / "clubs.yaml").write_text("clubs: []\n", encoding="utf-8")
    assert find_file("clubs.yaml", "data", workdir / "eigen") == workdir / "eigen" / "clubs.yaml"


def test_a_file_found_nowhere(workdir: Path) -> None:
    with pytest.raises(DataError) as caught:
        find_file("onbekend.yaml", "data", None)
    problem = caught.value.problems[0]
    assert problem.message == "data/onbekend.yaml niet gevonden"
    assert "--data" in problem.hint
