"""`brief init` in Python: a workspace to fill in, never over an existing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.inputs.dataset import load_dataset
from brievenbus.inputs.readiness import PLACEHOLDER
from brievenbus.workspace_init import create_workspace


def test_creates_data_templates_and_a_dutch_guide(workdir: Path) -> None:
    written = create_workspace(workdir / "werkmap")
    names = sorted(str(p.relative_to(workdir / "werkmap")) for p in written)
    assert names[:6] == [
        ".brief-werkmap",
        "LEESMIJ.md",
        "data/clubs.yaml",
        "data/facts.yaml",
        "data/measures.yaml",
        "data/municipalities.yaml",
    ]
    assert "templates/huisstijl.docx" in names
    assert "templates/verkiezingen.md.j2" in names
    assert all(p.is_file() for p in written)
    assert (
        (workdir / "werkmap" / "LEESMIJ.md")
        .read_text(encoding="utf-8")
        .startswith("# Uw werkmap voor `brief`")
    )


def test_the_new_clubs_file_is_valid_and_flagged_as_unfilled(workdir: Path) -> None:
    create_workspace(workdir)
    dataset = load_dataset(workdir / "data")
    club = dataset.clubs["mijn-club"]
    assert club.naam == f"Soroptimistclub {PLACEHOLDER}"
    assert dataset.unready_fields(club)
    assert not dataset.unready_fields(dataset.clubs["unie"])


def test_refuses_an_existing_workspace_and_overwrites_nothing(workdir: Path) -> None:
    (workdir / "data").mkdir()
    (workdir / "data" / "clubs.yaml").write_text("mijn gegevens", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        create_workspace(Path())
    problem = caught.value.problems[0]
    assert problem.message == "deze map is al een werkmap (data bestaat); er is niets overschreven"
    assert problem.hint == "kies een andere map: brief init NIEUWE_MAP"
    assert (workdir / "data" / "clubs.yaml").read_text(encoding="utf-8") == "mijn gegevens"


def test_a_folder_that_cannot_be_made(workdir: Path) -> None:
    (workdir / "bestand").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        create_workspace(Path("bestand", "werkmap"))
    assert caught.value.problems[0].message.startswith(
        "kan de werkmap niet maken in bestand/werkmap ("
    )
