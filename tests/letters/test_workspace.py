"""The workspace: data plus templates; renders one letter in memory and finds club files."""

from __future__ import annotations

import datetime
import io
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest

from brievenbus.inputs.locations import packaged_dir
from brievenbus.letters.workspace import Workspace
from brievenbus.ooxml.house_style import FOOTER, LETTERHEAD

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


def test_party_letters_share_only_what_does_not_read_the_party(
    small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letters to the parties of one municipality differ only where a template reads
    the party: a letterhead that does not is rendered once for all of them; a footer that
    names the party, and the body (salutation), are rendered for each."""
    from brievenbus.letters import composition, rendering

    templates = tmp_path / "sjablonen"
    templates.mkdir()
    (templates / "_briefhoofd.md.j2").write_text("{{ club.naam }}\n", encoding="utf-8")
    (templates / "_voettekst.md.j2").write_text(
        "Voor {{ fractie.naam if fractie else 'de raad' }}\n", encoding="utf-8"
    )
    rendered: list[str] = []
    render = rendering.render_template

    def counting(name: str, *args: Any) -> str:
        rendered.append(name)
        return render(name, *args)

    monkeypatch.setattr(composition, "render_template", counting)
    workspace = Workspace.open(small_data, templates)
    huizen = workspace.dataset.find_municipality("Huizen")
    plan = workspace.plan(huizen, date=DATE)
    parties = huizen.raad.fracties
    assert len(parties) > 2
    letters = [workspace.compose(replace(plan, party=party)) for party in parties]
    assert [c.slots[FOOTER][0].text for c in letters] == [f"Voor {p.naam}" for p in parties]
    assert {c.slots[LETTERHEAD][0].text for c in letters} == {"Soroptimistclub Bussum e.o."}
    assert len({c.body[3].text for c in letters}) == len(parties)  # "Geachte …" per party
    assert rendered.count("_briefhoofd.md.j2") == 1
    assert rendered.count("_voettekst.md.j2") == len(parties)
    assert rendered.count("verkiezingen.md.j2") == len(parties)
    # Another municipality starts again.
    workspace.compose(workspace.plan(workspace.dataset.find_municipality("Almere"), date=DATE))
    assert rendered.count("_briefhoofd.md.j2") == 2
