"""Jobs: a small description of each planned letter, and its outcome as a register row."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import LetterStatus
from brievenbus.output.jobs import Job, Outcome, describe, plan_jobs, recipient

DATE = datetime.date(2026, 3, 18)


@pytest.fixture
def workspace(small_data: Path) -> Workspace:
    return Workspace.open(small_data)


def job(tmp_path: Path, party: str | None = "VVD", fingerprint: str = "f" * 64) -> Job:
    return Job(
        code="GM0406",
        party=party,
        via_clerk=False,
        kind="verkiezingen",
        date=DATE,
        club_id="bussum-eo",
        measure_ids=("onderwijs", "plegerhulp"),
        output_dir=tmp_path,
        path=tmp_path / "huizen" / "vvd.docx",
        overwrite=False,
        fingerprint=fingerprint,
    )


def test_a_job_names_its_file_and_its_choices(tmp_path: Path) -> None:
    planned = job(tmp_path)
    assert planned.relative_path == "huizen/vvd.docx"
    assert planned.choices[-1] == "huizen/vvd.docx"
    assert "2026-03-18" in planned.choices
    assert (describe(planned), describe(job(tmp_path, party=None))) == ("GM0406 VVD", "GM0406")
    assert pickle.loads(pickle.dumps(planned)) == planned  # it travels to a worker


def test_an_outcome_is_the_letters_register_row(tmp_path: Path) -> None:
    planned = job(tmp_path)
    made = Outcome(
        planned,
        "Huizen",
        LetterStatus.NEW,
        sha256="a" * 64,
        pdf=tmp_path / "huizen" / "vvd.pdf",
        pdf_sha256="b" * 64,
        attachment_error="e-mail mislukt",
    )
    row = made.record()
    assert (row.path, row.municipality_code, row.party, row.kind) == (
        "huizen/vvd.docx",
        "GM0406",
        "VVD",
        "verkiezingen",
    )
    assert (row.measures, row.status, row.pdf, row.reason) == (
        "onderwijs plegerhulp",
        "nieuw",
        "huizen/vvd.pdf",
        "e-mail mislukt",
    )
    assert row.fingerprint == "f" * 64


@pytest.mark.parametrize("status", [LetterStatus.SKIPPED, LetterStatus.FAILED])
def test_a_letter_not_made_from_these_inputs_has_no_fingerprint(
    tmp_path: Path, status: LetterStatus
) -> None:
    """A kept (edited) letter must never take the fast path as if it were made from the inputs."""
    row = Outcome(job(tmp_path), "Huizen", status, reason="r", sha256="a" * 64).record()
    assert (row.fingerprint, row.status, row.reason) == ("", status.value, "r")


def test_a_council_letter_has_no_party_and_the_recipient_is_found(
    workspace: Workspace, tmp_path: Path
) -> None:
    huizen = workspace.dataset.find_municipality("Huizen")
    (planned,) = plan_jobs(workspace, [huizen], tmp_path, date=DATE)
    assert (planned.party, planned.relative_path) == (None, "huizen.docx")
    municipality, party = recipient(workspace, planned)
    assert (municipality.code, party) == ("GM0406", None)
    assert Outcome(planned, "Huizen", LetterStatus.NEW).record().party == ""


def test_two_letters_for_one_file_stop_the_plan(workspace: Workspace, tmp_path: Path) -> None:
    huizen = workspace.dataset.find_municipality("Huizen")
    twin = huizen.model_copy(update={"code": "GM9999", "naam": "HUIZEN"})
    with pytest.raises(OutputError) as caught:
        plan_jobs(workspace, [huizen, twin], tmp_path, date=DATE)
    assert "(GM0406 en GM9999); er is niets geschreven" in caught.value.problems[0].message


def test_each_job_goes_where_its_letter_plan_says(packaged_workspace: Workspace) -> None:
    """Jobs are planned without a letter plan per party: the paths are the plans' own."""
    from dataclasses import replace

    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    date = datetime.date(2026, 4, 28)
    folder = Path("brieven")
    jobs = plan_jobs(packaged_workspace, [huizen], folder, date=date, per_party=True)
    plan = packaged_workspace.plan(huizen, None, date)
    expected = [folder / replace(plan, party=p).relative_path for p in huizen.raad.fracties]
    assert [job.path for job in jobs] == expected
    assert {job.measure_ids for job in jobs} == {tuple(m.id for m in plan.measures)}


def test_a_registered_job_is_the_job_with_the_registers_facts(
    packaged_workspace: Workspace,
) -> None:
    """What the register adds to a job is a copy with both facts; the rest is the same."""
    from dataclasses import replace

    huizen = packaged_workspace.dataset.find_municipality("Huizen")
    (job,) = plan_jobs(packaged_workspace, [huizen], Path("brieven"))
    assert job.relative_path == "huizen.docx"
    known = {"a" * 64: "b" * 64}
    registered = job.registered("c" * 64, known)
    assert registered == replace(job, fingerprint="c" * 64, known=known)
    assert registered.known is known
    assert (registered.relative_path, job.fingerprint) == ("huizen.docx", "")
    assert pickle.loads(pickle.dumps(registered)) == registered
