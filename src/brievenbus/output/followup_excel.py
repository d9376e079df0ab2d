"""``opvolging.xlsx``: the follow-up register as a workbook a club fills in, and back.

Written with openpyxl: one row per letter, real date cells, a frozen header,
filters, a drop-down for the letter kind and a date check on the date columns.
Read back read-only and values only, within fixed limits (file size, unpacked
size, number of parts and rows) so a hostile file cannot exhaust the machine.
Rows are matched by municipality, party and kind (``Subject``), never by the
file path: a club's register fits the coordinator's folder.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from brievenbus.errors import BriefError, DataError, OutputError, Problem
from brievenbus.fileio import atomic_write, display_path, read_bytes, read_existing, write_error
from brievenbus.inputs.dataset import Dataset
from brievenbus.letters.selection import find_party
from brievenbus.output.followup import (
    FollowUp,
    FollowUpRegister,
    LetterFollowUp,
    Subject,
    read_date,
)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

EXCEL_NAME = "opvolging.xlsx"
SHEET_TITLE = "opvolging"
COLUMNS = (
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
REQUIRED = ("gemeente", "fractie", "briefsoort", "verstuurd", "antwoord", "toezegging", "notitie")
WIDTHS = (24, 16, 34, 30, 14, 36, 12, 12, 50, 40)
DATE_FORMAT = "dd-mm-yyyy"
MAX_FILE_BYTES = 20_000_000  # the national register is about 150 kB
MAX_UNPACKED_BYTES = 200_000_000
MAX_PARTS = 1000
MAX_ROWS = 20_000  # the national register has 2,659 letters
MAX_SHOWN_PROBLEMS = 20
_READ_HINT = "sla het bestand in Excel of LibreOffice op als Excel-werkmap (.xlsx)"


@dataclass(frozen=True)
class SheetRow:
    """One filled row of the sheet: its number as Excel shows it and its cells by column."""

    number: int
    cells: dict[str, object]


def write_workbook(
    register: FollowUpRegister,
    rows: Sequence[LetterFollowUp],
    kinds: Sequence[str],
    overwrite: bool = False,
) -> Path:
    """Write MAP/opvolging.xlsx atomically; a copy someone filled in is kept unless overwrite."""
    output_dir = register.register.output_dir
    path = output_dir / EXCEL_NAME
    data = build_workbook(rows, kinds)
    try:
        existing = read_existing(path)
    except OSError as error:
        raise write_error(output_dir, error, "verplaats wat er onder die naam staat") from None
    known = register.known_versions(EXCEL_NAME)
    if existing and not overwrite and hashlib.sha256(existing).hexdigest() not in known:
        raise OutputError.simple(
            f"{display_path(path)} is na het maken bewerkt of opgeslagen; er is niets geschreven",
            f"lees het eerst in (brief opvolging inlezen {display_path(path)}"
            f" --uitvoer {display_path(output_dir)}), of vervang het met --overschrijf",
        )
    register.register.note_written([(EXCEL_NAME, hashlib.sha256(data).hexdigest(), "")])
    try:
        atomic_write(path, data)
    except OSError as error:
        raise write_error(
            output_dir, error, "sluit opvolging.xlsx in Excel en probeer het opnieuw"
        ) from None
    return path


def build_workbook(rows: Sequence[LetterFollowUp], kinds: Sequence[str]) -> bytes:
    """The register as .xlsx bytes: header, one row per letter, filters and checks."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET_TITLE
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        f = row.followup
        values: list[object] = [
            row.municipality,
            row.province,
            row.subject.party,
            row.club,
            row.subject.kind,
            row.path,
            _as_date(f.sent),
            _as_date(f.answered),
            f.promise,
            f.note,
        ]
        sheet.append([_clean(value) for value in values])
    last = max(len(rows) + 1, 2)
    for row_cells in sheet.iter_rows(min_row=2, max_row=last, min_col=7, max_col=8):
        for cell in row_cells:
            cell.number_format = DATE_FORMAT
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in sheet.iter_rows(min_row=2, max_row=last, min_col=9, max_col=10):
        for cell in row_cells:
            cell.alignment = wrap
    _keep_text_as_text(sheet)
    _add_checks(sheet, kinds, last)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{_letter(len(COLUMNS))}{last}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _add_checks(sheet: Worksheet, kinds: Sequence[str], last: int) -> None:
    """A drop-down for the letter kind, a date check on the date columns."""
    from openpyxl.worksheet.datavalidation import DataValidation

    kind_list = DataValidation(
        type="list",
        formula1='"' + ",".join(kinds) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Onbekende briefsoort",
        error="Kies een briefsoort uit de lijst.",
    )
    kind_list.add(f"E2:E{last}")
    dates = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="36526",  # 1-1-2000 as an Excel day number
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Geen datum",
        error="Vul een datum in, bv. 3-5-2026.",
    )
    dates.add(f"G2:H{last}")
    sheet.add_data_validation(kind_list)
    sheet.add_data_validation(dates)


def _keep_text_as_text(sheet: Worksheet) -> None:
    """Text that starts with '=' stays text: Excel must never run it as a formula."""
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if cell.data_type == "f":
                cell.data_type = "s"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _as_date(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _clean(value: object) -> object:
    """Text without the control characters a workbook cannot hold; '' as an empty cell."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) or None


def read_workbook(path: Path) -> list[SheetRow]:
    """The filled rows of a follow-up workbook, within the limits; Dutch errors."""
    shown = display_path(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # a pipe would block
        raise DataError.simple(f"kan {shown} niet lezen (dat is geen gewoon bestand)", _READ_HINT)
    size = path.stat().st_size if path.is_file() else 0  # read_bytes names any other trouble
    if size > MAX_FILE_BYTES:
        raise DataError.simple(
            f"{shown} is te groot voor een opvolgingsregister"
            f" ({size // 1_000_000} MB; hoogstens {MAX_FILE_BYTES // 1_000_000} MB)",
            "gebruik het bestand dat brief opvolging --excel maakte",
        )
    data = read_bytes(path, f"kan {shown} niet lezen", "controleer de naam van het bestand")
    _check_zip(data, shown)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise DataError.simple(f"{shown} is geen leesbare Excel-werkmap", _READ_HINT) from None
    try:
        return _sheet_rows(workbook, shown)
    except BriefError:
        raise
    except Exception:  # a broken sheet shows only while its rows are read
        raise DataError.simple(f"{shown} is geen leesbare Excel-werkmap", _READ_HINT) from None
    finally:
        workbook.close()


def _sheet_rows(workbook: Workbook, shown: Path) -> list[SheetRow]:
    """The rows of the sheet 'opvolging' (or the first sheet), by column name."""
    sheets = [s for s in workbook.worksheets if s.title == SHEET_TITLE] or workbook.worksheets[:1]
    if not sheets:
        raise DataError.simple(f"{shown} heeft geen werkblad", _READ_HINT)
    lines = sheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 2)
    columns = _columns(next(lines, ()), shown)
    rows = []
    for number, values in enumerate(lines, start=2):
        if number > MAX_ROWS + 1:
            raise DataError.simple(
                f"{shown} heeft meer dan {MAX_ROWS} rijen", "lees het register per club in"
            )
        cells: dict[str, object] = {
            name: values[i] if i < len(values) else None for name, i in columns.items()
        }
        if any(value not in (None, "") for value in cells.values()):
            rows.append(SheetRow(number, cells))
    return rows


def _check_zip(data: bytes, shown: Path) -> None:
    """An .xlsx is a zip: refuse one that unpacks to far more than a register could hold."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise DataError.simple(f"{shown} is geen Excel-werkmap (.xlsx)", _READ_HINT) from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
        raise DataError.simple(
            f"{shown} pakt uit tot meer dan {MAX_UNPACKED_BYTES // 1_000_000} MB"
            f" of {MAX_PARTS} delen; dat is geen opvolgingsregister",
            "gebruik het bestand dat brief opvolging --excel maakte",
        )


def _columns(header: Sequence[object], shown: Path) -> dict[str, int]:
    """Column positions by name (any case); the columns brief needs must be there."""
    found = {str(name).strip().lower(): i for i, name in enumerate(header) if name is not None}
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise DataError.simple(
            f"{shown}: rij 1 mist de kolom(men) {', '.join(missing)}",
            "de eerste rij moet de kolomnamen van brief opvolging --excel houden: "
            + ", ".join(COLUMNS),
        )
    return {name: found[name] for name in COLUMNS if name in found}


def resolve_rows(
    dataset: Dataset, kinds: Iterable[str], path: Path, rows: Sequence[SheetRow]
) -> list[tuple[str, Subject, FollowUp]]:
    """Each row as (where, subject, follow-up); every problem in one Dutch error."""
    known_kinds = sorted(set(kinds))
    shown = display_path(path)
    resolved, problems = [], []
    for row in rows:
        where = f"rij {row.number}"
        try:
            subject, followup = _resolve_row(dataset, known_kinds, row)
        except BriefError as error:
            problems += [
                Problem(shown, None, f"{where}: {p.message}", p.hint) for p in error.problems
            ]
            continue
        resolved.append((where, subject, followup))
    if problems:
        if len(problems) > MAX_SHOWN_PROBLEMS:
            rest = len(problems) - MAX_SHOWN_PROBLEMS
            problems = problems[:MAX_SHOWN_PROBLEMS]
            problems.append(Problem(shown, None, f"en nog {rest} fouten"))
        problems.append(
            Problem(None, None, "er is niets veranderd", "verbeter de rijen en lees het opnieuw in")
        )
        raise DataError(*problems)
    return resolved


def _resolve_row(dataset: Dataset, kinds: list[str], row: SheetRow) -> tuple[Subject, FollowUp]:
    cells = row.cells
    name = _text(cells.get("gemeente"))
    if not name:
        raise DataError.simple("de gemeente ontbreekt", "vul de kolom gemeente in")
    municipality = dataset.find_municipality(name)
    party_name = _text(cells.get("fractie"))
    party = find_party(municipality, party_name).naam if party_name else ""
    kind = _text(cells.get("briefsoort"))
    if kind not in kinds:
        raise DataError.simple(
            f"briefsoort '{kind}' bestaat niet" if kind else "de briefsoort ontbreekt",
            f"kies uit: {', '.join(kinds)}",
        )
    followup = FollowUp(
        sent=_date(cells.get("verstuurd"), "verstuurd"),
        answered=_date(cells.get("antwoord"), "antwoord"),
        promise=_text(cells.get("toezegging")),
        note=_text(cells.get("notitie")),
    )
    return Subject(municipality.code, party, kind), followup


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: object, column: str) -> str:
    """A date cell (or date text) as ISO text; '' for an empty cell."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and (date := read_date(value)) is not None:
        return date.isoformat()
    raise DataError.simple(
        f"'{_text(value)}' in kolom {column} is geen datum",
        "vul een datum in, bv. 3-5-2026 of 2026-05-03, of laat de cel leeg",
    )
