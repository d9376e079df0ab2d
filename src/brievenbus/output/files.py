"""Writing one letter's file: atomically, and never over a file someone edited."""

from __future__ import annotations

import enum
import hashlib
from pathlib import Path

from brievenbus.fileio import atomic_write, write_error


class LetterStatus(enum.Enum):
    """What happened to a letter; the values are the Dutch labels users see."""

    NEW = "nieuw"
    CHANGED = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    SKIPPED = "overgeslagen"
    FAILED = "fout"


def write_letter(
    data: bytes, path: Path, overwrite: bool = False, previous_sha256: str | None = None
) -> LetterStatus:
    """Write atomically, never over a file someone changed since we wrote it.

    An existing file that differs is replaced only with ``overwrite``, or when
    its hash is the one we recorded for it (``previous_sha256``, from the
    manifest): then nobody edited it and it is simply out of date.
    """
    try:
        if path.exists():
            existing = path.read_bytes()
            if existing == data:
                return LetterStatus.UNCHANGED
            if not overwrite and hashlib.sha256(existing).hexdigest() != previous_sha256:
                return LetterStatus.SKIPPED
            atomic_write(path, data)
            return LetterStatus.CHANGED
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as error:
        raise write_error(
            path.parent,
            error,
            "kies een map waar u mag schrijven met --uitvoer MAP, of sluit de brief in Word",
        ) from None
    return LetterStatus.NEW
