"""Where files are found: the option's folder, the workspace found upward, then the package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.locations import (
    MARKER,
    Sources,
    check_regular_file,
    find_workspace_root,
    packaged_dir,
)


def test_packaged_folders_hold_the_defaults() -> None:
    assert (packaged_dir("data") / "municipalities.yaml").is_file()
    assert (packaged_dir("templates") / "huisstijl.docx").is_file()


def test_the_workspace_is_found_from_any_folder_inside_it(workdir: Path) -> None:
    """Like git: the nearest folder upward with the marker; none outside."""
    assert find_workspace_root(workdir) is None
    (workdir / MARKER).write_text("werkmap\n", encoding="utf-8")
    (workdir / "data" / "diep").mkdir(parents=True)
    assert find_workspace_root(workdir / "data" / "diep") == workdir.resolve()


def test_an_older_workspace_is_found_by_its_files(workdir: Path) -> None:
    """Made before the marker: brief's data files in data/, or a letter template in templates/."""
    (workdir / "data").mkdir()
    (workdir / "data" / "notities.txt").write_text("x", encoding="utf-8")
    assert find_workspace_root(workdir) is None
    (workdir / "data" / "measures.yaml").write_text("maatregelen: []\n", encoding="utf-8")
    assert find_workspace_root(workdir) == workdir.resolve()


def test_folders_in_order(workdir: Path) -> None:
    explicit = workdir / "eigen"
    sources = Sources(workdir, explicit, None)
    assert sources.folders("data") == (explicit, workdir / "data", packaged_dir("data"))
    assert sources.folders("templates") == (workdir / "templates", packaged_dir("templates"))
    assert Sources().folders("data") == (packaged_dir("data"),)


def test_the_first_existing_file_wins(workdir: Path) -> None:
    sources = Sources(workdir)
    assert sources.find_file("facts.yaml", "data") == packaged_dir("data") / "facts.yaml"
    (workdir / "data").mkdir()
    (workdir / "data" / "facts.yaml").write_text("feiten: []\n", encoding="utf-8")
    assert sources.find_file("facts.yaml", "data") == workdir / "data" / "facts.yaml"


def test_inside_a_workspace_the_clubs_file_never_comes_from_the_package(workdir: Path) -> None:
    with pytest.raises(DataError) as caught:
        Sources(workdir).find_file("clubs.yaml", "data")
    assert "ontbreekt in uw werkmap; er is geen brief gemaakt" in caught.value.problems[0].message
    assert Sources().find_file("clubs.yaml", "data") == packaged_dir("data") / "clubs.yaml"


def test_a_file_found_nowhere(workdir: Path) -> None:
    with pytest.raises(DataError) as caught:
        Sources().find_file("onbekend.yaml", "data")
    problem = caught.value.problems[0]
    assert problem.message == "data/onbekend.yaml niet gevonden"
    assert "--data" in problem.hint
    assert Sources().find_file("onbekend.yaml", "data", required=False) is None


def test_no_file_where_a_file_should_be(workdir: Path) -> None:
    """A broken link, a folder or a pipe: a Dutch error naming the path as the user has it."""
    (workdir / "weg.yaml").symlink_to(workdir / "nergens.yaml")
    (workdir / "map.yaml").mkdir()
    os.mkfifo(workdir / "pijp.yaml")
    messages = []
    for name in ("weg.yaml", "map.yaml", "pijp.yaml"):
        with pytest.raises(DataError) as caught:
            check_regular_file(workdir / name)
        messages.append(caught.value.problems[0].message)
    assert messages[0].startswith("weg.yaml verwijst naar een bestand dat niet bestaat")
    assert messages[1] == "map.yaml is een map, geen bestand"
    assert messages[2].startswith("pijp.yaml is geen gewoon bestand")


def test_is_packaged(workdir: Path) -> None:
    assert Sources().is_packaged(packaged_dir("data") / "clubs.yaml")
    assert not Sources().is_packaged(workdir / "data" / "clubs.yaml")
