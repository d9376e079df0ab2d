"""The command line speaks Dutch, also where the text comes from Typer, Click or pydantic."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from brievenbus import dutch as dutch_cli
from tests.conftest import RunBrief, english_in

CATALOGUE_DIR = Path(dutch_cli.__file__).parent / "locale" / "nl" / "LC_MESSAGES"


def test_compiled_catalogue_matches_its_source() -> None:
    """brief.mo holds exactly the translations of brief.po (run pybabel compile after an edit)."""
    with (CATALOGUE_DIR / "brief.po").open("rb") as source:
        po = {m.id: m.string for m in read_po(source) if m.id}
    with (CATALOGUE_DIR / "brief.mo").open("rb") as compiled:
        mo = {m.id: m.string for m in read_mo(compiled) if m.id}
    assert mo == po
    assert all(po.values()), "every msgid has a Dutch text"


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("Options", "Opties"),
        (
            "Invalid value for '--limiet': Input should be greater than or equal to 1",
            "Ongeldige waarde bij '--limiet': moet 1 of meer zijn",
        ),
        (
            "No such option: --fractie (Possible options: --per-fractie, --provincie)",
            "Optie --fractie bestaat niet (bedoelt u --per-fractie of --provincie?)",
        ),
        ("Missing argument 'GEMEENTE'.", "'GEMEENTE' ontbreekt."),
        ("Option '--datum' requires an argument.", "Optie '--datum' heeft een waarde nodig."),
        ("Input should be 'heer' or 'mevrouw'", "kies uit: 'heer' of 'mevrouw'"),
        ("geen Engels, al Nederlands", "geen Engels, al Nederlands"),
    ],
)
def test_translate_library_messages(english: str, dutch: str) -> None:
    """Whole messages, with their varying parts, come out in Dutch; Dutch text is left alone."""
    assert dutch_cli.translate(english) == dutch


def test_limiet_zero_in_dutch(run_brief: RunBrief) -> None:
    """`--limiet 0` says in Dutch that the number must be 1 or more."""
    result = run_brief("genereer", "Huizen", "--limiet", "0")
    assert result.exit_code == 2
    assert "Ongeldige waarde bij '--limiet': moet 1 of meer zijn" in result.stderr
    assert "Gebruik: brief genereer [OPTIES] [GEMEENTE]..." in result.stderr
    assert "Uitleg: brief genereer --help" in result.stderr


def test_unknown_option_suggests_in_dutch(run_brief: RunBrief) -> None:
    """An unknown option is named, with the options it may have meant."""
    result = run_brief("genereer", "Huizen", "--fracties", "VVD")
    assert result.exit_code == 2
    assert "Optie --fracties bestaat niet (bedoelt u --fractie of --per-fractie?)" in (
        result.stderr
    )


def test_missing_argument_in_dutch(run_brief: RunBrief) -> None:
    """`brief voorbeeld` without a municipality says what is missing."""
    result = run_brief("voorbeeld")
    assert result.exit_code == 2
    assert "'GEMEENTE' ontbreekt." in result.stderr


def test_bad_date_in_dutch(run_brief: RunBrief) -> None:
    """A date that is not JJJJ-MM-DD names the option and the right form."""
    result = run_brief("genereer", "Huizen", "--datum", "18-03-2026")
    assert result.exit_code == 2
    assert "Ongeldige waarde bij '--datum': '18-03-2026' is geen datum; schrijf JJJJ-MM-DD" in (
        result.stderr
    )


def test_help_shows_dutch_metavars(run_brief: RunBrief) -> None:
    """Help names what to write (DATUM, AANTAL, MAP), never a Python type, and defaults in Dutch."""
    result = run_brief("genereer", "--help")
    assert result.exit_code == 0
    for metavar in ("GEMEENTE", "DATUM", "AANTAL", "MAP", "ID", "SOORT"):
        assert metavar in result.stdout
    assert "standaard: brieven/ in uw werkmap" in result.stdout
    assert "1 of meer" in result.stdout
    assert "<" not in result.stdout


def all_command_paths() -> list[list[str]]:
    """`brief`, every command and every subcommand, as the words a user types."""
    import typer

    from brievenbus.cli import app

    root = typer.main.get_command(app)
    context = typer.Context(root, info_name="brief")
    paths: list[list[str]] = [[]]
    for name in root.list_commands(context):  # type: ignore[attr-defined]
        paths.append([name])
        command = root.get_command(context, name)  # type: ignore[attr-defined]
        if hasattr(command, "list_commands"):
            sub_context = typer.Context(command, info_name=name, parent=context)
            paths += [[name, sub] for sub in command.list_commands(sub_context)]
    return paths


@pytest.mark.parametrize("words", all_command_paths(), ids=lambda w: " ".join(w) or "brief")
def test_every_help_text_is_dutch(run_brief: RunBrief, words: list[str]) -> None:
    """`--help` of every command shows no English from the libraries."""
    result = run_brief(*words, "--help")
    assert result.exit_code == 0
    assert english_in(result.stdout + result.stderr) == [], result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["genereer", "Huizen", "--limiet", "0"],
        ["genereer", "Huizen", "--limiet", "veel"],
        ["genereer", "Huizen", "--limiet"],
        ["genereer", "Huizen", "--fracties", "VVD"],
        ["genereer", "Huizen", "--datum", "morgen"],
        ["genereer"],
        ["voorbeeld"],
        ["voorbeeld", "Huizen", "Almere"],
        ["voorbeeld", "Huizen", "--fractie", "Piratenpartij"],
        ["onzin"],
        ["importeer", "onzin"],
        ["importeer", "cbs"],
        ["importeer", "cbs", "bestaat-niet.csv"],
        ["importeer", "cbs", "x.csv", "--kolom", "zonder-isteken"],
        ["maatregelen", "--pijler", "opvang"],
        ["gemeenten", "--provincie", "Atlantis"],
        ["genereer", "--club", "onbekend"],
        ["genereer", "Huizen", "--context", "coalitiie"],
        ["init", "--onbekend"],
    ],
    ids=" ".join,
)
def test_every_command_line_error_is_dutch(run_brief: RunBrief, args: list[str]) -> None:
    """Wrong options, missing or extra arguments and bad values: a Dutch message, no English."""
    result = run_brief(*args)
    assert result.exit_code in {1, 2}
    assert result.stderr.strip()
    assert english_in(result.stdout + result.stderr) == [], result.stderr
