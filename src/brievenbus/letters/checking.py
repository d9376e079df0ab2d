"""`brief controleer`: check every data file, every reference, every club and every letter.

All problems are collected and reported together, each with file and line, so a
catalogue editor fixes them in one pass. A club with fields still to fill in
makes the workspace "not ready". Warnings are only about the user's own files.
Nothing is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brievenbus.dutch_formats import dutch_number
from brievenbus.errors import BriefError, Problem, document_reason
from brievenbus.fileio import display_path
from brievenbus.inputs.dataset import Dataset
from brievenbus.inputs.locations import TEMPLATE_SUFFIX
from brievenbus.letters.rehearsal import Rehearsal, rehearse
from brievenbus.letters.workspace import Workspace
from brievenbus.markup import STYLE_LINE
from brievenbus.ooxml.house_style import FOOTER, LETTERHEAD, PLACEHOLDER, placeholder_text

FACT_MAX_AGE_YEARS = 3


@dataclass
class CheckReport:
    """What `brief controleer` found."""

    problems: list[Problem] = field(default_factory=list)
    unready: list[Problem] = field(default_factory=list)  # club fields still to fill in
    warnings: list[Problem] = field(default_factory=list)
    dataset: Dataset | None = None
    rehearsal: Rehearsal | None = None
    example_notice: str | None = None

    @property
    def ok(self) -> bool:
        """True when nothing stops a letter and nothing is left to fill in."""
        return not self.problems and not self.unready

    @property
    def letters_rendered(self) -> int:
        """How many letters were made on trial."""
        return self.rehearsal.total if self.rehearsal else 0


def check_workspace(
    data_dir: Path | None = None,
    templates_dir: Path | None = None,
    today: datetime.date | None = None,
) -> CheckReport:
    """Check the data, every reference and every club, and render every letter in memory.

    Every letter kind for every municipality and every per-party letter is
    rendered (``letters.rehearsal``); every problem is collected.
    """
    report = CheckReport()
    today = today or datetime.date.today()
    try:
        workspace = Workspace.open(data_dir, templates_dir)
    except BriefError as error:
        report.problems.extend(error.problems)
        return report
    report.dataset = workspace.dataset
    # The other checks run here while the workers render every letter.
    report.rehearsal = rehearse(
        workspace, today, meanwhile=lambda: _check_rest(report, workspace, today)
    )
    report.problems.extend(report.rehearsal.problems)
    return report


def _check_rest(report: CheckReport, workspace: Workspace, today: datetime.date) -> None:
    """House styles, warnings about the user's files, and clubs not ready yet."""
    dataset = workspace.dataset
    problems, warnings = check_house_styles(workspace)
    report.problems.extend(problems)
    report.warnings.extend(workspace.notices())
    warnings += _timing_warnings(workspace, today)
    warnings += _doubtful_inhabitants(dataset)
    if not workspace.sources.is_packaged(dataset.paths["facts"]):
        warnings += facts_to_review(dataset, today)
    warnings += _old_figures(dataset, today)
    # Only what the user can act on: nothing about the package's own files.
    report.warnings.extend(w for w in warnings if not _is_packaged(workspace, w))
    for club in dataset.clubs.values():
        report.unready.extend(dataset.unready_fields(club))
    report.example_notice = workspace.example_data_notice(list(dataset.clubs.values()))


def _timing_warnings(workspace: Workspace, today: datetime.date) -> list[Problem]:
    """Each municipality's letter date against the elections (and mergers) in the data."""
    document = workspace.dataset.documents["municipalities"]
    warnings = []
    for index, municipality in enumerate(workspace.dataset.municipalities):
        try:
            plan = workspace.plan(municipality, date=today, require_ready=False)
        except BriefError:
            continue  # the rehearsal reports it
        warnings += [
            document.problem(("gemeenten", index), warning)
            for warning in workspace.election_timing(
                plan.municipality, plan.kind, plan.date
            ).warnings
        ]
    return warnings


def _is_packaged(workspace: Workspace, problem: Problem) -> bool:
    return problem.path is not None and workspace.sources.is_packaged(Path(problem.path))


def facts_to_review(dataset: Dataset, today: datetime.date) -> list[Problem]:
    """Facts past their review date (herzien_voor), or without one older than three years."""
    document = dataset.documents["facts"]
    problems = []
    for index, fact in enumerate(dataset.facts.values()):
        if fact.herzien_voor is not None:
            if today <= fact.herzien_voor:
                continue
            message = f"feit '{fact.id}' moest vóór {fact.herzien_voor} worden nagekeken"
            location: tuple[str | int, ...] = ("feiten", index, "herzien_voor")
        elif not fact.tijdloos and today.year - fact.jaar > FACT_MAX_AGE_YEARS:
            message = f"feit '{fact.id}' is van {fact.jaar}, ouder dan {FACT_MAX_AGE_YEARS} jaar"
            location = ("feiten", index, "jaar")
        else:
            continue
        problems.append(
            document.problem(
                location,
                message,
                "zoek een recenter cijfer (en zet herzien_voor op een nieuwe datum),"
                " of laat het feit weg uit de brieven",
            )
        )
    return problems


def _doubtful_inhabitants(dataset: Dataset) -> list[Problem]:
    """Inhabitants marked 'controleren' in the data: left out of letters until confirmed."""
    document = dataset.documents["municipalities"]
    return [
        document.problem(
            ("gemeenten", index, "inwoners", "controleren"),
            f"het inwonertal van {m.naam} ({dutch_number(m.inwoners.aantal)}) is nog niet"
            " bevestigd:"
            f" {m.inwoners.controleren}",
            "zoek het getal op in CBS StatLine 37230ned, zet het bij 'aantal' en haal"
            " 'controleren' weg; tot dan noemt de brief het niet",
        )
        for index, m in enumerate(dataset.municipalities)
        if m.inwoners.controleren
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
            "importeer nieuwere cijfers met 'brief importeer cbs --online'"
            " (of uit een StatLine-export: 'brief importeer cbs BESTAND.csv')",
        )
        for indicator, (year, code) in sorted(oldest.items())
    ]


def check_house_styles(workspace: Workspace) -> tuple[list[Problem], list[Problem]]:
    """Check every house style and logo in use, then open the house styles with
    python-docx, as a word processor would.

    Errors: what ``Workspace.sender_file_problems`` finds (the same checks as
    ``genereer``), a file that is no Word document, or a paragraph style that a
    template asks for ({.stijl}) and the house style lacks (named at the
    template's line). Warnings: a header or footer placeholder that is gone,
    so the letterhead or the club's details will not appear.
    """
    import docx

    wanted = _styles_in_templates(workspace)
    clubs = workspace.dataset.clubs.values()
    problems = workspace.sender_file_problems(clubs)
    refused = {problem.path for problem in problems}
    paths = {workspace.house_style_for(club) for club in clubs}
    warnings: list[Problem] = []
    for path in sorted(paths):
        if display_path(path) in refused:
            continue  # python-docx would read a zip bomb whole; the checks said enough
        try:
            document = docx.Document(str(path))
        except Exception as error:  # python-docx raises several kinds for a broken file
            problems.append(
                Problem(
                    display_path(path),
                    None,
                    f"de huisstijl is geen geldig Word-document ({document_reason(error)})",
                    "sla hem in Word opnieuw op als Word-document (.docx)",
                )
            )
            continue
        names = {str(n).casefold() for s in document.styles for n in (s.style_id, s.name) if n}
        for template, line, style in wanted:
            if style.casefold() not in names:
                problems.append(
                    Problem(
                        template,
                        line,
                        f"alinea-stijl '{style}' staat niet in huisstijl {path.name}",
                        "voeg de stijl in Word toe aan de huisstijl, of kies een bestaande stijl",
                    )
                )
        warnings.extend(_missing_placeholders(path, document))
    return problems, warnings


def _missing_placeholders(path: Path, document: Any) -> list[Problem]:
    """A warning for each header or footer without its {{ briefhoofd }} / {{ voettekst }}."""
    section = document.sections[0]
    if section.different_first_page_header_footer:
        places = [
            ("de kop van pagina 1", section.first_page_header, LETTERHEAD),
            ("de voettekst van pagina 1", section.first_page_footer, FOOTER),
            ("de voettekst vanaf pagina 2", section.footer, FOOTER),
        ]
    else:
        places = [("de kop", section.header, LETTERHEAD), ("de voettekst", section.footer, FOOTER)]
    return [
        Problem(
            display_path(path),
            None,
            f"{where} heeft geen alinea {placeholder_text(slot)}",
            f"zet daar een alinea met alleen {placeholder_text(slot)}; anders komen"
            " de clubgegevens er niet in",
        )
        for where, part, slot in places
        if not any(_is_placeholder(p.text, slot) for p in part.paragraphs)
    ]


def _is_placeholder(text: str, slot: str) -> bool:
    match = PLACEHOLDER.match(text.strip())
    return match is not None and match.group(1) == slot


def _styles_in_templates(workspace: Workspace) -> list[tuple[Path, int, str]]:
    """Every {.stijl} line in the templates in use: (template, line, style)."""
    found = []
    seen_names: set[str] = set()
    for folder in workspace.template_folders:
        for path in sorted(folder.glob("*" + TEMPLATE_SUFFIX)) if folder.is_dir() else []:
            if path.name in seen_names:
                continue  # an earlier folder's template of the same name is the one used
            seen_names.add(path.name)
            try:
                lines = path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError):
                continue  # rendering the letter reports an unreadable template
            for number, line in enumerate(lines, 1):
                if match := STYLE_LINE.match(line.strip()):
                    found.append((display_path(path), number, match.group(1)))
    return found
