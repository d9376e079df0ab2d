"""Making letters: render (unless the file is already what the inputs give), then write ahead.

For a chunk of jobs (up to 32 letters, in a worker or in the main process):
1. look  — read what is at each letter's path (a plain file only; never a
           link, pipe or device). If the register knows those bytes were made
           from the same inputs, the letter is unchanged and is not rendered.
2. render — the letter's bytes; a failing letter becomes a failed outcome
           with a Dutch reason, the others go on.
3. decide — new, changed, unchanged, or kept because someone edited it (bytes
           the register never saw).
4. write ahead — the hashes about to be written are committed to the register
           in one transaction, and only then are the files renamed into place.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from brievenbus.errors import BriefError, Problem, os_reason
from brievenbus.fileio import NotAFileError, atomic_write, display_path, read_existing, write_error
from brievenbus.inputs.locations import TEMPLATE_SUFFIX
from brievenbus.letters.composition import Letter
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import LetterStatus, letter_status
from brievenbus.output.jobs import Job, Outcome, recipient
from brievenbus.output.register import Register, now

EDITED_REASON = "met de hand bewerkt (gebruik --overschrijf)"
NOT_A_FILE_HINT = "verwijder het of zet er een gewoon bestand neer, of kies een andere map"


@dataclass(frozen=True)
class _Pending:
    """A letter rendered and decided, waiting for its bytes to be written."""

    outcome: Outcome
    data: bytes | None = None  # bytes to write; None: nothing to write
    note: bool = False  # record (path, sha256, fingerprint) in the register first


def make_letters(workspace: Workspace, jobs: Sequence[Job], register: Register) -> list[Outcome]:
    """Make a group of letters, with one register transaction before any file is replaced."""
    pending = [_prepare(workspace, job) for job in jobs]
    versions = [
        (p.outcome.job.relative_path, p.outcome.sha256, p.outcome.job.fingerprint)
        for p in pending
        if p.note
    ]
    try:
        register.note_written(versions)
    except BriefError as error:  # e.g. a full disk: write nothing the register cannot vouch for
        return [
            _failed_problem(p.outcome, error.problems[0]) if p.note else p.outcome for p in pending
        ]
    return [_write(p) for p in pending]


def failed_outcome(workspace: Workspace, job: Job, problem: Problem) -> Outcome:
    """A letter that could not be made at all, for this reason."""
    name = workspace.dataset.municipality_by_code[job.code].naam
    return _failed_problem(Outcome(job, name, LetterStatus.FAILED), problem)


def _prepare(workspace: Workspace, job: Job) -> _Pending:
    name = workspace.dataset.municipality_by_code[job.code].naam
    start = Outcome(job, name, LetterStatus.FAILED)
    try:
        existing = read_existing(job.path)
    except OSError as error:
        return _Pending(_unreadable(start, error))
    if (done := _unchanged(workspace, job, existing, start.time)) is not None:
        return _Pending(done)
    try:
        letter = workspace.render(job.plan(workspace))
    except BriefError as error:
        return _Pending(_failed_problem(start, error.problems[0]))
    except Exception as error:  # one broken letter must not stop the batch
        return _Pending(_failed_problem(start, _unexpected(error, job.path)))
    return _decide(start, existing, letter)


def unchanged(workspace: Workspace, job: Job) -> Outcome | None:
    """The letter's outcome if the file is what its inputs give (no rendering); else None."""
    try:
        existing = read_existing(job.path)
    except OSError:
        return None
    return _unchanged(workspace, job, existing, now())


def _unchanged(workspace: Workspace, job: Job, existing: bytes | None, time: str) -> Outcome | None:
    """The fast path: the register knows these bytes were made from the same inputs."""
    if existing is None:
        return None
    on_disk = hashlib.sha256(existing).hexdigest()
    if job.known.get(on_disk) != job.fingerprint:
        return None
    dataset = workspace.dataset
    return Outcome(
        job,
        dataset.municipality_by_code[job.code].naam,
        LetterStatus.UNCHANGED,
        sha256=on_disk,
        default_sender=dataset.clubs[job.club_id].standaard,
        time=time,
        # The municipality as on the letter's date, as the letter was made (a merger).
        warnings=workspace.data_warnings(recipient(workspace, job)[0], job.kind, job.date),
    )


def _decide(start: Outcome, existing: bytes | None, letter: Letter) -> _Pending:
    """New, unchanged, changed, or kept because someone edited it."""
    job, data = start.job, letter.docx
    status = letter_status(existing, data, job.overwrite, job.known)
    skipped = status is LetterStatus.SKIPPED
    kept = data
    if skipped:  # the file stays as the user left it
        assert existing is not None
        kept = existing
    made = Outcome(  # one Outcome, not copies of copies: a batch makes thousands
        job,
        start.municipality,
        status,
        reason=EDITED_REASON if skipped else "",
        sha256=hashlib.sha256(kept).hexdigest(),
        warnings=tuple(letter.warnings),
        default_sender=letter.from_default_sender,
        subject=letter.subject,
        time=start.time,
    )
    if skipped:
        return _Pending(made)
    # An unchanged letter is noted too: its fingerprint makes the next run's fast path.
    to_write = None if status is LetterStatus.UNCHANGED else data
    return _Pending(made, to_write, note=True)


def _write(pending: _Pending) -> Outcome:
    outcome = pending.outcome
    if pending.data is None:
        return outcome
    path = outcome.job.path
    try:
        try:
            atomic_write(path, pending.data)
        except FileNotFoundError:  # the letter's folder is not there yet (once per folder)
            path.parent.mkdir(exist_ok=True)
            atomic_write(path, pending.data)
    except OSError as error:
        problem = write_error(
            path.parent,
            error,
            "maak ruimte vrij of kies een andere map met --uitvoer MAP, of sluit de brief in Word",
        ).problems[0]
        return _failed_problem(outcome, problem)
    return outcome


def _unreadable(outcome: Outcome, error: OSError) -> Outcome:
    path = display_path(outcome.job.path)
    if isinstance(error, NotAFileError):
        reason = (
            f"{path} is geen gewoon bestand (een link, pipe, apparaat of map); "
            "brief opent het niet en schrijft er niet overheen"
        )
        return _failed(outcome, reason, NOT_A_FILE_HINT)
    return _failed(outcome, f"{path}: kan het bestand niet lezen ({os_reason(error)})")


def _failed(outcome: Outcome, reason: str, hint: str = "") -> Outcome:
    return replace(
        outcome, status=LetterStatus.FAILED, reason=reason, hint=hint, sha256="", warnings=()
    )


def _failed_problem(outcome: Outcome, problem: Problem) -> Outcome:
    if problem.path is None:  # say which letter it was about
        problem = replace(problem, path=display_path(outcome.job.path))
    return _failed(outcome, str(replace(problem, hint="")), problem.hint)


def _unexpected(error: Exception, path: Path) -> Problem:
    """A Dutch problem for an error nobody foresaw, at the template line where it happened."""
    reason = f"({type(error).__name__}: {error})"
    hint = "controleer het sjabloon en de gegevens van deze brief; de andere brieven gaan door"
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX):  # at the template line; name the letter
            template = display_path(Path(frame.filename))
            message = f"de brief {display_path(path)} kon niet worden gemaakt {reason}"
            return Problem(template, frame.lineno, message, hint)
    return Problem(display_path(path), None, f"de brief kon niet worden gemaakt {reason}", hint)
