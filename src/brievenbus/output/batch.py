"""Many letters at once: plan, render and write them, and keep a manifest.

1. plan     — municipalities × (one letter, or one per party) → a planned
              letter and its output path each; every path checked for
              collisions before anything is written.
2. generate — render, build and write each letter (all cores for large
              batches); a failing letter is recorded and the batch goes on.
3. record   — ``manifest.csv`` in the output folder (``output.manifest``).
"""

from __future__ import annotations

import datetime
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from brievenbus.errors import BriefError, OutputError
from brievenbus.fileio import TEMP_PREFIX, atomic_write, display_path
from brievenbus.inputs.models import Municipality, Party
from brievenbus.letters.plan import LetterPlan
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import LetterStatus, write_letter
from brievenbus.output.manifest import Row, manifest_exists, read_manifest, update_manifest

PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Job:
    """One planned letter by the ids of what is in it: small enough for a worker process."""

    code: str
    party: str | None
    via_clerk: bool
    kind: str
    date: datetime.date
    club_id: str
    measure_ids: tuple[str, ...]
    output_dir: Path
    path: Path
    overwrite: bool
    previous_sha256: str | None

    def plan(self, workspace: Workspace) -> LetterPlan:
        """The letter plan again, looked up by id (planning was done in ``plan_jobs``)."""
        dataset = workspace.dataset
        municipality, party = recipient(workspace, self)
        return LetterPlan(
            municipality=municipality,
            kind=self.kind,
            date=self.date,
            club=dataset.clubs[self.club_id],
            measures=tuple(dataset.measures[i] for i in self.measure_ids),
            party=party,
            via_clerk=self.via_clerk,
        )

    @property
    def relative_path(self) -> str:
        """The letter's file inside the output folder, with '/' (the manifest's key)."""
        return self.path.relative_to(self.output_dir).as_posix()


@dataclass(frozen=True)
class Outcome:
    """What happened to one letter: one row of the manifest."""

    job: Job
    municipality: str
    status: LetterStatus
    reason: str = ""
    sha256: str = ""
    warnings: tuple[str, ...] = ()
    hint: str = ""
    default_sender: bool = False
    pdf: Path | None = None
    eml: Path | None = None
    eml_to: str = ""  # the draft's recipient; empty when the user must fill it in
    subject: str = ""
    time: str = field(default_factory=lambda: datetime.datetime.now().isoformat(timespec="seconds"))

    def manifest_row(self) -> Row:
        """This outcome as a row of manifest.csv."""
        job = self.job
        return {
            "gemeentecode": job.code,
            "gemeente": self.municipality,
            "fractie": job.party or "",
            "briefsoort": job.kind,
            "maatregelen": " ".join(job.measure_ids),
            "bestand": job.relative_path,
            "pdf": self.pdf.relative_to(job.output_dir).as_posix() if self.pdf else "",
            "eml": self.eml.relative_to(job.output_dir).as_posix() if self.eml else "",
            "sha256": self.sha256,
            "status": self.status.value,
            "reden": self.reason,
            "tijd": self.time,
        }


@dataclass
class BatchResult:
    """Every outcome of a batch, and whether it was interrupted."""

    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False
    planned: int = 0

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
    def default_sender_municipalities(self) -> list[str]:
        """Municipalities whose letters go out in the default sender's name, once each."""
        return list(dict.fromkeys(o.municipality for o in self.outcomes if o.default_sender))


# ------------------------------------------------------------------- planning


def plan_jobs(
    workspace: Workspace,
    municipalities: Sequence[Municipality],
    output_dir: Path,
    *,
    kind: str | None = None,
    date: datetime.date | None = None,
    measure_ids: Sequence[str] = (),
    per_party: bool = False,
    overwrite: bool = False,
) -> list[Job]:
    """One job per letter, with its path; raise before writing anything if paths collide."""
    letter_date = date or datetime.date.today()
    manifest = read_manifest(output_dir)
    jobs = []
    planned: set[str] = set()
    for asked in municipalities:
        # Planning here makes unknown kinds or measures fail before anything is written.
        # After a decided merger the plan names the new municipality: one letter for both.
        plan = workspace.plan(asked, kind, letter_date, measure_ids)
        municipality = plan.municipality
        if municipality.code in planned:
            continue
        planned.add(municipality.code)
        parties: list[Party | None] = [None]
        if per_party:
            parties = list(municipality.raad.fracties) or [None]
        via_clerk = per_party and not municipality.raad.fracties
        for party in parties:
            letter = replace(plan, party=party, via_clerk=via_clerk)
            path = output_dir / letter.relative_path
            recorded = manifest.get(letter.relative_path.as_posix(), {})
            jobs.append(
                Job(
                    code=municipality.code,
                    party=party.naam if party else None,
                    via_clerk=via_clerk,
                    kind=letter.kind,
                    date=letter_date,
                    club_id=letter.club.id,
                    measure_ids=tuple(m.id for m in letter.measures),
                    output_dir=output_dir,
                    path=path,
                    overwrite=overwrite,
                    previous_sha256=recorded.get("sha256") or None,
                )
            )
    _check_collisions(jobs)
    return jobs


def _check_collisions(jobs: Sequence[Job]) -> None:
    """Two letters may never share a file: on Windows and macOS case does not count."""
    seen: dict[str, Job] = {}
    for job in jobs:
        key = job.path.as_posix().casefold()
        if key in seen:
            first = seen[key]
            raise OutputError.simple(
                f"twee brieven zouden hetzelfde bestand krijgen: {display_path(job.path)} "
                f"({describe(first)} en {describe(job)}); er is niets geschreven",
                "geef een van beide fracties of gemeenten een andere naam in de gegevens",
            )
        seen[key] = job


def describe(job: Job) -> str:
    """Who a job's letter is for: 'GM0406' or 'GM0406 VVD'."""
    return f"{job.code} {job.party}" if job.party else job.code


def recipient(workspace: Workspace, job: Job) -> tuple[Municipality, Party | None]:
    """The municipality (as it is on the letter's date) and party a job's letter goes to."""
    municipality = workspace.municipality_on(
        workspace.dataset.municipality_by_code[job.code], job.date
    )
    party = next((p for p in municipality.raad.fracties if p.naam == job.party), None)
    return municipality, party


# ----------------------------------------------------------------- generating


def make_letter(workspace: Workspace, job: Job) -> Outcome:
    """Render, build and write one letter; any user error becomes a failed outcome."""
    name = workspace.dataset.municipality_by_code[job.code].naam
    try:
        letter = workspace.render(job.plan(workspace))
        status = write_letter(letter.docx, job.path, job.overwrite, job.previous_sha256)
    except BriefError as error:
        problem = error.problems[0]
        if problem.path is None:  # say which letter it was about
            problem = replace(problem, path=display_path(job.path))
        reason = str(replace(problem, hint=""))
        return Outcome(job, name, LetterStatus.FAILED, reason, hint=problem.hint)
    skipped = status is LetterStatus.SKIPPED
    return Outcome(
        job,
        name,
        status,
        reason="met de hand bewerkt (gebruik --overschrijf)" if skipped else "",
        sha256="" if skipped else hashlib.sha256(letter.docx).hexdigest(),
        warnings=tuple(letter.warnings),
        default_sender=letter.from_default_sender,
        subject=letter.subject,
    )


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
    """Make every letter (and with ``pdf`` a PDF beside it); stop cleanly on Ctrl-C.

    Whatever is done when the run ends, or is interrupted, is in the manifest.
    """
    result = BatchResult(planned=len(jobs))
    todo = [job for job in jobs if not _already_done(job)] if resume else list(jobs)
    _remove_stale_temporaries(jobs)
    try:
        for outcome in _outcomes(todo, workspace, workers or os.cpu_count() or 1):
            result.outcomes.append(outcome)
            on_outcome(outcome)
        if pdf:
            result.outcomes = _add_pdfs(result.outcomes)
        if eml:
            result.outcomes = [_add_email(workspace, o) for o in result.outcomes]
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        _record(jobs, result.outcomes)
    return result


def _record(jobs: Sequence[Job], outcomes: Sequence[Outcome]) -> None:
    """Write each output folder's manifest; a folder with only failures gets none."""
    for output_dir in dict.fromkeys(job.output_dir for job in jobs):
        mine = [o for o in outcomes if o.job.output_dir == output_dir]
        if not manifest_exists(output_dir) and all(o.status is LetterStatus.FAILED for o in mine):
            continue  # nothing was written: do not leave a folder behind just for the failures
        update_manifest(output_dir, {o.job.relative_path: o.manifest_row() for o in mine})


def _add_pdfs(outcomes: list[Outcome]) -> list[Outcome]:
    """One LibreOffice run for every letter whose PDF is missing or out of date."""
    from brievenbus.output.pdf import convert_to_pdf

    def stale(outcome: Outcome) -> bool:
        if outcome.status in {LetterStatus.FAILED, LetterStatus.SKIPPED}:
            return False
        pdf = outcome.job.path.with_suffix(".pdf")
        return not pdf.exists() or pdf.stat().st_mtime < outcome.job.path.stat().st_mtime

    converted = convert_to_pdf([o.job.path for o in outcomes if stale(o)])
    updated = []
    for outcome in outcomes:
        pdf = outcome.job.path.with_suffix(".pdf")
        if outcome.job.path in converted or (
            pdf.exists() and outcome.status is not LetterStatus.FAILED
        ):
            updated.append(replace(outcome, pdf=pdf))
        elif stale(outcome):
            updated.append(replace(outcome, reason="PDF maken mislukt (LibreOffice)"))
        else:
            updated.append(outcome)
    return updated


def _add_email(workspace: Workspace, outcome: Outcome) -> Outcome:
    """An e-mail draft beside the letter, with the letter as it is now (hand edits too)."""
    from brievenbus.output.email_draft import draft_email, recipient_for

    if outcome.status is LetterStatus.FAILED or not outcome.job.path.exists():
        return outcome
    municipality, party = recipient(workspace, outcome.job)
    path = outcome.job.path.with_suffix(".eml")
    data = draft_email(
        docx_path=outcome.job.path,
        pdf_path=outcome.pdf,
        subject=outcome.subject or "Het Verdrag van Istanbul",
        club=workspace.dataset.clubs[outcome.job.club_id],
        municipality=municipality,
        party=party,
        date=outcome.job.date,
    )
    if not path.exists() or path.read_bytes() != data:
        atomic_write(path, data)
    return replace(outcome, eml=path, eml_to=recipient_for(municipality, party) or "")


# One workspace per worker process, set by the pool's initializer: with fork it is
# inherited, not pickled; the parent process never sets it.
_worker_workspace: Workspace | None = None


def _init_worker(workspace: Workspace) -> None:
    global _worker_workspace  # noqa: PLW0603 (the per-process state is the point)
    _worker_workspace = workspace


def _make_in_worker(job: Job) -> Outcome:
    assert _worker_workspace is not None, "the pool's initializer sets the workspace"
    return make_letter(_worker_workspace, job)


def _outcomes(jobs: Sequence[Job], workspace: Workspace, workers: int) -> Iterator[Outcome]:
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        for job in jobs:
            yield make_letter(workspace, job)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(workspace,)) as pool:
        try:
            yield from pool.map(_make_in_worker, jobs, chunksize=16)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _already_done(job: Job) -> bool:
    """For --hervat: the file is there and is exactly what the manifest recorded."""
    if job.previous_sha256 is None or not job.path.exists():
        return False
    return hashlib.sha256(job.path.read_bytes()).hexdigest() == job.previous_sha256


def _remove_stale_temporaries(jobs: Iterable[Job]) -> None:
    """Temporary files of a run that was killed: never letters, always safe to remove."""
    for folder in {job.path.parent for job in jobs}:
        for stale in folder.glob(TEMP_PREFIX + "*.tmp") if folder.is_dir() else ():
            stale.unlink(missing_ok=True)
