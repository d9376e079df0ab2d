"""What every command shares: the consoles, shared options, and how errors end a command.

User errors (BriefError) are printed without a traceback and exit with 1;
anything else is a bug and keeps its traceback. Heavy modules are imported
inside commands so that ``brief --help`` stays fast.
"""

from __future__ import annotations

import datetime
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from collections.abc import Sequence

    from brievenbus.errors import Problem
    from brievenbus.inputs.models import Club
    from brievenbus.letters.workspace import Workspace

out = Console()
err = Console(stderr=True)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Map met eigen gegevens (standaard: data/ van uw werkmap, anders de meegeleverde).",
        show_default=False,
        metavar="MAP",
    ),
]
TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--sjablonen",
        help="Map met eigen sjablonen (standaard: templates/ van uw werkmap, anders de"
        " meegeleverde).",
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
PartyOption = Annotated[
    str | None,
    typer.Option(
        "--fractie",
        help="Alleen de brief aan deze fractie: naam, afkorting of een deel ervan (bv. PvdA).",
        show_default=False,
        metavar="NAAM",
    ),
]


def plain(text: object) -> str:
    """Text from data or files as the terminal should show it: control characters
    written out (no escape sequences), square brackets not read as rich markup."""
    from rich.markup import escape

    from brievenbus.errors import printable

    return escape(printable(str(text)))


def fail(error: Exception) -> NoReturn:
    """Print a user error in Dutch, without traceback, and exit 1."""
    from brievenbus.errors import BriefError

    problems = error.problems if isinstance(error, BriefError) else []
    for problem in problems:
        err.print(f"[bold red]Fout:[/] {plain(problem)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=1)


def warn(warning: str | Problem) -> None:
    """One 'Let op:' line on standard error."""
    err.print(f"[yellow]Let op:[/] {plain(warning)}", highlight=False, soft_wrap=True)


def say(text: str) -> None:
    """One line of plain output, wrapped by the terminal rather than by rich."""
    out.print(text, highlight=False, soft_wrap=True)


def parse_date(value: str | None) -> datetime.date | None:
    """--datum as a date; a usage error in Dutch otherwise."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is geen datum; schrijf JJJJ-MM-DD, bv. 2026-03-18", param_hint="'--datum'"
        ) from None


def open_workspace(data_dir: Path | None, templates_dir: Path | None = None) -> Workspace:
    """The workspace, or the user's data errors and exit 1."""
    from brievenbus.errors import BriefError
    from brievenbus.letters.workspace import Workspace

    try:
        workspace = Workspace.open(data_dir, templates_dir)
    except BriefError as error:
        fail(error)
    data_loaded()
    return workspace


def data_loaded() -> None:
    """The end of start-up: collect garbage from here on, but never walk what is loaded
    now (modules and data live until exit). Only when the `brief` entry point
    (brievenbus.__main__) switched collection off; other callers keep their own."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def tell_sources(workspace: Workspace, senders: Sequence[Club]) -> None:
    """Before letters are written or shown: example data (and sender), files from the package."""
    if notice := workspace.example_data_notice(senders):
        warn(notice)
    for notice_problem in workspace.notices():
        warn(notice_problem)


def default_output_dir(workspace: Workspace) -> Path:
    """brieven/ in the workspace (wherever in it the command is given), else in this folder."""
    root = workspace.sources.root
    return root / "brieven" if root is not None else Path("brieven")
