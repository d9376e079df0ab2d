"""Fingerprints: the same inputs give the same fingerprint; any change in them another one."""

from __future__ import annotations

from pathlib import Path

from brievenbus.letters.workspace import Workspace
from brievenbus.output.fingerprint import letter_fingerprint, workspace_fingerprint


def test_same_workspace_same_fingerprint(small_data: Path) -> None:
    first = workspace_fingerprint(Workspace.open(small_data))
    assert len(first) == 64
    assert workspace_fingerprint(Workspace.open(small_data)) == first


def test_a_changed_data_file_changes_it(small_data: Path) -> None:
    before = workspace_fingerprint(Workspace.open(small_data))
    path = small_data / "municipalities.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# opmerking\n", encoding="utf-8")
    assert workspace_fingerprint(Workspace.open(small_data)) != before


def test_a_changed_template_changes_it(small_data: Path, tmp_path: Path) -> None:
    templates = tmp_path / "sjablonen"
    templates.mkdir()
    template = templates / "verkiezingen.md.j2"
    template.write_text("Tekst\n", encoding="utf-8")
    before = workspace_fingerprint(Workspace.open(small_data, templates))
    template.write_text("Andere tekst\n", encoding="utf-8")
    assert workspace_fingerprint(Workspace.open(small_data, templates)) != before


def test_a_letter_adds_what_was_chosen_for_it() -> None:
    workspace = "0" * 64
    vvd = letter_fingerprint(workspace, ("GM0406", "VVD", "2026-03-18"))
    assert vvd == letter_fingerprint(workspace, ("GM0406", "VVD", "2026-03-18"))
    assert vvd != letter_fingerprint(workspace, ("GM0406", "CDA", "2026-03-18"))
    assert vvd != letter_fingerprint(workspace, ("GM0406", "VVD", "2026-03-19"))
    assert vvd != letter_fingerprint("1" * 64, ("GM0406", "VVD", "2026-03-18"))
    # None and the text 'None' are different choices
    assert letter_fingerprint(workspace, (None,)) != letter_fingerprint(workspace, ("None",))
