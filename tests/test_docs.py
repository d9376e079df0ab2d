"""The documentation matches the program: CLI reference, help texts, README commands."""

from __future__ import annotations

import datetime
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


class ReadmeDay(datetime.date):
    """The day the README's output was made: controleer's warnings depend on the day."""

    @classmethod
    def today(cls) -> ReadmeDay:
        """1 December 2026."""
        return cls(2026, 12, 1)


FIRST_LETTER = re.compile(r"<!-- eerste-brief.*?-->(.*?)Alle opdrachten en opties", re.S)


def first_letter_steps() -> list[tuple[str, list[str]] | str]:
    """The README's first-letter steps: (command, output lines) per console line, and the
    club block of step 3 (a str) where the secretary fills in her club."""
    section = FIRST_LETTER.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section
    steps: list[tuple[str, list[str]] | str] = []
    for kind, block in re.findall(r"```(console|yaml)\n(.*?)```", section.group(1), re.S):
        lines = [line.removeprefix("   ") for line in block.splitlines()]
        if kind == "yaml":
            steps.append("\n".join(lines) + "\n")
            continue
        for line in lines:
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif line.strip():
                command = steps[-1]
                assert isinstance(command, tuple)
                command[1].append(line.rstrip())
    return steps


def test_readme_first_letter_steps_are_true_word_for_word(
    run_brief: RunBrief, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command of 'Uw eerste brief, stap voor stap' prints exactly the lines shown
    (standard output and error together), and filling in the club as shown makes it ready."""
    import shlex
    import types

    from brievenbus.letters import checking

    # The README shows controleer on 1 December 2026; its warnings about election dates
    # depend on the day, so the test runs on that day.
    monkeypatch.setattr(checking, "datetime", types.SimpleNamespace(date=ReadmeDay))
    for step in first_letter_steps():
        if isinstance(step, str):  # step 3: the club block replaces the one from init
            clubs = Path("data/clubs.yaml")
            text = clubs.read_text(encoding="utf-8")
            start, end = text.index("  - id: mijn-club"), text.index("    # logo:")
            clubs.write_text(text[:start] + step + text[end:], encoding="utf-8")
            continue
        command, expected = step
        words = shlex.split(command)
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
            assert expected == []
            continue
        result = run_brief(*words[1:])
        printed = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
        assert sorted(printed) == sorted(expected), command
        assert result.exit_code == (1 if "Nog niet klaar" in result.stderr else 0), command


def test_architecture_names_every_module() -> None:
    """docs/architecture.md says who owns every module (a new module needs its row)."""
    import fnmatch

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w/*.]+\.py)`", text))
    package = ROOT / "src" / "brievenbus"
    modules = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if path.name not in {"__init__.py", "__main__.py"}
    ]
    missing = [
        module
        for module in sorted(modules)
        if not any(fnmatch.fnmatch(module, name) for name in named)
    ]
    assert missing == []
