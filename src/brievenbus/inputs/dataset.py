"""All data of a workspace in one object, with cross-file checks and look-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from brievenbus.errors import DataError, Problem
from brievenbus.fileio import display_path
from brievenbus.inputs.locations import candidate_paths, find_file
from brievenbus.inputs.models import (
    LETTER_KINDS,
    Club,
    ClubsFile,
    Election,
    Fact,
    FactsFile,
    Figure,
    FiguresFile,
    Measure,
    MeasuresFile,
    MunicipalitiesFile,
    Municipality,
)
from brievenbus.inputs.validation import ModelT, validate
from brievenbus.inputs.yaml_reader import YamlDocument, read_yaml
from brievenbus.suggestions import close_matches, did_you_mean, search_key

FIGURES_FILE = "cijfers.yaml"
DATA_FILES = {
    "municipalities": "municipalities.yaml",
    "measures": "measures.yaml",
    "clubs": "clubs.yaml",
    "facts": "facts.yaml",
}


@dataclass(frozen=True)
class Dataset:
    """Validated data: municipalities, measures, clubs and facts, plus where they came from."""

    municipalities: list[Municipality]
    measures: dict[str, Measure]
    clubs: dict[str, Club]
    facts: dict[str, Fact]
    documents: dict[str, YamlDocument]  # for file:line of any item after loading
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)  # code → indicator → figure
    next_election: Election | None = None  # the next regular council elections

    @property
    def paths(self) -> dict[str, Path]:
        """Which file each kind of data was read from."""
        return {name: document.path for name, document in self.documents.items()}

    # ------------------------------------------------------------ look-ups

    @cached_property
    def municipality_by_code(self) -> dict[str, Municipality]:
        """Municipalities by CBS code."""
        return {m.code: m for m in self.municipalities}

    def find_municipality(self, query: str) -> Municipality:
        """A municipality by code, official or common name; suggestions when unknown."""
        wanted = query.strip()
        if wanted.upper() in self.municipality_by_code:
            return self.municipality_by_code[wanted.upper()]
        key = search_key(wanted)
        matches = [m for m in self.municipalities if key in _names_of(m)]
        if len(matches) == 1:
            return matches[0]
        if not matches:  # 'Bergen' matches 'Bergen (NH)' and 'Bergen (L)'
            matches = [m for m in self.municipalities if search_key(_base_name(m.naam)) == key]
            if len(matches) == 1:
                return matches[0]
        if matches:
            options = ", ".join(f"{m.naam} ({m.code})" for m in matches)
            raise DataError.simple(
                f"'{query}' past bij meer dan één gemeente: {options}",
                f"geef de volledige naam of de code, bv. brief genereer {matches[0].code}",
            )
        raise DataError.simple(f"gemeente '{query}' bestaat niet", self._suggest(wanted))

    def _suggest(self, query: str) -> str:
        by_key: dict[str, str] = {}
        for municipality in self.municipalities:
            for key in _names_of(municipality):
                by_key.setdefault(key, municipality.naam)
        close = close_matches(search_key(query), by_key, count=3)
        names = list(dict.fromkeys(by_key[key] for key in close))
        if names:
            return "bedoelt u " + " of ".join(names) + "?"
        return "gebruik de naam of CBS-code (GMxxxx); 'brief gemeenten' toont ze allemaal"

    def club_for(self, municipality: Municipality) -> Club:
        """The club writing to this municipality: explicit, by area, else the default sender."""
        if municipality.club:
            return self.clubs[municipality.club]
        names = {search_key(municipality.code), *_names_of(municipality)}
        for club in self.clubs.values():
            if any(search_key(area) in names for area in club.werkgebied):
                return club
        return next(club for club in self.clubs.values() if club.standaard)


def _base_name(name: str) -> str:
    """'Bergen (NH)' → 'Bergen'."""
    return name.split(" (", maxsplit=1)[0]


def _names_of(municipality: Municipality) -> set[str]:
    return {search_key(municipality.naam), search_key(municipality.common_name)}


# ------------------------------------------------------------------ loading


def load_dataset(data_dir: Path | None = None, kinds: Sequence[str] = LETTER_KINDS) -> Dataset:
    """Read and check all data files; report every problem found, not only the first.

    ``kinds`` are the letter kinds the templates offer; measures and
    municipalities may only refer to those.
    """
    documents = _read_documents(data_dir)
    problems: list[Problem] = []
    municipalities = _checked(documents["municipalities"], MunicipalitiesFile, problems)
    measures = _checked(documents["measures"], MeasuresFile, problems)
    clubs = _checked(documents["clubs"], ClubsFile, problems)
    facts = _checked(documents["facts"], FactsFile, problems)
    figures = (
        _checked(documents["figures"], FiguresFile, problems) if "figures" in documents else None
    )
    if problems:
        raise DataError(*problems)
    # No problems means every file validated.
    assert municipalities is not None
    assert measures is not None
    assert clubs is not None
    assert facts is not None

    problems += _unique(
        documents["municipalities"], "gemeenten", [m.code for m in municipalities.gemeenten], "code"
    )
    problems += _unique(
        documents["measures"], "maatregelen", [m.id for m in measures.maatregelen], "id"
    )
    problems += _unique(documents["clubs"], "clubs", [c.id for c in clubs.clubs], "id")
    problems += _unique(documents["facts"], "feiten", [f.id for f in facts.feiten], "id")
    problems += _check_references(documents, municipalities, measures, clubs, list(kinds))
    if figures is not None:
        known_codes = {m.code for m in municipalities.gemeenten}
        problems += [
            documents["figures"].problem(
                ("cijfers", code),
                f"onbekende gemeentecode '{code}'",
                "gebruik de CBS-code van een bestaande gemeente ('brief gemeenten' toont ze)",
            )
            for code in figures.cijfers
            if code not in known_codes
        ]
    if problems:
        raise DataError(*problems)
    return Dataset(
        municipalities=municipalities.gemeenten,
        measures={m.id: m for m in measures.maatregelen},
        clubs={c.id: c for c in clubs.clubs},
        facts={f.id: f for f in facts.feiten},
        documents=documents,
        figures=dict(figures.cijfers) if figures else {},
        next_election=municipalities.volgende_verkiezing,
    )


def _read_documents(data_dir: Path | None) -> dict[str, YamlDocument]:
    """Every data file parsed; all unreadable files reported together."""
    paths = {name: find_file(filename, "data", data_dir) for name, filename in DATA_FILES.items()}
    # Local figures are optional: only a workspace that imported them has the file.
    figures_path = next(
        (p for p in candidate_paths(FIGURES_FILE, "data", data_dir) if p.is_file()), None
    )
    if figures_path is not None:
        paths["figures"] = figures_path
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    for name, path in paths.items():
        try:
            documents[name] = read_yaml(path)
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(*problems)
    return documents


def _checked(document: YamlDocument, model: type[ModelT], problems: list[Problem]) -> ModelT | None:
    """Validate one file, adding its problems to the list instead of stopping."""
    try:
        return validate(document, model)
    except DataError as error:
        problems.extend(error.problems)
        return None


def _unique(document: YamlDocument, key: str, values: list[str], field: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, value in enumerate(values):
        if value in seen:
            problems.append(
                document.problem(
                    (key, index, field),
                    f"'{value}' komt twee keer voor (ook bij {key}[{seen[value]}])",
                    f"elke {field} moet uniek zijn: kies een andere {field}",
                )
            )
        seen.setdefault(value, index)
    return problems


def _check_references(
    documents: dict[str, YamlDocument],
    municipalities: MunicipalitiesFile,
    measures: MeasuresFile,
    clubs: ClubsFile,
    kinds: list[str],
) -> list[Problem]:
    """Names used in one file must exist in another."""
    return [
        *_municipality_references(
            documents["municipalities"], municipalities, measures, clubs, kinds
        ),
        *_measure_references(documents["measures"], measures, kinds),
        *_club_references(documents["clubs"], clubs),
    ]


def _municipality_references(
    document: YamlDocument,
    municipalities: MunicipalitiesFile,
    measures: MeasuresFile,
    clubs: ClubsFile,
    kinds: list[str],
) -> list[Problem]:
    """A municipality's club, letter kind and measures must exist."""
    problems: list[Problem] = []
    measure_ids = [m.id for m in measures.maatregelen]
    club_ids = [c.id for c in clubs.clubs]
    known_codes = {m.code for m in municipalities.gemeenten}
    for index, municipality in enumerate(municipalities.gemeenten):
        where = ("gemeenten", index)
        if municipality.club and municipality.club not in club_ids:
            problems.append(
                _unknown(document, (*where, "club"), "club", municipality.club, club_ids)
            )
        if municipality.context and municipality.context not in kinds:
            problems.append(
                _unknown(document, (*where, "context"), "briefsoort", municipality.context, kinds)
            )
        problems += _check_merger(document, where, municipality, known_codes)
        for position, measure_id in enumerate(municipality.maatregelen or []):
            if measure_id not in measure_ids:
                location = (*where, "maatregelen", position)
                problems.append(_unknown(document, location, "maatregel", measure_id, measure_ids))
    return problems


def _measure_references(
    document: YamlDocument, measures: MeasuresFile, kinds: list[str]
) -> list[Problem]:
    """A measure's letter kinds must exist."""
    return [
        _unknown(document, ("maatregelen", index, "contexten", position), "briefsoort", kind, kinds)
        for index, measure in enumerate(measures.maatregelen)
        for position, kind in enumerate(measure.contexten)
        if kind not in kinds
    ]


def _club_references(document: YamlDocument, clubs: ClubsFile) -> list[Problem]:
    """A club's house style and logo must exist, and one club is the default sender."""
    problems: list[Problem] = []
    clubs_dir = document.path.parent
    for index, club in enumerate(clubs.clubs):
        for field_name in ("huisstijl", "logo"):
            name = getattr(club, field_name)
            if name and not (clubs_dir / name).is_file():
                problems.append(
                    document.problem(
                        ("clubs", index, field_name),
                        f"bestand '{name}' niet gevonden",
                        f"zet het bestand naast clubs.yaml ({display_path(clubs_dir)})"
                        " of pas het pad aan",
                    )
                )
    if not any(club.standaard for club in clubs.clubs):
        problems.append(
            document.problem(
                ("clubs",),
                "geen standaardafzender",
                "zet 'standaard: ja' bij de club die gemeenten zonder eigen club aanschrijft",
            )
        )
    return problems


def _check_merger(
    document: YamlDocument,
    where: tuple[str | int, ...],
    municipality: Municipality,
    known_codes: set[str],
) -> list[Problem]:
    """The municipalities a merger adds must be other municipalities in the file."""
    codes = municipality.herindeling.voegt_toe if municipality.herindeling else []
    return [
        document.problem(
            (*where, "herindeling", "voegt_toe", position),
            f"onbekende gemeentecode '{code}' bij de herindeling",
            "noem de CBS-code (GMxxxx) van een andere gemeente in dit bestand",
        )
        for position, code in enumerate(codes)
        if code not in known_codes or code == municipality.code
    ]


def _unknown(
    document: YamlDocument, location: tuple[str | int, ...], what: str, value: str, known: list[str]
) -> Problem:
    hint = did_you_mean(value, known, f"bekend: {', '.join(sorted(known)[:12])}")
    return document.problem(location, f"onbekende {what} '{value}'", hint)
