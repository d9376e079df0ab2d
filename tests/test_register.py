"""The register is the truth; manifest.csv is an Excel-safe export; files stay in the output folder."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RunBrief

DATE = "2026-04-28"
NEXT_DATE = "2026-05-12"
ZEELAND = ("genereer", "--provincie", "Zeeland")  # 13 letters, in one process


def without_example_notice(stderr: str) -> str:
    """Standard error after the one line outside a workspace says the example data are used."""
    first, _, rest = stderr.partition("\n")
    assert first.startswith("Let op: met de voorbeeldgegevens, namens ")
    return rest


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    """manifest.csv as Excel would read it."""
    text = (folder / "manifest.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def forget_register(folder: Path) -> None:
    """What a folder written by the previous version looks like: letters and a manifest only."""
    for path in folder.glob(".brief-register*"):
        path.unlink()


def assert_nothing_skipped(run_brief: RunBrief, folder: Path) -> None:
    """A run with another date takes every letter for the tool's own."""
    result = run_brief(*ZEELAND, "--datum", NEXT_DATE)
    assert result.exit_code == 0, result.stderr
    assert "overgeslagen" not in result.stdout + result.stderr
    assert {row["status"] for row in manifest_rows(folder)} == {"bijgewerkt"}


def rewrite_manifest(folder: Path, change: str) -> None:
    """The manifest as a spreadsheet might save it again."""
    path = folder / "manifest.csv"
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    if change == "komma":
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif change == "windows-1252":
        rows[1][1] = "Súdwest-Fryslân"
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        path.write_bytes(buffer.getvalue().encode("cp1252"))
    elif change == "korte-regel":
        rows[2] = rows[2][:9]  # up to the sha256; status, reason and time gone
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    elif change == "groot-veld":
        rows[3][10] = "x" * 128 * 1024
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")


@pytest.mark.parametrize("change", ["komma", "windows-1252", "korte-regel", "groot-veld"])
def test_old_manifest_saved_by_a_spreadsheet_is_read_once(
    run_brief: RunBrief, workdir: Path, change: str
) -> None:
    """A previous version's manifest, mangled by a spreadsheet, still tells which letters are ours."""
    folder = workdir / "brieven"
    assert run_brief(*ZEELAND, "--datum", DATE).exit_code == 0
    forget_register(folder)
    rewrite_manifest(folder, change)
    assert_nothing_skipped(run_brief, folder)


def test_with_a_register_the_manifest_is_never_read(run_brief: RunBrief, workdir: Path) -> None:
    """A foreign, mangled or missing manifest changes nothing; it is written again from the register."""
    folder = workdir / "brieven"
    assert run_brief(*ZEELAND, "--datum", DATE).exit_code == 0
    (folder / "manifest.csv").write_text("bestand;sha256\r\nvlissingen.docx;0000\r\n")
    again = run_brief(*ZEELAND, "--datum", DATE)
    assert again.exit_code == 0
    rows = manifest_rows(folder)
    assert len(rows) == 13
    assert {row["status"] for row in rows} == {"ongewijzigd"}
    (folder / "manifest.csv").unlink()
    assert_nothing_skipped(run_brief, folder)
    assert len(manifest_rows(folder)) == 13


def test_party_named_like_a_formula(run_brief: RunBrief, local_data: Path, workdir: Path) -> None:
    """A party whose name starts with '=' is text in the manifest."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("naam: Huizen")
    text = text[:start] + text[start:].replace(
        "{naam: VVD, zetels: 5}", "{naam: '=1+1', zetels: 5}", 1
    )
    path.write_text(text, encoding="utf-8")
    assert run_brief("genereer", "Huizen", "--per-fractie", "--datum", DATE).exit_code == 0
    parties = {row["fractie"] for row in manifest_rows(workdir / "brieven")}
    assert "'=1+1" in parties


def test_files_follow_the_umask(run_brief: RunBrief, workdir: Path) -> None:
    """Letters, drafts, manifest, register and everything `brief init` writes: 0644 under 022."""
    previous = os.umask(0o022)
    try:
        assert run_brief("init", "werkmap").exit_code == 0
        assert run_brief("genereer", "Huizen", "--eml").exit_code == 0
        mask_027 = os.umask(0o027)
        assert run_brief("genereer", "Almere", "--uitvoer", "streng").exit_code == 0
        os.umask(mask_027)
    finally:
        os.umask(previous)
    written = [p for p in (workdir / "werkmap").rglob("*") if p.is_file()]
    written += [p for p in (workdir / "brieven").iterdir() if p.is_file()]
    assert len(written) > 10
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {"0o644"}
    strict = [p for p in (workdir / "streng").iterdir() if p.is_file()]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in strict} == {"0o640"}


def test_link_inside_the_output_folder_is_refused(run_brief: RunBrief, workdir: Path) -> None:
    """A subfolder that is a link to elsewhere: a Dutch error, nothing written or removed there."""
    elsewhere = workdir / "elders"
    elsewhere.mkdir()
    (elsewhere / ".brief-abcd1234.tmp").write_bytes(b"not ours to remove")
    (workdir / "brieven").mkdir()
    (workdir / "brieven" / "huizen").symlink_to(elsewhere)
    result = run_brief("genereer", "Huizen", "--per-fractie")
    assert result.exit_code == 1
    assert without_example_notice(result.stderr).startswith(
        "Fout: brieven/huizen is een link naar een andere plek; brief schrijft alleen in de uitvoermap zelf."
    )
    assert sorted(p.name for p in elsewhere.iterdir()) == [".brief-abcd1234.tmp"]


def test_output_folder_itself_may_be_a_link(run_brief: RunBrief, workdir: Path) -> None:
    """--uitvoer may name a link to a folder (a shared drive, say)."""
    (workdir / "gedeeld").mkdir()
    (workdir / "brieven").symlink_to(workdir / "gedeeld")
    assert run_brief("genereer", "Huizen").exit_code == 0
    assert (workdir / "gedeeld" / "huizen.docx").is_file()


@pytest.mark.parametrize("kind", ["fifo", "link"])
def test_odd_file_at_a_letters_place_is_refused(
    run_brief: RunBrief, workdir: Path, kind: str
) -> None:
    """A pipe or a link (here to /dev/zero) where a letter goes is never opened or followed."""
    (workdir / "brieven").mkdir()
    target = workdir / "brieven" / "huizen.docx"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    result = run_brief("genereer", "Huizen", "Almere")
    assert result.exit_code == 1
    assert (
        "Fout: brieven/huizen.docx is geen gewoon bestand (een link, pipe, apparaat of map); "
        "brief opent het niet en schrijft er niet overheen" in result.stderr
    )
    assert (workdir / "brieven" / "almere.docx").is_file()
    assert target.is_symlink() if kind == "link" else stat.S_ISFIFO(target.lstat().st_mode)


def test_cleanup_removes_only_our_temporary_files(run_brief: RunBrief, workdir: Path) -> None:
    """A killed run's temporary file goes; a user's file with a similar name stays."""
    folder = workdir / "brieven"
    folder.mkdir()
    (folder / ".brief-k3j2h1x0.tmp").write_bytes(b"half a letter")
    (folder / ".brief-mijn-notities.tmp").write_bytes(b"mine")
    assert run_brief("genereer", "Huizen").exit_code == 0
    assert sorted(p.name for p in folder.glob(".brief-*.tmp")) == [".brief-mijn-notities.tmp"]


def test_second_run_names_the_first(
    run_brief: RunBrief, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While another process holds the folder, a run stops with a Dutch message naming it."""
    from brievenbus.output import lock

    folder = workdir / "brieven"
    folder.mkdir()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from brievenbus.output.lock import RunLock;"
            " RunLock(Path(sys.argv[1])).__enter__(); print('vast', flush=True); time.sleep(60)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "vast"
        monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
        result = run_brief("genereer", "Huizen")
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert without_example_notice(result.stderr).startswith(
        f"Fout: in brieven is al een andere opdracht van brief bezig (proces {holder.pid} op "
        f"{socket.gethostname()}, gestart "
    )
    assert "er is niets geschreven" in result.stderr
    assert not (folder / "huizen.docx").exists()
    assert run_brief("genereer", "Huizen").exit_code == 0  # the lock went with its process


def test_edited_draft_is_kept(run_brief: RunBrief, workdir: Path) -> None:
    """An e-mail draft the user edited is kept like a letter; an untouched one follows the letter."""
    assert run_brief("genereer", "Huizen", "Almere", "--eml", "--datum", DATE).exit_code == 0
    draft = workdir / "brieven" / "huizen.eml"
    edited = draft.read_bytes().replace(b"Wij horen graag", b"Wij horen heel graag")
    draft.write_bytes(edited)
    almere_before = (workdir / "brieven" / "almere.eml").read_bytes()
    result = run_brief("genereer", "Huizen", "Almere", "--eml", "--datum", NEXT_DATE)
    assert result.exit_code == 0
    assert draft.read_bytes() == edited
    assert "1 e-mailconcept niet vervangen: met de hand bewerkt" in result.stderr
    assert (workdir / "brieven" / "almere.eml").read_bytes() != almere_before


def test_failing_pdf_is_shown_and_exits_1(
    run_brief: RunBrief, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--pdf that LibreOffice could not make: a Dutch error on screen and exit 1."""
    from brievenbus.output import pdf

    monkeypatch.setattr(pdf, "require_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "convert_to_pdf", lambda paths, write: {})
    result = run_brief("genereer", "Huizen", "--pdf")
    assert result.exit_code == 1
    assert "Fout: brieven/huizen.pdf: PDF maken mislukt (LibreOffice kon hem niet omzetten)" in (
        result.stderr
    )


def test_register_knows_every_letter(run_brief: RunBrief, workdir: Path) -> None:
    """The register holds each letter's subject, path, hash and input fingerprint."""
    import sqlite3

    assert run_brief("genereer", "Huizen", "--per-fractie", "--datum", DATE).exit_code == 0
    folder = workdir / "brieven"
    with sqlite3.connect(folder / ".brief-register.db") as connection:
        rows = connection.execute(
            "SELECT municipality_code, party, kind, path, sha256, fingerprint FROM letters"
        ).fetchall()
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    vvd = next(row for row in rows if row[1] == "VVD")
    assert vvd[:4] == ("GM0406", "VVD", "verkiezingen", "huizen/vvd.docx")
    assert vvd[4] == hashlib.sha256((folder / "huizen" / "vvd.docx").read_bytes()).hexdigest()
    assert len(vvd[5]) == 64


def test_damaged_register_is_a_dutch_error(run_brief: RunBrief, workdir: Path) -> None:
    """A register that is not a database: a Dutch error that says what to do, nothing written."""
    folder = workdir / "brieven"
    folder.mkdir()
    (folder / ".brief-register.db").write_bytes(b"dit is geen database" * 100)
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert without_example_notice(result.stderr).startswith(
        "Fout: kan het register van brief in brieven niet bijwerken (het register is beschadigd)"
    )
    assert "hernoem .brief-register.db" in result.stderr
    assert not (folder / "huizen.docx").exists()


def test_draft_of_an_older_letter_is_pointed_out(run_brief: RunBrief, workdir: Path) -> None:
    """A run without --eml that changes a letter says its draft still holds the old one."""
    assert run_brief("genereer", "Huizen", "--eml", "--datum", DATE).exit_code == 0
    result = run_brief("genereer", "Huizen", "--datum", NEXT_DATE)
    assert result.exit_code == 0
    assert (
        "Let op: 1 PDF of e-mailconcept hoort bij een oudere versie van de brief ernaast "
        "(bv. brieven/huizen.eml); maak ze opnieuw met --eml" in result.stderr
    )
    again = run_brief("genereer", "Huizen", "--eml", "--datum", NEXT_DATE)
    assert "oudere versie" not in again.stderr


def test_foreign_manifest_is_not_read(run_brief: RunBrief, workdir: Path) -> None:
    """A manifest.csv that brief did not write never makes a file count as the tool's own."""
    folder = workdir / "brieven"
    assert run_brief("genereer", "Huizen", "--datum", DATE).exit_code == 0
    forget_register(folder)
    sha256 = hashlib.sha256((folder / "huizen.docx").read_bytes()).hexdigest()
    (folder / "manifest.csv").write_text(f"bestand;sha256\r\nhuizen.docx;{sha256}\r\n")
    result = run_brief("genereer", "Huizen", "--datum", NEXT_DATE)
    assert result.exit_code == 0
    assert "overgeslagen: brieven/huizen.docx" in result.stdout
    assert "1 brief overgeslagen (brieven/huizen.docx): met de hand bewerkt" in result.stderr
