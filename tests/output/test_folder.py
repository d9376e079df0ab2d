"""The output folder: made when needed, no links or odd files where letters go, tidied up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output.folder import (
    MANIFEST_NAME,
    letter_folders,
    prepare_output_dir,
    remove_stale_temporaries,
    remove_unused,
)
from brievenbus.output.lock import LOCK_NAME
from brievenbus.output.register import REGISTER_NAME


def test_made_when_needed(workdir: Path) -> None:
    folder = workdir / "brieven"
    assert prepare_output_dir(folder, ["huizen/vvd.docx"]) is True
    assert folder.is_dir()
    assert prepare_output_dir(folder, ["huizen/vvd.docx"]) is False


def test_letter_folders_are_inside_the_output_folder(tmp_path: Path) -> None:
    assert letter_folders(tmp_path, ["a.docx", "huizen/vvd.docx", "huizen/cda.docx"]) == {
        tmp_path,
        tmp_path / "huizen",
    }


def test_a_link_where_a_letters_folder_goes_is_refused(workdir: Path) -> None:
    (workdir / "elders").mkdir()
    (workdir / "brieven").mkdir()
    (workdir / "brieven" / "huizen").symlink_to(workdir / "elders")
    with pytest.raises(OutputError) as caught:
        prepare_output_dir(workdir / "brieven", ["huizen/vvd.docx"])
    problem = caught.value.problems[0]
    assert problem.message == (
        "brieven/huizen is een link naar een andere plek; brief schrijft alleen in de "
        "uitvoermap zelf. Er is niets geschreven"
    )
    assert problem.hint.startswith("verwijder de link")


def test_the_output_folder_itself_may_be_a_link(workdir: Path) -> None:
    (workdir / "gedeeld").mkdir()
    (workdir / "brieven").symlink_to(workdir / "gedeeld")
    assert prepare_output_dir(workdir / "brieven", ["huizen/vvd.docx"]) is False


def test_a_file_where_a_letters_folder_goes_is_refused(workdir: Path) -> None:
    (workdir / "brieven").mkdir()
    (workdir / "brieven" / "huizen").write_text("notities", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        prepare_output_dir(workdir / "brieven", ["huizen/vvd.docx"])
    assert caught.value.problems[0].message == (
        "brieven/huizen is geen map; daar komen brieven. Er is niets geschreven"
    )


@pytest.mark.parametrize("name", [MANIFEST_NAME, REGISTER_NAME, LOCK_NAME])
def test_a_folder_where_brief_keeps_its_books_is_refused(workdir: Path, name: str) -> None:
    (workdir / "brieven" / name).mkdir(parents=True)
    with pytest.raises(OutputError) as caught:
        prepare_output_dir(workdir / "brieven", ["a.docx"])
    assert caught.value.problems[0].message.startswith(f"brieven/{name} is een map; brief ")


def test_only_our_own_temporary_files_are_removed(tmp_path: Path) -> None:
    ours = tmp_path / ".brief-k3j2h1x0.tmp"
    ours.write_bytes(b"half a letter")
    mine = tmp_path / ".brief-mijn-notities.tmp"
    mine.write_bytes(b"mine")
    (tmp_path / ".brief-abcd1234.tmp").mkdir()  # our name, but a folder: not ours
    remove_stale_temporaries([tmp_path, tmp_path / "nog-niet-gemaakt"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".brief-abcd1234.tmp",
        ".brief-mijn-notities.tmp",
    ]


def test_a_folder_with_only_our_books_is_removed(tmp_path: Path) -> None:
    folder = tmp_path / "brieven"
    folder.mkdir()
    for name in (LOCK_NAME, REGISTER_NAME, MANIFEST_NAME):
        (folder / name).write_bytes(b"")
    remove_unused(folder)
    assert not folder.exists()


def test_a_folder_with_anything_else_stays(tmp_path: Path) -> None:
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / REGISTER_NAME).write_bytes(b"")
    (folder / "notities.txt").write_text("van mij", encoding="utf-8")
    remove_unused(folder)
    assert sorted(os.listdir(folder)) == [REGISTER_NAME, "notities.txt"]
