"""The `brief` command line: Dutch commands over the core; each command lives in its module."""

from __future__ import annotations

from typing import Annotated

import typer

from brievenbus.cli import data_commands, import_commands, letter_commands, workspace_commands
from brievenbus.cli.common import out
from brievenbus.cli.dutch import install

install()  # help panels, usage lines and command-line errors in Dutch

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


app.command("genereer")(letter_commands.generate)
app.command("voorbeeld")(letter_commands.show_preview)
app.command("init")(workspace_commands.init_workspace)
app.command("controleer")(workspace_commands.check)
app.command("maatregelen")(data_commands.list_measures)
app.command("gemeenten")(data_commands.list_municipalities)
app.command("clubs")(data_commands.list_clubs)
app.command("schema")(workspace_commands.write_schemas)

import_app = typer.Typer(
    help="Lees cijfers in uit een andere bron, bv. CBS StatLine.",
    no_args_is_help=True,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)
import_app.command("cbs")(import_commands.import_cbs)
app.add_typer(import_app, name="importeer")


def main() -> None:
    """Entry point of the `brief` console script."""
    app()
