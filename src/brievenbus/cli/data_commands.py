"""`brief maatregelen`, `brief gemeenten` and `brief clubs`: tables of the data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from brievenbus.cli.common import DataOption, err, fail, open_workspace, out, plain
from brievenbus.dutch_formats import dutch_number
from brievenbus.errors import BriefError

if TYPE_CHECKING:
    from rich.table import Table

    from brievenbus.inputs.models import Municipality
    from brievenbus.letters.workspace import Workspace


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

    from brievenbus.inputs.models import PILLARS
    from brievenbus.letters.rendering import format_articles

    if pillar is not None and pillar not in PILLARS:
        raise typer.BadParameter(f"kies uit: {', '.join(PILLARS)}", param_hint="--pijler")
    workspace = open_workspace(data_dir)
    dataset = workspace.dataset
    kinds = set(workspace.kinds)
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
                plain(measure.id),
                plain(measure.titel + only),
                format_articles(measure.artikelen),
                "ja" if measure.standaard else "",
            )
    out.print(table)


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

    from brievenbus.letters.selection import select_municipalities

    workspace = open_workspace(data_dir)
    try:
        selected = select_municipalities(workspace.dataset, [], True, club_id, province)
    except BriefError as error:
        fail(error)
    if with_figures:
        out.print(_figures_table(workspace, selected))
        if not workspace.dataset.figures:
            err.print(
                "[yellow]Let op:[/] er zijn nog geen lokale cijfers; lees ze in met"
                " 'brief importeer cbs --online' (of uit een StatLine-export: BESTAND.csv).",
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
            plain(municipality.naam),
            plain(municipality.provincie),
            dutch_number(municipality.inwoners.aantal),
            workspace.dataset.club_for(municipality).id,
            plain(parties or (municipality.raad.opmerking or "")),
        )
    out.print(table)


def _figures_table(workspace: Workspace, municipalities: Sequence[Municipality]) -> Table:
    """One row per municipality and indicator: value, period, rate and both ranks."""
    from rich.table import Table

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
                plain(municipality.naam),
                indicator,
                plain(figure.periode),
                dutch_number(local.waarde) if local else "onbekend",
                dutch_number(local.per_1000, 1) if local else "",
                f"{local.rang} van {local.aantal_gemeenten}" if local else "",
                f"{local.rang_per_1000} van {local.aantal_gemeenten}" if local else "",
            )
    return table


def list_clubs(data_dir: DataOption = None) -> None:
    """Toon de clubs met plaats, contact en werkgebied.

    Voorbeeld:

        brief clubs
    """
    from rich.table import Table

    dataset = open_workspace(data_dir).dataset
    table = Table(title="Clubs")
    for column in ("id", "naam", "plaats", "e-mail", "werkgebied", "standaard"):
        table.add_column(column, overflow="fold")
    for club in dataset.clubs.values():
        table.add_row(
            club.id,
            plain(club.naam),
            plain(club.plaats or ""),
            club.email or "",
            plain(", ".join(club.werkgebied)),
            "ja" if club.standaard else "",
        )
    out.print(table)
