"""YAML parser events → plain values with lines, and the hostile constructs it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.yaml_tree import MAX_DEPTH, build_tree, format_location

PATH = Path("data/proef.yaml")


def test_values_stay_text_and_keep_their_lines() -> None:
    """Scalars stay strings ('no', '0406'), plain nulls are None, every key has its line."""
    data, lines, problems = build_tree("a:\n  - no\n  - '0406'\n  - ~\nb: ''\n", PATH)
    assert data == {"a": ["no", "0406", None], "b": ""}
    assert lines[("a",)] == 1
    assert lines[("a", 2)] == 4
    assert lines[("b",)] == 5
    assert problems == []


def test_repeated_key_is_a_problem_at_its_line() -> None:
    """The second 'a' is reported; the first value stays."""
    data, _, problems = build_tree("a: 1\na: 2\n", PATH)
    assert data == {"a": "1"}
    assert [(p.line, p.message) for p in problems] == [(2, "a: staat twee keer in hetzelfde blok")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x 1\nb: 2\n", "een anker (&naam) of verwijzing (*naam): brief leest die niet"),
        ("a: &x [1]\nb: *x\n", "een anker (&naam) of verwijzing (*naam): brief leest die niet"),
        ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "te diep genest"),
        ("a: 1\n---\nb: 2\n", "het bestand bevat meer dan één document"),
    ],
    ids=["anker", "verwijzing", "te-diep", "twee-documenten"],
)
def test_hostile_constructs_stop_at_once(text: str, message: str) -> None:
    """Anchors, aliases, deep nesting and a second document stop reading with a Dutch error."""
    with pytest.raises(DataError) as caught:
        build_tree(text, PATH)
    assert caught.value.problems[0].message.startswith(message)


def test_nesting_up_to_the_limit_is_fine() -> None:
    """Exactly MAX_DEPTH levels of lists are read."""
    data, _, _ = build_tree("[" * MAX_DEPTH + "]" * MAX_DEPTH, PATH)
    assert isinstance(data, list)


def test_a_list_as_key_and_an_escape_character_are_problems() -> None:
    """A complex key and a control character in a value: problems with their lines."""
    _, _, problems = build_tree('? [a, b]\n: x\nc: "rood\\e[31m"\n', PATH)
    assert [p.line for p in problems] == [1, 3]
    assert problems[0].message == "een sleutel is een lijst of blok in plaats van een naam"
    assert problems[1].message.startswith("een onzichtbaar stuurteken U+001B (Escape)")


def test_format_location() -> None:
    """('gemeenten', 3, 'naam') reads as users see it."""
    assert format_location(("gemeenten", 3, "naam")) == "gemeenten[3].naam"
