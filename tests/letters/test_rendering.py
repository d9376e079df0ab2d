"""Jinja2 → Markdown: values printed literally in Dutch form, template mistakes in Dutch."""

from __future__ import annotations

import datetime
import itertools
from pathlib import Path

import pytest

from brievenbus.errors import TemplateError
from brievenbus.inputs.locations import packaged_dir
from brievenbus.inputs.models import Club
from brievenbus.inputs.yaml_cache import cache_dir
from brievenbus.letters.rendering import letter_kinds, link, render_template
from brievenbus.markup import parse_markdown

SERIAL = itertools.count()


def render(tmp_path: Path, template: str, **variables: object) -> str:
    # A new name each time: one command reads a template once (no reload check per letter).
    name = f"t{next(SERIAL)}.md.j2"
    (tmp_path / name).write_text(template, encoding="utf-8")
    return render_template(name, variables, [tmp_path, packaged_dir("templates")])


def error(tmp_path: Path, template: str, **variables: object) -> tuple[int | None, str, str]:
    with pytest.raises(TemplateError) as caught:
        render(tmp_path, template, **variables)
    problem = caught.value.problems[0]
    return problem.line, problem.message, problem.hint


def test_values_print_in_dutch(tmp_path: Path) -> None:
    text = render(
        tmp_path,
        "{{ a }} {{ b }} {{ c }} {{ d }}",
        a=True,
        b=41283,
        c=datetime.date(2026, 3, 18),
        d="*x*",
    )
    assert text == "ja 41283 18 maart 2026 \\*x\\*"


def test_link_is_clickable_with_any_characters(tmp_path: Path) -> None:
    url = "https://example.org/a_(b)?c=1&d=<2>"
    text = render(tmp_path, "{{ u | link('de [site]') }}", u=url)
    (paragraph,) = parse_markdown(text)
    assert [(r.text, r.link) for r in paragraph.runs] == [
        ("de [site]", "https://example.org/a_(b)?c=1&d=%3C2%3E")
    ]
    assert str(link("https://x.nl")) == "[https://x\\.nl](<https://x.nl>)"


def test_unknown_variable_and_attribute(tmp_path: Path) -> None:
    assert error(tmp_path, "regel\n{{ gemeete }}")[:2] == (
        2,
        "fout in het sjabloon: 'gemeete' bestaat niet",
    )
    club = Club(id="c", naam="C")
    line, message, _ = error(tmp_path, "{{ club.adres }}", club=club)
    assert (line, message) == (1, "fout in het sjabloon: 'adres' bestaat niet (in club)")


def test_empty_value_says_how_to_skip_it(tmp_path: Path) -> None:
    line, message, hint = error(tmp_path, "a\n\nb {{ x }}", x=None)
    assert (line, message) == (3, "fout in het sjabloon: lege waarde (None) in de brief")
    assert hint.startswith("zet de regel binnen {% if … %}")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "{% if x %}\nja\n",
            "het sjabloon eindigt terwijl {% if %} nog open staat ({% endif %} mist)",
        ),
        ("{% iff x %}{% endif %}", "onbekende opdracht {% iff %}"),
    ],
)
def test_syntax_errors_in_dutch(tmp_path: Path, template: str, message: str) -> None:
    assert error(tmp_path, template, x=1)[1] == f"fout in het sjabloon: {message}"


def test_missing_template_names_the_kinds(tmp_path: Path) -> None:
    (tmp_path / "brandbrief.md.j2").write_text("x", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_template("bestaatniet.md.j2", {}, [tmp_path, packaged_dir("templates")])
    assert caught.value.problems[0].message == "sjabloon 'bestaatniet.md.j2' niet gevonden"
    assert "brandbrief" in caught.value.problems[0].hint


def test_letter_kinds_are_templates_not_starting_with_underscore(tmp_path: Path) -> None:
    (tmp_path / "brandbrief.md.j2").write_text("x", encoding="utf-8")
    (tmp_path / "_stukje.md.j2").write_text("x", encoding="utf-8")
    folders = [tmp_path, packaged_dir("templates")]
    assert letter_kinds(folders) == ["brandbrief", "coalitie", "verkiezingen"]


def test_compiled_templates_go_to_the_private_cache(tmp_path: Path) -> None:
    render(tmp_path, "{{ 1 }}")
    assert list((cache_dir() / "jinja").iterdir())


def test_a_citation_is_the_same_each_time_and_the_kept_ones_are_bounded() -> None:
    """A frozen fact is cited the same in every letter (worked out once); the kept
    citations cannot grow without end."""
    from dataclasses import dataclass

    from brievenbus.letters import rendering

    @dataclass(frozen=True)
    class Fact:
        tekst: str
        bron: str
        jaar: int

    fact = Fact("Eén op de tien (ruim).", "CBS", 2024)
    first = rendering.with_citation(fact)
    assert first == "Eén op de tien \\(ruim\\) (CBS, 2024)."
    assert rendering.with_citation(fact) is first
    assert rendering.with_citation(Fact("Anders.", "RIVM", 2023)) == "Anders (RIVM, 2023)."
    for number in range(rendering.MAX_CITED + 5):
        rendering.with_citation(Fact(f"Feit {number}.", "CBS", 2024))
    assert 0 < len(rendering._CITED) <= rendering.MAX_CITED
