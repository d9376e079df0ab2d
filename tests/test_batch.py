"""Batches: many letters, a manifest, re-runs, hand edits, interruptions and collisions."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import docx
import pytest

from brievenbus.errors import OutputError
from brievenbus.letters.workspace import Workspace
from brievenbus.output.batch import Outcome, plan_jobs, run_jobs
from tests.conftest import RunBrief, read_paragraphs

DATE = "2026-04-28"


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    """The manifest as Excel would read it: UTF-8 with BOM, semicolons."""
    raw = (folder / "manifest.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.slow
def test_all_parties_of_all_councils(run_brief: RunBrief, workdir: Path) -> None:
    """--alle --per-fractie writes a letter per party (2,657) plus two via the griffie; a re-run changes nothing."""
    result = run_brief("genereer", "--alle", "--per-fractie", "--datum", DATE)
    assert result.exit_code == 0, result.stderr
    letters = sorted((workdir / "brieven").rglob("*.docx"))
    assert len(letters) == 2659
    rows = manifest_rows(workdir / "brieven")
    assert len(rows) == 2659
    assert {row["status"] for row in rows} == {"nieuw"}
    assert {row["bestand"] for row in rows} == {
        p.relative_to(workdir / "brieven").as_posix() for p in letters
    }
    huizen_vvd = next(
        row for row in rows if row["gemeentecode"] == "GM0406" and row["fractie"] == "VVD"
    )
    assert huizen_vvd["bestand"] == "huizen/vvd.docx"
    assert huizen_vvd["maatregelen"].split() == [
        "publiekscampagnes",
        "onderwijs",
        "training-professionals",
        "opvang-hulplijnen",
        "coordinatiepunt",
        "dataverzameling",
    ]
    assert "via de griffie" not in result.stdout
    assert (workdir / "brieven" / "hilversum" / "gemeenteraad.docx").exists()
    assert "Let op: met de voorbeeldgegevens, namens Unie van Soroptimistclubs" in result.stderr
    assert "2634 brieven namens Unie van Soroptimistclubs" in result.stdout
    assert "11 brieven namens Soroptimistclub Bussum e.o." in result.stdout

    stamps = {p: p.stat().st_mtime_ns for p in letters}
    again = run_brief("genereer", "--alle", "--per-fractie", "--datum", DATE)
    assert again.exit_code == 0
    assert {row["status"] for row in manifest_rows(workdir / "brieven")} == {"ongewijzigd"}
    assert all(p.stat().st_mtime_ns == stamp for p, stamp in stamps.items())


def test_per_party_letter_addresses_the_party(run_brief: RunBrief, workdir: Path) -> None:
    """A per-party letter names the party in the address and the salutation."""
    assert run_brief("genereer", "Huizen", "--per-fractie", "--datum", DATE).exit_code == 0
    text = [t for _, t in read_paragraphs(workdir / "brieven" / "huizen" / "vvd.docx")]
    assert text[0] == "Aan de fractievoorzitter van de VVD\nin de gemeenteraad van Huizen"
    assert "Geachte fractievoorzitter van de VVD," in text


def test_party_leader_by_name(run_brief: RunBrief, local_data: Path, workdir: Path) -> None:
    """When the data has the leader's name, the letter is addressed to her."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("naam: Huizen")
    vvd = text.index("{naam: VVD, zetels: 5}", start)
    path.write_text(
        text[:vvd] + "{naam: VVD, zetels: 5, fractievoorzitter: A. de Vries}" + text[vvd + 22 :],
        encoding="utf-8",
    )
    assert run_brief("genereer", "Huizen", "--per-fractie").exit_code == 0
    letter = [t for _, t in read_paragraphs(workdir / "brieven" / "huizen" / "vvd.docx")]
    assert letter[0] == "A. de Vries\nFractievoorzitter van de VVD\nGemeenteraad van Huizen"
    assert "Geachte A. de Vries," in letter


def test_selection_by_province_and_club(run_brief: RunBrief, workdir: Path) -> None:
    """--provincie and --club choose the municipalities; --proef writes nothing."""
    result = run_brief("genereer", "--provincie", "Flevoland", "--proef")
    assert result.exit_code == 0
    assert "6 brieven gepland; er is niets geschreven (--proef)." in result.stdout
    assert "brieven/urk.docx" in result.stdout
    assert not (workdir / "brieven").exists()
    club = run_brief("genereer", "--club", "almere", "--per-fractie", "--proef")
    assert "14 brieven gepland" in club.stdout
    assert "brieven/almere/leefbaar-almere.docx" in club.stdout


def test_limit(run_brief: RunBrief, workdir: Path) -> None:
    """--limiet N makes at most N letters."""
    assert run_brief("genereer", "--alle", "--limiet", "3").exit_code == 0
    assert len(list((workdir / "brieven").glob("*.docx"))) == 3


def test_no_selection_is_explained(run_brief: RunBrief) -> None:
    """`brief genereer` without a municipality or group says what to type."""
    result = run_brief("genereer")
    assert result.exit_code == 1
    assert "Fout: geen gemeente genoemd" in result.stderr
    assert "--alle" in result.stderr


def test_hand_edit_is_kept_and_data_change_updates(run_brief: RunBrief, workdir: Path) -> None:
    """A letter edited in Word is skipped; an untouched letter follows the new data."""
    args = ("genereer", "Huizen", "Almere", "--datum", DATE)
    assert run_brief(*args).exit_code == 0
    huizen = workdir / "brieven" / "huizen.docx"
    edited = docx.Document(str(huizen))
    edited.paragraphs[3].text = "Beste mevrouw Jansen,"
    edited.save(str(huizen))
    hand_made = huizen.read_bytes()

    result = run_brief("genereer", "Huizen", "Almere", "--datum", "2026-05-01")
    assert result.exit_code == 0
    assert huizen.read_bytes() == hand_made
    statuses = {row["bestand"]: row["status"] for row in manifest_rows(workdir / "brieven")}
    assert statuses == {"huizen.docx": "overgeslagen", "almere.docx": "bijgewerkt"}
    assert "Almere, 1 mei 2026" in [
        t for _, t in read_paragraphs(workdir / "brieven" / "almere.docx")
    ]

    assert run_brief(*args, "--overschrijf").exit_code == 0
    assert "Beste mevrouw Jansen," not in [t for _, t in read_paragraphs(huizen)]


def test_interrupted_run_leaves_no_partial_file_and_resumes(workdir: Path) -> None:
    """Ctrl-C after some letters: the letters being made are finished and counted, --hervat does the rest."""
    workspace = Workspace.open()
    municipalities = [m for m in workspace.dataset.municipalities if m.provincie == "Zeeland"]
    output = workdir / "brieven"
    date = datetime.date(2026, 4, 28)
    jobs = plan_jobs(workspace, municipalities, output, date=date, per_party=True)
    (output).mkdir()
    (output / ".brief-k3j2h1x0.tmp").write_bytes(b"half")  # left by a killed run

    finished: list[Outcome] = []

    def interrupt_after_five(outcome: Outcome) -> None:
        finished.append(outcome)
        if len(finished) == 5:
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C

    first = run_jobs(workspace, jobs, workers=1, on_outcome=interrupt_after_five)
    assert first.interrupted
    on_disk = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.docx"))
    assert 5 <= len(first.outcomes) < len(jobs)
    assert on_disk == sorted(o.job.relative_path for o in first.outcomes)
    assert not list(
        output.rglob(".brief-*.tmp")
    )  # no temporary or half files, the stale one removed
    assert len(manifest_rows(output)) == len(first.outcomes)

    jobs = plan_jobs(workspace, municipalities, output, date=date, per_party=True)
    second = run_jobs(workspace, jobs, resume=True, workers=1)
    assert not second.interrupted
    assert len(second.outcomes) == len(jobs) - len(first.outcomes)
    assert len(manifest_rows(output)) == len(jobs)


def test_interruption_message_says_how_to_resume(
    run_brief: RunBrief, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summary after Ctrl-C gives the command to resume with --hervat."""
    from brievenbus.output import batch

    def interrupted(*args: object, **kwargs: object) -> batch.BatchResult:
        return batch.BatchResult(outcomes=[], interrupted=True, planned=12)

    monkeypatch.setattr(batch, "run_jobs", interrupted)
    monkeypatch.setattr("sys.argv", ["brief", "genereer", "--provincie", "Zeeland"])
    result = run_brief("genereer", "--provincie", "Zeeland")
    assert result.exit_code == 1
    assert "Afgebroken na 0 van 12 brieven; er is geen half bestand achtergelaten." in result.stderr
    assert "brief genereer --provincie Zeeland --hervat" in result.stderr


def test_colliding_paths_stop_before_writing(local_data: Path, workdir: Path) -> None:
    """Two parties whose names give the same file name: an error, and nothing written."""
    path = local_data / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("naam: Huizen")
    extra = "{naam: VVD, zetels: 5}\n    - {naam: vvd, zetels: 1}"
    text = text[:start] + text[start:].replace("{naam: VVD, zetels: 5}", extra, 1)
    path.write_text(text, encoding="utf-8")
    workspace = Workspace.open(local_data)
    huizen = workspace.dataset.find_municipality("Huizen")
    with pytest.raises(OutputError) as caught:
        plan_jobs(workspace, [huizen], workdir / "brieven", per_party=True)
    assert "twee brieven zouden hetzelfde bestand krijgen: brieven/huizen/vvd.docx" in str(
        caught.value
    )
    assert not (workdir / "brieven").exists()
