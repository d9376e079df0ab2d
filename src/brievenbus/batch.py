"""Many letters at once: plan, render and write them, and keep a manifest.

1. plan     — municipalities × (one letter, or one per party) → output paths;
              every path checked for collisions before anything is written.
2. generate — render, build and write each letter (both cores for large
              batches); a failing letter is recorded and the batch goes on.
3. record   — ``manifest.csv`` in the output folder: what was made, its
              sha256 and status. It tells a re-run which files we wrote (and
              may update) from files someone edited (and must keep), and lets
              ``--hervat`` skip what an interrupted run already finished.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from brievenbus.errors import BriefError, OutputError, os_reason
from brievenbus.letters import TEMP_PREFIX, Workspace, WriteStatus, atomic_write, write_letter
from brievenbus.loading import display_path
from brievenbus.mergers import as_of
from brievenbus.models import Municipality, Party
from brievenbus.paths import letter_path

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = (
    "gemeentecode",
    "gemeente",
    "fractie",
    "briefsoort",
    "maatregelen",
    "bestand",
    "pdf",
    "eml",
    "sha256",
    "status",
    "reden",
    "tijd",
)
FAILED = "fout"
PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Job:
    """One letter to make, small enough to send to a worker process."""

    code: str
    party: str | None
    via_clerk: bool
    kind: str | None
    date: datetime.date
    measure_ids: tuple[str, ...]
    path: Path
    overwrite: bool
    previous_sha256: str | None


@dataclass(frozen=True)
class Outcome:
    """What happened to one letter: one row of the manifest."""

    job: Job
    municipality: str
    kind: str
    measures: tuple[str, ...]
    status: str
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


@dataclass
class BatchResult:
    """Every outcome of a batch, and whether it was interrupted."""

    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False
    planned: int = 0

    def count(self, status: str) -> int:
        """How many letters ended with this status."""
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def failed(self) -> list[Outcome]:
        """The letters that could not be made."""
        return [o for o in self.outcomes if o.status == FAILED]


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
        municipality = workspace.plan(asked, kind, letter_date, measure_ids).municipality
        if municipality.code in planned:
            continue
        planned.add(municipality.code)
        parties: list[str | None] = [None]
        if per_party:
            parties = [p.naam for p in municipality.raad.fracties] or [None]
        via_clerk = per_party and not municipality.raad.fracties
        for party in parties:
            path = output_dir / letter_path(municipality.naam, party, via_clerk)
            recorded = manifest.get(path.relative_to(output_dir).as_posix(), {})
            jobs.append(
                Job(
                    code=municipality.code,
                    party=party,
                    via_clerk=via_clerk,
                    kind=kind,
                    date=letter_date,
                    measure_ids=tuple(measure_ids),
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
                f"({_describe(first)} en {_describe(job)}); er is niets geschreven",
                "geef een van beide fracties of gemeenten een andere naam in de gegevens",
            )
        seen[key] = job


def _describe(job: Job) -> str:
    return f"{job.code} {job.party}" if job.party else job.code


# ----------------------------------------------------------------- generating

_workspace: Workspace | None = None  # one per worker process


def _init_worker(data_dir: Path | None, templates_dir: Path | None) -> None:
    """Load the data once per worker (a forked worker already has it)."""
    global _workspace  # noqa: PLW0603 (a process-wide cache is the point)
    if _workspace is None:
        _workspace = Workspace.open(data_dir, templates_dir)


def _recipient(workspace: Workspace, job: Job) -> tuple[Municipality, Party | None]:
    """The municipality and party a job's letter goes to."""
    municipality = workspace.dataset.municipality_by_code[job.code]
    municipality = as_of(municipality, workspace.merger_of(municipality), job.date)
    party = next((p for p in municipality.raad.fracties if p.naam == job.party), None)
    return municipality, party


def make_letter(job: Job) -> Outcome:
    """Render, build and write one letter; any user error becomes a 'fout' outcome."""
    assert _workspace is not None
    workspace = _workspace
    municipality, party = _recipient(workspace, job)
    name = municipality.naam
    try:
        plan = workspace.plan(
            municipality, job.kind, job.date, job.measure_ids, party, job.via_clerk
        )
        letter = workspace.render(plan)
        status = write_letter(letter.docx, job.path, job.overwrite, job.previous_sha256)
    except BriefError as error:
        problem = error.problems[0]
        if problem.path is None:  # say which letter it was about
            problem = replace(problem, path=display_path(job.path))
        reason = str(replace(problem, hint=""))
        return Outcome(
            job, name, job.kind or "", job.measure_ids, FAILED, reason, hint=problem.hint
        )
    reason = "met de hand bewerkt (gebruik --overschrijf)" if status is WriteStatus.SKIPPED else ""
    digest = hashlib.sha256(letter.docx).hexdigest() if status is not WriteStatus.SKIPPED else ""
    return Outcome(
        job,
        name,
        plan.kind,
        tuple(m.id for m in plan.measures),
        status.value,
        reason,
        digest,
        tuple(letter.warnings),
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
    global _workspace  # noqa: PLW0603
    _workspace = workspace
    output_dirs = {_output_root(job) for job in jobs}
    result = BatchResult(planned=len(jobs))
    todo = list(jobs)
    if resume:
        todo = [job for job in jobs if not _already_done(job)]
    _remove_stale_temporaries(jobs)
    workers = workers or (os.cpu_count() or 1)
    try:
        for outcome in _outcomes(todo, workspace, workers):
            result.outcomes.append(outcome)
            on_outcome(outcome)
        if pdf:
            result.outcomes = _add_pdfs(result.outcomes)
        if eml:
            result.outcomes = [_add_email(workspace, o) for o in result.outcomes]
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        for output_dir in output_dirs:
            write_manifest(
                output_dir, [o for o in result.outcomes if _output_root(o.job) == output_dir]
            )
    return result


def _add_pdfs(outcomes: list[Outcome]) -> list[Outcome]:
    """One LibreOffice run for every letter whose PDF is missing or out of date."""
    from brievenbus.pdf import convert_to_pdf

    def stale(outcome: Outcome) -> bool:
        if outcome.status in {FAILED, WriteStatus.SKIPPED.value}:
            return False
        pdf = outcome.job.path.with_suffix(".pdf")
        return not pdf.exists() or pdf.stat().st_mtime < outcome.job.path.stat().st_mtime

    converted = convert_to_pdf([o.job.path for o in outcomes if stale(o)])
    updated = []
    for outcome in outcomes:
        pdf = outcome.job.path.with_suffix(".pdf")
        if outcome.job.path in converted or (pdf.exists() and outcome.status != FAILED):
            updated.append(replace(outcome, pdf=pdf))
        elif stale(outcome):
            updated.append(replace(outcome, reason="PDF maken mislukt (LibreOffice)"))
        else:
            updated.append(outcome)
    return updated


def _add_email(workspace: Workspace, outcome: Outcome) -> Outcome:
    """An e-mail draft beside the letter, with the letter as it is now (hand edits too)."""
    from brievenbus.email_draft import draft_email, recipient_for

    if outcome.status == FAILED or not outcome.job.path.exists():
        return outcome
    municipality, party = _recipient(workspace, outcome.job)
    path = outcome.job.path.with_suffix(".eml")
    data = draft_email(
        docx_path=outcome.job.path,
        pdf_path=outcome.pdf,
        subject=outcome.subject or "Het Verdrag van Istanbul",
        club=workspace.dataset.club_for(municipality),
        municipality=municipality,
        party=party,
        date=outcome.job.date,
    )
    if not path.exists() or path.read_bytes() != data:
        atomic_write(path, data)
    return replace(outcome, eml=path, eml_to=recipient_for(municipality, party) or "")


def _outcomes(jobs: Sequence[Job], workspace: Workspace, workers: int) -> Iterator[Outcome]:
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        yield from map(make_letter, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    data_dir, templates_dir = workspace.data_dir, workspace.templates_dir
    with ProcessPoolExecutor(
        workers, initializer=_init_worker, initargs=(data_dir, templates_dir)
    ) as pool:
        try:
            yield from pool.map(make_letter, jobs, chunksize=16)
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


# ------------------------------------------------------------------- manifest


def _output_root(job: Job) -> Path:
    """The output folder a job belongs to (per-party letters sit one level deeper)."""
    return job.path.parent.parent if job.party is not None or job.via_clerk else job.path.parent


def read_manifest(output_dir: Path) -> dict[str, dict[str, str]]:
    """The manifest's rows by file (relative, with '/'); empty when there is none."""
    try:
        text = (output_dir / MANIFEST_NAME).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    return {row["bestand"]: row for row in csv.DictReader(io.StringIO(text), delimiter=";")}


def write_manifest(output_dir: Path, outcomes: Sequence[Outcome]) -> None:
    """Update manifest.csv: rows for these letters replace older rows for the same files.

    UTF-8 with BOM and semicolons, so a double click opens it correctly in Dutch Excel.
    """
    manifest_exists = (output_dir / MANIFEST_NAME).exists()
    if not manifest_exists and all(o.status == FAILED for o in outcomes):
        return  # nothing was written: do not leave a folder behind just for the failures
    rows = read_manifest(output_dir)
    for outcome in outcomes:
        key = outcome.job.path.relative_to(output_dir).as_posix()
        old_sha = rows.get(key, {}).get("sha256", "")
        rows[key] = {
            "gemeentecode": outcome.job.code,
            "gemeente": outcome.municipality,
            "fractie": outcome.job.party or "",
            "briefsoort": outcome.kind,
            "maatregelen": " ".join(outcome.measures),
            "bestand": key,
            "pdf": outcome.pdf.relative_to(output_dir).as_posix() if outcome.pdf else "",
            "eml": outcome.eml.relative_to(output_dir).as_posix() if outcome.eml else "",
            # A skipped or failed letter keeps the hash of what we wrote before.
            "sha256": outcome.sha256 or old_sha,
            "status": outcome.status,
            "reden": outcome.reason,
            "tijd": outcome.time,
        }
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, MANIFEST_COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows[key] for key in sorted(rows))
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        atomic_write(output_dir / MANIFEST_NAME, buffer.getvalue().encode("utf-8-sig"))
    except OSError as error:
        raise OutputError.simple(
            f"kan niet schrijven in {display_path(output_dir)} ({os_reason(error)})",
            "kies een map waar u mag schrijven met --uitvoer MAP, of sluit manifest.csv in Excel",
        ) from None
