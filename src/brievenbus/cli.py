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
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from brievenbus.letters import Workspace

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


@app.command("controleer")
def check(data_dir: DataOption = None, templates_dir: TemplatesOption = None) -> None:
    """Controleer alle gegevens en maak elke brief op proef (er wordt niets geschreven).

    Meldt alle problemen tegelijk, elk met bestand en regel.

    Voorbeeld:

        brief controleer
    """
    from brievenbus.checking import check_workspace
    from brievenbus.loading import display_path

    report = check_workspace(data_dir, templates_dir)
    for problem in report.problems:
        err.print(f"[bold red]Fout:[/] {problem}", highlight=False, soft_wrap=True)
    for warning in report.warnings:
        err.print(f"[yellow]Let op:[/] {warning}", highlight=False, soft_wrap=True)
    if report.dataset is not None:
        for path in report.dataset.paths.values():
            out.print(f"gelezen: {display_path(path)}", highlight=False, soft_wrap=True)
    if not report.ok:
        count = len(report.problems)
        err.print(f"[red]{count} {'probleem' if count == 1 else 'problemen'} gevonden.[/]")
        raise typer.Exit(code=1)
    assert report.dataset is not None
    data = report.dataset
    out.print(
        f"[green]Alles in orde:[/] {len(data.municipalities)} gemeenten, "
        f"{len(data.measures)} maatregelen, {len(data.clubs)} clubs, {len(data.facts)} feiten; "
        f"{report.letters_rendered} brieven op proef gemaakt.",
        highlight=False,
        soft_wrap=True,
    )


def _open_workspace(data_dir: Path | None, templates_dir: Path | None = None) -> Workspace:
    from brievenbus.errors import BriefError
    from brievenbus.letters import Workspace

    try:
        return Workspace.open(data_dir, templates_dir)
    except BriefError as error:
        _fail(error)


@app.command("maatregelen")
def list_measures(
    pillar: Annotated[
        str | None,
        typer.Option(
            "--pijler",
            help="Alleen deze pijler: preventie, bescherming, vervolging of beleid.",
            show_default=False,
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """Toon de catalogus van maatregelen, per pijler.

    Voorbeeld:

        brief maatregelen --pijler bescherming
    """
    from rich.table import Table

    from brievenbus.models import PILLARS
    from brievenbus.rendering import format_articles, letter_kinds

    if pillar is not None and pillar not in PILLARS:
        raise typer.BadParameter(f"kies uit: {', '.join(PILLARS)}", param_hint="--pijler")
    dataset = _open_workspace(data_dir).dataset
    kinds = set(letter_kinds())
    table = Table(title="Maatregelen (standaard = in de brief als u niets kiest)")
    table.add_column("id", no_wrap=True)
    table.add_column("titel")
    table.add_column("artikelen", no_wrap=True)
    table.add_column("standaard")
    for pillar_id, (pillar_name, _) in PILLARS.items():
        measures = sorted(
            (m for m in dataset.measures.values() if m.pijler == pillar_id),
            key=lambda m: m.sort_key,
        )
        if pillar not in (None, pillar_id) or not measures:
            continue
        table.add_section()
        table.add_row(f"[bold]{pillar_name}[/]")
        for measure in measures:
            only = (
                ""
                if kinds <= set(measure.contexten)
                else f" (alleen {', '.join(measure.contexten)})"
            )
            table.add_row(
                measure.id,
                measure.titel + only,
                format_articles(measure.artikelen),
                "ja" if measure.standaard else "",
            )
    out.print(table)


@app.command("gemeenten")
def list_municipalities(
    province: Annotated[
        str | None,
        typer.Option("--provincie", help="Alleen gemeenten in deze provincie.", show_default=False),
    ] = None,
    club_id: Annotated[
        str | None,
        typer.Option("--club", help="Alleen gemeenten van deze club (id).", show_default=False),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """Toon gemeenten met inwoners, club en fracties (zetels).

    Voorbeelden:

        brief gemeenten --provincie Flevoland

        brief gemeenten --club almere
    """
    from rich.table import Table

    from brievenbus.dataset import search_key
    from brievenbus.rendering import format_number

    dataset = _open_workspace(data_dir).dataset
    if club_id is not None and club_id not in dataset.clubs:
        raise typer.BadParameter(
            f"onbekende club; kies uit: {', '.join(dataset.clubs)}", param_hint="--club"
        )
    provinces = sorted({m.provincie for m in dataset.municipalities})
    if province is not None and search_key(province) not in {search_key(p) for p in provinces}:
        raise typer.BadParameter(
            f"onbekende provincie; kies uit: {', '.join(provinces)}", param_hint="--provincie"
        )
    table = Table(title="Gemeenten")
    for column in ("code", "naam", "provincie", "inwoners", "club", "fracties (zetels)"):
        table.add_column(column, overflow="fold")
    for municipality in dataset.municipalities:
        club = dataset.club_for(municipality)
        if province is not None and search_key(province) != search_key(municipality.provincie):
            continue
        if club_id is not None and club.id != club_id:
            continue
        parties = ", ".join(f"{p.naam} ({p.zetels})" for p in municipality.raad.fracties)
        table.add_row(
            municipality.code,
            municipality.naam,
            municipality.provincie,
            format_number(municipality.inwoners.aantal),
            club.id,
            parties or (municipality.raad.opmerking or ""),
        )
    out.print(table)


@app.command("clubs")
def list_clubs(data_dir: DataOption = None) -> None:
    """Toon de clubs met plaats, contact en werkgebied.

    Voorbeeld:

        brief clubs
    """
    from rich.table import Table

    dataset = _open_workspace(data_dir).dataset
    table = Table(title="Clubs")
    for column in ("id", "naam", "plaats", "e-mail", "werkgebied", "standaard"):
        table.add_column(column, overflow="fold")
    for club in dataset.clubs.values():
        table.add_row(
            club.id,
            club.naam,
            club.plaats or "",
            club.email or "",
            ", ".join(club.werkgebied),
            "ja" if club.standaard else "",
        )
    out.print(table)


@app.command("schema")
def write_schemas(
    folder: Annotated[Path, typer.Argument(help="Map voor de JSON Schema-bestanden.")] = Path(
        "schema"
    ),
) -> None:
    """Schrijf een JSON Schema per gegevensbestand, voor aanvulling en controle in uw editor.

    Voorbeeld:

        brief schema schema
    """
    from brievenbus.errors import BriefError
    from brievenbus.schema import write_json_schemas

    try:
        for path in write_json_schemas(folder):
            out.print(f"[green]geschreven:[/] {path}", highlight=False)
    except BriefError as error:
        _fail(error)


def main() -> None:
    """Entry point of the `brief` console script."""
    app()
