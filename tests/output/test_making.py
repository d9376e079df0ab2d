"""Making letters: written ahead in the register, not rendered when unchanged, edits kept."""

from __future__ import annotations

import datetime
import hashlib
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from brievenbus.errors import Problem
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import LetterStatus
from brievenbus.output.fingerprint import letter_fingerprint, workspace_fingerprint
from brievenbus.output.jobs import Job, plan_jobs
from brievenbus.output.making import EDITED_REASON, failed_outcome, make_letters, unchanged
from brievenbus.output.register import Register

DATE = datetime.date(2026, 3, 18)


@pytest.fixture
def workspace(small_data: Path) -> Workspace:
    return Workspace.open(small_data)


@pytest.fixture
def output(workdir: Path) -> Path:
    folder = workdir / "brieven"
    folder.mkdir()
    return folder


@pytest.fixture
def register(output: Path) -> Iterator[Register]:
    opened = Register.open(output)
    yield opened
    opened.close()


def jobs_for(workspace: Workspace, register: Register, *names: str) -> list[Job]:
    """Jobs as a batch has them once it holds the folder: fingerprints and known versions."""
    targets = [workspace.dataset.find_municipality(n) for n in names]
    known = register.known_versions()
    digest = workspace_fingerprint(workspace)
    return [
        replace(
            job,
            fingerprint=letter_fingerprint(digest, job.choices),
            known=known.get(job.relative_path, {}),
        )
        for job in plan_jobs(workspace, targets, register.output_dir, date=DATE)
    ]


def test_a_new_letter_is_known_to_the_register_before_it_is_there(
    workspace: Workspace, register: Register
) -> None:
    (job,) = jobs_for(workspace, register, "Huizen")
    (outcome,) = make_letters(workspace, [job], register)
    assert (outcome.status, outcome.municipality) == (LetterStatus.NEW, "Huizen")
    data = job.path.read_bytes()
    assert outcome.sha256 == hashlib.sha256(data).hexdigest()
    assert register.known_versions() == {"huizen.docx": {outcome.sha256: job.fingerprint}}


def test_an_unchanged_letter_is_not_rendered_again(
    workspace: Workspace, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    (job,) = jobs_for(workspace, register, "Huizen")
    assert unchanged(workspace, job) is None  # nothing on disk yet
    make_letters(workspace, [job], register)
    (again,) = jobs_for(workspace, register, "Huizen")

    def no_rendering(*args: object) -> None:
        raise AssertionError("rendered")

    monkeypatch.setattr(Workspace, "render", no_rendering)
    done = unchanged(workspace, again)
    assert done is not None
    assert done.status is LetterStatus.UNCHANGED
    (outcome,) = make_letters(workspace, [again], register)
    assert outcome.status is LetterStatus.UNCHANGED


def test_other_inputs_update_a_letter_nobody_edited(
    workspace: Workspace, register: Register
) -> None:
    (job,) = jobs_for(workspace, register, "Huizen")
    make_letters(workspace, [job], register)
    (later,) = jobs_for(workspace, register, "Huizen")
    later = replace(later, date=datetime.date(2026, 5, 12), fingerprint="other inputs")
    (outcome,) = make_letters(workspace, [later], register)
    assert outcome.status is LetterStatus.CHANGED
    assert hashlib.sha256(job.path.read_bytes()).hexdigest() == outcome.sha256


def test_an_edited_letter_is_kept(workspace: Workspace, register: Register) -> None:
    (job,) = jobs_for(workspace, register, "Huizen")
    make_letters(workspace, [job], register)
    job.path.write_bytes(b"met de hand bewerkt")
    (again,) = jobs_for(workspace, register, "Huizen")
    (outcome,) = make_letters(workspace, [again], register)
    assert (outcome.status, outcome.reason) == (LetterStatus.SKIPPED, EDITED_REASON)
    assert outcome.sha256 == hashlib.sha256(b"met de hand bewerkt").hexdigest()
    assert job.path.read_bytes() == b"met de hand bewerkt"
    (overwrite,) = make_letters(workspace, [replace(again, overwrite=True)], register)
    assert overwrite.status is LetterStatus.CHANGED


def test_a_failing_letter_fails_alone(
    small_data: Path, workdir: Path, output: Path, register: Register
) -> None:
    templates = workdir / "sjablonen"
    templates.mkdir()
    (templates / "verkiezingen.md.j2").write_text(
        "{% if gemeente.code == 'GM0406' %}{{ 1 // 0 }}{% endif %}Tekst\n", encoding="utf-8"
    )
    workspace = Workspace.open(small_data, templates)
    huizen, almere = jobs_for(workspace, register, "Huizen", "Almere")
    failed, made = make_letters(workspace, [huizen, almere], register)
    assert (failed.status, made.status) == (LetterStatus.FAILED, LetterStatus.NEW)
    assert failed.reason == "sjablonen/verkiezingen.md.j2:1: fout in het sjabloon: deling door nul"
    assert not huizen.path.exists()


def test_an_unforeseen_error_fails_that_letter_with_a_dutch_reason(
    workspace: Workspace, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("kapot")

    (job,) = jobs_for(workspace, register, "Huizen")
    monkeypatch.setattr(Workspace, "render", broken)
    (failed,) = make_letters(workspace, [job], register)
    assert failed.status is LetterStatus.FAILED
    assert failed.reason == (
        "brieven/huizen.docx: de brief kon niet worden gemaakt (RuntimeError: kapot)"
    )
    assert failed.hint.endswith("de andere brieven gaan door")


def test_a_pipe_where_a_letter_goes_is_never_opened(
    workspace: Workspace, register: Register
) -> None:
    (job,) = jobs_for(workspace, register, "Huizen")
    os.mkfifo(job.path)
    (outcome,) = make_letters(workspace, [job], register)
    assert outcome.status is LetterStatus.FAILED
    assert outcome.reason == (
        "brieven/huizen.docx is geen gewoon bestand (een link, pipe, apparaat of map); "
        "brief opent het niet en schrijft er niet overheen"
    )


def test_nothing_is_written_that_the_register_cannot_vouch_for(
    workspace: Workspace, output: Path
) -> None:
    register = Register.open(output)
    (job,) = jobs_for(workspace, register, "Huizen")
    register.close()  # as good as a full disk: the write-ahead commit fails
    (outcome,) = make_letters(workspace, [job], register)
    assert outcome.status is LetterStatus.FAILED
    assert outcome.reason.startswith(
        "brieven/huizen.docx: kan het register van brief in brieven niet bijwerken ("
    )
    assert not job.path.exists()


def test_a_letter_that_could_not_be_made_at_all(workspace: Workspace, output: Path) -> None:
    register = Register.open(output)
    (job,) = jobs_for(workspace, register, "Huizen")
    register.close()
    outcome = failed_outcome(workspace, job, Problem(None, None, "het register is weg", "kijk"))
    assert (outcome.status, outcome.municipality) == (LetterStatus.FAILED, "Huizen")
    assert (outcome.reason, outcome.hint) == ("brieven/huizen.docx: het register is weg", "kijk")


def test_a_letters_folder_is_made_when_needed_also_again(
    workspace: Workspace, register: Register
) -> None:
    """Per-party letters go into the municipality's folder, made with its first letter;
    a folder removed while the batch runs is made again for the next letter."""
    huizen = workspace.dataset.find_municipality("Huizen")
    jobs = plan_jobs(workspace, [huizen], register.output_dir, date=DATE, per_party=True)
    first, second = jobs[:2]
    assert not first.path.parent.exists()
    assert [o.status for o in make_letters(workspace, [first], register)] == [LetterStatus.NEW]
    assert first.path.is_file()
    first.path.unlink()
    first.path.parent.rmdir()
    assert [o.status for o in make_letters(workspace, [second], register)] == [LetterStatus.NEW]
    assert second.path.is_file()


def test_an_unchanged_letter_keeps_its_warnings(register: Register) -> None:
    """A re-run that does not render Voorne aan Zee again still says its inhabitants
    are doubtful, as the run that wrote the letter did."""
    packaged = Workspace.open()
    (job,) = jobs_for(packaged, register, "Voorne aan Zee")
    (made,) = make_letters(packaged, [job], register)
    (again,) = jobs_for(packaged, register, "Voorne aan Zee")
    (kept,) = make_letters(packaged, [again], register)
    assert (made.status, kept.status) == (LetterStatus.NEW, LetterStatus.UNCHANGED)
    assert any("Voorne aan Zee (75.000) is nog niet bevestigd" in w for w in made.warnings)
    assert kept.warnings == made.warnings
