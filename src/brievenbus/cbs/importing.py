"""From what a CBS table holds to data/cijfers.yaml: check, merge, validate, write.

A value that cannot be a count of reports about a municipality (negative, not
a number, infinite, more than its inhabitants) stays unknown and is named in
the report; the import goes on. The new file is merged with the old one,
checked with the same model that reads it later, and written atomically: a
failed import leaves the old file, and a written file always loads.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brievenbus.cbs.regions import RegionMatcher
from brievenbus.cbs.table import Cell, Extract
from brievenbus.errors import OutputError, Problem, os_reason
from brievenbus.fileio import atomic_write, display_path
from brievenbus.inputs.models import Figure, FiguresFile, Municipality
from brievenbus.inputs.validation import validate
from brievenbus.inputs.yaml_reader import parse_yaml, read_yaml

DEFAULT_TABLE = "84847NED"  # Huiselijk geweld; kerncijfers Veilig Thuis, regio
FIGURES_HEADER = """\
# Lokale cijfers per gemeente (CBS-code), per indicator. Geschreven door
# `brief importeer cbs`; een nieuwe import vult aan en vervangt alleen de
# cijfers die erin staan. Een lege `waarde` betekent onbekend of geheim (CBS: .)
# en komt nooit als 0 in een brief.
"""


def default_source(table: str = DEFAULT_TABLE) -> str:
    """How letters name the table: 'CBS StatLine 84847NED'."""
    return f"CBS StatLine {table}"


@dataclass(frozen=True)
class Rejected:
    """A value that cannot be right; it stays unknown."""

    cell: Cell
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.cell.where} ({self.cell.region}), kolom '{self.cell.column}':"
            f" {self.reason}; blijft onbekend"
        )


@dataclass
class ImportReport:
    """What an import did: the extract it read, the figures it wrote, what it refused."""

    extract: Extract
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    unknown_values: int = 0  # secret or unknown in the source ('.', null)
    target_path: Path | None = None

    @property
    def imported(self) -> int:
        """How many values were read (unknown ones included, as unknown)."""
        return sum(len(v) for v in self.figures.values())


def import_cbs(
    municipalities: Sequence[Municipality],
    target_path: Path,
    *,
    csv_path: Path | None = None,
    table: str | None = None,
    columns: Mapping[str, str] | None = None,
    source: str | None = None,
    base_url: str | None = None,
    timeout: float | None = None,
    progress: Callable[[str], None] | None = None,
    today: datetime.date | None = None,
) -> ImportReport:
    """Read a StatLine export (csv_path) or fetch a table online (table), check, merge, write."""
    matcher = RegionMatcher(municipalities)
    old = read_figures(target_path)  # an unreadable old file stops us before any download
    if table is not None:
        from brievenbus.cbs import odata

        extract = odata.fetch_table(
            table,
            matcher,
            columns,
            base_url=base_url or odata.base_url(),
            timeout=timeout or odata.TIMEOUT_SECONDS,
            progress=progress,
        )
    else:
        from brievenbus.cbs.statline_csv import read_statline_csv

        assert csv_path is not None
        extract = read_statline_csv(csv_path, matcher, columns)
    report = check_values(
        extract,
        municipalities,
        source or default_source(table or DEFAULT_TABLE),
        today or datetime.date.today(),
    )
    write_figures(target_path, report.figures, old)
    report.target_path = target_path
    return report


def check_values(
    extract: Extract,
    municipalities: Sequence[Municipality],
    source: str,
    today: datetime.date,
) -> ImportReport:
    """Turn cells into figures; impossible values stay unknown and are named."""
    population = {m.code: m.inwoners.aantal for m in municipalities}
    report = ImportReport(extract)
    for cell in extract.cells:
        reason = _impossible(cell, population.get(cell.code))
        if reason:
            report.rejected.append(Rejected(cell, reason))
        elif cell.value is None:
            report.unknown_values += 1
        value = None if reason or cell.value is None else float(cell.value)
        report.figures.setdefault(cell.code, {})[cell.indicator] = Figure(
            waarde=value, periode=extract.period.label, bron=source, opgehaald=today
        )
    return report


def _impossible(cell: Cell, inhabitants: int | None) -> str:
    """Why a value cannot be a count for this municipality, or '' when it can."""
    value = cell.value
    shown = f"'{cell.text}'"
    if not cell.readable or (value is not None and value.is_nan()):
        return f"{shown} is geen getal"
    if value is None:
        return ""
    if value.is_infinite():
        return f"{shown} is geen eindig getal"
    if value < 0:
        return f"{shown} is negatief"
    if inhabitants is not None and value > inhabitants:
        return f"{shown} is meer dan het aantal inwoners ({_dutch(inhabitants)})"
    return ""


def _dutch(number: int) -> str:
    return f"{number:,}".replace(",", ".")


# ------------------------------------------------------------- cijfers.yaml


def read_figures(path: Path) -> dict[str, dict[str, Figure]]:
    """The figures already in the file we are about to replace (none if it is not there)."""
    if not path.is_file():
        return {}
    return dict(validate(read_yaml(path), FiguresFile).cijfers)


def write_figures(
    path: Path, new: Mapping[str, Mapping[str, Figure]], old: Mapping[str, Mapping[str, Figure]]
) -> None:
    """Write cijfers.yaml: the old figures updated with the new ones, sorted by code.

    The text is read back with the model that reads it later before it
    replaces the old file; the write is atomic.
    """
    merged: dict[str, dict[str, Figure]] = {code: dict(v) for code, v in old.items()}
    for code, indicators in new.items():
        merged.setdefault(code, {}).update(indicators)
    text = render_figures(merged)
    validate(parse_yaml(text, path), FiguresFile)  # a bug here must not cost the old file
    _write_atomically(path, text.encode("utf-8"))


def render_figures(figures: Mapping[str, Mapping[str, Figure]]) -> str:
    """The YAML text of cijfers.yaml."""
    import yaml

    body = {
        "cijfers": {
            code: {
                indicator: {
                    "waarde": _plain(figure.waarde),
                    "periode": figure.periode,
                    "bron": figure.bron,
                    "opgehaald": figure.opgehaald,
                }
                for indicator, figure in sorted(figures[code].items())
            }
            for code in sorted(figures)
        }
    }
    dumper = _no_aliases_dumper()
    text = yaml.dump(body, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)
    return f"{FIGURES_HEADER}\n{text}"


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as error:
        kept = "het oude bestand is niet veranderd" if path.exists() else "er is niets geschreven"
        raise OutputError(
            Problem(
                display_path(path),
                None,
                f"kan de cijfers niet schrijven ({os_reason(error)})",
                f"{kept}; maak ruimte vrij of zorg dat u in de map mag schrijven,"
                " of kies een andere map met --data",
            )
        ) from None


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
