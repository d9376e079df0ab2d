"""The user's files: paths as they typed them, Dutch read errors, never a half-written file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from brievenbus.errors import DataError, Problem
from brievenbus.fileio import (
    TEMP_PREFIX,
    NotAFileError,
    atomic_write,
    display_path,
    read_bytes,
    read_existing,
    write_error,
)


def test_paths_below_the_working_directory_are_shown_relative(
    workdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert display_path(workdir / "brieven" / "huizen.docx") == Path("brieven/huizen.docx")
    elsewhere = tmp_path_factory.mktemp("elders") / "x.docx"
    assert display_path(elsewhere) == elsewhere


def test_read_error_says_why_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_bytes(
            tmp_path / "weg.csv", "kan weg.csv niet lezen", "controleer de naam", Path("weg.csv")
        )
    assert caught.value.problems[0] == Problem(
        Path("weg.csv"), None, "kan weg.csv niet lezen (bestaat niet)", "controleer de naam"
    )
    assert read_bytes(Path(__file__), "", "") == Path(__file__).read_bytes()


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    atomic_write(path, b"eerste")
    atomic_write(path, b"tweede")
    assert path.read_bytes() == b"tweede"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(b"oud")

    def broken_replace(source: str, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, b"nieuw")
    assert path.read_bytes() == b"oud"
    assert not list(tmp_path.glob(f"{TEMP_PREFIX}*"))


def test_one_message_for_a_folder_we_cannot_write_in(workdir: Path) -> None:
    error = write_error(
        workdir / "brieven", PermissionError(13, "Permission denied"), "kies een andere map"
    )
    assert str(error) == "kan niet schrijven in brieven (geen toegang)\n  → kies een andere map"


def test_atomic_write_gives_up_when_every_temporary_name_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bounded like mkstemp: a folder where every name it draws exists stops it."""
    (tmp_path / ".brief-abcdef12.tmp").write_bytes(b"someone else's")
    monkeypatch.setattr("brievenbus.fileio.secrets.token_hex", lambda _: "abcdef12")
    with pytest.raises(FileExistsError):
        atomic_write(tmp_path / "brief.docx", b"letter")
    assert not (tmp_path / "brief.docx").exists()
    assert (tmp_path / ".brief-abcdef12.tmp").read_bytes() == b"someone else's"


def test_read_existing_gives_a_letter_whole_or_none(tmp_path: Path) -> None:
    """What a re-run compares with the register: every byte (also past the first read), or
    None when there is no letter yet."""
    letter = tmp_path / "huizen.docx"
    assert read_existing(letter) is None
    content = os.urandom(200_000)
    letter.write_bytes(content)
    assert read_existing(letter) == content
    letter.write_bytes(b"")
    assert read_existing(letter) == b""


@pytest.mark.parametrize("kind", ["link", "pipe", "folder"])
def test_read_existing_never_opens_what_is_not_a_plain_file(tmp_path: Path, kind: str) -> None:
    """A link is not followed and a pipe not opened (it would hang the run)."""
    target = tmp_path / "elders.docx"
    target.write_bytes(b"niet van ons")
    letter = tmp_path / "huizen.docx"
    if kind == "link":
        letter.symlink_to(target)
    elif kind == "pipe":
        os.mkfifo(letter)
    else:
        letter.mkdir()
    with pytest.raises(NotAFileError):
        read_existing(letter)
