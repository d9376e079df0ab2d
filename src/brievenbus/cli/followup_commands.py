"""`brief opvolging`: who sent, who answered, what was promised (DESIGN §12).

`brief opvolging` shows the table (and with --excel writes the register for
clubs); `markeer` records one municipality's letters, `inlezen` reads a filled
Excel register back, `rapport` writes one HTML page. The work is in
``output.followup`` (record, count, merge), ``output.followup_excel`` and
``output.followup_report``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from brievenbus.cli.common import DataOption, PartyOption, data_loaded, fail, out, say, warn
from brievenbus.errors import BriefError, DataError, Problem

if TYPE_CHECKING:
    from brievenbus.inputs.dataset import Dataset
    from brievenbus.inputs.models import Municipality
    from brievenbus.output.followup import FollowUpRegister, Grouping, LetterFollowUp, Tally

FolderOption = Annotated[
    Path,
    typer.Option("--uitvoer", "-o", help="Map met de brieven en hun register.", metavar="MAP"),
]
_DATE_HINT = "schrijf JJJJ-MM-DD (2026-05-03), D-M-JJJJ (3-5-2026) of vandaag"
SENT_OPTION = "--verstuurd"
TODAY = "vandaag"


class MarkCommand(TyperCommand):
    """`markeer`: a bare --verstuurd (last, or before another option) means today.

    Typer has no options with an optional value (Click's ``is_flag=False,
    flag_value=…``), so the command fills in 'vandaag' before parsing.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # Any: Typer's own Context
        """The arguments with 'vandaag' after a --verstuurd that has no value."""
        filled = []
        for index, arg in enumerate(args):
            filled.append(arg)
            following = args[index + 1] if index + 1 < len(args) else None
            if arg == SENT_OPTION and (following is None or following.startswith("-")):
                filled.append(TODAY)
        return super().parse_args(ctx, filled)


def show_followup(
    ctx: typer.Context,
    output_dir: FolderOption = Path("brieven"),
    per: Annotated[
        str,
        typer.Option("--per", help="Tel per provincie, club of fractie.", metavar="GROEP"),
    ] = "provincie",
    excel: Annotated[
        bool,
        typer.Option("--excel", help="Schrijf ook MAP/opvolging.xlsx, om in te vullen."),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overschrijf", help="Vervang met --excel ook een opvolging.xlsx die is bewerkt."
        ),
    ] = False,
    data_dir: DataOption = None,
) -> None:
    """Hoeveel brieven zijn verstuurd en beantwoord, en wat is toegezegd: per provincie.

    Zonder opdracht toont brief opvolging de telling; markeer, inlezen en rapport
    houden haar bij.

    Voorbeelden:

        brief opvolging

        brief opvolging --per fractie

        brief opvolging --excel --uitvoer brieven-2030
    """
    if ctx.invoked_subcommand is not None:
        return
    from brievenbus.output.followup import Grouping, count

    if per not in {g.value for g in Grouping}:
        fail(DataError.simple(f"--per {per} bestaat niet", "kies provincie, club of fractie"))
    dataset, kinds = _open_data(data_dir)
    try:
        with _followup(output_dir) as register:
            rows = _rows(dataset, register)
            if excel:
                from brievenbus.output.followup_excel import write_workbook

                written = write_workbook(register, rows, _kinds(kinds, rows), overwrite)
    except BriefError as error:
        fail(error)
    _print_table(count(rows, Grouping(per)), Grouping(per))
    if excel:
        from brievenbus.fileio import display_path

        say(f"{display_path(written)} geschreven: één rij per brief, om in te vullen.")


def mark_letters(
    municipality: Annotated[
        str,
        typer.Argument(help="Gemeente: naam, gangbare naam of CBS-code.", metavar="GEMEENTE"),
    ],
    party: PartyOption = None,
    sent: Annotated[
        str | None,
        typer.Option(
            SENT_OPTION,
            help="Datum van versturen: JJJJ-MM-DD, D-M-JJJJ of vandaag (ook zonder datum).",
            metavar="DATUM",
            show_default=False,
        ),
    ] = None,
    answered: Annotated[
        str | None,
        typer.Option(
            "--antwoord", help="Datum van het antwoord.", metavar="DATUM", show_default=False
        ),
    ] = None,
    promise: Annotated[
        str | None,
        typer.Option(
            "--toezegging", help="Wat de fractie toezegde.", show_default=False, metavar="TEKST"
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--notitie", help="Een eigen notitie.", show_default=False, metavar="TEKST"),
    ] = None,
    output_dir: FolderOption = Path("brieven"),
    data_dir: DataOption = None,
) -> None:
    """Noteer dat brieven aan een gemeente zijn verstuurd, beantwoord of iets opleverden.

    Zonder --fractie gaat het om elke brief aan die gemeente in de map. Een lege
    waarde ("") wist wat er stond.

    Voorbeelden:

        brief opvolging markeer Huizen --verstuurd

        brief opvolging markeer Almere --fractie PvdA --antwoord 3-5-2026 --toezegging "Motie"
    """
    from brievenbus.output.followup import mark, subjects_of

    values = _dates({"sent": ("--verstuurd", sent), "answered": ("--antwoord", answered)})
    texts = {"promise": promise, "note": note}
    values.update({name: text.strip() for name, text in texts.items() if text is not None})
    if not values:
        fail(
            DataError.simple(
                "er is niets om te noteren",
                "geef --verstuurd, --antwoord, --toezegging of --notitie",
            )
        )
    dataset, _ = _open_data(data_dir)
    try:
        target = dataset.find_municipality(municipality)
        chosen = _party_name(target, party)
        with _followup(output_dir) as register:
            subjects = subjects_of(register.letters(), target.code, chosen)
            if not subjects:
                raise _no_letter(target.naam, chosen, output_dir)
            changes = mark(register.records(), subjects, values)
            register.save(changes)
    except BriefError as error:
        fail(error)
    for subject, followup in changes.items():
        facts = [f"verstuurd {followup.sent}"] if followup.sent else []
        facts += ["nog niet verstuurd"] if not followup.counts_as_sent else []
        facts += [f"antwoord {followup.answered}"] if followup.answered else []
        facts += ["toezegging genoteerd"] if followup.promise else []
        what = f"{target.naam} · {subject.party or '(hele raad)'} · {subject.kind}"
        say(f"{what}: {', '.join(facts)}")


def read_in(
    workbook_path: Annotated[
        Path,
        typer.Argument(help="Een ingevuld opvolging.xlsx.", metavar="BESTAND.xlsx"),
    ],
    output_dir: FolderOption = Path("brieven"),
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overschrijf",
            help="Bij twee verschillende waarden voor één brief wint die uit het bestand.",
        ),
    ] = False,
    data_dir: DataOption = None,
) -> None:
    """Lees een ingevuld opvolgingsregister (Excel) in; rijen horen bij gemeente, fractie en soort.

    Lege cellen veranderen niets. Registers van meerdere clubs kunnen na elkaar
    in dezelfde map worden ingelezen.

    Voorbeeld:

        brief opvolging inlezen opvolging-club-huizen.xlsx --uitvoer brieven
    """
    from brievenbus.fileio import display_path
    from brievenbus.output.followup import describe_conflict, letters_elsewhere, merge
    from brievenbus.output.followup_excel import read_workbook, resolve_rows

    dataset, kinds = _open_data(data_dir)
    shown = display_path(workbook_path)
    names = {m.code: m.naam for m in dataset.municipalities}
    try:
        sheet = read_workbook(workbook_path)  # a broken or hostile file stops here
        with _followup(output_dir) as register:
            letters = register.letters()
            known = {*kinds, *(subject.kind for subject in letters)}
            incoming = resolve_rows(dataset, known, workbook_path, sheet)
            merged = merge(register.records(), incoming, overwrite)
            texts = [describe_conflict(c, names, shown.name) for c in merged.conflicts]
            if texts and not overwrite:
                raise _conflict_error(shown, texts)
            register.save(merged.changes)
    except BriefError as error:
        fail(error)
    for text in texts:
        warn(f"{text}; de waarde uit {shown.name} is overgenomen (--overschrijf)")
    elsewhere = letters_elsewhere(letters, incoming)
    if elsewhere:
        where, subject = elsewhere[0]
        example = (
            f"{where}: {names.get(subject.code, subject.code)} · {subject.party or '(hele raad)'}"
        )
        warn(
            f"{len(elsewhere)} rij(en) gaan over brieven die niet in {display_path(output_dir)}"
            f" staan (bv. {example} · {subject.kind}); hun opvolging is bewaard en telt mee"
        )
    changed = len(merged.changes)
    say(
        f"{shown}: {len(incoming)} rijen gelezen,"
        f" {changed} {'brief' if changed == 1 else 'brieven'} bijgewerkt."
    )


def _conflict_error(shown: Path, texts: list[str]) -> DataError:
    """Every conflict, then: nothing changed, and how to choose."""
    problems = [Problem(shown, None, text) for text in texts]
    problems.append(
        Problem(
            None,
            None,
            f"{len(texts)} tegenstrijdige waarde(n); er is niets veranderd",
            "pas de rij aan, of neem de waarden uit het bestand over met --overschrijf",
        )
    )
    return DataError(*problems)


def write_report(output_dir: FolderOption = Path("brieven"), data_dir: DataOption = None) -> None:
    """Schrijf MAP/opvolging.html: een grafiek, de telling en de toezeggingen, op één pagina.

    De pagina werkt zonder internet, past op A4 en leest op een telefoon.

    Voorbeeld:

        brief opvolging rapport --uitvoer brieven
    """
    from brievenbus.fileio import atomic_write, display_path, write_error
    from brievenbus.output.followup_report import REPORT_NAME, build_report

    dataset, _ = _open_data(data_dir)
    path = output_dir / REPORT_NAME
    try:
        with _followup(output_dir) as register:
            rows = _rows(dataset, register)
        page = build_report(rows, str(display_path(output_dir)))
        try:
            atomic_write(path, page.encode("utf-8"))
        except OSError as error:
            raise write_error(output_dir, error, "kies een andere map met --uitvoer MAP") from None
    except BriefError as error:
        fail(error)
    say(f"{display_path(path)} geschreven ({len(rows)} brieven); open het in een browser.")


@contextmanager
def _followup(output_dir: Path) -> Iterator[FollowUpRegister]:
    from brievenbus.output.followup import FollowUpRegister

    with FollowUpRegister.open(output_dir) as register:
        yield register


def _open_data(data_dir: Path | None) -> tuple[Dataset, list[str]]:
    """The data and the letter kinds, without what rendering letters needs (faster)."""
    from brievenbus.inputs.dataset import load_dataset
    from brievenbus.inputs.locations import TEMPLATES, Sources
    from brievenbus.letters.rendering import letter_kinds

    try:
        sources = Sources.discover(data_dir)
        kinds = letter_kinds(sources.folders(TEMPLATES))
        dataset = load_dataset(kinds=kinds, sources=sources)
    except BriefError as error:
        fail(error)
    data_loaded()
    return dataset, kinds


def _rows(dataset: Dataset, register: FollowUpRegister) -> list[LetterFollowUp]:
    from brievenbus.output.followup import overview

    return overview(dataset, register.letters(), register.records())


def _kinds(kinds: list[str], rows: list[LetterFollowUp]) -> list[str]:
    return sorted({*kinds, *(row.subject.kind for row in rows)})


def _dates(raw: dict[str, tuple[str, str | None]]) -> dict[str, str]:
    """The date options as ISO text ('' clears); a Dutch error and exit 1 for anything else."""
    from brievenbus.output.followup import read_date

    values = {}
    for name, (option, text) in raw.items():
        if text is None:
            continue
        if not text.strip():
            values[name] = ""
        elif (date := read_date(text)) is not None:
            values[name] = date.isoformat()
        else:
            fail(DataError.simple(f"'{text}' bij {option} is geen datum", _DATE_HINT))
    return values


def _party_name(target: Municipality, party: str | None) -> str | None:
    from brievenbus.letters.selection import find_party

    return find_party(target, party).naam if party is not None else None


def _no_letter(name: str, party: str | None, output_dir: Path) -> DataError:
    from brievenbus.fileio import display_path

    folder = display_path(output_dir)
    to = f"de fractie {party} in {name}" if party else name
    make = f"brief genereer {name}" + (" --per-fractie" if party else "")
    return DataError.simple(
        f"in {folder} staat geen brief aan {to}; er is niets veranderd",
        f"maak hem eerst ({make} --uitvoer {folder}) of kies de map met --uitvoer",
    )


def _print_table(counted: tuple[list[tuple[str, Tally]], Tally], per: Grouping) -> None:
    from rich.table import Table

    groups, total = counted
    table = Table(show_edge=False, header_style="bold")
    table.add_column(per.value)
    for heading in ("brieven", "verstuurd", "beantwoord", "toezeggingen", "% beantwoord"):
        table.add_column(heading, justify="right", no_wrap=True)
    for name, tally in [*groups, ("totaal", total)]:
        if tally is total:
            table.add_section()
        table.add_row(name, *tally.cells(), style="bold" if tally is total else None)
    out.print(table)
