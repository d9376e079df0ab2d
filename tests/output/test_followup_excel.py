"""The Excel follow-up register: written for clubs, filled in, read back and merged."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pytest

from brievenbus.output import followup_excel
from brievenbus.output.followup import FollowUp, Subject
from tests.conftest import RunBrief
from tests.output.test_followup import ALMERE, PVDA, ZEELAND, make, records, table

HEADER = (
    "gemeente",
    "provincie",
    "fractie",
    "club",
    "briefsoort",
    "bestand",
    "verstuurd",
    "antwoord",
    "toezegging",
    "notitie",
)


def export(run_brief: RunBrief, folder: Path) -> Path:
    """`brief opvolging --excel` into a folder; the workbook's path."""
    result = run_brief("opvolging", "--excel", "--uitvoer", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f"{folder}/opvolging.xlsx geschreven" in result.stdout
    return folder / "opvolging.xlsx"


def fill(
    path: Path, changes: Mapping[tuple[str, str], Mapping[str, object]], saved_as: Path
) -> int:
    """Type into the rows of (gemeente, fractie) as a user would in Excel; the last row changed."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    columns = {str(cell.value): int(cell.column or 0) for cell in sheet[1]}
    last = 0
    for row in sheet.iter_rows(min_row=2):
        key = (str(row[0].value), str(row[2].value or ""))
        number = int(row[0].row or 0)
        for name, value in changes.get(key, {}).items():
            sheet.cell(row=number, column=columns[name], value=value)  # type: ignore[call-overload]
            last = number
    workbook.save(saved_as)
    return last


def test_workbook_for_clubs(run_brief: RunBrief) -> None:
    """One row per letter, real date cells, frozen header, filters, a drop-down for the kind."""
    folder = make(run_brief, ALMERE)
    run_brief("opvolging", "markeer", "Almere", "--fractie", "D66", "--verstuurd", "2026-05-01")

    workbook = openpyxl.load_workbook(export(run_brief, folder))
    sheet = workbook.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))

    assert rows[0] == HEADER
    assert len(rows) == 15
    d66 = next(row for row in rows if row[2] == "D66")
    assert d66[:6] == (
        "Almere", "Flevoland", "D66", "Soroptimistclub Almere", "verkiezingen", "almere/d66.docx",
    )  # fmt: skip
    assert d66[6] == datetime.datetime(2026, 5, 1)
    assert sheet["G2"].number_format == "dd-mm-yyyy"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J15"
    kinds = next(v for v in sheet.data_validations.dataValidation if v.type == "list")
    assert kinds.formula1 == '"coalitie,verkiezingen"'
    assert str(kinds.sqref) == "E2:E15"
    assert sheet.column_dimensions["I"].width == 50


def test_round_trip(run_brief: RunBrief, workdir: Path) -> None:
    """A club fills the workbook (date cells, a date typed as text, promises) and reads it in."""
    folder = make(run_brief, ALMERE)
    filled = workdir / "ingevuld.xlsx"
    # Text that Excel could take for a formula must come back as the same text.
    run_brief("opvolging", "markeer", "Almere", "--fractie", "PvdA", "--notitie", "=bellen")
    fill(
        export(run_brief, folder),
        {
            ("Almere", "VVD"): {"verstuurd": datetime.date(2026, 5, 1), "antwoord": "12-5-2026"},
            ("Almere", PVDA): {
                "verstuurd": datetime.date(2026, 5, 1),
                "antwoord": datetime.date(2026, 5, 3),
                "toezegging": "Motie in juni",
            },
            ("Almere", "D66"): {"notitie": "fractievoorzitter gebeld"},
        },
        filled,
    )

    result = run_brief("opvolging", "inlezen", str(filled))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "ingevuld.xlsx: 14 rijen gelezen, 3 brieven bijgewerkt."
    assert records(folder) == {
        Subject("GM0034", "VVD", "verkiezingen"): FollowUp("2026-05-01", "2026-05-12"),
        Subject("GM0034", PVDA, "verkiezingen"): FollowUp(
            "2026-05-01", "2026-05-03", "Motie in juni", "=bellen"
        ),
        Subject("GM0034", "D66", "verkiezingen"): FollowUp(note="fractievoorzitter gebeld"),
    }
    assert table(run_brief("opvolging").stdout)["Flevoland"] == ["14", "2", "2", "1", "100 %"]
    again = openpyxl.load_workbook(export(run_brief, folder)).active
    assert again is not None
    note = next(row[9] for row in again.iter_rows(min_row=2) if row[2].value == PVDA)
    assert note.data_type == "s"  # stays text: Excel does not run it


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"antwoord": "volgende week"},
            "Fout: ingevuld.xlsx: rij {row}: 'volgende week' in kolom antwoord is geen datum\n"
            "  → vul een datum in, bv. 3-5-2026 of 2026-05-03, of laat de cel leeg",
        ),
        (
            {"gemeente": "Almre"},
            "Fout: ingevuld.xlsx: rij {row}: gemeente 'Almre' bestaat niet\n  → bedoelt u Almere",
        ),
        (
            {"fractie": "Piratenpartij"},
            "Fout: ingevuld.xlsx: rij {row}: Almere heeft geen fractie 'Piratenpartij'",
        ),
        (
            {"briefsoort": "bedankje"},
            "Fout: ingevuld.xlsx: rij {row}: briefsoort 'bedankje' bestaat niet\n"
            "  → kies uit: coalitie, verkiezingen",
        ),
    ],
)
def test_bad_row_changes_nothing(
    run_brief: RunBrief, workdir: Path, change: dict[str, object], message: str
) -> None:
    """A wrong date, municipality, party or kind: a Dutch error naming the row; nothing read in."""
    folder = make(run_brief, ALMERE)
    filled = workdir / "ingevuld.xlsx"
    good = {"verstuurd": datetime.date(2026, 5, 1)}
    row = fill(
        export(run_brief, folder), {("Almere", "D66"): good, ("Almere", "VVD"): change}, filled
    )

    result = run_brief("opvolging", "inlezen", str(filled))

    assert result.exit_code == 1
    assert result.stderr.startswith(message.format(row=row)), result.stderr
    assert "Fout: er is niets veranderd" in result.stderr
    assert records(folder) == {}


def test_two_clubs_merged_with_a_conflict(run_brief: RunBrief, workdir: Path) -> None:
    """Clubs' registers from their own folders fill the coordinator's; a conflict needs --overschrijf."""
    national = make(run_brief, ZEELAND, ALMERE, folder="landelijk")
    zeeland = make(run_brief, ZEELAND, folder="club-zeeland")
    almere = make(run_brief, ALMERE, folder="club-almere")
    from_zeeland, from_almere = workdir / "zeeland.xlsx", workdir / "almere.xlsx"
    fill(export(run_brief, zeeland), {("Vlissingen", ""): {"verstuurd": "1-5-2026"}}, from_zeeland)
    fill(
        export(run_brief, almere),
        {("Almere", "CDA"): {"verstuurd": "2026-05-02", "antwoord": "2026-05-06"}},
        from_almere,
    )

    first = run_brief("opvolging", "inlezen", str(from_zeeland), "--uitvoer", str(national))
    second = run_brief("opvolging", "inlezen", str(from_almere), "--uitvoer", str(national))

    assert first.exit_code == 0, first.stderr
    assert second.exit_code == 0, second.stderr
    assert table(run_brief("opvolging", "--uitvoer", str(national)).stdout) == {
        "Flevoland": ["14", "1", "1", "0", "100 %"],
        "Zeeland": ["13", "1", "0", "0", "0 %"],
        "totaal": ["27", "2", "1", "0", "50 %"],
    }

    late = workdir / "almere-later.xlsx"
    row = fill(export(run_brief, almere), {("Almere", "CDA"): {"antwoord": "9-5-2026"}}, late)
    refused = run_brief("opvolging", "inlezen", str(late), "--uitvoer", str(national))
    taken = run_brief(
        "opvolging", "inlezen", str(late), "--uitvoer", str(national), "--overschrijf"
    )

    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        f"Fout: almere-later.xlsx: rij {row}: Almere · CDA · verkiezingen: antwoord"
        " '2026-05-09', maar het register zegt '2026-05-06'\n"
        "Fout: 1 tegenstrijdige waarde(n); er is niets veranderd\n"
        "  → pas de rij aan, of neem de waarden uit het bestand over met --overschrijf"
    ), refused.stderr
    assert taken.exit_code == 0, taken.stderr
    assert "de waarde uit almere-later.xlsx is overgenomen (--overschrijf)" in taken.stderr
    cda = records(national)[Subject("GM0034", "CDA", "verkiezingen")]
    assert cda == FollowUp("2026-05-02", "2026-05-09")


def test_filled_workbook_is_not_overwritten(run_brief: RunBrief) -> None:
    """--excel keeps an opvolging.xlsx someone filled in, unless --overschrijf."""
    folder = make(run_brief, ALMERE)
    path = export(run_brief, folder)
    fill(path, {("Almere", "VVD"): {"notitie": "nog bellen"}}, path)

    kept = run_brief("opvolging", "--excel")
    replaced = run_brief("opvolging", "--excel", "--overschrijf")

    assert kept.exit_code == 1
    assert kept.stderr.startswith(
        "Fout: brieven/opvolging.xlsx is na het maken bewerkt of opgeslagen; er is niets"
        " geschreven\n  → lees het eerst in (brief opvolging inlezen brieven/opvolging.xlsx"
        " --uitvoer brieven), of vervang het met --overschrijf"
    )
    assert replaced.exit_code == 0, replaced.stderr
    assert export(run_brief, folder) == path  # written by brief: replaced without asking


def test_workbook_unpacking_too_large(run_brief: RunBrief, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook that unpacks beyond the limit is refused before openpyxl opens it."""
    folder = make(run_brief, ALMERE)
    path = export(run_brief, folder)
    monkeypatch.setattr(followup_excel, "MAX_UNPACKED_BYTES", 10_000)

    result = run_brief("opvolging", "inlezen", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Fout: brieven/opvolging.xlsx pakt uit tot meer dan 0 MB of 1000 delen"
    )


def test_rows_about_letters_made_elsewhere(run_brief: RunBrief, workdir: Path) -> None:
    """A club's row about a letter the coordinator's folder lacks is kept, counted and reported."""
    national = make(run_brief, ZEELAND, folder="landelijk")
    almere = make(run_brief, ALMERE, folder="club-almere")
    filled = workdir / "almere.xlsx"
    row = fill(export(run_brief, almere), {("Almere", "CDA"): {"verstuurd": "2-5-2026"}}, filled)

    result = run_brief("opvolging", "inlezen", str(filled), "--uitvoer", str(national))

    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        f"Let op: 1 rij(en) gaan over brieven die niet in landelijk staan (bv. rij {row}:"
        " Almere · CDA · verkiezingen); hun opvolging is bewaard en telt mee"
    ), result.stderr
    counted = table(run_brief("opvolging", "--uitvoer", str(national)).stdout)
    assert counted["Flevoland"] == ["1", "1", "0", "0", "0 %"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice is niet geïnstalleerd"
)
def test_saved_again_in_libreoffice_calc(run_brief: RunBrief, workdir: Path) -> None:
    """A register filled in and saved by LibreOffice Calc reads back with its dates."""
    assert SOFFICE, "CI installs LibreOffice (.ci/run)"
    folder = make(run_brief, ALMERE)
    filled = workdir / "ingevuld.xlsx"
    answer = {"verstuurd": datetime.date(2026, 5, 1), "antwoord": datetime.date(2026, 5, 12)}
    fill(export(run_brief, folder), {("Almere", "VVD"): {**answer, "toezegging": "Motie"}}, filled)
    profile = (workdir / "lo-profiel").as_uri()
    subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", "calc", str(filled)],
        cwd=workdir, capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    saved = workdir / "calc" / "ingevuld.xlsx"
    if not saved.exists() and not os.environ.get("CI"):
        pytest.skip("LibreOffice Calc is niet geïnstalleerd (libreoffice-calc-nogui)")

    result = run_brief("opvolging", "inlezen", str(saved))

    assert result.exit_code == 0, result.stderr
    assert records(folder) == {
        Subject("GM0034", "VVD", "verkiezingen"): FollowUp("2026-05-01", "2026-05-12", "Motie")
    }
