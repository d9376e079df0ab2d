"""The workspace: data plus templates, everything needed to make letters.

One letter goes through these steps (docs/architecture.md):
1. load    — data files → validated models (``inputs.dataset``)
2. plan    — kind, measures and sender (``letters.plan``)
3. render  — Jinja2 → Markdown → paragraphs (``letters.composition``)
4. build   — paragraphs → .docx bytes on the house style (``ooxml.document``)
Writing and recording are the output layer's (``output.batch``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brievenbus.errors import BriefError, Problem
from brievenbus.fileio import display_path
from brievenbus.inputs.dataset import Dataset, load_dataset
from brievenbus.inputs.locations import find_file
from brievenbus.inputs.models import Club, Municipality, Party
from brievenbus.letters.composition import Composition, Letter, compose
from brievenbus.letters.figures import LocalFigure, local_figures
from brievenbus.letters.plan import LetterPlan, plan_letter
from brievenbus.letters.rendering import letter_kinds
from brievenbus.letters.variables import template_variables
from brievenbus.ooxml.document import CoreProperties, build_docx
from brievenbus.ooxml.house_style import load_house_style
from brievenbus.ooxml.logo import load_logo

HOUSE_STYLE_FILE = "huisstijl.docx"


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

    def plan(
        self,
        municipality: Municipality,
        kind: str | None = None,
        date: datetime.date | None = None,
        measure_ids: Sequence[str] = (),
        party: Party | None = None,
        via_clerk: bool = False,
    ) -> LetterPlan:
        """Decide kind, measures and sender for one letter (``letters.plan``)."""
        return plan_letter(
            self.dataset, self.kinds, municipality, kind, date, measure_ids, party, via_clerk
        )

    def template_variables(self, plan: LetterPlan) -> dict[str, Any]:
        """The variables a template sees for this letter."""
        return template_variables(plan, self.dataset, self.local_figures(plan.municipality))

    def local_figures(self, municipality: Municipality) -> dict[str, LocalFigure]:
        """Figures with ranks, worked out once per municipality (a batch asks per party)."""
        if municipality.code not in self._figures_memo:
            self._figures_memo[municipality.code] = local_figures(
                municipality, self.dataset.figures, self.dataset.municipalities
            )
        return self._figures_memo[municipality.code]

    def compose(self, plan: LetterPlan) -> Composition:
        """Render the templates and parse them: the letter's paragraphs, before Word."""
        return compose(plan, self.template_variables(plan), self.templates_dir)

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
            self.house_style_path = find_file(HOUSE_STYLE_FILE, "templates", self.templates_dir)
        return self.house_style_path

    def default_sender_warning(self, municipalities: Sequence[str]) -> str:
        """One warning for all letters signed by the default sender."""
        sender = next(club for club in self.dataset.clubs.values() if club.standaard)
        names = ", ".join(municipalities[:3]) + (" …" if len(municipalities) > 3 else "")
        count = f"{len(municipalities)} gemeenten hebben" if len(municipalities) > 1 else "heeft"
        return (
            f"{names} {count} geen eigen club; de brief gaat uit namens '{sender.naam}'. "
            f"Voeg uw club met werkgebied toe aan {display_path(self.dataset.paths['clubs'])}."
        )
