"""Many letters at once: plan, make and record them, safely, in one output folder.

1. plan     — municipalities × (one letter, or one per party) → jobs with a
              path each, collisions checked before anything is written
              (``output.jobs``).
2. prepare  — the folder: made if needed, no links or odd files where
              letters go (``output.folder``); one run at a time (``output.lock``);
              the register opened, an old manifest read into it once.
3. make     — render and write ahead every letter, on all cores
              (``output.workers``, ``output.making``); a failing letter is
              recorded and the batch goes on; then PDFs and e-mail drafts
              (``output.attachments``).
4. record   — every outcome in the register as it arrives; ``manifest.csv``
              exported from it at the end, also after Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brievenbus.errors import BriefError, Problem
from brievenbus.fileio import sync_file_system
from brievenbus.letters.workspace import Workspace
from brievenbus.output.attachments import add_email, add_pdfs, stale_attachments
from brievenbus.output.files import LetterStatus
from brievenbus.output.fingerprint import letter_fingerprint, workspace_fingerprint
from brievenbus.output.folder import (
    letter_folders,
    prepare_output_dir,
    remove_stale_temporaries,
    remove_unused,
)
from brievenbus.output.interrupts import deferred_interrupts, terminate_as_interrupt
from brievenbus.output.jobs import Job, Outcome, describe, plan_jobs, recipient
from brievenbus.output.lock import RunLock
from brievenbus.output.making import unchanged
from brievenbus.output.manifest import read_legacy_manifest, write_manifest
from brievenbus.output.register import Register
from brievenbus.output.workers import PARALLEL_FROM, make_all

__all__ = [
    "PARALLEL_FROM",
    "BatchResult",
    "Job",
    "Outcome",
    "describe",
    "plan_jobs",
    "recipient",
    "run_jobs",
]


@dataclass
class BatchResult:
    """Every outcome of a batch, and whether it was interrupted."""

    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False
    planned: int = 0
    problems: list[Problem] = field(default_factory=list)  # register or manifest trouble
    stale: list[Path] = field(default_factory=list)  # our PDFs/drafts of an older letter

    def count(self, status: LetterStatus) -> int:
        """How many letters ended with this status."""
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    def counts(self) -> dict[LetterStatus, int]:
        """Letters per status, in the enum's order, leaving out statuses that did not occur."""
        return {status: n for status in LetterStatus if (n := self.count(status))}

    @property
    def failed(self) -> list[Outcome]:
        """The letters that could not be made."""
        return [o for o in self.outcomes if o.status is LetterStatus.FAILED]

    @property
    def attachment_errors(self) -> list[str]:
        """PDFs and e-mail drafts that could not be made."""
        return [o.attachment_error for o in self.outcomes if o.attachment_error]

    @property
    def default_sender_municipalities(self) -> list[str]:
        """Municipalities whose letters go out in the default sender's name, once each."""
        return list(dict.fromkeys(o.municipality for o in self.outcomes if o.default_sender))


def run_jobs(
    workspace: Workspace,
    jobs: Sequence[Job],
    *,
    resume: bool = False,
    workers: int | None = None,
    pdf: bool = False,
    eml: bool = False,
    on_outcome: Callable[[Outcome], None] = lambda outcome: None,
) -> BatchResult:
    """Make every letter (and with ``pdf`` a PDF beside it); stop cleanly on Ctrl-C or SIGTERM.

    Whatever is done when the run ends, or is interrupted, is in the register
    and in manifest.csv. Raises OutputError before writing anything when the
    folder is unusable or another run holds it.
    """
    result = BatchResult(planned=len(jobs))
    if not jobs:
        return result
    output_dir = jobs[0].output_dir
    created = prepare_output_dir(output_dir, [job.relative_path for job in jobs])
    try:
        with RunLock(output_dir), terminate_as_interrupt():
            register = _open_register(output_dir)
            try:
                remove_stale_temporaries(
                    letter_folders(output_dir, [j.relative_path for j in jobs]) | {output_dir}
                )
                _run(workspace, jobs, register, result, resume, workers, pdf, eml, on_outcome)
            finally:
                try:
                    with deferred_interrupts():  # the export must finish, Ctrl-C or not
                        _export(register, result)
                        register.close()
                        sync_file_system(output_dir)  # what we report written is on disk
                except KeyboardInterrupt:
                    result.interrupted = True
    finally:
        if created and not any(o.sha256 for o in result.outcomes):
            remove_unused(output_dir)  # nothing written: leave no folder behind
    return result


def _run(
    workspace: Workspace,
    jobs: Sequence[Job],
    register: Register,
    result: BatchResult,
    resume: bool,
    workers: int | None,
    pdf: bool,
    eml: bool,
    on_outcome: Callable[[Outcome], None],
) -> None:
    """Letters, then PDFs and drafts; Ctrl-C or SIGTERM anywhere ends it as interrupted."""
    try:
        _make(
            workspace,
            _with_register(workspace, jobs, register),
            register,
            result,
            resume,
            workers or os.cpu_count() or 1,
            on_outcome,
        )
        if pdf or eml:
            known = register.known_versions()
        if pdf:
            result.outcomes = add_pdfs(result.outcomes, register, known)
        if eml:
            result.outcomes = [add_email(workspace, o, register, known) for o in result.outcomes]
        if pdf or eml:
            _record(register, result, result.outcomes)
        known = register.known_versions()
        for asked, suffix in ((pdf, ".pdf"), (eml, ".eml")):
            if not asked:
                result.stale.extend(stale_attachments(result.outcomes, known, suffix))
    except KeyboardInterrupt:
        result.interrupted = True


def _with_register(workspace: Workspace, jobs: Sequence[Job], register: Register) -> list[Job]:
    """The jobs with their input fingerprints and the versions the register knows."""
    known = register.known_versions()
    digest = workspace_fingerprint(workspace)
    return [
        job.registered(letter_fingerprint(digest, job.choices), known.get(job.relative_path, {}))
        for job in jobs
    ]


def _make(
    workspace: Workspace,
    jobs: Sequence[Job],
    register: Register,
    result: BatchResult,
    resume: bool,
    workers: int,
    on_outcome: Callable[[Outcome], None],
) -> None:
    """The letters: unchanged ones here (no rendering), the rest by the workers."""
    found = [unchanged(workspace, job) for job in jobs]
    done = [outcome for outcome in found if outcome is not None]
    todo = [job for job, outcome in zip(jobs, found, strict=True) if outcome is None]

    def deliver(outcomes: list[Outcome]) -> None:
        result.outcomes.extend(outcomes)
        _record(register, result, outcomes)
        for outcome in outcomes:
            on_outcome(outcome)

    if not resume:
        deliver(done)
    else:  # --hervat leaves out what was finished, but the register must hold it
        recorded = {record.path: record.sha256 for record in register.letters()}
        _record(
            register,
            result,
            [o for o in done if recorded.get(o.job.relative_path) != o.sha256],
        )
    make_all(workspace, todo, register, workers, deliver)


def _open_register(output_dir: Path) -> Register:
    """The folder's register; a new one first reads an earlier version's manifest.csv once."""
    register = Register.open(output_dir)
    try:
        if not register.migrated:
            register.import_legacy(read_legacy_manifest(register.output_dir))
    except BaseException:
        register.close()
        raise
    return register


def _record(register: Register, result: BatchResult, outcomes: Sequence[Outcome]) -> None:
    """The outcomes in the register; trouble there is reported, the batch goes on."""
    try:
        register.record_letters(o.record() for o in outcomes)
    except BriefError as error:
        if error.problems[0] not in result.problems:
            result.problems.extend(error.problems)


def _export(register: Register, result: BatchResult) -> None:
    """manifest.csv from the register, whatever happened."""
    try:
        write_manifest(register.output_dir, register.letters())
    except BriefError as error:
        result.problems.extend(error.problems)
