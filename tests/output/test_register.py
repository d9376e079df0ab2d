"""The register: every version the tool wrote, each letter's latest outcome, errors in Dutch."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.output.register import REGISTER_NAME, LetterRecord, Register, register_error


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    opened = Register.open(tmp_path)
    yield opened
    opened.close()


def letter(path: str, status: str = "nieuw", sha256: str = "a" * 64) -> LetterRecord:
    return LetterRecord(path, "GM0406", "", "verkiezingen", sha256=sha256, status=status)


def test_a_new_register_is_a_write_ahead_database_beside_the_letters(tmp_path: Path) -> None:
    Register.open(tmp_path).close()
    with sqlite3.connect(tmp_path / REGISTER_NAME) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_latest_outcome_per_letter_by_path(register: Register) -> None:
    register.record_letters([letter("b.docx"), letter("a.docx")])
    register.record_letters([letter("b.docx", "overgeslagen")])
    assert [(r.path, r.status) for r in register.letters()] == [
        ("a.docx", "nieuw"),
        ("b.docx", "overgeslagen"),
    ]


def test_every_version_written_is_known_with_what_it_was_made_from(register: Register) -> None:
    register.note_written([("a.docx", "11", "fp1"), ("a.docx", "22", "fp2")])
    register.note_written([("a.pdf", "33", "22")])
    register.note_written([])
    assert register.known_versions() == {
        "a.docx": {"11": "fp1", "22": "fp2"},
        "a.pdf": {"33": "22"},
    }


def test_what_is_written_survives_reopening(tmp_path: Path) -> None:
    first = Register.open(tmp_path)
    first.note_written([("a.docx", "11", "fp")])
    first.record_letters([letter("a.docx")])
    first.close()
    again = Register.open(tmp_path)
    try:
        assert again.known_versions() == {"a.docx": {"11": "fp"}}
        assert [r.path for r in again.letters()] == ["a.docx"]
    finally:
        again.close()


def test_an_old_manifest_is_read_in_once_and_never_overrides(register: Register) -> None:
    before = register.migrated
    register.record_letters([letter("a.docx", "bijgewerkt")])
    register.import_legacy([letter("a.docx", "nieuw", "1" * 64), letter("b.docx", sha256="2" * 64)])
    assert (before, register.migrated) == (False, True)
    assert register.known_versions() == {"a.docx": {"1" * 64: ""}, "b.docx": {"2" * 64: ""}}
    assert [(r.path, r.status) for r in register.letters()] == [
        ("a.docx", "bijgewerkt"),  # the register's own row stays
        ("b.docx", "nieuw"),
    ]


def test_a_damaged_register_is_a_dutch_error_that_says_what_to_do(workdir: Path) -> None:
    folder = workdir / "brieven"
    folder.mkdir()
    (folder / REGISTER_NAME).write_bytes(b"dit is geen database" * 100)
    with pytest.raises(OutputError) as caught:
        Register.open(folder)
    problem = caught.value.problems[0]
    assert problem.message == (
        "kan het register van brief in brieven niet bijwerken (het register is beschadigd)"
    )
    assert problem.hint.startswith("hernoem .brief-register.db in die map (bewaar het)")


def test_a_full_disk_is_named(workdir: Path) -> None:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    problem = register_error(workdir / "brieven", error).problems[0]
    assert (
        problem.message == "kan het register van brief in brieven niet bijwerken (de schijf is vol)"
    )
    assert problem.hint.startswith("maak ruimte vrij")


def test_a_closed_register_is_an_output_error(tmp_path: Path) -> None:
    register = Register.open(tmp_path)
    register.close()
    with pytest.raises(OutputError):
        register.note_written([("a.docx", "11", "fp")])
