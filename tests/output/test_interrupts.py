"""Ctrl-C and SIGTERM: a batch stops between letters, never in the middle of one."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator

import pytest

from brievenbus.output.interrupts import (
    deferred_interrupts,
    ignore_interrupts,
    terminate_as_interrupt,
)


@pytest.fixture(autouse=True)
def handlers_restored() -> Iterator[None]:
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    yield
    for signum, handler in before.items():
        signal.signal(signum, handler)


def test_sigterm_ends_the_block_as_ctrl_c_does() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), terminate_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_waits_until_the_letter_is_done(signum: int) -> None:
    done = []

    def letter() -> None:
        with deferred_interrupts():
            os.kill(os.getpid(), signum)
            done.append("letter written")

    with pytest.raises(KeyboardInterrupt):
        letter()
    assert done == ["letter written"]


def test_a_second_ctrl_c_stops_at_once() -> None:
    done = []

    def hanging_letter() -> None:
        with deferred_interrupts():
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            done.append("never")

    with pytest.raises(KeyboardInterrupt):
        hanging_letter()
    assert done == []


def test_without_a_signal_nothing_happens() -> None:
    with deferred_interrupts(), terminate_as_interrupt():
        pass


def test_outside_the_main_thread_signals_are_left_alone() -> None:
    seen: list[object] = []

    def work() -> None:
        with terminate_as_interrupt(), deferred_interrupts():
            seen.append(signal.getsignal(signal.SIGTERM))

    before = signal.getsignal(signal.SIGTERM)
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [before]


def test_a_worker_ignores_ctrl_c_and_sigterm() -> None:
    ignore_interrupts()
    os.kill(os.getpid(), signal.SIGINT)
    os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
