"""Write docs/cli.md, the command reference, from the Typer app itself.

    python scripts/maak_cli_referentie.py

tests/test_docs.py fails when docs/cli.md is out of date, so the reference
cannot drift from the real commands and options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from brievenbus.cli import app

OUTPUT_PATH = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def commands() -> list[tuple[str, Any]]:
    """Every command with its full name ('importeer cbs'), in the order of `brief --help`."""
    root: Any = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []
    context = typer.Context(root, info_name="brief")
    for name in root.list_commands(context):
        command = root.get_command(context, name)
        if hasattr(command, "list_commands"):  # a group such as `importeer`
            sub_context = typer.Context(command, info_name=name, parent=context)
            for sub in command.list_commands(sub_context):
                found.append((f"{name} {sub}", command.get_command(sub_context, sub)))
        else:
            found.append((name, command))
    return found


def cli_reference() -> str:
    """The Markdown text of docs/cli.md."""
    lines = [
        "# `brief`: alle opdrachten",
        "",
        "Gemaakt met `python scripts/maak_cli_referentie.py` uit de opdrachten zelf;"
        " niet met de hand bewerken.",
        "",
    ]
    for name, command in commands():
        lines += [f"## `brief {name}`", "", (command.help or "").strip(), ""]
        arguments = [p for p in command.params if p.param_type_name == "argument"]
        options = [p for p in command.params if p.param_type_name == "option" and p.name != "help"]
        if arguments or options:
            lines += ["| argument of optie | betekenis |", "|---|---|"]
        for argument in arguments:
            help_text = getattr(argument, "help", "") or ""
            lines.append(f"| `{argument.metavar or (argument.name or '').upper()}` | {help_text} |")
        for option in options:
            value = f" {option.metavar}" if option.metavar and not option.is_flag else ""
            flags = ", ".join(f"`{flag}{value}`" for flag in option.opts)
            lines.append(f"| {flags} | {option.help or ''} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    """Write docs/cli.md."""
    OUTPUT_PATH.parent.mkdir(exist_ok=True)
    OUTPUT_PATH.write_text(cli_reference(), encoding="utf-8")
    print(f"{OUTPUT_PATH.name} geschreven")


if __name__ == "__main__":
    main()
