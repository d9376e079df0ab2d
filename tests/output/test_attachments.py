"""PDFs and e-mail drafts: made from the letter as it is on disk, recorded, edited drafts kept."""

from __future__ import annotations

import datetime
import email
import email.policy
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from brievenbus.letters.workspace import Workspace
from brievenbus.output import pdf
from brievenbus.output.attachments import add_email, add_pdfs, letter_subject, stale_attachments
from brievenbus.output.batch import plan_jobs, run_jobs
from brievenbus.output.jobs import Outcome
from brievenbus.output.register import Register

DATE = datetime.date(2026, 3, 18)


@pytest.fixture
def workspace(small_data: Path) -> Workspace:
    return Workspace.open(small_data)


@pytest.fixture
def made(workspace: Workspace, workdir: Path) -> list[Outcome]:
    """Letters for Huizen and Almere, made and recorded by a batch."""
    targets = [workspace.dataset.find_municipality(n) for n in ("Huizen", "Almere")]
    return run_jobs(
        workspace, plan_jobs(workspace, targets, workdir / "brieven", date=DATE)
    ).outcomes


@pytest.fixture
def register(workdir: Path, made: list[Outcome]) -> Iterator[Register]:
    opened = Register.open(workdir / "brieven")
    yield opened
    opened.close()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FakeLibreOffice:
    """convert_to_pdf without LibreOffice: a PDF holding the letter's hash."""

    def __init__(self) -> None:
        self.converted: list[Path] = []

    def __call__(
        self, paths: Sequence[Path], write: Callable[[Path, bytes], None]
    ) -> dict[Path, Path]:
        self.converted.extend(paths)
        for path in paths:
            write(path.with_suffix(".pdf"), b"%PDF " + sha(path.read_bytes()).encode())
        return {path: path.with_suffix(".pdf") for path in paths}


def test_a_pdf_beside_each_letter_and_not_made_twice(
    made: list[Outcome], register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = FakeLibreOffice()
    monkeypatch.setattr(pdf, "convert_to_pdf", office)
    first = add_pdfs(made, register, register.known_versions())
    assert [o.pdf for o in first] == [o.job.path.with_suffix(".pdf") for o in made]
    assert all(o.pdf_sha256 == sha(o.pdf.read_bytes()) for o in first if o.pdf)
    assert len(office.converted) == 2
    again = add_pdfs(made, register, register.known_versions())
    assert len(office.converted) == 2  # the register knows both PDFs are of these letters
    assert [o.pdf_sha256 for o in again] == [o.pdf_sha256 for o in first]


def test_an_edited_letter_gets_a_pdf_of_its_edited_text(
    made: list[Outcome], register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = FakeLibreOffice()
    monkeypatch.setattr(pdf, "convert_to_pdf", office)
    add_pdfs(made, register, register.known_versions())
    letter = made[0].job.path
    letter.write_bytes(letter.read_bytes() + b"bewerkt")
    add_pdfs(made, register, register.known_versions())
    assert office.converted[2:] == [letter]
    assert letter.with_suffix(".pdf").read_bytes() == b"%PDF " + sha(letter.read_bytes()).encode()


def test_a_pdf_libreoffice_could_not_make_is_named(
    made: list[Outcome], register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "convert_to_pdf", lambda paths, write: {})
    outcomes = add_pdfs(made, register, register.known_versions())
    assert outcomes[0].attachment_error == (
        "brieven/huizen.pdf: PDF maken mislukt (LibreOffice kon hem niet omzetten)"
    )
    assert outcomes[0].pdf is None


def test_a_draft_beside_the_letter_with_the_letter_attached(
    workspace: Workspace, made: list[Outcome], register: Register
) -> None:
    huizen = made[0]
    done = add_email(workspace, huizen, register, register.known_versions())
    assert done.eml == huizen.job.path.with_suffix(".eml")
    data = done.eml.read_bytes()
    assert done.eml_sha256 == sha(data)
    message = email.message_from_bytes(data, policy=email.policy.default)
    (attachment,) = message.iter_attachments()
    assert attachment.get_content() == huizen.job.path.read_bytes()
    known = register.known_versions()["huizen.eml"]
    assert known == {done.eml_sha256: huizen.sha256}  # made from this letter


def test_an_edited_draft_is_kept_unless_overwrite(
    workspace: Workspace, made: list[Outcome], register: Register
) -> None:
    huizen = made[0]
    first = add_email(workspace, huizen, register, register.known_versions())
    assert first.eml is not None
    first.eml.write_bytes(b"met de hand bewerkt")
    kept = add_email(workspace, huizen, register, register.known_versions())
    assert kept.eml_kept
    assert first.eml.read_bytes() == b"met de hand bewerkt"


def test_a_draft_of_an_older_letter_is_stale(
    workspace: Workspace, made: list[Outcome], register: Register
) -> None:
    add_email(workspace, made[0], register, register.known_versions())
    assert stale_attachments(made, register.known_versions(), ".eml") == []
    newer = [replace(o, sha256="0" * 64) for o in made]  # the letters changed since
    stale = stale_attachments(newer, register.known_versions(), ".eml")
    assert stale == [made[0].job.path.with_suffix(".eml")]


def test_a_pdf_brief_never_made_is_never_stale(made: list[Outcome], register: Register) -> None:
    """The user's own PDF beside a letter (the register knows no PDF here) is left alone."""
    own = made[0].job.path.with_suffix(".pdf")
    own.write_bytes(b"%PDF-1.4 eigen")
    newer = [replace(o, sha256="0" * 64) for o in made]
    assert stale_attachments(newer, register.known_versions(), ".pdf") == []
    assert own.read_bytes() == b"%PDF-1.4 eigen"


def test_the_subject_of_a_letter_not_rendered_this_run(made: list[Outcome]) -> None:
    docx = made[0].job.path.read_bytes()
    assert letter_subject(docx) == made[0].subject
    assert letter_subject(b"geen docx") == "Het Verdrag van Istanbul"
