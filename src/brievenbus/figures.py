"""Local reporting figures: reading CBS StatLine exports, and what follows from them.

Derived numbers (per 1,000 inhabitants, rank among municipalities, the Council
of Europe shelter norm) are computed here, never typed into data, and each
keeps the source line it rests on (DESIGN §6).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brievenbus.errors import DataError, Problem
from brievenbus.loading import display_path, read_bytes
from brievenbus.models import Figure, Municipality

# Indicators a letter can speak about: id → how the letter names it.
INDICATORS: dict[str, str] = {
    "veilig-thuis-meldingen": "meldingen bij Veilig Thuis",
    "veilig-thuis-adviezen": "adviezen van Veilig Thuis",
    "politie-huiselijk-geweld": "door de politie geregistreerde incidenten van huiselijk geweld",
}
# Column headings in a StatLine export → indicator (lower case, start of the heading).
DEFAULT_COLUMNS: dict[str, str] = {
    "meldingen": "veilig-thuis-meldingen",
    "adviezen": "veilig-thuis-adviezen",
}
SHELTER_NORM_PER = 10_000
SHELTER_NORM_SOURCE = (
    "Raad van Europa, toelichting bij het Verdrag van Istanbul (een aanbeveling, geen"
    " verdragsplicht): één gezinsplaats in de opvang per 10.000 inwoners"
)
SHELTER_ARTICLE = 23  # a measure citing this article is about shelters
UNKNOWN_MARKS = {"", ".", "x", "?"}  # CBS: '.' = unknown or secret; 'x' = secret
NIL_MARK = "-"  # CBS: '-' = nil (zero)


# ------------------------------------------------------------------- derived


@dataclass(frozen=True)
class LocalFigure:
    """A figure with what follows from it, as templates see it (Dutch names)."""

    indicator: str
    omschrijving: str
    waarde: float
    periode: str
    bron: str
    per_1000: float
    rang: int  # 1 = the most of all municipalities with this figure
    rang_per_1000: int
    aantal_gemeenten: int


def local_figures(
    municipality: Municipality,
    figures: Mapping[str, Mapping[str, Figure]],
    municipalities: Sequence[Municipality],
) -> dict[str, LocalFigure]:
    """The known figures of one municipality, with per-1,000 rates and ranks."""
    population = {m.code: m.inwoners.aantal for m in municipalities}
    result = {}
    for indicator, figure in figures.get(municipality.code, {}).items():
        if figure.waarde is None or not population.get(municipality.code):
            continue  # unknown stays unknown: never 0
        known = {
            code: own[indicator].waarde
            for code, own in figures.items()
            if indicator in own and own[indicator].waarde is not None and population.get(code)
        }
        rates = {
            code: value / population[code] * 1000
            for code, value in known.items()
            if value is not None
        }
        value = figure.waarde
        result[indicator] = LocalFigure(
            indicator=indicator,
            omschrijving=INDICATORS.get(indicator, indicator.replace("-", " ")),
            waarde=value,
            periode=figure.periode,
            bron=figure.bron,
            per_1000=rates[municipality.code],
            rang=1 + sum(1 for v in known.values() if v is not None and v > value),
            rang_per_1000=1 + sum(1 for r in rates.values() if r > rates[municipality.code]),
            aantal_gemeenten=len(known),
        )
    return result


def shelter_norm(municipality: Municipality) -> float:
    """This municipality's share of the regional shelter norm, in family places."""
    return municipality.inwoners.aantal / SHELTER_NORM_PER


def shelter_places(municipality: Municipality) -> int | None:
    """The share in whole family places (half rounds up); 0 means fewer than one.

    None when the number of inhabitants is marked doubtful: then the letter
    gives no number at all.
    """
    if municipality.inwoners.controleren:
        return None
    share = shelter_norm(municipality)
    return 0 if share < 1 else int(share + 0.5)


# -------------------------------------------------------------- CBS import


@dataclass
class ImportReport:
    """What an import did: figures per code, the period chosen, and what was left out."""

    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)
    period: str = ""
    periods_seen: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # heading → indicator
    unknown_values: int = 0
    not_municipalities: int = 0
    unmatched: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        """How many values were read (unknown ones included, as unknown)."""
        return sum(len(v) for v in self.figures.values())


_PERIOD_CODE = re.compile(r"^(\d{4})(JJ00|HJ0([12])|KW0([1-4]))$")


def read_statline_csv(
    path: Path,
    municipalities: Sequence[Municipality],
    columns: Mapping[str, str] | None = None,
    source: str = "CBS StatLine 84847NED",
    today: datetime.date | None = None,
) -> ImportReport:
    """Read a StatLine CSV export (; or , separated, BOM, decimal comma, '.' = unknown)."""
    text = _read_text(path)
    rows = list(csv.reader(io.StringIO(text), dialect=_dialect(text)))
    header_index = _find_header(rows, path)
    header = [h.strip() for h in rows[header_index]]
    region_col = next(i for i, h in enumerate(header) if "regio" in h.lower())
    period_col = next(i for i, h in enumerate(header) if h.lower().startswith("period"))
    mapping = _map_columns(header, columns or DEFAULT_COLUMNS, path)
    report = ImportReport(columns={header[i]: indicator for i, indicator in mapping.items()})

    by_name = {_key(m.naam): m.code for m in municipalities}
    by_name.update({_key(m.common_name): m.code for m in municipalities})
    codes = {m.code for m in municipalities}
    data_rows = [
        r for r in rows[header_index + 1 :] if len(r) > max(region_col, period_col, *mapping)
    ]
    periods = sorted(
        {_period(r[period_col]) for r in data_rows if r[period_col].strip()}, key=_period_order
    )
    report.periods_seen = [label for label, *_ in periods]
    if not periods:
        raise DataError(
            Problem(
                display_path(path),
                None,
                "geen perioden gevonden",
                "controleer of dit een StatLine-export is",
            )
        )
    complete = [p for p in periods if p[1] == "jaar" and not p[2]]
    chosen = (complete or periods)[-1]
    report.period = chosen[0]
    retrieved = today or datetime.date.today()
    for row in data_rows:
        if _period(row[period_col]) != chosen:
            continue
        region = row[region_col].strip()
        code = region.upper() if region.upper() in codes else by_name.get(_key(region))
        if code is None:
            upper = region.upper()
            region_code = re.match(r"^[A-Z]{2}\d{2}", upper) and not upper.startswith("GM")
            region_name = re.search(r"\((PV|LD|CR|VT|GG|RE)\)$", upper) or upper == "NEDERLAND"
            if region_code or region_name:
                report.not_municipalities += 1  # the country, provinces, regions
            else:
                report.unmatched.append(region)  # e.g. a municipality that has since merged
            continue
        for column, indicator in mapping.items():
            value = _number(row[column])
            if value is None:
                report.unknown_values += 1
            report.figures.setdefault(code, {})[indicator] = Figure(
                waarde=value, periode=chosen[0], bron=source, opgehaald=retrieved
            )
    return report


def _read_text(path: Path) -> str:
    raw = read_bytes(path, f"kan {path} niet lezen", "controleer de bestandsnaam")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError.simple(
        f"{path} is geen tekstbestand", "exporteer de tabel uit StatLine als CSV"
    )


def _dialect(text: str) -> type[csv.Dialect]:
    sample = "\n".join(text.splitlines()[:20])

    class Dialect(csv.excel):
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","

    return Dialect


def _find_header(rows: list[list[str]], path: Path) -> int:
    for index, row in enumerate(rows[:40]):
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


def _map_columns(header: list[str], columns: Mapping[str, str], path: Path) -> dict[int, str]:
    """Which columns hold which indicator: a heading starts with the given text."""
    mapping = {}
    for heading, indicator in columns.items():
        matches = [i for i, h in enumerate(header) if h.lower().startswith(heading.lower())]
        if matches:
            mapping[matches[0]] = indicator
    if not mapping:
        raise DataError(
            Problem(
                display_path(path),
                None,
                f"geen bekende kolommen gevonden (kolommen: {', '.join(header)})",
                "kies kolommen met --kolom 'Kop=indicator',"
                " bv. --kolom 'Meldingen=veilig-thuis-meldingen'",
            )
        )
    return mapping


def _period(text: str) -> tuple[str, str, bool]:
    """A period as (label, kind, provisional): '2024JJ00' → ('2024', 'jaar', False)."""
    raw = text.strip()
    provisional = "*" in raw
    raw = raw.replace("*", "").strip()
    match = _PERIOD_CODE.match(raw)
    if match:
        year, code, half, quarter = match.groups()
        if code == "JJ00":
            return year, "jaar", provisional
        if half:
            return f"{year} {half}e halfjaar", "halfjaar", provisional
        return f"{year} {quarter}e kwartaal", "kwartaal", provisional
    if re.fullmatch(r"\d{4}", raw):
        return raw, "jaar", provisional
    return raw, "anders", provisional


def _period_order(period: tuple[str, str, bool]) -> tuple[str, int]:
    label, kind, _ = period
    year = re.match(r"\d{4}", label)
    return (
        year.group(0) if year else label,
        {"kwartaal": 0, "halfjaar": 1, "anders": 1, "jaar": 2}[kind],
    )


def _number(text: str) -> float | None:
    """'1.234' or '1234' → 1234; '12,5' → 12.5; '.' → None (unknown); '-' → 0."""
    value = text.strip()
    if value in UNKNOWN_MARKS:
        return None
    if value == NIL_MARK:
        return 0.0
    value = value.replace(" ", "").replace("\u00a0", "")
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", value):
        value = value.replace(".", "")
    try:
        return float(value)
    except ValueError:
        return None


def _key(name: str) -> str:
    from brievenbus.dataset import search_key

    return search_key(name)


# ------------------------------------------------------------- cijfers.yaml

FIGURES_HEADER = """\
# Lokale cijfers per gemeente (CBS-code), per indicator. Geschreven door
# `brief importeer cbs`; een nieuwe import vult aan en vervangt alleen de
# cijfers die erin staan. Een lege `waarde` betekent onbekend of geheim (CBS: .)
# en komt nooit als 0 in een brief.
"""


def write_figures(
    path: Path, new: Mapping[str, Mapping[str, Figure]], old: Mapping[str, Mapping[str, Figure]]
) -> None:
    """Write cijfers.yaml: the old figures, updated with the new ones, sorted by code."""
    import yaml

    from brievenbus.letters import atomic_write

    _NoAliases = _no_aliases_dumper()  # noqa: N806 (a class)

    merged: dict[str, dict[str, Figure]] = {code: dict(v) for code, v in old.items()}
    for code, indicators in new.items():
        merged.setdefault(code, {}).update(indicators)
    body = {
        "cijfers": {
            code: {
                indicator: {
                    "waarde": _plain(figure.waarde),
                    "periode": figure.periode,
                    "bron": figure.bron,
                    "opgehaald": figure.opgehaald,
                }
                for indicator, figure in sorted(merged[code].items())
            }
            for code in sorted(merged)
        }
    }
    text = (
        FIGURES_HEADER
        + "\n"
        + yaml.dump(body, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=120)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text.encode("utf-8"))


def _plain(value: float | None) -> float | int | None:
    """Counts are written as whole numbers, rates keep their decimals."""
    if value is not None and value.is_integer():
        return int(value)
    return value


def _no_aliases_dumper() -> type:
    import yaml

    class NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:
            return True  # the same date in every entry is written out each time

    return NoAliases
