"""`brief init`, `brief controleer` and `brief schema`: the workspace itself."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from brievenbus.cli.common import DataOption, TemplatesOption, err, fail, out, plain, warn
from brievenbus.errors import BriefError
from brievenbus.wording import count

if TYPE_CHECKING:
    from brievenbus.letters.checking import CheckReport


def init_workspace(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Map voor de werkmap (standaard: deze map).", metavar="MAP", show_default=False
        ),
    ] = Path(),
) -> None:
    """Maak een werkmap met uw eigen gegevens en sjablonen om in te vullen, en een LEESMIJ.

    Voorbeeld:

        brief init mijn-brieven
    """
    from brievenbus.workspace_init import create_workspace

    try:
        written = create_workspace(folder)
    except BriefError as error:
        fail(error)
    where = "deze map" if folder == Path() else str(folder)  # as the user wrote it
    out.print(
        f"[green]Werkmap gemaakt[/] ({count(len(written), 'bestand', 'bestanden')}) in {where}.",
        highlight=False,
        soft_wrap=True,
    )
    where = "" if folder == Path() else f"cd {shlex.quote(str(folder))} en dan "
    out.print(
        f"Volgende stap: vul data/clubs.yaml in (zie LEESMIJ.md), dan {where}brief controleer.",
        highlight=False,
        soft_wrap=True,
    )


def check(data_dir: DataOption = None, templates_dir: TemplatesOption = None) -> None:
    """Controleer alles wat een brief nodig heeft; er wordt niets geschreven.

    Wat er wordt gecontroleerd:

    - elk gegevensbestand (gemeenten, maatregelen, clubs, feiten, cijfers): vorm,
    verplichte velden, tikfouten in sleutels, dubbele codes en id's;

    - elke verwijzing: elke gemeente in een werkgebied bestaat (naam, gangbare naam
    of code), geen gemeente hoort bij twee clubs, elke club, maatregel en briefsoort
    die de gegevens noemen bestaat;

    - elke club: staat er nog VUL IN, het voorbeeld-e-mailadres van brief init, of
    niemand die ondertekent, dan is de werkmap "nog niet klaar";

    - elke huisstijl: een geldig Word-document met de stijlen die de sjablonen vragen;

    - elke brief die u kunt laten maken: elke briefsoort voor elke gemeente en elke
    brief per fractie, op proef (in het geheugen, op alle processorkernen).

    Alle problemen komen tegelijk, elk met bestand en regel. Afsluitcode 1 bij een
    fout of als er nog iets in te vullen is.

    Voorbeeld:

        brief controleer
    """
    from brievenbus.letters.checking import check_workspace

    report = check_workspace(data_dir, templates_dir)
    for problem in report.problems:
        err.print(f"[bold red]Fout:[/] {plain(problem)}", highlight=False, soft_wrap=True)
    for field in report.unready:
        err.print(
            f"[bold yellow]Nog in te vullen:[/] {plain(field)}",
            highlight=False,
            soft_wrap=True,
        )
    if report.example_notice:
        warn(report.example_notice)
    for warning in report.warnings:
        warn(warning)
    _summarise(report)


def _summarise(report: CheckReport) -> None:
    """The last line: problems, not ready, or everything in order; exit 1 unless in order."""
    from brievenbus.fileio import display_path

    if report.dataset is not None:
        for path in report.dataset.paths.values():
            out.print(f"gelezen: {plain(display_path(path))}", highlight=False, soft_wrap=True)
    if report.problems:
        err.print(f"[red]{count(len(report.problems), 'probleem', 'problemen')} gevonden.[/]")
        raise typer.Exit(code=1)
    assert report.dataset is not None
    assert report.rehearsal is not None
    data = report.dataset
    summary = (
        f"{count(len(data.municipalities), 'gemeente', 'gemeenten')}, "
        f"{count(len(data.measures), 'maatregel', 'maatregelen')}, "
        f"{count(len(data.clubs), 'club', 'clubs')}, {count(len(data.facts), 'feit', 'feiten')}; "
        f"{count(report.letters_rendered, 'brief', 'brieven')}"
        f" op proef gemaakt ({report.rehearsal.describe()})"
    )
    if report.unready:
        err.print(
            f"[bold yellow]Nog niet klaar:[/] {count(len(report.unready), 'veld', 'velden')} in"
            f" {display_path(data.paths['clubs'])} nog in te vullen (hierboven); tot dan maakt"
            f" brief geen brief namens die club. Verder: {summary}.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(code=1)
    out.print(f"[green]Alles in orde:[/] {summary}.", highlight=False, soft_wrap=True)


def write_schemas(
    folder: Annotated[
        Path, typer.Argument(help="Map voor de JSON Schema-bestanden.", metavar="MAP")
    ] = Path("schema"),
) -> None:
    """Schrijf een JSON Schema per gegevensbestand, voor aanvulling en controle in uw editor.

    Voorbeeld:

        brief schema schema
    """
    from brievenbus.inputs.schema import write_json_schemas

    try:
        for path in write_json_schemas(folder):
            out.print(f"[green]geschreven:[/] {path}", highlight=False)
    except BriefError as error:
        fail(error)
