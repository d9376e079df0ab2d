"""Writing one letter: new, unchanged, updated, or kept because someone edited it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output.files import LetterStatus, write_letter


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_statuses_are_the_dutch_labels() -> None:
    assert [s.value for s in LetterStatus] == [
        "nieuw",
        "bijgewerkt",
        "ongewijzigd",
        "overgeslagen",
        "fout",
    ]


def test_new_then_unchanged_then_updated(tmp_path: Path) -> None:
    path = tmp_path / "huizen" / "vvd.docx"
    assert write_letter(b"v1", path) is LetterStatus.NEW
    assert write_letter(b"v1", path) is LetterStatus.UNCHANGED
    # Not edited since we wrote it (the manifest's hash matches): simply out of date.
    assert write_letter(b"v2", path, previous_sha256=sha(b"v1")) is LetterStatus.CHANGED
    assert path.read_bytes() == b"v2"


def test_an_edited_letter_is_kept_unless_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "huizen.docx"
    write_letter(b"v1", path)
    path.write_bytes(b"met de hand bewerkt")
    assert write_letter(b"v2", path, previous_sha256=sha(b"v1")) is LetterStatus.SKIPPED
    assert write_letter(b"v2", path) is LetterStatus.SKIPPED
    assert path.read_bytes() == b"met de hand bewerkt"
    assert write_letter(b"v2", path, overwrite=True) is LetterStatus.CHANGED
    assert path.read_bytes() == b"v2"
    assert [p.name for p in tmp_path.iterdir()] == ["huizen.docx"]  # no temporary files left


def test_a_folder_that_cannot_be_made(workdir: Path) -> None:
    (workdir / "brieven").write_text("een bestand", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        write_letter(b"v1", workdir / "brieven" / "huizen.docx")
    problem = caught.value.problems[0]
    assert problem.message.startswith("kan niet schrijven in brieven (")
    assert "--uitvoer" in problem.hint
