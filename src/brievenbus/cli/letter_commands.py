"""`brief genereer` and `brief voorbeeld`: letters as Word documents, or on the terminal."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from brievenbus.cli.common import (
    ContextOption,
    DataOption,
    DateOption,
    MeasuresOption,
    PartyOption,
    TemplatesOption,
    default_output_dir,
    fail,
    open_workspace,
    out,
    parse_date,
    plain,
    say,
    tell_sources,
    warn,
)
from brievenbus.errors import BriefError
from brievenbus.wording import count

if TYPE_CHECKING:
    from brievenbus.letters.workspace import Workspace
    from brievenbus.output.batch import Job


def generate(
    municipalities: Annotated[
        list[str] | None,
        typer.Argument(
            help="Gemeente(n): naam, gangbare naam of CBS-code (GM0406).",
            show_default=False,
            metavar="GEMEENTE",
        ),
    ] = None,
    all_municipalities: Annotated[bool, typer.Option("--alle", help="Alle gemeenten.")] = False,
    club_id: Annotated[
        str | None,
        typer.Option(
            "--club",
            help="Alle gemeenten in het werkgebied van deze club (id).",
            show_default=False,
            metavar="ID",
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(
            "--provincie",
            help="Alle gemeenten in deze provincie.",
            show_default=False,
            metavar="PROVINCIE",
        ),
    ] = None,
    context: ContextOption = None,
    per_party: Annotated[
        bool, typer.Option("--per-fractie", help="Eén brief per fractie, aan de fractievoorzitter.")
    ] = False,
    party: PartyOption = None,
    measure_ids: MeasuresOption = None,
    date: DateOption = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--uitvoer",
            "-o",
            help="Map voor de brieven en manifest.csv (standaard: brieven/ in uw werkmap).",
            metavar="MAP",
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[
        bool,
        typer.Option("--overschrijf", help="Vervang ook brieven die met de hand zijn bewerkt."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--proef", help="Toon welke bestanden er zouden komen; schrijf niets.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limiet",
            min=1,
            help="Hoogstens dit aantal brieven.",
            show_default=False,
            metavar="AANTAL",
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--hervat",
            help="Ga verder waar een afgebroken opdracht stopte (volgens het register).",
        ),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Maak ook een PDF naast elke brief (met LibreOffice).")
    ] = False,
    eml: Annotated[
        bool,
        typer.Option(
            "--eml", help="Zet naast elke brief een e-mailconcept (.eml) met de brief als bijlage."
        ),
    ] = False,
    data_dir: DataOption = None,
    templates_dir: TemplatesOption = None,
) -> None:
    """Maak brieven (Word-documenten) voor de genoemde gemeenten, of voor een hele groep.

    Voorbeelden:

        brief genereer Huizen

        brief genereer Almere --context coalitie

        brief genereer Huizen --fractie PvdA

        brief genereer --alle --per-fractie --uitvoer brieven-2030

        brief genereer Huizen --pdf --eml
    """
    from brievenbus.cli.batch_report import BatchReport
    from brievenbus.letters.selection import select_municipalities, select_parties
    from brievenbus.output.batch import plan_jobs, run_jobs

    letter_date = parse_date(date)
    workspace = open_workspace(data_dir, templates_dir)
    try:
        targets = select_municipalities(
            workspace.dataset, municipalities or [], all_municipalities, club_id, province
        )
        wanted = select_parties(targets, party, bool(municipalities)) if party else None
        if wanted is not None:
            targets = [m for m in targets if m.code in wanted]
        jobs = plan_jobs(
            workspace,
            targets,
            output_dir or default_output_dir(workspace),
            kind=context,
            date=letter_date,
            measure_ids=measure_ids or (),
            per_party=per_party or wanted is not None,
            overwrite=overwrite,
        )
        _check_before_writing(workspace, jobs)
    except BriefError as error:
        fail(error)
    if wanted is not None:  # --fractie: only the letter to that party
        jobs = [job for job in jobs if job.party == wanted[job.code].naam]
    jobs = jobs[:limit] if limit else jobs
    tell_sources(workspace, [workspace.dataset.clubs[job.club_id] for job in jobs])
    if dry_run:
        _show_plan(jobs, workspace)
        return
    if pdf:
        from brievenbus.output.pdf import require_soffice

        try:
            require_soffice()  # before any letter is written
        except BriefError as error:
            fail(error)
    report = BatchReport(len(jobs), {c.id: c.naam for c in workspace.dataset.clubs.values()})
    try:
        with report:
            result = run_jobs(
                workspace, jobs, resume=resume, pdf=pdf, eml=eml, on_outcome=report.add
            )
    except BriefError as error:
        fail(error)
    report.summarise(result, workspace, _resume_command())
    if result.interrupted or result.failed or result.attachment_errors or result.problems:
        raise typer.Exit(code=1)


def _check_before_writing(workspace: Workspace, jobs: list[Job]) -> None:
    """What would fail every letter stops the run before anything is written: a
    refused house style or logo (as in `brief controleer`), or a template that cannot
    be compiled or hits a limit (a runaway costs two seconds a letter) on the first
    letter of each kind. A failure of one letter's data is left to the batch."""
    from brievenbus.letters.template_errors import TemplateWideError

    clubs = [workspace.dataset.clubs[i] for i in dict.fromkeys(job.club_id for job in jobs)]
    if problems := workspace.sender_file_problems(clubs):
        raise BriefError(*problems)
    for job in {job.kind: job for job in reversed(jobs)}.values():
        try:
            workspace.render(job.plan(workspace))
        except TemplateWideError:
            raise
        except BriefError:
            continue


def _resume_command() -> str:
    """The command as the user typed it, with --hervat: what to run after Ctrl-C."""
    arguments = [a for a in sys.argv[1:] if a != "--hervat"]
    return shlex.join(["brief", *arguments, "--hervat"])


def _show_plan(jobs: list[Job], workspace: Workspace) -> None:
    from brievenbus.fileio import display_path
    from brievenbus.output.batch import describe

    for job in jobs:
        sender = workspace.dataset.clubs[job.club_id].naam
        say(plain(f"{display_path(job.path)}  ({describe(job)}, namens {sender})"))
    out.print(
        f"[bold]{count(len(jobs), 'brief', 'brieven')} gepland;[/]"
        " er is niets geschreven (--proef).",
        highlight=False,
    )


def show_preview(
    municipality: Annotated[
        str, typer.Argument(help="Gemeente: naam, gangbare naam of CBS-code.", metavar="GEMEENTE")
    ],
    context: ContextOption = None,
    party: PartyOption = None,
    measure_ids: MeasuresOption = None,
    date: DateOption = None,
    data_dir: DataOption = None,
    templates_dir: TemplatesOption = None,
) -> None:
    """Toon een brief in de terminal; er wordt niets geschreven.

    Voorbeeld:

        brief voorbeeld Almere --context coalitie

        brief voorbeeld Huizen --fractie PvdA
    """
    from brievenbus.cli.preview import preview
    from brievenbus.letters.selection import find_party

    letter_date = parse_date(date)
    workspace = open_workspace(data_dir, templates_dir)
    try:
        target = workspace.dataset.find_municipality(municipality)
        chosen = find_party(target, party) if party is not None else None
        plan = workspace.plan(target, context, letter_date, measure_ids or (), chosen)
        composition = workspace.compose(plan)
    except BriefError as error:
        fail(error)
    tell_sources(workspace, [plan.club])
    for warning in composition.warnings:
        warn(warning)
    out.print(preview(composition, plain(f"{plan.kind} · {target.naam} · {plan.club.naam}")))
