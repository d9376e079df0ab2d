"""Ctrl-C and SIGTERM during a batch: stop between letters, never in the middle of one.

The main process treats SIGTERM like Ctrl-C (KeyboardInterrupt), and while a
letter is being recorded and written the signal waits until that letter is
done, so what the summary counts is exactly what is on disk. A second Ctrl-C
stops at once.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within this block, SIGTERM ends the batch as Ctrl-C does (cleanly, with a summary)."""
    if not _in_main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Ctrl-C or SIGTERM inside this block takes effect when the block ends (a second at once)."""
    if not _in_main_thread():
        yield
        return
    received: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        if received:  # the second time: the user really wants to stop (a letter hangs)
            raise KeyboardInterrupt
        received.append(signum)

    previous = {signum: signal.signal(signum, remember) for signum in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if received:
        raise KeyboardInterrupt


def ignore_interrupts() -> None:
    """In a worker process: only the main process decides when the batch stops."""
    for signum in _SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
