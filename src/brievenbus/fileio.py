"""The user's files: paths as the user sees them, reads and atomic writes with Dutch errors.

Every layer reads and writes through here, so "kan niet schrijven in …" and
the temporary-file rule exist once. New files get the mode the user's umask
asks for (0644 under 022), as any other program's files would.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import sys
from pathlib import Path

from brievenbus.errors import DataError, OutputError, os_reason

TEMP_PREFIX = ".brief-"  # temporary files of an unfinished write; removed on the next run
# Exactly what atomic_write makes (earlier versions: mkstemp): other files are never ours.
_TEMP_NAME = re.compile(r"\.brief-[a-z0-9_]{8}\.tmp")
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_NEW_FILE |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NAME_ATTEMPTS = 100  # a bound, as mkstemp has, should names keep being taken
# Opening a file to read it never follows a link and never waits on a pipe.
_SAFE_READ = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_SAFE_READ |= getattr(os, "O_BINARY", 0)


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


def folder_mode() -> int:
    """The mode a new folder gets under the current umask (0o755 under 022)."""
    return 0o777 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half file.

    The temporary file is made with mode 0666 and the umask applied by the system
    (0644 under 022), under a fresh random name, never through a link.
    """
    for attempt in range(_NAME_ATTEMPTS):
        temporary = path.parent / f"{TEMP_PREFIX}{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(temporary, _NEW_FILE, 0o666)
            break
        except FileExistsError:  # 1 in 4 billion: draw another name
            if attempt + 1 == _NAME_ATTEMPTS:
                raise
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def is_own_temporary(path: Path) -> bool:
    """A temporary file of ours (an atomic write a killed run left): a plain file, our name."""
    if not _TEMP_NAME.fullmatch(path.name):
        return False
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


class NotAFileError(OSError):
    """Something at a path that is not a plain file: a link, a pipe, a device or a folder."""


def read_existing(path: Path) -> bytes | None:
    """A plain file's bytes, None when there is none; never follows a link or opens a pipe.

    Raises NotAFileError for anything else at the path, OSError when unreadable.
    """
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode):
        raise NotAFileError(f"{path} is not a regular file")
    fd = os.open(path, _SAFE_READ)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped in between
            raise NotAFileError(f"{path} is not a regular file")
        # Plain reads (a re-run reads every letter): to the end, even if the file grew.
        chunks = []
        while chunk := os.read(fd, info.st_size + 1):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def sync_file_system(folder: Path) -> None:
    """Make everything written in folder's file system durable (at the end of a batch).

    One ``syncfs`` on Linux instead of an fsync per letter (which would cost
    more than writing them); ``sync`` elsewhere where there is one.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                ctypes.CDLL(None, use_errno=True).syncfs(fd)
            finally:
                os.close(fd)
            return
    if hasattr(os, "sync"):
        os.sync()


def write_error(folder: Path, error: OSError, hint: str) -> OutputError:
    """The one message for a folder we could not write in."""
    return OutputError.simple(
        f"kan niet schrijven in {display_path(folder)} ({os_reason(error)})", hint
    )
