"""Campaign follow-up: mark letters, count them, exchange an Excel register with clubs."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from brievenbus.output.followup import FollowUp, FollowUpRegister, Subject, merge, read_date
from tests.conftest import RunBrief

DATE = "2026-04-28"
ZEELAND = ("genereer", "--provincie", "Zeeland", "--datum", DATE)  # 13 council letters
ALMERE = ("genereer", "Almere", "--per-fractie", "--datum", DATE)  # 14 party letters
PVDA = "GROENLINKS / Partij van de Arbeid (PvdA)"


def make(run_brief: RunBrief, *commands: tuple[str, ...], folder: str = "brieven") -> Path:
    """Letters into a folder, as a user would make them."""
    for command in commands:
        result = run_brief(*command, "--uitvoer", folder)
        assert result.exit_code == 0, result.stderr
    return Path(folder)


def table(stdout: str) -> dict[str, list[str]]:
    """The rows of the `brief opvolging` table: name → its five counts."""
    rows = {}
    for line in stdout.splitlines():
        cells = [cell.strip() for cell in re.split(r"[│┃]", line)]
        if len(cells) == 6 and cells[1].isdigit():
            rows[cells[0]] = cells[1:]
    return rows


def records(folder: Path) -> dict[Subject, FollowUp]:
    """The follow-up in a folder's register."""
    with FollowUpRegister.open(folder) as register:
        return register.records()


def test_mark_and_count_per_province(run_brief: RunBrief) -> None:
    """Marked letters are counted per province, with the share answered of those sent."""
    make(run_brief, ZEELAND, ALMERE)
    today = datetime.date.today().isoformat()

    marked = run_brief("opvolging", "markeer", "Middelburg", "--verstuurd")  # no date: today
    answered = run_brief(
        "opvolging", "markeer", "almere", "--fractie", "pvda", "--verstuurd",
        "--antwoord", "3-5-2026", "--toezegging", "Motie in juni",
    )  # fmt: skip
    shown = run_brief("opvolging")

    assert marked.exit_code == 0, marked.stderr
    assert f"Middelburg · (hele raad) · verkiezingen: verstuurd {today}" in marked.stdout
    assert answered.exit_code == 0, answered.stderr
    assert f"Almere · {PVDA} · verkiezingen: verstuurd {today}, antwoord 2026-05-03" in (
        answered.stdout
    )
    assert table(shown.stdout) == {
        "Flevoland": ["14", "1", "1", "1", "100 %"],
        "Zeeland": ["13", "1", "0", "0", "0 %"],
        "totaal": ["27", "2", "1", "1", "50 %"],
    }


def test_count_per_party_and_club(run_brief: RunBrief) -> None:
    """--per fractie and --per club group the same letters otherwise."""
    make(run_brief, ALMERE)
    run_brief("opvolging", "markeer", "Almere", "--fractie", "VVD", "--antwoord", "2026-05-02")

    per_party = table(run_brief("opvolging", "--per", "fractie").stdout)
    per_club = table(run_brief("opvolging", "--per", "club").stdout)

    assert per_party["VVD"] == ["1", "1", "1", "0", "100 %"]  # an answer proves it was sent
    assert per_party["D66"] == ["1", "0", "0", "0", "–"]
    assert per_club == {
        "Soroptimistclub Almere": ["14", "1", "1", "0", "100 %"],
        "totaal": ["14", "1", "1", "0", "100 %"],
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("Almere", "--antwoord", "gisteren"),
            "Fout: 'gisteren' bij --antwoord is geen datum\n"
            "  → schrijf JJJJ-MM-DD (2026-05-03), D-M-JJJJ (3-5-2026) of vandaag",
        ),
        (("Almere", "--verstuurd", "31-2-2026"), "Fout: '31-2-2026' bij --verstuurd is geen datum"),
        (
            ("Almre", "--verstuurd", "vandaag"),
            "Fout: gemeente 'Almre' bestaat niet\n  → bedoelt u Almere",
        ),
        (
            ("Almere", "--fractie", "Piratenpartij", "--verstuurd", "vandaag"),
            "Fout: Almere heeft geen fractie 'Piratenpartij'",
        ),
        (
            ("Huizen", "--verstuurd", "vandaag"),
            "Fout: in brieven staat geen brief aan Huizen; er is niets veranderd\n"
            "  → maak hem eerst (brief genereer Huizen --uitvoer brieven)",
        ),
        (
            ("Almere",),
            "Fout: er is niets om te noteren\n"
            "  → geef --verstuurd, --antwoord, --toezegging of --notitie",
        ),
    ],
)
def test_mark_errors_change_nothing(
    run_brief: RunBrief, args: tuple[str, ...], message: str
) -> None:
    """A bad date, an unknown municipality or party: a Dutch error, exit 1, nothing recorded."""
    folder = make(run_brief, ALMERE)
    run_brief("opvolging", "markeer", "Almere", "--notitie", "gebeld")
    before = records(folder)

    result = run_brief("opvolging", "markeer", *args)

    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert records(folder) == before


def test_folder_without_letters(run_brief: RunBrief, workdir: Path) -> None:
    """In a folder brief never wrote in: a Dutch error, and no register is made there."""
    result = run_brief("opvolging", "--uitvoer", "leeg")

    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Fout: in leeg heeft brief nog geen brieven geschreven\n"
        "  → maak eerst de brieven (brief genereer … --uitvoer MAP)"
    )
    assert not (workdir / "leeg").exists()


def test_followup_survives_a_new_batch(run_brief: RunBrief, local_data: Path) -> None:
    """Letters made again (new date, new data, --overschrijf) keep every record."""
    folder = make(run_brief, ALMERE)
    run_brief(
        "opvolging", "markeer", "Almere", "--fractie", "D66", "--verstuurd", "2026-05-01",
        "--antwoord", "2026-05-09", "--toezegging", "Agendeert het in de raad", "--notitie", "bellen",
    )  # fmt: skip
    before = records(folder)
    municipalities = local_data / "municipalities.yaml"
    text = municipalities.read_text(encoding="utf-8")
    new_count = text.replace("inwoners: {aantal: 232650,", "inwoners: {aantal: 233000,", 1)
    assert new_count != text
    municipalities.write_text(new_count, encoding="utf-8")
    (folder / "almere" / "d66.docx").write_bytes(b"met de hand bewerkt")

    again = run_brief(*ALMERE[:-1], "2026-06-01", "--overschrijf", "--uitvoer", str(folder))

    assert again.exit_code == 0, again.stderr
    assert "bijgewerkt" in again.stdout
    assert records(folder) == before
    assert before[Subject("GM0034", "D66", "verkiezingen")] == FollowUp(
        "2026-05-01", "2026-05-09", "Agendeert het in de raad", "bellen"
    )
    assert table(run_brief("opvolging").stdout)["Flevoland"] == ["14", "1", "1", "1", "100 %"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-03", datetime.date(2026, 5, 3)),
        ("3-5-2026", datetime.date(2026, 5, 3)),
        ("03/05/2026", datetime.date(2026, 5, 3)),
        (" Vandaag ", datetime.date(2026, 6, 1)),
        ("31-2-2026", None),
        ("3 mei", None),
        ("", None),
    ],
)
def test_dates_as_people_write_them(text: str, expected: datetime.date | None) -> None:
    """ISO dates, Dutch day-month-year and 'vandaag' are dates; anything else is not."""
    assert read_date(text, today=datetime.date(2026, 6, 1)) == expected


def test_merge_keeps_what_is_there_and_reports_disagreement() -> None:
    """Empty cells change nothing; two rows of one file that disagree are a conflict too."""
    vvd = Subject("GM0034", "VVD", "verkiezingen")
    d66 = Subject("GM0034", "D66", "verkiezingen")
    existing = {vvd: FollowUp(sent="2026-05-01", note="gebeld")}
    incoming = [
        ("rij 2", vvd, FollowUp(answered="2026-05-03")),
        ("rij 3", vvd, FollowUp(answered="2026-05-04")),
        ("rij 4", d66, FollowUp()),
    ]

    kept = merge(existing, incoming)
    taken = merge(existing, incoming, overwrite=True)

    assert kept.changes == {vvd: FollowUp("2026-05-01", "2026-05-03", note="gebeld")}
    assert [(c.old_source, c.old, c.new_source, c.new) for c in kept.conflicts] == [
        ("rij 2", "2026-05-03", "rij 3", "2026-05-04")
    ]
    assert taken.changes == {vvd: FollowUp("2026-05-01", "2026-05-04", note="gebeld")}


def test_unknown_grouping(run_brief: RunBrief) -> None:
    """--per takes provincie, club or fractie; anything else is a Dutch error."""
    result = run_brief("opvolging", "--per", "gemeente")

    assert result.exit_code == 1
    assert result.stderr == (
        "Fout: --per gemeente bestaat niet\n  → kies provincie, club of fractie\n"
    )
