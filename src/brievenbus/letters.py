"""The core: from a municipality and a letter kind to a finished .docx.

Steps (DESIGN §5):
1. load   — data files → validated models (``dataset.load_dataset``)
2. select — which measures, which club signs (``Workspace.plan``)
3. render — Jinja2 → Markdown for the body, header and footer (``rendering``)
4. build  — Markdown → paragraphs → .docx bytes on the house style (``markup``, ``docx_writer``)
5. write  — atomically, never silently over a changed file (``write_letter``)
"""

from __future__ import annotations

import datetime
import difflib
import enum
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brievenbus.dataset import Dataset, load_dataset
from brievenbus.docx_writer import INVALID_XML, CoreProperties, build_docx, load_house_style
from brievenbus.errors import DataError, OutputError, Problem, os_reason
from brievenbus.figures import SHELTER_NORM_SOURCE, LocalFigure, local_figures, shelter_norm
from brievenbus.loading import display_path, find_file
from brievenbus.logo import load_logo
from brievenbus.markup import Paragraph, parse_markdown
from brievenbus.models import PILLARS, Club, Measure, Municipality, Party
from brievenbus.paths import letter_path
from brievenbus.rendering import letter_kinds, render_template
from brievenbus.salutation import salutation
from brievenbus.wording import count, short_list

DEFAULT_KIND = "verkiezingen"
PLACEHOLDER = "VUL IN"  # what `brief init` puts where a club must fill something in
TEMP_PREFIX = ".brief-"  # temporary files of an unfinished write; removed on the next run
HOUSE_STYLE_FILE = "huisstijl.docx"
SLOT_TEMPLATES = ("briefhoofd", "voettekst")


@dataclass(frozen=True)
class LetterPlan:
    """One letter to make: to whom, which kind, which measures, signed by which club."""

    municipality: Municipality
    kind: str
    date: datetime.date
    club: Club
    measures: tuple[Measure, ...]
    party: Party | None = None
    via_clerk: bool = False  # one letter to the whole council, through the griffie

    @property
    def relative_path(self) -> Path:
        """Where the letter goes inside the output folder."""
        party = self.party.naam if self.party else None
        return letter_path(self.municipality.naam, party, self.via_clerk)


@dataclass(frozen=True)
class Composition:
    """A letter as paragraphs: body, header/footer fillings, subject and warnings."""

    body: list[Paragraph]
    slots: dict[str, list[Paragraph]]
    subject: str
    warnings: list[str]


@dataclass
class Letter:
    """A rendered letter: the .docx bytes and what the user should know about it."""

    plan: LetterPlan
    subject: str
    docx: bytes
    warnings: list[str] = field(default_factory=list)

    @property
    def from_default_sender(self) -> bool:
        """Signed by the default sender because no club covers the municipality."""
        return self.plan.club.standaard


class WriteStatus(enum.Enum):
    """What happened to a letter's file."""

    NEW = "nieuw"
    CHANGED = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    SKIPPED = "overgeslagen"


@dataclass
class Workspace:
    """Data plus templates: everything needed to make letters."""

    dataset: Dataset
    templates_dir: Path | None = None
    data_dir: Path | None = None

    kinds: tuple[str, ...] = ()
    house_style_path: Path | None = None
    _figures_memo: dict[str, dict[str, LocalFigure]] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, data_dir: Path | None = None, templates_dir: Path | None = None) -> Workspace:
        """Load and check the data; templates are read when a letter is rendered."""
        kinds = tuple(letter_kinds(templates_dir))
        return cls(load_dataset(data_dir, kinds), templates_dir, data_dir, kinds)

    # ------------------------------------------------------------- planning

    def plan(
        self,
        municipality: Municipality,
        kind: str | None = None,
        date: datetime.date | None = None,
        measure_ids: Sequence[str] = (),
        party: Party | None = None,
        via_clerk: bool = False,
    ) -> LetterPlan:
        """Decide kind, measures and sender for one letter."""
        kind = kind or municipality.context or DEFAULT_KIND
        if kind not in self.kinds:
            raise DataError.simple(
                f"briefsoort '{kind}' bestaat niet",
                _did_you_mean(kind, self.kinds, "beschikbaar: " + ", ".join(self.kinds)),
            )
        club = self.dataset.club_for(municipality)
        if unfilled := self.unfilled_fields(club):
            raise DataError(unfilled[0])
        return LetterPlan(
            municipality=municipality,
            kind=kind,
            date=date or datetime.date.today(),
            club=club,
            measures=self.select_measures(municipality, kind, measure_ids),
            party=party,
            via_clerk=via_clerk,
        )

    def unfilled_fields(self, club: Club) -> list[Problem]:
        """Fields of a club still holding the 'VUL IN' placeholder from `brief init`."""
        index = list(self.dataset.clubs).index(club.id)
        values = club.model_dump()
        fields = [
            name
            for name, value in values.items()
            if PLACEHOLDER.casefold() in str(value).casefold()
        ]
        return [
            self.dataset.documents["clubs"].problem(
                ("clubs", index, name),
                f"de club '{club.id}' is nog niet ingevuld ({PLACEHOLDER})",
                "vul uw gegevens in of laat het veld leeg; zie LEESMIJ.md",
            )
            for name in fields
        ]

    def select_measures(
        self, municipality: Municipality, kind: str, measure_ids: Sequence[str] = ()
    ) -> tuple[Measure, ...]:
        """Measures from the command line, else the municipality's, else the defaults."""
        catalogue = self.dataset.measures
        for measure_id in measure_ids:
            if measure_id not in catalogue:
                raise DataError.simple(
                    f"maatregel '{measure_id}' bestaat niet",
                    _did_you_mean(
                        measure_id, list(catalogue), "'brief maatregelen' toont de catalogus"
                    ),
                )
        if measure_ids:
            chosen = [catalogue[i] for i in dict.fromkeys(measure_ids)]
        elif municipality.maatregelen is not None:
            chosen = [catalogue[i] for i in municipality.maatregelen]
        else:
            chosen = [m for m in catalogue.values() if m.standaard and kind in m.contexten]
        return tuple(sorted(chosen, key=lambda m: m.sort_key))

    # ------------------------------------------------------------ rendering

    def context(self, plan: LetterPlan) -> dict[str, Any]:
        """The variables a template sees (Dutch names; README lists them)."""
        pillars = [
            {
                "id": pillar_id,
                "naam": name,
                "omschrijving": description,
                "maatregelen": [m for m in plan.measures if m.pijler == pillar_id],
                "artikelen": sorted(
                    {a for m in plan.measures if m.pijler == pillar_id for a in m.artikelen}
                ),
            }
            for pillar_id, (name, description) in PILLARS.items()
        ]
        return {
            "brief": {
                "soort": plan.kind,
                "datum": plan.date,
                "plaats": plan.club.plaats or plan.municipality.common_name,
            },
            "gemeente": plan.municipality,
            "club": plan.club,
            "ondertekenaars": [s for s in plan.club.ondertekenaars if s.naam],
            "fractie": plan.party,
            "aanhef": salutation(plan.party),
            "via_griffie": plan.via_clerk,
            "maatregelen": list(plan.measures),
            "pijlers": pillars,
            "feiten": self.dataset.facts,
            "cijfers": self.local_figures(plan.municipality),
            "opvangnorm": {
                "plaatsen": shelter_norm(plan.municipality),
                "bron": SHELTER_NORM_SOURCE,
            },
            "feitenlijst": [f for f in self.dataset.facts.values() if plan.kind in f.contexten],
        }

    def local_figures(self, municipality: Municipality) -> dict[str, LocalFigure]:
        """Figures with ranks, worked out once per municipality (a batch asks per party)."""
        if municipality.code not in self._figures_memo:
            self._figures_memo[municipality.code] = local_figures(
                municipality, self.dataset.figures, self.dataset.municipalities
            )
        return self._figures_memo[municipality.code]

    def compose(self, plan: LetterPlan) -> Composition:
        """Render the templates and parse them: the letter's paragraphs, before Word."""
        context = self.context(plan)
        texts = {
            name: render_template(f"_{name}.md.j2", context, self.templates_dir)
            for name in SLOT_TEMPLATES
        }
        texts["brief"] = render_template(plan.kind + ".md.j2", context, self.templates_dir)
        # Characters XML cannot hold (control codes from pasted text) are dropped, with a warning.
        removed = sum(len(INVALID_XML.findall(text)) for text in texts.values())
        parsed = {name: parse_markdown(INVALID_XML.sub("", text)) for name, text in texts.items()}
        body = parsed.pop("brief")
        warnings = []
        if removed:
            warnings.append(
                f"{count(removed, 'onzichtbaar stuurteken', 'onzichtbare stuurtekens')}"
                " weggelaten uit de brief aan "
                f"{plan.municipality.naam} (kan niet in Word); controleer de gegevens."
            )
        return Composition(body, parsed, _subject(body), warnings)

    def render(self, plan: LetterPlan) -> Letter:
        """Render and build one letter in memory."""
        composition = self.compose(plan)
        data = build_docx(
            load_house_style(self.house_style_for(plan.club)),
            composition.body,
            composition.slots,
            CoreProperties(
                title=composition.subject,
                subject=composition.subject,
                author=plan.club.naam,
                created=plan.date,
            ),
            load_logo(self.club_file(plan.club.logo)) if plan.club.logo else None,
        )
        return Letter(plan, composition.subject, data, composition.warnings)

    def club_file(self, name: str) -> Path:
        """A file named in clubs.yaml (house style, logo), relative to that file."""
        return (self.dataset.paths["clubs"].parent / name).resolve()

    def house_style_for(self, club: Club) -> Path:
        """The club's own house style, else templates/huisstijl.docx."""
        if club.huisstijl:
            return self.club_file(club.huisstijl)
        if self.house_style_path is None:
            self.house_style_path = find_file(HOUSE_STYLE_FILE, "templates", self.templates_dir)
        return self.house_style_path

    def default_sender_warning(self, municipalities: Sequence[str]) -> str:
        """One warning for all letters signed by the default sender."""
        sender = next(club for club in self.dataset.clubs.values() if club.standaard)
        names = short_list(municipalities)
        if len(municipalities) > 3:
            names = f"{len(municipalities)} gemeenten ({names})"
        have = "hebben" if len(municipalities) > 1 else "heeft"
        return (
            f"{names} {have} geen eigen club; de brief gaat uit namens '{sender.naam}'. "
            f"Voeg uw club met werkgebied toe aan {display_path(self.dataset.paths['clubs'])}."
        )


def _subject(paragraphs: Sequence[Paragraph]) -> str:
    """The subject line ({.onderwerp}) without 'Betreft:', for the document properties."""
    for paragraph in paragraphs:
        if paragraph.style and paragraph.style.casefold() == "onderwerp":
            return paragraph.text.removeprefix("Betreft:").strip()
    return "Het Verdrag van Istanbul"


def _did_you_mean(value: str, options: Sequence[str], otherwise: str) -> str:
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return f"bedoelt u '{close[0]}'?" if close else otherwise


# ----------------------------------------------------------------- writing


def write_letter(
    data: bytes, path: Path, overwrite: bool = False, previous_sha256: str | None = None
) -> WriteStatus:
    """Write atomically, never over a file someone changed since we wrote it.

    An existing file that differs is replaced only with ``overwrite``, or when
    its hash is the one we recorded for it (``previous_sha256``, from the
    manifest): then nobody edited it and it is simply out of date.
    """
    try:
        if path.exists():
            existing = path.read_bytes()
            if existing == data:
                return WriteStatus.UNCHANGED
            if not overwrite and hashlib.sha256(existing).hexdigest() != previous_sha256:
                return WriteStatus.SKIPPED
            atomic_write(path, data)
            return WriteStatus.CHANGED
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as error:
        raise OutputError.simple(
            f"kan niet schrijven in {display_path(path.parent)} ({os_reason(error)})",
            "kies een map waar u mag schrijven met --uitvoer MAP, of sluit de brief in Word",
        ) from None
    return WriteStatus.NEW


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: never a half file."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
