"""`brief importeer cbs`: local figures from CBS, online or from a StatLine export."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from brievenbus.cli.common import DataOption, err, fail, open_workspace, out, plain
from brievenbus.errors import BriefError
from brievenbus.wording import count

if TYPE_CHECKING:
    from brievenbus.cbs.importing import ImportReport


def import_cbs(
    source_arg: Annotated[
        str | None,
        typer.Argument(
            help="CSV-export uit CBS StatLine, of met --online het tabelnummer"
            " (standaard 84847NED).",
            metavar="BESTAND|TABEL",
            show_default=False,
        ),
    ] = None,
    online: Annotated[
        bool,
        typer.Option(
            "--online",
            help="Haal de tabel rechtstreeks op bij de open-datadienst van CBS (internet nodig).",
        ),
    ] = False,
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
        str | None,
        typer.Option(
            "--bron",
            help="Bronvermelding bij de cijfers (standaard: CBS StatLine en het tabelnummer).",
            show_default=False,
            metavar="TEKST",
        ),
    ] = None,
    data_dir: DataOption = None,
) -> None:
    """Lees Veilig Thuis-cijfers per gemeente in, rechtstreeks van CBS of uit een StatLine-export.

    Alleen gemeenten, het laatste volledige jaar. De cijfers komen in data/cijfers.yaml
    (of --data MAP); andere gegevens blijven onaangeroerd. Het adres van de dienst is te
    wijzigen met de omgevingsvariabele BRIEF_CBS_URL.

    Voorbeelden:

        brief importeer cbs --online

        brief importeer cbs 84847NED.csv
    """
    from brievenbus.cbs.importing import DEFAULT_TABLE, import_cbs

    if not online and source_arg is None:
        raise typer.BadParameter(
            "noem een CSV-export uit StatLine, of haal de tabel op met --online",
            param_hint="BESTAND",
        )
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
        with _download_status() as progress:
            report = import_cbs(
                workspace.dataset.municipalities,
                target,
                csv_path=None if online else Path(str(source_arg)),
                table=(source_arg or DEFAULT_TABLE) if online else None,
                columns=mapping or None,
                source=source,
                progress=progress,
            )
    except BriefError as error:
        fail(error)
    _print_import_report(report)


@contextmanager
def _download_status() -> Iterator[Callable[[str], None] | None]:
    """A progress line while downloading: only on a terminal, not in CI."""
    if not err.is_terminal or os.environ.get("CI"):
        yield None
        return
    with err.status("CBS ophalen…") as status:
        yield lambda text: status.update(f"{text}…")


def _print_import_report(report: ImportReport) -> None:
    from brievenbus.fileio import display_path
    from brievenbus.letters.figures import INDICATORS

    extract = report.extract
    others = [p.label for p in extract.periods_seen if p != extract.period]
    out.print(
        f"Ingelezen uit {plain(extract.origin)}: periode [bold]{plain(extract.period.label)}[/]"
        + (f" (ook in {extract.container}: {plain(', '.join(others))})" if others else ""),
        highlight=False,
        soft_wrap=True,
    )
    for heading, indicator in extract.columns.items():
        label = INDICATORS.get(indicator, indicator)
        out.print(
            plain(f"  kolom '{heading}' → {indicator} ({label})"), highlight=False, soft_wrap=True
        )
    if extract.notation:
        out.print(f"  getallen gelezen in {extract.notation}", highlight=False)
    out.print(
        f"  {count(len(report.figures), 'gemeente', 'gemeenten')},"
        f" {count(report.imported, 'cijfer', 'cijfers')}"
        + (
            f", waarvan {report.unknown_values} onbekend of geheim (blijven onbekend)"
            if report.unknown_values
            else ""
        )
        + (f", {len(report.rejected)} afgekeurd" if report.rejected else ""),
        highlight=False,
    )
    if number := sum(extract.regions_skipped.values()):
        regions = "regio die geen gemeente is" if number == 1 else "regio's die geen gemeente zijn"
        kinds = ", ".join(sorted(extract.regions_skipped))
        out.print(f"  overgeslagen: {number} {regions} ({kinds})", highlight=False)
    if extract.former:
        out.print(
            plain("  overgeslagen, opgeheven: " + ", ".join(extract.former)),
            highlight=False,
            soft_wrap=True,
        )
    for rejected in report.rejected:
        err.print(f"[yellow]Let op:[/] {plain(str(rejected))}", highlight=False, soft_wrap=True)
    if extract.unmatched:
        err.print(
            "[yellow]Let op:[/] niet gevonden als gemeente: "
            + plain(", ".join(extract.unmatched))
            + " (opgeheven of samengevoegd?)",
            highlight=False,
            soft_wrap=True,
        )
    if report.target_path is not None:
        out.print(
            f"[green]geschreven:[/] {plain(str(display_path(report.target_path)))}",
            highlight=False,
        )
