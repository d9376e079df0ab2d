"""``manifest.csv``: the register's letters as a table for Excel — an export, never the truth.

UTF-8 with BOM and semicolons, so a double click opens it correctly in Dutch
Excel; a cell that Excel would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading apostrophe. It is
rewritten atomically from the register at the end of every run, also an
interrupted one. ``brief`` never reads it back, except once: the manifest of
the previous version, read into a new register (``read_legacy_manifest``).
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from brievenbus.fileio import atomic_write, read_existing, write_error
from brievenbus.output.folder import MANIFEST_NAME
from brievenbus.output.register import LetterRecord

MANIFEST_COLUMNS = (
    "gemeentecode",
    "gemeente",
    "fractie",
    "briefsoort",
    "maatregelen",
    "bestand",
    "pdf",
    "eml",
    "sha256",
    "status",
    "reden",
    "tijd",
)
# The columns by which a manifest of an earlier version of brief is recognised.
_LEGACY_COLUMNS = {"gemeentecode", "briefsoort", "bestand", "sha256", "status"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHA256 = re.compile(r"[0-9a-f]{64}")
MAX_LEGACY_BYTES = 64 * 1024 * 1024  # a manifest of every letter is about 1 MB


def excel_safe(text: str) -> str:
    """A cell Excel shows as text: never a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def manifest_row(record: LetterRecord) -> list[str]:
    """One letter as the manifest's cells."""
    cells = [
        record.municipality_code,
        record.municipality,
        record.party,
        record.kind,
        record.measures,
        record.path,
        record.pdf,
        record.eml,
        record.sha256,
        record.status,
        record.reason,
        record.time,
    ]
    return [excel_safe(cell) for cell in cells]


def write_manifest(output_dir: Path, records: Iterable[LetterRecord]) -> None:
    """Replace manifest.csv in one go with these letters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(MANIFEST_COLUMNS)
    writer.writerows(manifest_row(record) for record in records)
    try:
        atomic_write(output_dir / MANIFEST_NAME, buffer.getvalue().encode("utf-8-sig"))
    except OSError as error:
        raise write_error(
            output_dir,
            error,
            "maak ruimte vrij, of sluit manifest.csv in Excel; de brieven zelf zijn in orde",
        ) from None


def read_legacy_manifest(output_dir: Path) -> list[LetterRecord]:
    """The letters an earlier version recorded in manifest.csv, as far as they can be read.

    Whatever a spreadsheet made of it (commas, Windows-1252, short rows, huge
    fields) or whatever else is there: rows that do not name a letter file in
    this folder with a sha256 are left out; nothing here raises.
    """
    try:
        raw = read_existing(output_dir / MANIFEST_NAME)
    except OSError:
        return []
    if not raw or len(raw) > MAX_LEGACY_BYTES:
        return []
    # Hashes, codes and file names are ASCII in every encoding a spreadsheet picks.
    text = raw.decode("utf-8-sig", errors="replace")
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    previous_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, MAX_LEGACY_BYTES))
    try:
        rows = list(_rows(text, delimiter))
    finally:
        csv.field_size_limit(previous_limit)
    return [record for row in rows if (record := _legacy_record(row)) is not None]


def _rows(text: str, delimiter: str) -> Iterable[dict[str, str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip().lstrip("'").casefold() for cell in next(reader)]
        if not set(header) >= _LEGACY_COLUMNS:
            return  # not a manifest brief wrote: it says nothing about our files
        for cells in reader:
            yield dict(zip(header, (c.strip().lstrip("'") for c in cells), strict=False))
    except (csv.Error, StopIteration):
        return


def _legacy_record(row: dict[str, str]) -> LetterRecord | None:
    path = row.get("bestand", "").replace("\\", "/")
    sha256 = row.get("sha256", "").casefold()
    pure = PurePosixPath(path)
    if (
        not _SHA256.fullmatch(sha256)
        or pure.suffix != ".docx"
        or pure.is_absolute()
        or ".." in pure.parts
    ):
        return None
    return LetterRecord(
        path=pure.as_posix(),
        municipality_code=row.get("gemeentecode", ""),
        party=row.get("fractie", ""),
        kind=row.get("briefsoort", ""),
        municipality=row.get("gemeente", ""),
        measures=row.get("maatregelen", ""),
        sha256=sha256,
        status=row.get("status", "") or "nieuw",
        reason=row.get("reden", ""),
        time=row.get("tijd", ""),
    )
