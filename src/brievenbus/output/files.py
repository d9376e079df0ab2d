"""Writing one letter's file: atomically, and never over a file someone edited."""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Collection
from pathlib import Path

from brievenbus.fileio import atomic_write, read_existing, write_error


class LetterStatus(enum.Enum):
    """What happened to a letter; the values are the Dutch labels users see."""

    NEW = "nieuw"
    CHANGED = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    SKIPPED = "overgeslagen"
    FAILED = "fout"


def edited_by_hand(existing: bytes, known: Collection[str]) -> bool:
    """Bytes the tool never wrote at this place (an empty file is a crash's, not a person's)."""
    return bool(existing) and hashlib.sha256(existing).hexdigest() not in known


def letter_status(
    existing: bytes | None, data: bytes, overwrite: bool, known: Collection[str]
) -> LetterStatus:
    """What writing ``data`` over ``existing`` means: the one rule for every letter.

    An existing file that differs is replaced only with ``overwrite``, or when
    its hash is one the tool wrote there (``known``, from the register): then
    nobody edited it and it is simply out of date.
    """
    if existing is None:
        return LetterStatus.NEW
    if existing == data:
        return LetterStatus.UNCHANGED
    if not overwrite and edited_by_hand(existing, known):
        return LetterStatus.SKIPPED
    return LetterStatus.CHANGED


def write_letter(
    data: bytes, path: Path, overwrite: bool = False, known: Collection[str] = ()
) -> LetterStatus:
    """Write atomically, never over a file someone changed since we wrote it."""
    try:
        status = letter_status(read_existing(path), data, overwrite, known)
        if status in {LetterStatus.NEW, LetterStatus.CHANGED}:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)
    except OSError as error:
        raise write_error(
            path.parent,
            error,
            "kies een map waar u mag schrijven met --uitvoer MAP, of sluit de brief in Word",
        ) from None
    return status
