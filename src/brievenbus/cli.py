"""The `brief` command line: Dutch commands over the core in ``letters``.

Each command parses its options, calls the core and reports. User errors
(BriefError) are printed without a traceback and exit with 1; anything else
is a bug and keeps its traceback. Heavy modules are imported inside commands
so that ``brief --help`` stays fast.
"""

from __future__ import annotations

import datetime
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from brievenbus import dutch_cli
from brievenbus.wording import count, short_list

dutch_cli.install()  # help panels, usage lines and command-line errors in Dutch

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.progress import Progress
    from rich.table import Table

    from brievenbus.batch import BatchResult, Job, Outcome
    from brievenbus.letters import Workspace
    from brievenbus.models import Municipality

app = typer.Typer(
    name="brief",
    help=(
        "Pleitbrieven over het Verdrag van Istanbul voor Soroptimistclubs, als Word-document.\n\n"
        "Voorbeeld: brief genereer Huizen"
    ),
    no_args_is_help=True,
    add_completion=False,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,  # a bug keeps its plain traceback
)
out = Console()
err = Console(stderr=True)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Map met eigen gegevens (standaard: ./data, anders de meegeleverde).",
        show_default=False,
        metavar="MAP",
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--sjablonen",
        help="Map met eigen sjablonen (standaard: ./templates, anders de meegeleverde).",
        show_default=False,
        metavar="MAP",
    ),
]


# Options that several commands share (sqlite-utils' decorators, as Annotated aliases).
ContextOption = Annotated[
    str | None,
    typer.Option(
        "--context",
        "-c",
        help="Briefsoort: verkiezingen of coalitie (of een eigen sjabloon).",
        show_default=False,
        metavar="SOORT",
    ),
]
MeasuresOption = Annotated[
    list[str] | None,
    typer.Option(
        "--maatregel",
        "-m",
        help="Maatregel uit de catalogus (herhaalbaar); vervangt de standaardselectie.",
        show_default=False,
        metavar="ID",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--datum",
        help="Datum boven de brief, JJJJ-MM-DD (standaard: vandaag).",
        show_default=False,
        metavar="DATUM",
    ),
]


def _version_callback(value: bool) -> None:
    if value:
        from importlib.metadata import version

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
            f"'{value}' is geen datum; schrijf JJJJ-MM-DD, bv. 2026-03-18", param_hint="'--datum'"
        ) from None


@app.command("genereer")
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
    measure_ids: MeasuresOption = None,
    date: DateOption = None,
    output_dir: Annotated[
        Path,
        typer.Option("--uitvoer", "-o", help="Map voor de brieven en manifest.csv.", metavar="MAP"),
    ] = Path("brieven"),
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
            "--hervat", help="Ga verder waar een afgebroken opdracht stopte (volgens manifest.csv)."
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

        brief genereer --alle --per-fractie --uitvoer brieven-2030

        brief genereer Huizen --pdf --eml
    """
    from brievenbus.batch import plan_jobs, run_jobs
    from brievenbus.errors import BriefError

    letter_date = _parse_date(date)
    workspace = _open_workspace(data_dir, templates_dir)
    try:
        targets = _select_municipalities(
            workspace, municipalities or [], all_municipalities, club_id, province
        )
        jobs = plan_jobs(
            workspace,
            targets,
            output_dir,
            kind=context,
            date=letter_date,
            measure_ids=measure_ids or (),
            per_party=per_party,
            overwrite=overwrite,
        )
    except BriefError as error:
        _fail(error)
    jobs = jobs[:limit] if limit else jobs
    if pdf and not dry_run:
        from brievenbus.pdf import require_soffice

        try:
            require_soffice()  # before any letter is written
        except BriefError as error:
            _fail(error)
    if dry_run:
        _show_plan(jobs)
        return
    report = _BatchReport(len(jobs))
    try:
        with report:
            result = run_jobs(
                workspace, jobs, resume=resume, pdf=pdf, eml=eml, on_outcome=report.add
            )
    except BriefError as error:
        _fail(error)
    report.summarise(result, workspace)
    if result.interrupted or result.failed:
        raise typer.Exit(code=1)


def _select_municipalities(
    workspace: Workspace,
    names: list[str],
    everything: bool,
    club_id: str | None,
    province: str | None,
) -> list[Municipality]:
    """Named municipalities, or all of them filtered by club and province."""
    from brievenbus.dataset import search_key
    from brievenbus.errors import DataError

    dataset = workspace.dataset
    if club_id is not None and club_id not in dataset.clubs:
        raise DataError.simple(
            f"club '{club_id}' bestaat niet", f"bekende clubs: {', '.join(dataset.clubs)}"
        )
    provinces = {search_key(m.provincie): m.provincie for m in dataset.municipalities}
    if province is not None and search_key(province) not in provinces:
        raise DataError.simple(
            f"provincie '{province}' bestaat niet",
            f"kies uit: {', '.join(sorted(provinces.values()))}",
        )
    if names:
        selected = [dataset.find_municipality(name) for name in names]
    elif everything or club_id or province:
        selected = list(dataset.municipalities)
    else:
        raise DataError.simple(
            "geen gemeente genoemd",
            "noem een gemeente (brief genereer Huizen) of kies een groep:"
            " --alle, --club of --provincie",
        )
    if club_id is not None:
        selected = [m for m in selected if dataset.club_for(m).id == club_id]
    if province is not None:
        selected = [m for m in selected if search_key(m.provincie) == search_key(province)]
    return list({m.code: m for m in selected}.values())


def _show_plan(jobs: Sequence[Job]) -> None:
    from brievenbus.loading import display_path

    for job in jobs:
        who = f"{job.code} {job.party}" if job.party else job.code
        out.print(f"{display_path(job.path)}  ({who})", highlight=False, soft_wrap=True)
    out.print(
        f"[bold]{count(len(jobs), 'brief', 'brieven')} gepland;[/]"
        " er is niets geschreven (--proef).",
        highlight=False,
    )


class _BatchReport:
    """Progress while a batch runs, and the summary afterwards."""

    ITEMISED = 10  # up to this many letters, each gets its own line

    def __init__(self, total: int) -> None:
        self.total = total
        self.warnings: dict[str, None] = {}
        self.progress: Progress | None = None
        if total > self.ITEMISED and err.is_terminal and not os.environ.get("CI"):
            from rich.progress import Progress

            self.progress = Progress(console=err, transient=True)
            self.task = self.progress.add_task("Brieven maken", total=total)

    def __enter__(self) -> None:
        if self.progress:
            self.progress.start()

    def __exit__(self, *exc_info: object) -> None:
        if self.progress:
            self.progress.stop()

    def add(self, outcome: Outcome) -> None:
        """Called for every finished letter."""
        from brievenbus.loading import display_path

        self.warnings.update(dict.fromkeys(outcome.warnings))
        if self.progress:
            self.progress.advance(self.task)
        elif self.total <= self.ITEMISED:
            colour = {"fout": "red", "overgeslagen": "yellow"}.get(outcome.status, "green")
            details = (
                f"  ({outcome.kind}, {count(len(outcome.measures), 'maatregel', 'maatregelen')})"
                if outcome.kind
                else ""
            )
            out.print(
                f"[{colour}]{outcome.status}:[/] {display_path(outcome.job.path)}{details}"
                + (f" — {outcome.reason}" if outcome.status == "overgeslagen" else ""),
                highlight=False,
                soft_wrap=True,
            )

    def summarise(self, result: BatchResult, workspace: Workspace) -> None:
        """Warnings, the table of statuses, failures and what to do next."""
        unsigned = [o.municipality for o in result.outcomes if o.default_sender]
        if unsigned:
            warning = workspace.default_sender_warning(list(dict.fromkeys(unsigned)))
            err.print(f"[yellow]Let op:[/] {warning}", highlight=False, soft_wrap=True)
        for warning in list(self.warnings)[:10]:
            err.print(f"[yellow]Let op:[/] {warning}", highlight=False, soft_wrap=True)
        if self.total > self.ITEMISED and result.outcomes:
            from rich.table import Table

            table = Table(title="Samenvatting")
            table.add_column("status")
            table.add_column("brieven", justify="right")
            for status in ("nieuw", "bijgewerkt", "ongewijzigd", "overgeslagen", "fout"):
                if letters := result.count(status):
                    table.add_row(status, str(letters))
            out.print(table)
        if pdfs := sum(1 for o in result.outcomes if o.pdf):
            beside = "naast de brief" if pdfs == 1 else "naast de brieven"
            out.print(f"[green]PDF:[/] {pdfs} {beside}", highlight=False)
        if drafts := sum(1 for o in result.outcomes if o.eml):
            unaddressed = sum(1 for o in result.outcomes if o.eml and not o.eml_to)
            out.print(
                f"[green]E-mailconcept{'' if drafts == 1 else 'en'}:[/] {drafts} naast de"
                f" brie{'f' if drafts == 1 else 'ven'} (.eml, niet verstuurd)"
                + (
                    f"; bij {unaddressed} staat nog geen ontvanger: vul die zelf in"
                    if unaddressed
                    else ""
                ),
                highlight=False,
            )
        for outcome in result.failed[:20]:
            hint = f"\n  → {outcome.hint}" if outcome.hint else ""
            err.print(f"[bold red]Fout:[/] {outcome.reason}{hint}", highlight=False, soft_wrap=True)
        if skipped := [o for o in result.outcomes if o.status == "overgeslagen"]:
            from brievenbus.loading import display_path

            files = short_list([str(display_path(o.job.path)) for o in skipped])
            them = "hem" if len(skipped) == 1 else "ze"
            err.print(
                f"[yellow]{count(len(skipped), 'brief', 'brieven')} overgeslagen[/] ({files}):"
                f" met de hand bewerkt sinds de vorige keer. Gebruik --overschrijf om {them} te"
                " vervangen.",
                highlight=False,
                soft_wrap=True,
            )
        if result.interrupted:
            command = " ".join(shlex.quote(a) for a in ["brief", *sys.argv[1:]] if a != "--hervat")
            done = len(result.outcomes)
            err.print(
                f"[red]Afgebroken[/] na {done} van {result.planned} brieven; er is geen half"
                f" bestand achtergelaten. Ga verder met:\n  {command} --hervat",
                highlight=False,
                soft_wrap=True,
            )


@app.command("voorbeeld")
def show_preview(
    municipality: Annotated[
        str, typer.Argument(help="Gemeente: naam, gangbare naam of CBS-code.", metavar="GEMEENTE")
    ],
    context: ContextOption = None,
    party: Annotated[
        str | None,
        typer.Option(
            "--fractie", help="Toon de brief aan deze fractie.", show_default=False, metavar="NAAM"
        ),
    ] = None,
    measure_ids: MeasuresOption = None,
    date: DateOption = None,
    data_dir: DataOption = None,
    templates_dir: TemplatesOption = None,
) -> None:
    """Toon een brief in de terminal; er wordt niets geschreven.

    Voorbeeld:

        brief voorbeeld Almere --context coalitie
    """
    from brievenbus.errors import BriefError, DataError
    from brievenbus.preview import preview

    letter_date = _parse_date(date)
    workspace = _open_workspace(data_dir, templates_dir)
    try:
        target = workspace.dataset.find_municipality(municipality)
        chosen = None
        if party is not None:
            names = {p.naam.casefold(): p for p in target.raad.fracties}
            chosen = names.get(party.casefold())
            if chosen is None:
                raise DataError.simple(
                    f"{target.naam} heeft geen fractie '{party}'",
                    f"fracties: {', '.join(p.naam for p in target.raad.fracties) or 'onbekend'}",
                )
        plan = workspace.plan(target, context, letter_date, measure_ids or (), chosen)
        composition = workspace.compose(plan)
    except BriefError as error:
        _fail(error)
    for warning in composition.warnings:
        err.print(f"[yellow]Let op:[/] {warning}", highlight=False, soft_wrap=True)
    out.print(preview(composition, f"{plan.kind} · {target.naam} · {plan.club.naam}"))


@app.command("init")
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
    from brievenbus.errors import BriefError
    from brievenbus.workspace_init import create_workspace

    try:
        written = create_workspace(folder)
    except BriefError as error:
        _fail(error)
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
            metavar="PIJLER",
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
        typer.Option(
            "--provincie",
            help="Alleen gemeenten in deze provincie.",
            show_default=False,
            metavar="PROVINCIE",
        ),
    ] = None,
    club_id: Annotated[
        str | None,
        typer.Option(
            "--club", help="Alleen gemeenten van deze club (id).", show_default=False, metavar="ID"
        ),
    ] = None,
    with_figures: Annotated[
        bool,
        typer.Option(
            "--cijfers", help="Toon de lokale cijfers en hun rang in plaats van de fracties."
        ),
    ] = False,
    data_dir: DataOption = None,
) -> None:
    """Toon gemeenten met inwoners, club en fracties (zetels), of met --cijfers hun lokale cijfers.

    Voorbeelden:

        brief gemeenten --provincie Flevoland

        brief gemeenten --club almere

        brief gemeenten --cijfers
    """
    from rich.table import Table

    from brievenbus.errors import BriefError
    from brievenbus.rendering import format_number

    workspace = _open_workspace(data_dir)
    try:
        selected = _select_municipalities(workspace, [], True, club_id, province)
    except BriefError as error:
        _fail(error)
    if with_figures:
        out.print(_figures_table(workspace, selected))
        if not workspace.dataset.figures:
            err.print(
                "[yellow]Let op:[/] er zijn nog geen lokale cijfers; lees ze in met"
                " 'brief importeer cbs BESTAND.csv'.",
                highlight=False,
            )
        return
    table = Table(title="Gemeenten")
    for column in ("code", "naam", "provincie", "inwoners", "club", "fracties (zetels)"):
        table.add_column(column, overflow="fold")
    for municipality in selected:
        parties = ", ".join(f"{p.naam} ({p.zetels})" for p in municipality.raad.fracties)
        table.add_row(
            municipality.code,
            municipality.naam,
            municipality.provincie,
            format_number(municipality.inwoners.aantal),
            workspace.dataset.club_for(municipality).id,
            parties or (municipality.raad.opmerking or ""),
        )
    out.print(table)


def _figures_table(workspace: Workspace, municipalities: Sequence[Municipality]) -> Table:
    """One row per municipality and indicator: value, period, rate and both ranks."""
    from rich.table import Table

    from brievenbus.rendering import format_number

    table = Table(title="Lokale cijfers (rang 1 = de meeste)")
    for column in (
        "code",
        "naam",
        "cijfer",
        "periode",
        "aantal",
        "per 1.000",
        "rang",
        "rang per 1.000",
    ):
        table.add_column(column, justify="right" if column in {"aantal", "per 1.000"} else "left")
    for municipality in municipalities:
        known = workspace.local_figures(municipality)
        for indicator, figure in sorted(
            workspace.dataset.figures.get(municipality.code, {}).items()
        ):
            local = known.get(indicator)
            table.add_row(
                municipality.code,
                municipality.naam,
                indicator,
                figure.periode,
                format_number(local.waarde) if local else "onbekend",
                format_number(local.per_1000, 1) if local else "",
                f"{local.rang} van {local.aantal_gemeenten}" if local else "",
                f"{local.rang_per_1000} van {local.aantal_gemeenten}" if local else "",
            )
    return table


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
    folder: Annotated[
        Path, typer.Argument(help="Map voor de JSON Schema-bestanden.", metavar="MAP")
    ] = Path("schema"),
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


import_app = typer.Typer(
    help="Lees cijfers in uit een andere bron, bv. CBS StatLine.",
    no_args_is_help=True,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)
app.add_typer(import_app, name="importeer")


@import_app.command("cbs")
def import_cbs(
    csv_path: Annotated[
        Path,
        typer.Argument(
            help="CSV-export uit CBS StatLine, bv. van tabel 84847NED.", metavar="BESTAND"
        ),
    ],
    columns: Annotated[
        list[str] | None,
        typer.Option(
            "--kolom",
            help="Kolomkop=indicator (herhaalbaar), bv. 'Meldingen=veilig-thuis-meldingen'.",
            show_default=False,
            metavar="KOLOMKOP=INDICATOR",
        ),
    ] = None,
    source: Annotated[
        str, typer.Option("--bron", help="Bronvermelding bij de cijfers.", metavar="TEKST")
    ] = "CBS StatLine 84847NED",
    data_dir: DataOption = None,
) -> None:
    """Lees Veilig Thuis-cijfers per gemeente in uit een CBS StatLine-export.

    De cijfers komen in data/cijfers.yaml (of --data MAP); andere gegevens blijven onaangeroerd.

    Voorbeeld:

        brief importeer cbs 84847NED.csv
    """
    from brievenbus.errors import BriefError
    from brievenbus.figures import INDICATORS, read_statline_csv, write_figures
    from brievenbus.loading import display_path

    mapping = {}
    for column in columns or []:
        heading, _, indicator = column.partition("=")
        if not heading.strip() or not indicator.strip():
            raise typer.BadParameter("schrijf KOLOMKOP=indicator", param_hint="--kolom")
        mapping[heading.strip()] = indicator.strip()
    workspace = _open_workspace(data_dir)
    target = (data_dir or Path("data")) / "cijfers.yaml"
    try:
        report = read_statline_csv(
            csv_path, workspace.dataset.municipalities, mapping or None, source
        )
        write_figures(target, report.figures, workspace.dataset.figures if target.exists() else {})
    except BriefError as error:
        _fail(error)
    others = [p for p in report.periods_seen if p != report.period]
    out.print(
        f"Ingelezen uit {display_path(csv_path)}: periode [bold]{report.period}[/]"
        + (f" (ook in het bestand: {', '.join(others)})" if others else ""),
        highlight=False,
        soft_wrap=True,
    )
    for heading, indicator in report.columns.items():
        label = INDICATORS.get(indicator, indicator)
        out.print(f"  kolom '{heading}' → {indicator} ({label})", highlight=False, soft_wrap=True)
    out.print(
        f"  {count(len(report.figures), 'gemeente', 'gemeenten')},"
        f" {count(report.imported, 'cijfer', 'cijfers')}"
        + (
            f", waarvan {report.unknown_values} onbekend of geheim (blijven onbekend)"
            if report.unknown_values
            else ""
        ),
        highlight=False,
    )
    if regions := report.not_municipalities:
        what = count(regions, "regio die geen gemeente is", "regio's die geen gemeente zijn")
        out.print(f"  overgeslagen: {what}", highlight=False)
    if report.unmatched:
        err.print(
            f"[yellow]Let op:[/] niet gevonden als gemeente: {', '.join(report.unmatched)}"
            " (opgeheven of samengevoegd?)",
            highlight=False,
            soft_wrap=True,
        )
    out.print(f"[green]geschreven:[/] {display_path(target)}", highlight=False)


def main() -> None:
    """Entry point of the `brief` console script."""
    app()
