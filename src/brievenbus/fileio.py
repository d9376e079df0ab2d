"""The user's files: paths as the user sees them, reads and atomic writes with Dutch errors.

Every layer reads and writes through here, so "kan niet schrijven in …" and
the temporary-file rule exist once.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from brievenbus.errors import DataError, OutputError, os_reason

TEMP_PREFIX = ".brief-"  # temporary files of an unfinished write; removed on the next run


def display_path(path: Path) -> Path:
    """Show paths relative to the working directory when they are below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):  # OSError: the working directory was deleted
        return path


def read_bytes(
    path: Path, message: str, hint: str, where: Path | None = None, limit: int | None = None
) -> bytes:
    """A user's file, or a DataError '<message> (<reason>)' with the hint.

    With ``limit``, a larger file is refused after reading at most ``limit + 1``
    bytes (a link to /dev/zero cannot fill the memory).
    """
    try:
        with path.open("rb") as file:
            data = file.read() if limit is None else file.read(limit + 1)
    except OSError as error:
        raise DataError.simple(f"{message} ({os_reason(error)})", hint, where) from None
    if limit is not None and len(data) > limit:
        raise DataError.simple(
            f"het bestand is groter dan {format_size(limit)}, de grens voor dit soort bestand",
            "controleer of het het goede bestand is, of maak het kleiner",
            where or display_path(path),
        )
    return data


def format_size(size: int) -> str:
    """20_000_000 → '20 MB'; 500_000 → '500 kB'."""
    return f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1e3:g} kB"


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half file."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_error(folder: Path, error: OSError, hint: str) -> OutputError:
    """The one message for a folder we could not write in."""
    return OutputError.simple(
        f"kan niet schrijven in {display_path(folder)} ({os_reason(error)})", hint
    )
