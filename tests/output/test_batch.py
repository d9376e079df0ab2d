"""Batches in Python: plan every letter and its file first, then make them and record them."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from brievenbus.errors import OutputError
from brievenbus.inputs.models import Council
from brievenbus.letters.workspace import Workspace
from brievenbus.output.batch import plan_jobs, run_jobs
from brievenbus.output.files import LetterStatus
from brievenbus.output.manifest import MANIFEST_NAME, read_manifest

DATE = datetime.date(2026, 3, 18)


@pytest.fixture
def workspace(small_data: Path) -> Workspace:
    return Workspace.open(small_data)


def test_one_job_per_party_with_its_file(workspace: Workspace, workdir: Path) -> None:
    almere = workspace.dataset.find_municipality("Almere")
    jobs = plan_jobs(workspace, [almere], workdir / "brieven", date=DATE, per_party=True)
    assert [job.party for job in jobs] == [p.naam for p in almere.raad.fracties]
    assert all(job.relative_path.startswith("almere/") for job in jobs)
    # A job carries ids only, and gives back the same plan.
    first = jobs[0]
    party = almere.raad.fracties[0]
    assert first.plan(workspace) == workspace.plan(almere, date=DATE, party=party)


def test_a_council_without_known_parties_gets_one_letter_via_the_griffie(
    workspace: Workspace, workdir: Path
) -> None:
    huizen = workspace.dataset.find_municipality("Huizen").model_copy(update={"raad": Council()})
    (job,) = plan_jobs(workspace, [huizen], workdir / "brieven", date=DATE, per_party=True)
    assert (job.via_clerk, job.relative_path) == (True, "huizen/gemeenteraad.docx")


def test_colliding_files_stop_before_anything_is_written(
    workspace: Workspace, workdir: Path
) -> None:
    huizen = workspace.dataset.find_municipality("Huizen")
    twin = huizen.model_copy(update={"code": "GM9999", "naam": "HUIZEN"})
    with pytest.raises(OutputError) as caught:
        plan_jobs(workspace, [huizen, twin], workdir / "brieven", date=DATE)
    assert caught.value.problems[0].message == (
        "twee brieven zouden hetzelfde bestand krijgen: brieven/huizen.docx (GM0406 en GM9999); "
        "er is niets geschreven"
    )
    assert not (workdir / "brieven").exists()


def test_run_records_and_a_rerun_is_unchanged(workspace: Workspace, workdir: Path) -> None:
    output = workdir / "brieven"
    targets = [workspace.dataset.find_municipality(n) for n in ("Huizen", "Groningen")]
    output.mkdir()
    (output / ".brief-oud.tmp").write_bytes(b"half")  # left by a killed run
    first = run_jobs(workspace, plan_jobs(workspace, targets, output, date=DATE))
    assert first.counts() == {LetterStatus.NEW: 2}
    assert first.default_sender_municipalities == ["Groningen"]
    assert sorted(p.name for p in output.iterdir()) == [
        "groningen.docx",
        "huizen.docx",
        MANIFEST_NAME,
    ]
    rows = read_manifest(output)
    assert {k: (r["gemeentecode"], r["status"], r["briefsoort"]) for k, r in rows.items()} == {
        "groningen.docx": ("GM0014", "nieuw", "verkiezingen"),
        "huizen.docx": ("GM0406", "nieuw", "verkiezingen"),
    }
    again = run_jobs(workspace, plan_jobs(workspace, targets, output, date=DATE))
    assert again.counts() == {LetterStatus.UNCHANGED: 2}
    resumed = run_jobs(workspace, plan_jobs(workspace, targets, output, date=DATE), resume=True)
    assert (resumed.planned, resumed.outcomes) == (2, [])  # both done: nothing to make


def test_a_failing_letter_is_recorded_and_the_batch_goes_on(
    small_data: Path, workdir: Path
) -> None:
    templates = workdir / "sjablonen"
    templates.mkdir()
    (templates / "verkiezingen.md.j2").write_text(
        "{% if gemeente.code == 'GM0406' %}{{ onbekend }}{% endif %}Tekst\n", encoding="utf-8"
    )
    workspace = Workspace.open(small_data, templates)
    targets = [workspace.dataset.find_municipality(n) for n in ("Huizen", "Almere")]
    result = run_jobs(workspace, plan_jobs(workspace, targets, workdir / "brieven", date=DATE))
    assert result.counts() == {LetterStatus.NEW: 1, LetterStatus.FAILED: 1}
    (failed,) = result.failed
    assert (
        failed.reason
        == "sjablonen/verkiezingen.md.j2:1: fout in het sjabloon: 'onbekend' bestaat niet"
    )
    assert failed.manifest_row()["status"] == "fout"
    assert read_manifest(workdir / "brieven")["huizen.docx"]["reden"] == failed.reason


def test_only_failures_leave_no_folder_behind(small_data: Path, workdir: Path) -> None:
    templates = workdir / "sjablonen"
    templates.mkdir()
    (templates / "verkiezingen.md.j2").write_text("{{ onbekend }}\n", encoding="utf-8")
    workspace = Workspace.open(small_data, templates)
    huizen = workspace.dataset.find_municipality("Huizen")
    result = run_jobs(workspace, plan_jobs(workspace, [huizen], workdir / "brieven", date=DATE))
    assert result.counts() == {LetterStatus.FAILED: 1}
    assert not (workdir / "brieven").exists()
