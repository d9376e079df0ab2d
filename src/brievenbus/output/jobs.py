"""The letters of a batch as jobs: who each letter is for, where it goes, and what came of it.

Planning turns municipalities × (one letter, or one per party) into jobs with
an output path each; every path is checked for collisions before anything is
written. A job is small (ids, not objects), so it travels to a worker process.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from brievenbus.errors import OutputError
from brievenbus.fileio import display_path
from brievenbus.inputs.models import Municipality, Party
from brievenbus.letters.paths import letter_path
from brievenbus.letters.plan import LetterPlan
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import LetterStatus
from brievenbus.output.register import LetterRecord


@dataclass(frozen=True)
class Job:
    """One planned letter by the ids of what is in it: small enough for a worker process.

    ``fingerprint`` and ``known`` are filled in from the register once the run
    holds the output folder's lock: the letter's input fingerprint, and every
    version of the file the tool wrote (sha256 → the fingerprint it came from).
    """

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
    fingerprint: str = ""
    known: Mapping[str, str] = field(default_factory=dict, compare=False)

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

    def registered(self, fingerprint: str, known: Mapping[str, str]) -> Job:
        """This job with its input fingerprint and the versions the register knows
        (a copy, as ``dataclasses.replace`` gives, keeping what was worked out)."""
        job = object.__new__(Job)  # copy.copy, without its generic machinery: 2,659 jobs
        job.__dict__.update(self.__dict__, fingerprint=fingerprint, known=known)
        return job

    @cached_property
    def relative_path(self) -> str:
        """The letter's file inside the output folder, with '/' (the register's key)."""
        full, folder = str(self.path), str(self.output_dir)
        if full.startswith(folder) and full[len(folder) : len(folder) + 1] == os.sep:
            return full[len(folder) + 1 :].replace(os.sep, "/")  # what relative_to gives, faster
        return self.path.relative_to(self.output_dir).as_posix()

    @property
    def choices(self) -> tuple[object, ...]:
        """What the batch chose for this letter: part of its input fingerprint."""
        return (
            self.code,
            self.party,
            self.via_clerk,
            self.kind,
            self.date.isoformat(),
            self.club_id,
            self.measure_ids,
            self.relative_path,
        )


_MADE = {LetterStatus.NEW, LetterStatus.CHANGED, LetterStatus.UNCHANGED}


@dataclass(frozen=True)
class Outcome:
    """What happened to one letter (and its PDF and e-mail draft): one row of the register."""

    job: Job
    municipality: str
    status: LetterStatus
    reason: str = ""
    sha256: str = ""  # of the letter on disk after this run (also when kept as edited)
    warnings: tuple[str, ...] = ()
    hint: str = ""
    default_sender: bool = False
    pdf: Path | None = None
    pdf_sha256: str = ""
    eml: Path | None = None
    eml_sha256: str = ""
    eml_to: str = ""  # the draft's recipient; empty when the user must fill it in
    eml_kept: bool = False  # the draft was edited by hand and left alone
    attachment_error: str = ""  # a PDF or draft that could not be made
    subject: str = ""
    time: str = field(default_factory=lambda: datetime.datetime.now().isoformat(timespec="seconds"))

    def record(self) -> LetterRecord:
        """This outcome as the letter's row in the register."""
        job = self.job
        return LetterRecord(
            path=job.relative_path,
            municipality_code=job.code,
            party=job.party or "",
            kind=job.kind,
            municipality=self.municipality,
            measures=" ".join(job.measure_ids),
            sha256=self.sha256,
            fingerprint=job.fingerprint if self.sha256 and self.status in _MADE else "",
            status=self.status.value,
            reason="; ".join(r for r in (self.reason, self.attachment_error) if r),
            pdf=self.pdf.relative_to(job.output_dir).as_posix() if self.pdf else "",
            pdf_sha256=self.pdf_sha256,
            eml=self.eml.relative_to(job.output_dir).as_posix() if self.eml else "",
            eml_sha256=self.eml_sha256,
            time=self.time,
        )


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
        measures = tuple(m.id for m in plan.measures)  # the same for every party
        for party in parties:
            name = party.naam if party else None
            # The path the plan gives this party's letter (LetterPlan.relative_path).
            path = output_dir / letter_path(municipality.naam, name, via_clerk)
            jobs.append(
                Job(
                    code=municipality.code,
                    party=name,
                    via_clerk=via_clerk,
                    kind=plan.kind,
                    date=letter_date,
                    club_id=plan.club.id,
                    measure_ids=measures,
                    output_dir=output_dir,
                    path=path,
                    overwrite=overwrite,
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
