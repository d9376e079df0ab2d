"""PDFs and e-mail drafts beside the letters: always made from the letter as it is on disk.

A PDF is made again whenever the register does not know it as made from the
letter's current bytes, so a letter kept because someone edited it gets a PDF
of the edited text. A draft holds the letter as it is now; a draft someone
edited by hand (bytes the register never saw) is kept, like a letter.
Both are recorded in the register before they are renamed into place.
"""

from __future__ import annotations

import hashlib
import html
import re
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from brievenbus.errors import BriefError, os_reason
from brievenbus.fileio import NotAFileError, atomic_write, display_path, read_existing
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import LetterStatus, edited_by_hand
from brievenbus.output.jobs import Outcome, recipient
from brievenbus.output.register import Register

Known = Mapping[str, Mapping[str, str]]  # path → {sha256: made from}


def add_pdfs(outcomes: list[Outcome], register: Register, known: Known) -> list[Outcome]:
    """One LibreOffice run for every letter whose PDF is missing or not of its current text."""
    from brievenbus.output.pdf import convert_to_pdf

    letters: dict[Path, str] = {}  # letter → sha256 of its bytes now
    updated: dict[Path, Outcome] = {}
    for outcome in outcomes:
        if outcome.status is LetterStatus.FAILED:
            continue
        try:
            docx = read_existing(outcome.job.path)
            pdf = read_existing(outcome.job.path.with_suffix(".pdf"))
        except OSError as error:
            updated[outcome.job.path] = _problem(outcome, outcome.job.path, error)
            continue
        if docx is None:
            continue
        letter_sha = hashlib.sha256(docx).hexdigest()
        pdf_sha = hashlib.sha256(pdf).hexdigest() if pdf is not None else ""
        if pdf_sha and _relative_known(outcome, ".pdf", known).get(pdf_sha) == letter_sha:
            updated[outcome.job.path] = replace(
                outcome, pdf=outcome.job.path.with_suffix(".pdf"), pdf_sha256=pdf_sha
            )
        else:
            letters[outcome.job.path] = letter_sha
    written: dict[Path, str] = {}
    failures: dict[Path, str] = {}

    def write(target: Path, data: bytes) -> None:
        letter = target.with_suffix(".docx")
        sha = hashlib.sha256(data).hexdigest()
        relative = target.relative_to(outcomes[0].job.output_dir).as_posix()
        try:
            register.note_written([(relative, sha, letters[letter])])
            atomic_write(target, data)
        except (BriefError, OSError) as error:
            failures[letter] = str(error) if isinstance(error, BriefError) else os_reason(error)
            return
        written[letter] = sha

    convert_to_pdf(list(letters), write)
    result = []
    for outcome in outcomes:
        path = outcome.job.path
        if path in written:
            done = replace(outcome, pdf=path.with_suffix(".pdf"), pdf_sha256=written[path])
        elif path in letters:
            why = failures.get(path, "LibreOffice kon hem niet omzetten")
            pdf_path = display_path(path.with_suffix(".pdf"))
            done = replace(outcome, attachment_error=f"{pdf_path}: PDF maken mislukt ({why})")
        else:
            done = updated.get(path, outcome)
        result.append(done)
    return result


def add_email(workspace: Workspace, outcome: Outcome, register: Register, known: Known) -> Outcome:
    """An e-mail draft beside the letter, with the letter as it is now (hand edits too)."""
    from brievenbus.output.email_draft import draft_email, recipient_for

    job = outcome.job
    path = job.path.with_suffix(".eml")
    if outcome.status is LetterStatus.FAILED:
        return outcome
    try:
        docx = read_existing(job.path)
        existing = read_existing(path)
    except OSError as error:
        return _problem(outcome, path, error)
    if docx is None:
        return outcome
    municipality, party = recipient(workspace, job)
    data = draft_email(
        docx_path=job.path,
        pdf_path=outcome.pdf,
        subject=outcome.subject or letter_subject(docx),
        club=workspace.dataset.clubs[job.club_id],
        municipality=municipality,
        party=party,
        date=job.date,
    )
    sha = hashlib.sha256(data).hexdigest()
    done = replace(
        outcome, eml=path, eml_sha256=sha, eml_to=recipient_for(municipality, party) or ""
    )
    mine = _relative_known(outcome, ".eml", known)
    if existing is not None and not job.overwrite and edited_by_hand(existing, mine):
        return replace(done, eml_sha256=hashlib.sha256(existing).hexdigest(), eml_kept=True)
    try:
        if sha not in mine:
            relative = path.relative_to(job.output_dir).as_posix()
            register.note_written([(relative, sha, outcome.sha256)])
        if existing != data:
            atomic_write(path, data)
    except (BriefError, OSError) as error:
        return _problem(outcome, path, error)
    return done


def stale_attachments(outcomes: list[Outcome], known: Known, suffix: str) -> list[Path]:
    """PDFs or drafts (``suffix``) we made from another version of the letter beside them."""
    stale: list[Path] = []
    if not any(made.endswith(suffix) for made in known):
        return stale  # the register knows none we made here (a batch without --pdf, say)
    for outcome in outcomes:
        path = outcome.job.path.with_suffix(suffix)
        if outcome.status is LetterStatus.FAILED or not outcome.sha256 or not path.exists():
            continue
        try:
            data = read_existing(path)
        except OSError:
            continue
        made_from = _relative_known(outcome, suffix, known).get(
            hashlib.sha256(data or b"").hexdigest()
        )
        if made_from is not None and made_from != outcome.sha256:
            stale.append(path)
    return stale


def letter_subject(docx: bytes) -> str:
    """The subject in a letter's document properties (for a letter not rendered this run)."""
    try:
        with zipfile.ZipFile(BytesIO(docx)) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8")
    except (KeyError, OSError, ValueError, zipfile.BadZipFile):
        core = ""
    match = re.search(r"<dc:subject>([^<]*)</dc:subject>", core)
    return html.unescape(match.group(1)).strip() if match else "Het Verdrag van Istanbul"


def _relative_known(outcome: Outcome, suffix: str, known: Known) -> Mapping[str, str]:
    relative = outcome.job.path.with_suffix(suffix).relative_to(outcome.job.output_dir)
    return known.get(relative.as_posix(), {})


def _problem(outcome: Outcome, path: Path, error: OSError | BriefError) -> Outcome:
    if isinstance(error, BriefError):
        return replace(outcome, attachment_error=str(error.problems[0]))
    if isinstance(error, NotAFileError):
        why = "geen gewoon bestand (een link, pipe, apparaat of map); brief opent het niet"
    else:
        why = f"kan het bestand niet lezen ({os_reason(error)})"
    return replace(outcome, attachment_error=f"{display_path(path)}: {why}")
