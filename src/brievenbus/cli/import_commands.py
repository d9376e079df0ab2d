"""`brief importeer cbs`: local figures from a CBS StatLine export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from brievenbus.cli.common import DataOption, err, fail, open_workspace, out
from brievenbus.errors import BriefError


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
        ),
    ] = None,
    source: Annotated[
        str, typer.Option("--bron", help="Bronvermelding bij de cijfers.")
    ] = "CBS StatLine 84847NED",
    data_dir: DataOption = None,
) -> None:
    """Lees Veilig Thuis-cijfers per gemeente in uit een CBS StatLine-export.

    De cijfers komen in data/cijfers.yaml (of --data MAP); andere gegevens blijven onaangeroerd.

    Voorbeeld:

        brief importeer cbs 84847NED.csv
    """
    from brievenbus.fileio import display_path
    from brievenbus.letters.figures import INDICATORS, read_statline_csv, write_figures

    mapping = {}
    for column in columns or []:
        heading, _, indicator = column.partition("=")
        if not heading.strip() or not indicator.strip():
            raise typer.BadParameter("schrijf KOLOMKOP=indicator", param_hint="--kolom")
        mapping[heading.strip()] = indicator.strip()
    workspace = open_workspace(data_dir)
    root = workspace.sources.root
    if data_dir is None and root is None:
        fail(
            BriefError.simple(
                "u staat niet in een werkmap; de cijfers horen bij uw eigen gegevens",
                "maak een werkmap met brief init MAP en geef de opdracht daarin,"
                " of noem de map van uw gegevens met --data MAP",
            )
        )
    target = (data_dir or (root or Path()) / "data") / "cijfers.yaml"
    try:
        report = read_statline_csv(
            csv_path, workspace.dataset.municipalities, mapping or None, source
        )
        write_figures(target, report.figures, workspace.dataset.figures if target.exists() else {})
    except BriefError as error:
        fail(error)
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
        f"  {len(report.figures)} gemeenten, {report.imported} cijfers"
        + (
            f", waarvan {report.unknown_values} onbekend of geheim (blijven onbekend)"
            if report.unknown_values
            else ""
        ),
        highlight=False,
    )
    if count := report.not_municipalities:
        regions = "regio die geen gemeente is" if count == 1 else "regio's die geen gemeente zijn"
        out.print(f"  overgeslagen: {count} {regions}", highlight=False)
    if report.unmatched:
        err.print(
            f"[yellow]Let op:[/] niet gevonden als gemeente: {', '.join(report.unmatched)}"
            " (opgeheven of samengevoegd?)",
            highlight=False,
            soft_wrap=True,
        )
    out.print(f"[green]geschreven:[/] {display_path(target)}", highlight=False)
