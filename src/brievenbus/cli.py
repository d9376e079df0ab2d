"""The `brief` command line: Dutch commands over the core in ``letters``.

Each command parses its options, calls the core and reports. User errors
(BriefError) are printed without a traceback and exit with 1; anything else
is a bug and keeps its traceback. Heavy modules are imported inside commands
so that ``brief --help`` stays fast.
"""

from __future__ import annotations

import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

app = typer.Typer(
    name="brief",
    help=(
        "Pleitbrieven over het Verdrag van Istanbul voor Soroptimistclubs, als Word-document.\n\n"
        "Voorbeeld: brief genereer Huizen"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console()
err = Console(stderr=True)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Map met eigen gegevens (standaard: ./data, anders de meegeleverde).",
        show_default=False,
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--sjablonen",
        help="Map met eigen sjablonen (standaard: ./templates, anders de meegeleverde).",
        show_default=False,
    ),
]


def _version_callback(value: bool) -> None:
    if value:
        out.print(f"brief {version('brievenbus')}")
        raise typer.Exit()


@app.callback()
def main_options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Toon het versienummer en stop.",
            callback=_version_callback,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Pleitbrieven over het Verdrag van Istanbul voor Soroptimistclubs, als Word-document."""


def _fail(error: Exception) -> NoReturn:
    """Print a user error in Dutch, without traceback, and exit 1."""
    from brievenbus.errors import BriefError

    problems = error.problems if isinstance(error, BriefError) else []
    for problem in problems:
        err.print(f"[bold red]Fout:[/] {problem}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def _parse_date(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is geen datum; schrijf JJJJ-MM-DD, bv. 2026-03-18"
        ) from None


@app.command("genereer")
def generate(
    municipalities: Annotated[
        list[str],
        typer.Argument(
            help="Gemeente(n): naam, gangbare naam of CBS-code (GM0406).", show_default=False
        ),
    ],
    context: Annotated[
        str | None,
        typer.Option(
            "--context",
            "-c",
            help="Briefsoort: verkiezingen of coalitie (of een eigen sjabloon).",
            show_default=False,
        ),
    ] = None,
    measure_ids: Annotated[
        list[str] | None,
        typer.Option(
            "--maatregel",
            "-m",
            help="Maatregel uit de catalogus (herhaalbaar); vervangt de standaardselectie.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--datum",
            help="Datum boven de brief, JJJJ-MM-DD (standaard: vandaag).",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path, typer.Option("--uitvoer", "-o", help="Map voor de brieven.")
    ] = Path("brieven"),
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overschrijf", help="Vervang een bestaande brief ook als die met de hand is bewerkt."
        ),
    ] = False,
    data_dir: DataOption = None,
    templates_dir: TemplatesOption = None,
) -> None:
    """Maak een brief (Word-document) voor elke genoemde gemeente.

    Voorbeelden:

        brief genereer Huizen

        brief genereer Almere --context coalitie --uitvoer brieven/almere
    """
    from brievenbus.errors import BriefError
    from brievenbus.letters import Workspace, write_letter

    letter_date = _parse_date(date)
    try:
        workspace = Workspace.open(data_dir, templates_dir)
        targets = [workspace.dataset.find_municipality(name) for name in municipalities]
        for municipality in targets:
            plan = workspace.plan(municipality, context, letter_date, measure_ids or ())
            letter = workspace.render(plan)
            for warning in letter.warnings:
                err.print(f"[yellow]Let op:[/] {warning}", highlight=False, soft_wrap=True)
            path, status = write_letter(letter, output_dir, overwrite)
            out.print(
                f"[green]{status.value}:[/] {path}  "
                f"({plan.kind}, {len(plan.measures)} maatregelen, namens {plan.club.naam})",
                highlight=False,
                soft_wrap=True,
            )
    except BriefError as error:
        _fail(error)
    except KeyboardInterrupt:
        err.print(
            "[red]Afgebroken.[/] Er is geen half bestand achtergelaten; start de opdracht opnieuw."
        )
        raise typer.Exit(code=1) from None


def main() -> None:
    """Entry point of the `brief` console script."""
    app()
