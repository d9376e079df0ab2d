"""Errors in a template, in Dutch at the template's file and line."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from brievenbus.letters.template_errors import runtime_problem, syntax_problem
from brievenbus.letters.template_limits import LimitError


def failure(source: str, tmp_path: Path) -> BaseException:
    """The exception a template file raises when rendered (with its traceback)."""
    (tmp_path / "proef.md.j2").write_text(source, encoding="utf-8")
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(tmp_path)), undefined=jinja2.StrictUndefined
    )
    try:
        environment.get_template("proef.md.j2").render()
    except Exception as error:
        return error
    raise AssertionError("the template rendered")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("regel\n{{ 1 / 0 }}", "deling door nul"),
        ("regel\n{{ onbekend }}", "'onbekend' bestaat niet"),
        ("regel\n{{ 'a' + 1 }}", "deze bewerking past niet bij de waarde"),
    ],
)
def test_runtime_errors_in_dutch_at_the_line(tmp_path: Path, source: str, message: str) -> None:
    """Python's and Jinja's English becomes Dutch, with the template and line of the error."""
    problem = runtime_problem(failure(source, tmp_path))
    assert problem.line == 2
    assert str(problem.path).endswith("proef.md.j2")
    assert problem.message.startswith(f"fout in het sjabloon: {message}")


def test_a_limit_error_keeps_its_own_words() -> None:
    """Our own limit messages are already Dutch and pass unchanged, with a hint."""
    problem = runtime_problem(LimitError("de tekst wordt te lang"))
    assert problem.message == "fout in het sjabloon: de tekst wordt te lang"
    assert problem.hint.startswith("een brief heeft dit niet nodig")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 'a' | vet }}", "filter 'vet' bestaat niet"),
        ("{% if x %}", "het sjabloon eindigt terwijl {% if %} nog open staat"),
        ("{% zeg %}", "onbekende opdracht {% zeg %}"),
    ],
)
def test_syntax_errors_in_dutch(tmp_path: Path, source: str, message: str) -> None:
    """Jinja's syntax messages become Dutch; an unknown filter gets the list of filters."""
    error = failure(source, tmp_path)
    assert isinstance(error, jinja2.TemplateSyntaxError)
    problem = syntax_problem(error)
    assert problem.message.startswith(f"fout in het sjabloon: {message}")
    if "filter" in message:
        assert "datum, getal, lijst" in problem.hint
