"""The workspace: data plus templates, everything needed to make letters.

One letter goes through these steps (docs/architecture.md):
1. load    — data files → validated models (``inputs.dataset``)
2. plan    — kind, measures and sender (``letters.plan``)
3. render  — Jinja2 → Markdown → paragraphs (``letters.composition``)
4. build   — paragraphs → .docx bytes on the house style (``ooxml.document``)
Writing and recording are the output layer's (``output.batch``).
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brievenbus.dutch_formats import dutch_number
from brievenbus.errors import BriefError, Problem
from brievenbus.fileio import display_path
from brievenbus.inputs.dataset import Dataset, load_dataset
from brievenbus.inputs.locations import TEMPLATES, Sources, packaged_dir
from brievenbus.inputs.models import Club, Municipality, Party
from brievenbus.letters.composition import Composition, Letter, compose
from brievenbus.letters.election_timing import LetterTiming, letter_timing
from brievenbus.letters.figures import LocalFigure, RankTables, local_figures
from brievenbus.letters.mergers import MergerInfo, as_of, merger_index, merger_warnings
from brievenbus.letters.plan import LetterPlan, plan_letter
from brievenbus.letters.rendering import TEMPLATE_SUFFIX, letter_kinds
from brievenbus.letters.variables import shared_variables, template_variables
from brievenbus.ooxml.document import CoreProperties, build_docx
from brievenbus.ooxml.house_style import load_house_style
from brievenbus.ooxml.logo import load_logo
from brievenbus.wording import short_list

HOUSE_STYLE_FILE = "huisstijl.docx"


@dataclass
class SharedByParties:
    """What the letters to the parties of one municipality (same kind, date, club and
    measures) have in common: the variables but the party's, and the slot texts that
    do not read the party (filled as they are rendered)."""

    key: tuple[object, ...]
    variables: dict[str, Any]
    slots: dict[str, str] = field(default_factory=dict)

    def is_for(self, key: tuple[object, ...]) -> bool:
        """Whether these are the same inputs (the same objects, or equal ones)."""
        return len(key) == len(self.key) and all(
            a is b or a == b for a, b in zip(key, self.key, strict=True)
        )


@dataclass
class Workspace:
    """Data plus templates: everything needed to make letters."""

    dataset: Dataset
    template_folders: tuple[Path, ...]
    kinds: tuple[str, ...] = ()
    house_style_path: Path | None = None
    _figures_memo: dict[str, dict[str, LocalFigure]] = field(default_factory=dict, repr=False)
    _mergers: dict[str, MergerInfo] | None = field(default=None, repr=False)
    _timing_memo: dict[tuple[str, str, str, datetime.date], LetterTiming] = field(
        default_factory=dict, repr=False
    )
    _shared: SharedByParties | None = field(default=None, repr=False)
    _shown_memo: dict[str, str] = field(default_factory=dict, repr=False)
    _rank_tables: RankTables = field(default_factory=RankTables, repr=False)

    @classmethod
    def open(cls, data_dir: Path | None = None, templates_dir: Path | None = None) -> Workspace:
        """Load and check the data; templates are read when a letter is rendered.

        Files are looked up in the options' folders, the workspace found from
        the current folder, then the package (``inputs.locations``).
        """
        sources = Sources.discover(data_dir, templates_dir)
        folders = sources.folders(TEMPLATES)
        kinds = tuple(letter_kinds(folders))
        return cls(load_dataset(kinds=kinds, sources=sources), folders, kinds)

    @property
    def sources(self) -> Sources:
        """Where the data and templates come from."""
        return self.dataset.sources

    def plan(
        self,
        municipality: Municipality,
        kind: str | None = None,
        date: datetime.date | None = None,
        measure_ids: Sequence[str] = (),
        party: Party | None = None,
        via_clerk: bool = False,
        *,
        require_ready: bool = True,
    ) -> LetterPlan:
        """Decide kind, measures and sender for one letter (``letters.plan``).

        After a decided merger the letter goes to the new municipality.
        """
        date = date or datetime.date.today()
        municipality = self.municipality_on(municipality, date)
        return plan_letter(
            self.dataset,
            self.kinds,
            municipality,
            kind,
            date,
            measure_ids,
            party,
            via_clerk,
            require_ready=require_ready,
        )

    def municipality_on(self, municipality: Municipality, date: datetime.date) -> Municipality:
        """The municipality as it is on a letter's date (after a decided merger: the new one)."""
        return as_of(municipality, self.merger_of(municipality), date)

    def merger_of(self, municipality: Municipality) -> MergerInfo | None:
        """The merger (herindeling) this municipality is part of, if any."""
        if self._mergers is None:
            self._mergers = merger_index(self.dataset.municipalities)
        return self._mergers.get(municipality.code)

    @property
    def _municipalities_shown(self) -> str:
        """The municipalities file as messages name it (relative to the working folder)."""
        try:
            here = os.getcwd()
        except OSError:  # the working folder was deleted
            here = ""
        if here not in self._shown_memo:
            self._shown_memo[here] = str(display_path(self.dataset.paths["municipalities"]))
        return self._shown_memo[here]

    def election_timing(
        self, municipality: Municipality, kind: str, date: datetime.date
    ) -> LetterTiming:
        """The election a letter is about, whether the college is formed, and date warnings.

        The rule is in ``letters.election_timing``; this gathers its data, once per
        municipality, kind and date (a batch asks per party).
        """
        key = (municipality.code, municipality.naam, kind, date)
        if key not in self._timing_memo:
            info = self.merger_of(municipality)
            timing = letter_timing(
                kind,
                municipality.naam,
                date,
                self.dataset.next_election,
                municipality.raad.verkiezing,
                municipality.raad.bron,
                # The herindelingsverkiezing: to come (named) or the last one (coalition).
                info.merger.verkiezing if info else None,
                bool(info and not info.decided),
                [self._municipalities_shown],
            )
            extra = merger_warnings(municipality, info, date)
            self._timing_memo[key] = dataclasses.replace(
                timing, warnings=timing.warnings + tuple(extra)
            )
        return self._timing_memo[key]

    def template_variables(self, plan: LetterPlan) -> dict[str, Any]:
        """The variables a template sees for this letter."""
        return template_variables(self._shared_by_parties(plan).variables, plan)

    def _shared_by_parties(self, plan: LetterPlan) -> SharedByParties:
        """What this letter shares with the letters to the other parties of its
        municipality (a batch makes those one after another): kept for the last one."""
        key = (plan.municipality, plan.kind, plan.date, plan.club, *plan.measures)
        shared = self._shared
        if shared is None or not shared.is_for(key):
            figures = self.local_figures(plan.municipality)
            variables = shared_variables(
                plan,
                self.dataset,
                figures,
                self.election_timing(plan.municipality, plan.kind, plan.date),
            )
            shared = self._shared = SharedByParties(key, variables)
        return shared

    def local_figures(self, municipality: Municipality) -> dict[str, LocalFigure]:
        """Figures with ranks, worked out once per municipality (a batch asks per party)."""
        if municipality.code not in self._figures_memo:
            self._figures_memo[municipality.code] = local_figures(
                municipality, self.dataset.figures, self.dataset.municipalities, self._rank_tables
            )
        return self._figures_memo[municipality.code]

    def compose(self, plan: LetterPlan) -> Composition:
        """Render the templates and parse them: the letter's paragraphs, before Word."""
        shared = self._shared_by_parties(plan)
        variables = template_variables(shared.variables, plan)
        composition = compose(plan, variables, self.template_folders, shared.slots)
        warnings = [
            *self.data_warnings(plan.municipality, plan.kind, plan.date),
            *composition.warnings,
        ]
        return dataclasses.replace(composition, warnings=warnings)

    def data_warnings(
        self, municipality: Municipality, kind: str, date: datetime.date
    ) -> tuple[str, ...]:
        """What the user should know about a letter's data (its election, a merger,
        doubtful inhabitants), also when an unchanged letter is not rendered again."""
        timing = self.election_timing(municipality, kind, date)
        return (*timing.warnings, *doubtful_figures(municipality))

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

    def sender_file_problems(self, clubs: Iterable[Club]) -> list[Problem]:
        """Open the house style and logo of each club now, with every check on them.

        ``genereer`` stops on these before any letter is written and
        ``controleer`` reports them: a broken or hostile file (macros, a zip
        bomb, a huge logo) never reaches a letter.
        """
        problems: dict[str, Problem] = {}
        for club in clubs:
            try:
                load_house_style(self.house_style_for(club))
                if club.logo:
                    load_logo(self.club_file(club.logo))
            except BriefError as error:
                problems.update((str(problem), problem) for problem in error.problems)
        return list(problems.values())

    def club_file(self, name: str) -> Path:
        """A file named in clubs.yaml (house style, logo), relative to that file."""
        return (self.dataset.paths["clubs"].parent / name).resolve()

    def house_style_for(self, club: Club) -> Path:
        """The club's own house style, else templates/huisstijl.docx."""
        if club.huisstijl:
            return self.club_file(club.huisstijl)
        if self.house_style_path is None:
            path = self.sources.find_file(HOUSE_STYLE_FILE, TEMPLATES)
            assert path is not None  # a required file raises when it is missing
            self.house_style_path = path
        return self.house_style_path

    # ------------------------------------------------------------- what to tell

    @property
    def uses_example_clubs(self) -> bool:
        """True when the letters' senders are the packaged example clubs."""
        path = self.dataset.paths["clubs"]
        if self.sources.is_packaged(path):
            return True
        packaged = packaged_dir("data") / path.name
        try:
            return path.read_bytes() == packaged.read_bytes()
        except OSError:
            return False

    def example_data_notice(self, clubs: Sequence[Club]) -> str | None:
        """One line when the letters are signed from the example data, naming the senders."""
        if not self.uses_example_clubs:
            return None
        names = list(dict.fromkeys(club.naam for club in clubs))
        shown = ", ".join(names[:3]) + (f" en {len(names) - 3} andere" if len(names) > 3 else "")
        return f"met de voorbeeldgegevens, namens {shown} — maak uw eigen werkmap met brief init"

    def notices(self) -> list[Problem]:
        """Files taken from the package although the user has a folder of their own."""
        notices = list(self.dataset.notices)
        own = [folder for folder in self.template_folders[:-1] if folder.is_dir()]
        if self.sources.root is None and self.sources.templates_dir is None:
            return notices
        names = {p.name for folder in own for p in folder.iterdir()}
        missing = [
            f"{TEMPLATES}/{p.name}"
            for p in sorted(self.template_folders[-1].iterdir())
            if p.name.endswith((TEMPLATE_SUFFIX, ".docx")) and p.name not in names
        ]
        if missing and not own:
            missing = [f"alle sjablonen ({TEMPLATES}/ ontbreekt)"]
        if missing:
            notices.append(
                Problem(
                    None,
                    None,
                    "niet in uw sjablonen, dus de meegeleverde: " + ", ".join(missing),
                    "geen actie nodig; wilt u ze aanpassen, kopieer ze dan uit een nieuwe"
                    " werkmap (brief init ANDERE_MAP) naar uw map templates/",
                )
            )
        return notices

    def default_sender_warning(self, municipalities: Sequence[str]) -> str | None:
        """One warning for all letters signed by the default sender (none for the example
        data: the user has no clubs file of their own to add a club to)."""
        if self.uses_example_clubs:
            return None
        sender = self.dataset.default_sender
        names = short_list(municipalities)
        if len(municipalities) > 3:
            names = f"{len(municipalities)} gemeenten ({names})"
        have = "hebben" if len(municipalities) > 1 else "heeft"
        return (
            f"{names} {have} geen eigen club; de brief gaat uit namens '{sender.naam}'. "
            f"Voeg uw club met werkgebied toe aan {display_path(self.dataset.paths['clubs'])}."
        )


def doubtful_figures(municipality: Municipality) -> list[str]:
    """A warning for inhabitants marked doubtful in the data (left out of the letter)."""
    if not municipality.inwoners.controleren:
        return []
    count = dutch_number(municipality.inwoners.aantal)
    return [
        f"Het inwonertal van {municipality.naam} ({count}) is nog niet bevestigd:"
        f" {municipality.inwoners.controleren}. De brief noemt het daarom niet."
    ]
