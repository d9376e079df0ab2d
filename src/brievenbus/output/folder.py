"""The output folder: letters go inside it and nowhere else.

The folder itself may be a link (to a shared drive, say); below it, a link
that leads elsewhere is refused before anything is written, and so is
anything that is not a folder where letters' folders go. Cleaning up after a
killed run removes only our own temporary files, only inside the folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from brievenbus.errors import OutputError, os_reason
from brievenbus.fileio import TEMP_PREFIX, display_path, is_own_temporary
from brievenbus.output.lock import LOCK_NAME
from brievenbus.output.register import REGISTER_NAME

MANIFEST_NAME = "manifest.csv"
# What brief itself keeps in an output folder besides the letters.
BOOKKEEPING = (
    LOCK_NAME,
    REGISTER_NAME,
    REGISTER_NAME + "-wal",
    REGISTER_NAME + "-shm",
    REGISTER_NAME + "-journal",
)
_HINT = "verwijder of hernoem het, of kies een andere map met --uitvoer MAP"


def prepare_output_dir(output_dir: Path, relative_paths: Iterable[str]) -> bool:
    """Make the folder if needed and check every place a file will go; True if made now."""
    created = not output_dir.exists()
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError.simple(
            f"kan de map {display_path(output_dir)} niet maken ({os_reason(error)})",
            "kies een map waar u mag schrijven met --uitvoer MAP",
        ) from None
    if not output_dir.is_dir():
        raise OutputError.simple(f"{display_path(output_dir)} is geen map", _HINT)
    _check_plain_file(output_dir / MANIFEST_NAME, "brief zet daar het overzicht van de brieven")
    for name in BOOKKEEPING:
        _check_plain_file(output_dir / name, "brief houdt daar bij wat het schreef")
    folders = _parents(relative_paths)
    for folder in sorted({a for f in folders for a in (f, *f.parents)} - {PurePosixPath(".")}):
        _check_folder(output_dir, folder)
    return created


def letter_folders(output_dir: Path, relative_paths: Iterable[str]) -> set[Path]:
    """The folders (inside the output folder) that hold these letters."""
    return {output_dir / folder for folder in _parents(relative_paths)}


def _parents(relative_paths: Iterable[str]) -> set[PurePosixPath]:
    """The folders of letters' paths ('a/b.docx', as ``Job.relative_path`` gives them),
    each worked out once: a batch has thousands of letters in a few hundred folders."""
    one_per_folder = {path.rpartition("/")[0]: path for path in relative_paths}
    return {PurePosixPath(path).parent for path in one_per_folder.values()}


def remove_stale_temporaries(folders: Iterable[Path]) -> None:
    """Temporary files of a run that was killed: never letters, always safe to remove."""
    for folder in folders:
        with contextlib.suppress(OSError):  # a folder that is not there yet has none
            with os.scandir(folder) as entries:
                names = [entry.name for entry in entries if entry.name.startswith(TEMP_PREFIX)]
            for name in names:
                if is_own_temporary(folder / name):
                    (folder / name).unlink(missing_ok=True)


def remove_unused(output_dir: Path) -> None:
    """Remove a folder this run made but wrote no letter in (only our bookkeeping)."""
    with contextlib.suppress(OSError):
        ours = (*BOOKKEEPING, MANIFEST_NAME)
        if any(p.name not in ours for p in output_dir.iterdir()):
            return
        for name in ours:
            (output_dir / name).unlink(missing_ok=True)
        output_dir.rmdir()


def _check_folder(output_dir: Path, relative: PurePosixPath) -> None:
    """A place for letters' folder: nothing there yet, or a real folder (not a link)."""
    try:
        mode = (output_dir / relative).lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        reason = os_reason(error)
        shown = display_path(output_dir) / relative
        raise OutputError.simple(f"kan {shown} niet lezen ({reason})") from None
    if stat.S_ISDIR(mode):
        return
    shown = display_path(output_dir) / relative  # worked out only for a message
    if stat.S_ISLNK(mode):
        raise OutputError.simple(
            f"{shown} is een link naar een andere plek; brief schrijft alleen "
            "in de uitvoermap zelf. Er is niets geschreven",
            "verwijder de link, of kies met --uitvoer MAP een map zonder links erin",
        )
    raise OutputError.simple(
        f"{shown} is geen map; daar komen brieven. Er is niets geschreven",
        _HINT,
    )


def _check_plain_file(path: Path, purpose: str) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        reason = os_reason(error)
        raise OutputError.simple(f"kan {display_path(path)} niet lezen ({reason})") from None
    if not stat.S_ISREG(mode):
        what = "een map" if stat.S_ISDIR(mode) else "geen gewoon bestand"
        raise OutputError.simple(
            f"{display_path(path.parent) / path.name} is {what}; {purpose}. Er is niets geschreven",
            _HINT,
        )
