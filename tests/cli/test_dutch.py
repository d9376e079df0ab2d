"""Typer's own help and errors in Dutch once the catalogue is bound."""

from __future__ import annotations

import gettext

from typer.testing import CliRunner

from brievenbus.cli import app
from brievenbus.cli.dutch import install


def test_install_is_idempotent_and_answers_dutch() -> None:
    """Binding twice changes nothing; gettext then answers in Dutch."""
    install()
    first = gettext.gettext
    install()
    assert gettext.gettext is first
    assert gettext.gettext("Show this message and exit.") == "Toon deze hulp en stop."


def test_a_usage_error_comes_out_in_dutch() -> None:
    """An unknown option is explained in Dutch, with exit code 2."""
    result = CliRunner().invoke(app, ["genereer", "--onbekend"])
    assert result.exit_code == 2
    assert "Optie --onbekend bestaat niet" in result.output
    assert "No such option" not in result.output
