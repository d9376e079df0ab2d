"""The documentation matches the program: CLI reference, help texts, README commands."""

from __future__ import annotations

import importlib.util
import re
import types
from pathlib import Path

import pytest

from tests.conftest import RunBrief

ROOT = Path(__file__).resolve().parent.parent


def load_reference_script() -> types.ModuleType:
    """scripts/maak_cli_referentie.py as a module."""
    spec = importlib.util.spec_from_file_location(
        "maak_cli_referentie", ROOT / "scripts" / "maak_cli_referentie.py"
    )
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = load_reference_script()
COMMANDS = REFERENCE.commands()


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what the script makes from the commands now."""
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == REFERENCE.cli_reference(), "run: python scripts/maak_cli_referentie.py"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_and_option_has_help_and_an_example(name: str, command: object) -> None:
    """Each command explains itself with an example; each argument and option has help text."""
    help_text = getattr(command, "help", "") or ""
    assert help_text.strip(), f"brief {name} has no help"
    assert "Voorbeeld" in help_text, f"brief {name} --help has no example"
    for param in getattr(command, "params", []):
        if param.name != "help":
            assert (getattr(param, "help", "") or "").strip(), (
                f"brief {name}: {param.name} has no help"
            )


@pytest.mark.parametrize("name", [name for name, _ in COMMANDS])
def test_help_runs(run_brief: RunBrief, name: str) -> None:
    """`brief COMMAND --help` works for every command and shows its example."""
    result = run_brief(*name.split(), "--help")
    assert result.exit_code == 0
    assert "Voorbeeld" in result.stdout


def test_readme_has_the_two_setup_lines() -> None:
    """The README's install line makes a letter; its test line is what .ci/run runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = re.search(r"<!-- installatiecommando -->\n```sh\n(.+)\n```", readme)
    tests = re.search(r"<!-- testcommando -->\n```sh\n(.+)\n```", readme)
    assert install
    assert "pip install ." in install.group(1)
    assert "brief genereer" in install.group(1)
    assert tests
    assert "pytest" in tests.group(1)
    assert "testcommando" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
