"""Read a CBS StatLine CSV export as StatLine writes it.

A title line, a header that may span two rows (the topic group ``Meldingen``
above ``Totaal meldingen (aantal)``), region names with their marks, ``.`` for
a secret or unknown value and a footer. Numbers are read with one notation
for the whole file (Dutch or English, Babel's strict number parsing), chosen
because every value in the file fits it: ``12.500`` is never read as 12500 in
one row and 12.5 in another.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from babel.numbers import NumberFormatError, parse_decimal

from brievenbus.cbs.regions import RegionMatcher
from brievenbus.cbs.table import (
    DEFAULT_COLUMNS,
    TABLE_ID,
    Extract,
    TopicColumn,
    choose_period,
    match_columns,
    parse_period,
)
from brievenbus.errors import DataError, Problem
from brievenbus.fileio import display_path, read_bytes

UNKNOWN_MARKS = {"", ".", "x", "?"}  # CBS: '.' = unknown or secret; 'x' = secret
NIL_MARK = "-"  # CBS: '-' = nil (zero)
HEADER_SEARCH_ROWS = 40
# The two notations StatLine writes: Dutch (12.500,5) and English (12,500.5).
NOTATIONS = {"nl": "Nederlandse notatie (decimale komma)", "en": "Engelse notatie (decimale punt)"}


def read_statline_csv(
    path: Path, matcher: RegionMatcher, columns: Mapping[str, str] | None = None
) -> Extract:
    """Read the latest complete year of a StatLine CSV export (; or , separated, BOM)."""
    text = _read_text(path)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    for row in reader:
        rows.append(row)
        lines.append(reader.line_num)
    header_index = _find_header(rows, path)
    header = [cell.strip() for cell in rows[header_index]]
    region_col = next(i for i, h in enumerate(header) if "regio" in h.lower())
    period_col = next(i for i, h in enumerate(header) if h.lower().startswith("period"))
    topic_columns, first_data = _topic_columns(rows, header_index, region_col, period_col)
    mapping = _known_columns(topic_columns, columns, path, lines[header_index])
    headings = {c.key: c.heading for c in topic_columns}
    needed = max(region_col, period_col, *(int(k) for k in mapping))
    data = [
        (line, row)
        for line, row in zip(lines[first_data:], rows[first_data:], strict=True)
        if len(row) > needed and row[period_col].strip()
    ]
    periods = {parse_period(row[period_col]) for _, row in data}
    if not periods:
        raise DataError(
            Problem(
                display_path(path),
                None,
                "geen perioden gevonden",
                "controleer of dit een StatLine-export is",
            )
        )
    chosen = choose_period(list(periods))
    locale = _choose_notation([row[int(k)] for _, row in data for k in mapping], delimiter)
    extract = Extract(
        origin=str(display_path(path)),
        period=chosen,
        periods_seen=sorted(periods, key=lambda p: p.order()),
        columns={headings[k]: indicator for k, indicator in mapping.items()},
        notation=NOTATIONS[locale],
    )
    for line, row in data:
        if parse_period(row[period_col]) == chosen:
            values = [
                (
                    headings[key],
                    indicator,
                    row[int(key)].strip(),
                    *_number(row[int(key)].strip(), locale),
                )
                for key, indicator in mapping.items()
            ]
            extract.add_row(f"regel {line}", matcher.match(row[region_col]), values)
    return extract


def _known_columns(
    topic_columns: list[TopicColumn], columns: Mapping[str, str] | None, path: Path, line: int
) -> dict[str | int, str]:
    """Which columns hold which indicator; none known is an error at the header's line."""
    mapping = match_columns(topic_columns, columns or DEFAULT_COLUMNS)
    if not mapping:
        raise DataError(
            Problem(
                display_path(path),
                line,
                "geen bekende kolommen gevonden (kolommen: "
                + ", ".join(c.heading for c in topic_columns)
                + ")",
                "kies kolommen met --kolom 'Kop=indicator',"
                " bv. --kolom 'Meldingen=veilig-thuis-meldingen'",
            )
        )
    return mapping


def _read_text(path: Path) -> str:
    hint = "controleer de bestandsnaam"
    if TABLE_ID.fullmatch(str(path)) and not path.exists():
        hint += f", of haal de tabel op bij CBS met: brief importeer cbs --online {path}"
    raw = read_bytes(path, f"kan {path} niet lezen", hint)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError.simple(
        f"{path} is geen tekstbestand", "exporteer de tabel uit StatLine als CSV"
    )


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    return ";" if sample.count(";") >= sample.count(",") else ","


def _find_header(rows: list[list[str]], path: Path) -> int:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        lowered = [cell.strip().lower() for cell in row]
        if any("regio" in c for c in lowered) and any(c.startswith("period") for c in lowered):
            return index
    raise DataError(
        Problem(
            display_path(path),
            None,
            "geen kolommen 'Regio's' en 'Perioden' gevonden",
            "exporteer de tabel uit CBS StatLine als CSV, met regio's en perioden als kolommen",
        )
    )


def _topic_columns(
    rows: list[list[str]], header: int, region_col: int, period_col: int
) -> tuple[list[TopicColumn], int]:
    """The columns with figures and their titles; a two-row header becomes one.

    StatLine writes the topic group (``Meldingen``) in a row of its own, above
    or below the row with ``Regio's`` and ``Perioden``; a group spanning several
    columns is written once, over the first.
    """

    def is_group_row(index: int) -> bool:
        if not 0 <= index < len(rows):
            return False
        row = rows[index]
        return (
            len(row) == len(rows[header])
            and not any(row[i].strip() for i in (region_col, period_col))
            and any(cell.strip() for cell in row)
        )

    if is_group_row(header - 1):
        groups, titles, first_data = rows[header - 1], rows[header], header + 1
    elif is_group_row(header + 1):
        groups, titles, first_data = rows[header], rows[header + 1], header + 2
    else:
        groups, titles, first_data = [""] * len(rows[header]), rows[header], header + 1
    columns = []
    group = ""
    for index, title in enumerate(titles):
        if index in (region_col, period_col):
            continue
        group = groups[index].strip() or group
        path = tuple(dict.fromkeys(t for t in (group, title.strip()) if t))
        columns.append(TopicColumn(index, path))
    return columns, first_data


def _choose_notation(values: Sequence[str], delimiter: str) -> str:
    """The one notation in which the file's numbers read best; ties go by the separator."""
    written = [v.strip() for v in values if v.strip() not in UNKNOWN_MARKS | {NIL_MARK}]
    failures = {
        locale: sum(1 for v in written if _parse(v, locale) is None) for locale in NOTATIONS
    }
    preferred = "nl" if delimiter == ";" else "en"
    return min(NOTATIONS, key=lambda locale: (failures[locale], locale != preferred))


def _parse(text: str, locale: str) -> Decimal | None:
    try:
        return parse_decimal(text, locale=locale, strict=True)
    except NumberFormatError:
        return None


def _number(text: str, locale: str) -> tuple[Decimal | None, bool]:
    """(value, readable): '.' → unknown; '-' → 0; otherwise the file's notation."""
    if text in UNKNOWN_MARKS:
        return None, True
    if text == NIL_MARK:
        return Decimal(0), True
    value = _parse(text, locale)
    return value, value is not None
