"""Local reporting figures as letters use them: what follows from the figures in the data.

Derived numbers (per 1,000 inhabitants, rank among municipalities, the Council
of Europe shelter norm) are computed here, never typed into data, and each
keeps the source line it rests on (DESIGN §6). Reading figures from CBS lives
in ``brievenbus.cbs``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from brievenbus.inputs.models import Figure, Municipality

# Indicators a letter can speak about: id → how the letter names it.
INDICATORS: dict[str, str] = {
    "veilig-thuis-meldingen": "meldingen bij Veilig Thuis",
    "veilig-thuis-adviezen": "adviezen van Veilig Thuis",
    "politie-huiselijk-geweld": "door de politie geregistreerde incidenten van huiselijk geweld",
}
SHELTER_NORM_PER = 10_000
SHELTER_NORM_SOURCE = (
    "Raad van Europa, toelichting bij het Verdrag van Istanbul (een aanbeveling, geen"
    " verdragsplicht): één gezinsplaats in de opvang per 10.000 inwoners"
)
SHELTER_ARTICLE = 23  # a measure citing this article is about shelters


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


@dataclass
class RankTables:
    """What every municipality's ranks are worked out from: inhabitants per municipality
    and, per indicator, each municipality's known value and rate per 1,000."""

    population: dict[str, int] = field(default_factory=dict)
    by_indicator: dict[str, tuple[dict[str, float], dict[str, float]]] = field(default_factory=dict)


def local_figures(
    municipality: Municipality,
    figures: Mapping[str, Mapping[str, Figure]],
    municipalities: Sequence[Municipality],
    tables: RankTables | None = None,
) -> dict[str, LocalFigure]:
    """The known figures of one municipality, with per-1,000 rates and ranks.

    ``tables``: the values and rates of all municipalities, filled on first use
    and kept by the caller for the next municipality (a batch asks for each).
    """
    tables = RankTables() if tables is None else tables
    if not tables.population:
        tables.population = {m.code: m.inwoners.aantal for m in municipalities}
    population = tables.population
    result = {}
    for indicator, figure in figures.get(municipality.code, {}).items():
        if figure.waarde is None or not population.get(municipality.code):
            continue  # unknown stays unknown: never 0
        if indicator not in tables.by_indicator:
            tables.by_indicator[indicator] = _rank_table(indicator, figures, population)
        known, rates = tables.by_indicator[indicator]
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


def _rank_table(
    indicator: str, figures: Mapping[str, Mapping[str, Figure]], population: Mapping[str, int]
) -> tuple[dict[str, float], dict[str, float]]:
    known = {
        code: own[indicator].waarde
        for code, own in figures.items()
        if indicator in own and own[indicator].waarde is not None and population.get(code)
    }
    rates = {
        code: value / population[code] * 1000 for code, value in known.items() if value is not None
    }
    return known, rates  # type: ignore[return-value]


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
