"""All data of a workspace in one object, with cross-file checks and look-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from brievenbus.errors import DataError, Problem
from brievenbus.fileio import display_path
from brievenbus.inputs.areas import resolve_areas
from brievenbus.inputs.locations import CLUBS_FILE, DATA, Sources
from brievenbus.inputs.lookup import MunicipalityIndex
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
from brievenbus.inputs.readiness import unready_fields
from brievenbus.inputs.validation import ModelT, validate
from brievenbus.inputs.yaml_reader import YamlDocument, read_yaml
from brievenbus.suggestions import did_you_mean

FIGURES_FILE = "cijfers.yaml"
DATA_FILES = {
    "municipalities": "municipalities.yaml",
    "measures": "measures.yaml",
    "clubs": CLUBS_FILE,
    "facts": "facts.yaml",
}


@dataclass(frozen=True)
class Dataset:
    """Validated data: municipalities, measures, clubs and facts, plus where they came from."""

    municipalities: list[Municipality]
    index: MunicipalityIndex  # municipalities by every name a user may type
    measures: dict[str, Measure]
    clubs: dict[str, Club]
    facts: dict[str, Fact]
    documents: dict[str, YamlDocument]  # for file:line of any item after loading
    figures: dict[str, dict[str, Figure]] = field(default_factory=dict)  # code → indicator → figure
    next_election: Election | None = None  # the next regular council elections
    sources: Sources = field(default_factory=Sources)
    area_clubs: dict[str, str] = field(default_factory=dict)  # code → club id, from werkgebied
    notices: list[Problem] = field(default_factory=list)  # what the user should know, not errors

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
        matches = self.index.matches(query)
        if len(matches) == 1:
            return matches[0]
        if matches:
            options = ", ".join(f"{m.naam} ({m.code})" for m in matches)
            raise DataError.simple(
                f"'{query}' past bij meer dan één gemeente: {options}",
                f"geef de volledige naam of de code, bv. brief genereer {matches[0].code}",
            )
        names = self.index.suggestions(query)
        hint = (
            "bedoelt u " + " of ".join(names) + "?"
            if names
            else "gebruik de naam of CBS-code (GMxxxx); 'brief gemeenten' toont ze allemaal"
        )
        raise DataError.simple(f"gemeente '{query}' bestaat niet", hint)

    @property
    def default_sender(self) -> Club:
        """The club that writes where no club's werkgebied reaches."""
        return next(club for club in self.clubs.values() if club.standaard)

    def club_for(self, municipality: Municipality) -> Club:
        """The club writing to this municipality: explicit, by area, else the default sender."""
        if municipality.club:
            return self.clubs[municipality.club]
        if club_id := self.area_clubs.get(municipality.code):
            return self.clubs[club_id]
        return self.default_sender

    def unready_fields(self, club: Club) -> list[Problem]:
        """Fields of a club in clubs.yaml still to fill in (none for the built-in sender)."""
        return list(self._unready.get(club.id, ()))

    @cached_property
    def _unready(self) -> dict[str, tuple[Problem, ...]]:
        """Every club's fields still to fill in, worked out once: planning asks per letter."""
        document = self.documents["clubs"]
        ids = [c.get("id") for c in _club_blocks(document)]
        return {
            club.id: tuple(unready_fields(document, ids.index(club.id), club))
            for club in self.clubs.values()
            if club.id in ids
        }


def _club_blocks(document: YamlDocument) -> list[dict[str, object]]:
    clubs = document.data.get("clubs") if isinstance(document.data, dict) else None
    return [c if isinstance(c, dict) else {} for c in clubs] if isinstance(clubs, list) else []


# Letters to municipalities outside every werkgebied need a sender; when a club
# deletes the Unie block (it may think it is not theirs), the Unie still signs.
BUILTIN_SENDER = Club(
    id="unie",
    naam="Unie van Soroptimistclubs in het Koninkrijk der Nederlanden en in Suriname",
    websites=["www.soroptimist.nl"],
    ondertekend=False,
    standaard=True,
)


# ------------------------------------------------------------------ loading


def load_dataset(
    data_dir: Path | None = None,
    kinds: Sequence[str] = LETTER_KINDS,
    *,
    sources: Sources | None = None,
) -> Dataset:
    """Read and check all data files; report every problem found, not only the first.

    ``kinds`` are the letter kinds the templates offer; measures and
    municipalities may only refer to those. ``sources`` says where the files
    are (found from the current folder when not given).
    """
    sources = sources or Sources.discover(data_dir)
    paths, notices = _data_paths(sources)
    documents = _read_documents(paths)
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

    problems += _check_ids(documents, municipalities, measures, clubs, facts)
    problems += _check_references(documents, municipalities, measures, clubs, list(kinds))
    if figures is not None:
        problems += _check_figure_codes(documents["figures"], figures, municipalities)
    index = MunicipalityIndex(municipalities.gemeenten)
    area_clubs, area_problems = resolve_areas(documents["clubs"], clubs.clubs, index)
    problems += area_problems
    if problems:
        raise DataError(*problems)
    club_list = list(clubs.clubs)
    if not any(club.standaard for club in club_list):
        club_list.append(_builtin_sender({c.id for c in club_list}))
        notices.append(_builtin_sender_notice(documents["clubs"]))
    return Dataset(
        municipalities=municipalities.gemeenten,
        index=index,
        measures={m.id: m for m in measures.maatregelen},
        clubs={c.id: c for c in club_list},
        facts={f.id: f for f in facts.feiten},
        documents=documents,
        figures=dict(figures.cijfers) if figures else {},
        next_election=municipalities.volgende_verkiezing,
        sources=sources,
        area_clubs=area_clubs,
        notices=notices,
    )


def _data_paths(sources: Sources) -> tuple[dict[str, Path], list[Problem]]:
    """Where each data file is, and a notice naming those taken from the package."""
    paths: dict[str, Path] = {}
    for name, filename in DATA_FILES.items():
        path = sources.find_file(filename, DATA)
        assert path is not None  # required files raise when missing
        paths[name] = path
    # Local figures are optional: only a workspace that imported them has the file.
    if figures_path := sources.find_file(FIGURES_FILE, DATA, required=False):
        paths["figures"] = figures_path
    notices = []
    own = sources.own_folders(DATA)
    fallbacks = [
        f"{DATA}/{path.name}"
        for name, path in paths.items()
        if own and name != "clubs" and sources.is_packaged(path)
    ]
    if fallbacks:
        notices.append(
            Problem(
                None,
                None,
                f"niet in {_own_place(sources)}, dus uit de meegeleverde gegevens: "
                + ", ".join(fallbacks),
                "geen actie nodig; wilt u ze aanpassen, kopieer ze dan uit een nieuwe werkmap"
                " (brief init ANDERE_MAP) naar uw map data/",
            )
        )
    return paths, notices


def _own_place(sources: Sources) -> str:
    if sources.data_dir is not None:
        return f"{display_path(sources.data_dir)}"
    return "uw werkmap"


def _builtin_sender(taken: set[str]) -> Club:
    """The built-in Unie sender, under an id no club of the user has."""
    if BUILTIN_SENDER.id not in taken:
        return BUILTIN_SENDER
    return BUILTIN_SENDER.model_copy(update={"id": "unie-ingebouwd"})


def _builtin_sender_notice(document: YamlDocument) -> Problem:
    return document.problem(
        ("clubs",),
        "geen standaardafzender (standaard: ja); gemeenten buiten elk werkgebied krijgen"
        f" een brief namens de {BUILTIN_SENDER.naam}",
        "wilt u een andere afzender voor die gemeenten, zet dan 'standaard: ja' bij die club",
    )


def _check_ids(
    documents: dict[str, YamlDocument],
    municipalities: MunicipalitiesFile,
    measures: MeasuresFile,
    clubs: ClubsFile,
    facts: FactsFile,
) -> list[Problem]:
    """Codes and ids must be unique within their file."""
    return [
        *_unique(
            documents["municipalities"],
            "gemeenten",
            [m.code for m in municipalities.gemeenten],
            "code",
        ),
        *_unique(documents["measures"], "maatregelen", [m.id for m in measures.maatregelen], "id"),
        *_unique(documents["clubs"], "clubs", [c.id for c in clubs.clubs], "id"),
        *_unique(documents["facts"], "feiten", [f.id for f in facts.feiten], "id"),
    ]


def _check_figure_codes(
    document: YamlDocument, figures: FiguresFile, municipalities: MunicipalitiesFile
) -> list[Problem]:
    known_codes = {m.code for m in municipalities.gemeenten}
    return [
        document.problem(
            ("cijfers", code),
            f"onbekende gemeentecode '{code}'",
            "gebruik de CBS-code van een bestaande gemeente ('brief gemeenten' toont ze)",
        )
        for code in figures.cijfers
        if code not in known_codes
    ]


def _read_documents(paths: dict[str, Path]) -> dict[str, YamlDocument]:
    """Every data file parsed; all unreadable files reported together."""
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
    """A club's house style and logo must exist, beside clubs.yaml."""
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
