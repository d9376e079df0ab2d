"""`brief controleer`: check every data file and render every planned letter in memory.

All problems are collected and reported together, each with file and line, so a
catalogue editor fixes them in one pass. Nothing is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from brievenbus.dataset import Dataset
from brievenbus.errors import BriefError, Problem
from brievenbus.letters import Workspace

FACT_MAX_AGE_YEARS = 3


@dataclass
class CheckReport:
    """What `brief controleer` found."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    dataset: Dataset | None = None
    letters_rendered: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing stops a letter from being made."""
        return not self.problems


def check_workspace(
    data_dir: Path | None = None,
    templates_dir: Path | None = None,
    today: datetime.date | None = None,
) -> CheckReport:
    """Validate the data, then render each municipality's letter; collect every problem."""
    report = CheckReport()
    try:
        workspace = Workspace.open(data_dir, templates_dir)
    except BriefError as error:
        report.problems.extend(error.problems)
        return report
    report.dataset = workspace.dataset
    report.warnings.extend(_old_facts(workspace.dataset, today or datetime.date.today()))
    report.warnings.extend(_old_figures(workspace.dataset, today or datetime.date.today()))
    for club in workspace.dataset.clubs.values():
        report.warnings.extend(workspace.unfilled_fields(club)[:1])
    seen: set[str] = set()
    for municipality in workspace.dataset.municipalities:
        try:
            workspace.render(workspace.plan(municipality, date=today))
            report.letters_rendered += 1
        except BriefError as error:
            # A template mistake fails every letter the same way: report it once.
            for problem in error.problems:
                if str(problem) not in seen:
                    seen.add(str(problem))
                    report.problems.append(problem)
    return report


def _old_facts(dataset: Dataset, today: datetime.date) -> list[Problem]:
    document = dataset.documents["facts"]
    return [
        document.problem(
            ("feiten", index, "jaar"),
            f"feit '{fact.id}' is van {fact.jaar}, ouder dan {FACT_MAX_AGE_YEARS} jaar",
            "zoek een recenter cijfer, of laat het feit weg uit de brieven",
        )
        for index, fact in enumerate(dataset.facts.values())
        if not fact.tijdloos and today.year - fact.jaar > FACT_MAX_AGE_YEARS
    ]


def _old_figures(dataset: Dataset, today: datetime.date) -> list[Problem]:
    """One warning per indicator whose figures are about a period over three years ago."""
    if "figures" not in dataset.documents:
        return []
    document = dataset.documents["figures"]
    oldest: dict[str, tuple[int, str]] = {}
    for code, indicators in dataset.figures.items():
        for indicator, figure in indicators.items():
            year = figure.year
            if year is None or today.year - year <= FACT_MAX_AGE_YEARS:
                continue
            if indicator not in oldest or year < oldest[indicator][0]:
                oldest[indicator] = (year, code)
    return [
        document.problem(
            ("cijfers", code, indicator),
            f"cijfers '{indicator}' gaan over {year}, langer dan {FACT_MAX_AGE_YEARS} jaar geleden",
            "importeer nieuwere cijfers met 'brief importeer cbs BESTAND.csv'",
        )
        for indicator, (year, code) in sorted(oldest.items())
    ]
