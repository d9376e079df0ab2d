"""One run per output folder at a time: a lock file that names its holder.

The lock is a POSIX record lock (``fcntl.lockf``) on ``.brief-register.lock``
(on Windows ``msvcrt.locking``): the operating system releases it when the
process ends in any way, kill -9 included, and worker processes do not
inherit it. The file holds who has it (process, host, start time), so a
second run can say which run is busy.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import socket
import sys
import time
from pathlib import Path
from types import TracebackType

from brievenbus.errors import OutputError
from brievenbus.fileio import display_path, write_error

LOCK_NAME = ".brief-register.lock"
WAIT_SECONDS = 5.0  # a second run waits this long for the first to finish, then stops


class RunLock:
    """Held for the whole run: ``with RunLock(folder): ...``."""

    def __init__(self, output_dir: Path, wait: float | None = None) -> None:
        self.output_dir = output_dir
        self.path = output_dir / LOCK_NAME
        self.wait = WAIT_SECONDS if wait is None else wait
        self.fd: int | None = None

    def __enter__(self) -> RunLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except OSError as error:
            raise write_error(
                self.output_dir, error, "kies een map waar u mag schrijven met --uitvoer MAP"
            ) from None
        deadline = time.monotonic() + self.wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                holder = _read_holder(fd)
                os.close(fd)
                raise OutputError.simple(
                    f"in {display_path(self.output_dir)} is al een andere opdracht van brief bezig"
                    f" ({holder}); er is niets geschreven",
                    "wacht tot die klaar is en probeer het dan opnieuw, "
                    "of kies een andere map met --uitvoer MAP",
                )
            time.sleep(0.1)
        self.fd = fd
        _write_holder(fd)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):  # closing the file releases it anyway
                _unlock(self.fd)
            os.close(self.fd)
            self.fd = None


def _write_holder(fd: int) -> None:
    started = datetime.datetime.now().strftime("%d-%m-%Y %H:%M:%S")
    text = f"proces {os.getpid()} op {socket.gethostname()}, gestart {started}"
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text.encode("utf-8"))


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 400).decode("utf-8", "replace").strip()
    except OSError:
        text = ""

    printable = "".join(c for c in text if c.isprintable())
    return printable or "een ander proces"


if sys.platform == "win32":
    import msvcrt

    _LOCKED_BYTE = 4096  # beyond the holder's text, which stays readable

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):  # another process holds it
            return False
        except OSError:  # a file system without locks (some network drives): go on
            return True
        return True

    def _unlock(fd: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_UN)
