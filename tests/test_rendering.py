"""Templates → Markdown → paragraphs: Dutch filters, literal text and template errors."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brievenbus.dutch_formats import dutch_date, dutch_number
from brievenbus.errors import TemplateError
from brievenbus.letters.rendering import (
    escape_markdown,
    format_articles,
    format_list_nl,
    render_template,
)
from brievenbus.markup import parse_markdown
from tests.conftest import RunBrief


def test_dutch_date() -> None:
    """Dates read as in a Dutch letter."""
    assert dutch_date(datetime.date(2025, 9, 23)) == "23 september 2025"
    assert dutch_date(datetime.date(2026, 3, 1)) == "1 maart 2026"


def test_dutch_numbers() -> None:
    """Thousands get a dot, decimals a comma."""
    assert dutch_number(41283) == "41.283"
    assert dutch_number(4.1283, 1) == "4,1"


def test_dutch_lists() -> None:
    """'A, B en C', as Dutch writes lists."""
    assert format_list_nl(["VVD", "D66", "CDA"]) == "VVD, D66 en CDA"
    assert format_list_nl(["VVD"]) == "VVD"


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        ([10], "Art. 10"),
        ([24, 23], "Art. 23–24"),
        ([13, 14, 15], "Art. 13–15"),
        ([10, 12, 13], "Art. 10 en 12–13"),
    ],
)
def test_article_ranges(articles: list[int], expected: str) -> None:
    """Consecutive articles collapse into a range with an en dash."""
    assert format_articles(articles) == expected


# Text as it may come from YAML: anything printable, including Markdown syntax.
plain_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda t: t.strip())


@given(plain_text)
def test_escaped_text_comes_out_literally(text: str) -> None:
    """Any text printed by a template reaches the paragraph unchanged (*, [, <, &, # included)."""
    paragraphs = parse_markdown("Voor " + escape_markdown(text) + " na")
    assert len(paragraphs) == 1
    assert paragraphs[0].text == "Voor " + text.strip(" \r\n") + " na"


def test_markdown_characters_in_names_stay_text() -> None:
    """A party called '**Ja** & <Nee> [1]' is printed as written, not as bold or a link."""
    paragraphs = parse_markdown("1. " + escape_markdown("**Ja** & <Nee> [1](x)"))
    assert paragraphs[0].text == "**Ja** & <Nee> [1](x)"
    assert not any(run.bold or run.link for run in paragraphs[0].runs)


def write_template(folder: Path, name: str, text: str) -> None:
    """Put a template in a workspace's templates folder."""
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_undefined_variable_names_template_and_line(tmp_path: Path) -> None:
    """A misspelled variable stops with the template file, line and name."""
    write_template(tmp_path, "proef.md.j2", "Regel een\n\n{{ gemeente.naaam }}\n")
    with pytest.raises(TemplateError) as caught:
        render_template("proef.md.j2", {"gemeente": {"naam": "Huizen"}}, [tmp_path])
    problem = caught.value.problems[0]
    assert problem.line == 3
    assert str(problem.path).endswith("proef.md.j2")
    assert "'naaam' bestaat niet" in problem.message


def test_template_syntax_error_names_line(tmp_path: Path) -> None:
    """An unclosed {% if %} is reported with its file and line."""
    write_template(tmp_path, "proef.md.j2", "a\n{% if x %}\nb\n")
    with pytest.raises(TemplateError) as caught:
        render_template("proef.md.j2", {"x": True}, [tmp_path])
    assert str(caught.value.problems[0].path).endswith("proef.md.j2")
    assert "fout in het sjabloon" in caught.value.problems[0].message


def test_printing_an_empty_value_is_an_error(tmp_path: Path) -> None:
    """{{ leeg }} with None never prints 'None' in a letter; the author is told to use {% if %}."""
    write_template(tmp_path, "proef.md.j2", "Beste {{ naam }}\n")
    with pytest.raises(TemplateError) as caught:
        render_template("proef.md.j2", {"naam": None}, [tmp_path])
    assert caught.value.problems[0].line == 1
    assert "{% if" in caught.value.problems[0].hint


def test_template_error_through_cli(run_brief: RunBrief, workspace: Path) -> None:
    """A workspace template with a typo: Dutch error with template:line, exit 1, no letter."""
    write_template(
        workspace / "templates",
        "verkiezingen.md.j2",
        "Aan {{ gemeente.naam }}\n\n{{ club.naaam }}\n",
    )
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert (
        "templates/verkiezingen.md.j2:3: fout in het sjabloon: 'naaam' bestaat niet"
        in result.stderr
    )
    assert not (workspace / "brieven").exists()


def test_unknown_paragraph_style(run_brief: RunBrief, workspace: Path) -> None:
    """{.stijl} that the house style lacks names the style and lists the ones there are."""
    write_template(
        workspace / "templates", "verkiezingen.md.j2", "{.bestaatniet}\nAan {{ gemeente.naam }}\n"
    )
    result = run_brief("genereer", "Huizen")
    assert result.exit_code == 1
    assert "geen alinea-stijl 'bestaatniet'" in result.stderr
    assert "Ondertekening" in result.stderr


@pytest.mark.parametrize(("name", "kind"), [("Huizen", "verkiezingen"), ("Almere", "coalitie")])
def test_parsing_in_segments_equals_parsing_whole(name: str, kind: str) -> None:
    """The cached, segment-wise parse of a real letter gives exactly the paragraphs of one parse."""
    from brievenbus.letters.workspace import Workspace
    from brievenbus.markup import _parse_segment

    workspace = Workspace.open()
    plan = workspace.plan(workspace.dataset.find_municipality(name), kind)
    variables = workspace.template_variables(plan)
    text = render_template(f"{kind}.md.j2", variables, workspace.template_folders)
    assert parse_markdown(text) == list(_parse_segment(text)[0])
