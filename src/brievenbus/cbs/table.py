"""What a reader found in a CBS table, the same for a CSV export and the online service.

Also the two rules both readers share: which period to keep (the latest
complete year) and which topic columns hold the figures (by their titles).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from brievenbus.cbs.regions import Region
from brievenbus.dutch_formats import dutch_month

# Topic titles → indicator: the totals of Meldingen and Adviezen (DESIGN §6).
DEFAULT_COLUMNS: dict[str, str] = {
    "meldingen": "veilig-thuis-meldingen",
    "adviezen": "veilig-thuis-adviezen",
}
TABLE_ID = re.compile(r"^[0-9]{4,6}[A-Za-z]{2,4}$")  # a StatLine table: 84847NED, 37230ned

_PERIOD_KEY = re.compile(r"^(\d{4})(JJ00|HJ0([12])|KW0([1-4])|MM(0[1-9]|1[0-2]))$")
_UNIT = re.compile(r"\s*\([^()]*\)\s*$")  # 'Totaal meldingen (aantal)' → 'Totaal meldingen'


@dataclass(frozen=True)
class Period:
    """A period as letters name it: '2024', '2025 1e halfjaar'; provisional figures marked."""

    label: str
    kind: str  # jaar, halfjaar, kwartaal, maand, anders
    provisional: bool = False
    key: str = ""  # the service's key, e.g. '2024JJ00'

    @property
    def complete(self) -> bool:
        """A whole year with final figures."""
        return self.kind == "jaar" and not self.provisional

    def order(self) -> tuple[str, int, str]:
        """Sort key: by year, a year after its parts."""
        year = re.match(r"\d{4}", self.label)
        rank = {"maand": 0, "kwartaal": 1, "halfjaar": 2, "anders": 2, "jaar": 3}[self.kind]
        return (year.group(0) if year else self.label, rank, self.label)


def parse_period(text: str, provisional: bool = False) -> Period:
    """'2024JJ00' or '2024' → 2024; '2025HJ01' or '2025 1e halfjaar*' → 2025 1e halfjaar."""
    raw = text.strip()
    provisional = provisional or "*" in raw
    raw = raw.replace("*", "").strip()
    match = _PERIOD_KEY.match(raw)
    if match:
        year, code, half, quarter, month = match.groups()
        if code == "JJ00":
            return Period(year, "jaar", provisional, raw)
        if half:
            return Period(f"{year} {half}e halfjaar", "halfjaar", provisional, raw)
        if quarter:
            return Period(f"{year} {quarter}e kwartaal", "kwartaal", provisional, raw)
        return Period(dutch_month(int(year), int(month)), "maand", provisional, raw)
    written = re.fullmatch(r"\d{4}(?: [1-4]e (halfjaar|kwartaal))?", raw)
    kind = (written.group(1) or "jaar") if written else "anders"
    return Period(raw, kind, provisional, raw)


def choose_period(periods: Sequence[Period]) -> Period:
    """The latest complete year; without one, the latest period there is."""
    ordered = sorted(periods, key=Period.order)
    complete = [p for p in ordered if p.complete]
    return (complete or ordered)[-1]


@dataclass(frozen=True)
class TopicColumn:
    """A column with figures: its key (index or service key) and titles, group first."""

    key: str | int
    titles: tuple[str, ...]

    @property
    def heading(self) -> str:
        """How the report names the column: 'Meldingen / Totaal meldingen (aantal)'."""
        return " / ".join(self.titles)


def match_columns(
    columns: Sequence[TopicColumn], wanted: Mapping[str, str]
) -> dict[str | int, str]:
    """Which column holds which indicator, found by title.

    For a wanted title such as 'meldingen' the best column is titled
    'Meldingen' or 'Totaal meldingen'; then a 'Totaal …' column in a group
    titled 'Meldingen'; last, a column whose heading starts with it.
    """
    mapping: dict[str | int, str] = {}
    for title, indicator in wanted.items():
        want = " ".join(title.lower().split())
        scored = [
            (score, position, column)
            for position, column in enumerate(columns)
            if (score := _score(column, want)) is not None and column.key not in mapping
        ]
        if scored:
            mapping[min(scored, key=lambda s: (s[0], s[1]))[2].key] = indicator
    return mapping


def _score(column: TopicColumn, want: str) -> int | None:
    if not column.titles:
        return None
    own = " ".join(_UNIT.sub("", column.titles[-1]).lower().split())
    groups = [" ".join(_UNIT.sub("", t).lower().split()) for t in column.titles[:-1]]
    if own in {want, f"totaal {want}"}:
        return 0
    if want in groups and own.startswith("totaal"):
        return 1
    if column.heading.lower().startswith(want) or own.startswith(want):
        return 2
    return None


@dataclass(frozen=True)
class Cell:
    """One value of one municipality in one topic column, as the source wrote it."""

    where: str  # 'regel 14' in a file, the code key online
    region: str  # the region as the source names it
    code: str  # our municipality code
    column: str
    indicator: str
    text: str  # the value as written
    value: Decimal | None  # None: unknown or secret ('.' or null)
    readable: bool = True  # False: not a number in the file's notation


@dataclass
class Extract:
    """One period of one table: its cells, and the regions that were not municipalities."""

    origin: str  # the file, or 'CBS open data 84847NED'
    period: Period
    periods_seen: list[Period]
    columns: dict[str, str]  # heading → indicator
    cells: list[Cell] = field(default_factory=list)
    regions_skipped: Counter[str] = field(default_factory=Counter)  # kind → count
    former: list[str] = field(default_factory=list)  # 'Weesp (nu Amsterdam)'
    unmatched: list[str] = field(default_factory=list)
    notation: str = ""  # the number notation chosen for a file, e.g. 'decimale komma'
    container: str = "het bestand"  # where the other periods are: 'het bestand', 'de tabel'

    def add_row(
        self,
        where: str,
        region: Region,
        values: Iterable[tuple[str, str, str, Decimal | None, bool]],
    ) -> None:
        """One region's row: other region kinds are counted, former and unknown ones named,
        a municipality's values kept as cells (heading, indicator, raw, value, readable)."""
        if region.kind == "regio":
            self.regions_skipped[region.detail] += 1
        elif region.kind == "opgeheven":
            self.former.append(f"{region.label} ({region.detail})")
        elif region.code is None:
            self.unmatched.append(region.label)
        else:
            for heading, indicator, raw, value, readable in values:
                cell = Cell(
                    where, region.label, region.code, heading, indicator, raw, value, readable
                )
                self.cells.append(cell)
