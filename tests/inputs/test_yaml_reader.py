"""YAML → plain values with the line of every key, and Dutch messages for broken YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from brievenbus.errors import DataError
from brievenbus.inputs.yaml_reader import format_location, read_yaml


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "clubs.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_every_scalar_stays_text_and_empty_is_none(tmp_path: Path) -> None:
    path = write(tmp_path, 'a: 0406\nb: ja\nc: 1.5\nd:\ne: ""\nf: [x, null]\n')
    assert read_yaml(path).data == {
        "a": "0406",
        "b": "ja",
        "c": "1.5",
        "d": None,
        "e": "",
        "f": ["x", None],
    }


def test_line_of_a_location_or_its_nearest_ancestor(tmp_path: Path) -> None:
    path = write(tmp_path, "clubs:\n  - id: een\n    naam: Een\n  - id: twee\n")
    document = read_yaml(path)
    assert document.line_of(("clubs", 1, "id")) == 4
    assert document.line_of(("clubs", 0, "naam")) == 3
    assert document.line_of(("clubs", 1, "email")) == 4  # missing field: its block's line
    assert document.line_of(()) == 1


def test_problem_names_the_place_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    document = read_yaml(write(tmp_path, "clubs:\n  - id: een\n"))
    problem = document.problem(("clubs", 0, "id"), "onbekende club 'een'", "kies een andere")
    assert str(problem) == "clubs.yaml:2: clubs[0].id: onbekende club 'een'\n  → kies een andere"


def test_format_location() -> None:
    assert (
        format_location(("gemeenten", 3, "raad", "fracties", 0)) == "gemeenten[3].raad.fracties[0]"
    )
    assert format_location(()) == ""


def test_duplicate_key_is_reported_at_its_second_line(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_yaml(write(tmp_path, "clubs:\n  - id: een\n    id: twee\n"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (3, "clubs[0].id: staat twee keer in hetzelfde blok")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_yaml(write(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1")))
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (2, "dit bestand is geen UTF-8")
    assert "UTF-8" in problem.hint


def test_tab_indentation_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_yaml(write(tmp_path, "clubs:\n\t- id: een\n"))
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert problem.message == "een tab-teken"
    assert problem.hint.startswith("YAML gebruikt alleen spaties")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_yaml(tmp_path / "weg.yaml")
    assert caught.value.problems[0].message == "kan het bestand niet lezen (bestaat niet)"
