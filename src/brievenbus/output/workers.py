"""Making a batch's letters on every core, and stopping cleanly.

Worker processes (fork) each get the workspace once and make chunks of
letters; each opens its own connection to the register. Workers ignore
Ctrl-C and SIGTERM: the main process decides. When it is interrupted it
cancels the chunks not started, waits for the ones being made, and hands
their outcomes on, so nothing written goes uncounted. A worker whose main
process dies (kill -9) ends within a second: the kernel's parent-death
signal on Linux, a watch on the parent process elsewhere.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from brievenbus.errors import BriefError, OutputError
from brievenbus.letters.workspace import Workspace
from brievenbus.output.interrupts import deferred_interrupts, ignore_interrupts
from brievenbus.output.jobs import Job, Outcome
from brievenbus.output.making import failed_outcome, make_letters
from brievenbus.output.register import Register

PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves
CHUNK = 32  # letters per task: one register transaction (and fsync) each

Deliver = Callable[[list[Outcome]], None]


def make_all(
    workspace: Workspace,
    jobs: Sequence[Job],
    register: Register,
    workers: int,
    deliver: Deliver,
) -> None:
    """Make every job's letter; ``deliver`` gets the outcomes, chunk by chunk, in order."""
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        for start in range(0, len(jobs), CHUNK):
            with deferred_interrupts():  # Ctrl-C waits for the chunk: the count stays exact
                deliver(make_letters(workspace, jobs[start : start + CHUNK], register))
        return
    _make_in_pool(workspace, jobs, register, workers, deliver)


def _make_in_pool(
    workspace: Workspace, jobs: Sequence[Job], register: Register, workers: int, deliver: Deliver
) -> None:
    import multiprocessing

    # fork: the workspace is inherited, not pickled (elsewhere the platform's default).
    start_method = "fork" if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(start_method),
        initializer=_init_worker,
        initargs=(workspace, register.output_dir, os.getpid()),
    )
    futures: list[Future[list[Outcome]]] = []
    delivered = 0
    try:
        for start in range(0, len(jobs), CHUNK):
            futures.append(pool.submit(_make_chunk, jobs[start : start + CHUNK]))
        for future in futures:
            outcomes = future.result()  # Ctrl-C lands here, while waiting
            with deferred_interrupts():  # ... not while outcomes are being recorded
                delivered += 1
                deliver(outcomes)
    except KeyboardInterrupt:
        _finish_started(pool, futures[delivered:], deliver)
        raise
    except BrokenProcessPool:
        raise OutputError.simple(
            "een hulpproces van brief stopte onverwacht (te weinig geheugen?); "
            "wat klaar was, staat in het register en in manifest.csv",
            "sluit andere programma's en start dezelfde opdracht opnieuw (met --hervat)",
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _finish_started(
    pool: ProcessPoolExecutor, futures: Sequence[Future[list[Outcome]]], deliver: Deliver
) -> None:
    """After Ctrl-C: cancel what has not started, count what the workers are finishing.

    A second Ctrl-C while waiting (a letter that hangs) stops the workers at once.
    """
    for future in futures:
        future.cancel()
    try:
        for future in futures:
            if not future.cancelled():
                with contextlib.suppress(BrokenProcessPool):
                    outcomes = future.result()
                    with deferred_interrupts():
                        deliver(outcomes)
    except KeyboardInterrupt:
        for process in list(pool._processes.values()):  # no public way to stop them now
            process.kill()


# One workspace and register connection per worker process, set by the initializer
# (the register is opened with the first chunk, so that failing to is a letter's failure).
_worker: tuple[Workspace, Path] | None = None
_worker_register: Register | None = None


def _init_worker(workspace: Workspace, output_dir: Path, parent: int) -> None:
    global _worker  # noqa: PLW0603 (the per-process state is the point)
    # What the worker inherited stays out of garbage collection: a collection would
    # walk (and so copy, page by page) all of the parent's objects in every worker.
    gc.freeze()
    ignore_interrupts()
    _die_with_parent(parent)
    _worker = (workspace, output_dir)


def _make_chunk(jobs: Sequence[Job]) -> list[Outcome]:
    global _worker_register  # noqa: PLW0603
    assert _worker is not None, "the pool's initializer sets the workspace"
    workspace, output_dir = _worker
    if _worker_register is None:
        try:
            _worker_register = Register.open(output_dir)
        except BriefError as error:
            return [failed_outcome(workspace, job, error.problems[0]) for job in jobs]
    return make_letters(workspace, jobs, _worker_register)


def _die_with_parent(parent: int) -> None:
    """End this worker when the main process is gone (it cannot ask us to)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # died before we could ask
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="brief-parent-watch").start()
