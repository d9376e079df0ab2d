"""Making a batch's letters in chunks, in this process or on several cores: the same letters."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from brievenbus.letters.workspace import Workspace
from brievenbus.output import workers
from brievenbus.output.files import LetterStatus
from brievenbus.output.jobs import Job, Outcome, plan_jobs
from brievenbus.output.register import Register
from brievenbus.output.workers import make_all

DATE = datetime.date(2026, 3, 18)


@pytest.fixture
def workspace(small_data: Path) -> Workspace:
    return Workspace.open(small_data)


@pytest.fixture
def register(workdir: Path) -> Iterator[Register]:
    (workdir / "brieven").mkdir()
    opened = Register.open(workdir / "brieven")
    yield opened
    opened.close()


def all_jobs(workspace: Workspace, register: Register) -> list[Job]:
    municipalities = workspace.dataset.municipalities
    jobs = plan_jobs(workspace, municipalities, register.output_dir, date=DATE, per_party=True)
    assert len(jobs) > 6  # several chunks
    return jobs


def test_in_this_process_chunk_by_chunk_in_order(
    workspace: Workspace, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "CHUNK", 2)
    jobs = all_jobs(workspace, register)
    chunks: list[list[Outcome]] = []
    make_all(workspace, jobs, register, 4, chunks.append)  # too few letters for workers
    assert all(len(chunk) <= 2 for chunk in chunks)
    outcomes = [o for chunk in chunks for o in chunk]
    assert [o.job for o in outcomes] == jobs
    assert {o.status for o in outcomes} == {LetterStatus.NEW}


def test_worker_processes_make_the_same_letters(
    workspace: Workspace, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 1)
    monkeypatch.setattr(workers, "CHUNK", 3)
    jobs = all_jobs(workspace, register)
    chunks: list[list[Outcome]] = []
    make_all(workspace, jobs, register, 2, chunks.append)
    outcomes = [o for chunk in chunks for o in chunk]
    assert [o.job for o in outcomes] == jobs  # in order, each letter once
    assert {o.status for o in outcomes} == {LetterStatus.NEW}
    for outcome in outcomes:
        assert hashlib.sha256(outcome.job.path.read_bytes()).hexdigest() == outcome.sha256
    # each worker wrote ahead in the register through its own connection
    known = register.known_versions()
    assert {path: set(versions) for path, versions in known.items()} == {
        o.job.relative_path: {o.sha256} for o in outcomes
    }
