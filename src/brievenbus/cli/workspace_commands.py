"""`brief init`, `brief controleer` and `brief schema`: the workspace itself."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from brievenbus.cli.common import DataOption, TemplatesOption, err, fail, out, plain, warn
from brievenbus.errors import BriefError
from brievenbus.wording import count


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
    """Controleer alle gegevens en maak elke brief op proef (er wordt niets geschreven).

    Meldt alle problemen tegelijk, elk met bestand en regel.

    Voorbeeld:

        brief controleer
    """
    from brievenbus.fileio import display_path
    from brievenbus.letters.checking import check_workspace

    report = check_workspace(data_dir, templates_dir)
    for problem in report.problems:
        err.print(f"[bold red]Fout:[/] {plain(problem)}", highlight=False, soft_wrap=True)
    for warning in report.warnings:
        warn(warning)
    if report.dataset is not None:
        for path in report.dataset.paths.values():
            out.print(f"gelezen: {plain(display_path(path))}", highlight=False, soft_wrap=True)
    if not report.ok:
        err.print(f"[red]{count(len(report.problems), 'probleem', 'problemen')} gevonden.[/]")
        raise typer.Exit(code=1)
    assert report.dataset is not None
    data = report.dataset
    out.print(
        f"[green]Alles in orde:[/] {count(len(data.municipalities), 'gemeente', 'gemeenten')}, "
        f"{count(len(data.measures), 'maatregel', 'maatregelen')}, "
        f"{count(len(data.clubs), 'club', 'clubs')}, {count(len(data.facts), 'feit', 'feiten')}; "
        f"{count(report.letters_rendered, 'brief', 'brieven')} op proef gemaakt.",
        highlight=False,
        soft_wrap=True,
    )


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
