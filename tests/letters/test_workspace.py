"""The workspace: data plus templates; renders one letter in memory and finds club files."""

from __future__ import annotations

import datetime
import io
import shutil
from pathlib import Path

import docx

from brievenbus.inputs.locations import packaged_dir
from brievenbus.letters.workspace import Workspace

DATE = datetime.date(2026, 3, 18)


def test_render_gives_a_word_document_in_memory(small_data: Path, tmp_path: Path) -> None:
    workspace = Workspace.open(small_data)
    assert workspace.kinds == ("coalitie", "verkiezingen")
    letter = workspace.render(
        workspace.plan(workspace.dataset.find_municipality("Almere"), date=DATE)
    )
    document = docx.Document(io.BytesIO(letter.docx))
    assert document.core_properties.author == "Soroptimistclub Almere"
    assert document.core_properties.title == letter.subject
    assert any("Almere" in p.text for p in document.paragraphs)
    assert not letter.from_default_sender
    assert list(tmp_path.rglob("*.docx")) == []  # nothing written


def test_club_files_are_relative_to_clubs_yaml(small_data: Path, workdir: Path) -> None:
    shutil.copy(packaged_dir("templates") / "huisstijl.docx", small_data / "eigen-stijl.docx")
    clubs = small_data / "clubs.yaml"
    clubs.write_text(
        clubs.read_text(encoding="utf-8").replace(
            "werkgebied: [Almere]", "werkgebied: [Almere]\n    huisstijl: eigen-stijl.docx"
        ),
        encoding="utf-8",
    )
    workspace = Workspace.open(small_data)
    assert (
        workspace.house_style_for(workspace.dataset.clubs["almere"])
        == (small_data / "eigen-stijl.docx").resolve()
    )
    assert (
        workspace.house_style_for(workspace.dataset.clubs["unie"])
        == packaged_dir("templates") / "huisstijl.docx"
    )


def test_figures_are_worked_out_once_per_municipality(packaged_workspace: Workspace) -> None:
    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    assert packaged_workspace.local_figures(huizen) is packaged_workspace.local_figures(huizen)


def test_one_warning_for_all_letters_from_the_default_sender(
    packaged_workspace: Workspace, small_data: Path
) -> None:
    """About the user's own clubs file; none for the example data (the example notice says it)."""
    assert packaged_workspace.default_sender_warning(["Groningen"]) is None
    clubs = small_data / "clubs.yaml"
    clubs.write_text(clubs.read_text(encoding="utf-8") + "# mijn clubs\n", encoding="utf-8")
    own = Workspace.open(small_data)
    warning = own.default_sender_warning(["Groningen", "Zwolle", "Ede", "Epe"])
    assert warning is not None
    assert warning.startswith(
        "4 gemeenten (Groningen, Zwolle, Ede en 1 andere) hebben geen eigen club;"
        " de brief gaat uit namens "
        "'Unie van Soroptimistclubs in het Koninkrijk der Nederlanden en in Suriname'. "
        "Voeg uw club met werkgebied toe aan "
    )
    assert warning.endswith("clubs.yaml.")
    assert (own.default_sender_warning(["Epe"]) or "").startswith("Epe heeft geen eigen club")
