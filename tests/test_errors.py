"""Problems a user can fix: where, what, and what to do, in Dutch."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from brievenbus.errors import BriefError, DataError, OutputError, Problem, TemplateError, os_reason


def test_problem_says_where_what_and_what_to_do() -> None:
    assert (
        str(Problem(Path("data/clubs.yaml"), 3, "fout", "doe dit"))
        == "data/clubs.yaml:3: fout\n  → doe dit"
    )
    assert str(Problem(Path("data/clubs.yaml"), None, "fout")) == "data/clubs.yaml: fout"
    assert str(Problem(None, None, "fout", "doe dit")) == "fout\n  → doe dit"


def test_an_error_carries_all_its_problems() -> None:
    first = Problem(Path("a.yaml"), 1, "een")
    second = Problem(Path("b.yaml"), 2, "twee")
    error = DataError(first, second)
    assert error.problems == [first, second]
    assert str(error) == "a.yaml:1: een\nb.yaml:2: twee"


@pytest.mark.parametrize("kind", [DataError, TemplateError, OutputError])
def test_simple_makes_one_problem_of_the_right_kind(kind: type[BriefError]) -> None:
    error = kind.simple("bericht", "tip", Path("x"))
    assert isinstance(error, BriefError)
    assert type(error) is kind
    assert error.problems == [Problem(Path("x"), None, "bericht", "tip")]


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.ENOENT, "bestaat niet"),
        (errno.EACCES, "geen toegang"),
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EISDIR, "dat is een map"),
    ],
)
def test_os_reasons_in_dutch(number: int, reason: str) -> None:
    assert os_reason(OSError(number, "English text")) == reason


def test_an_unknown_os_reason_keeps_the_systems_text() -> None:
    assert os_reason(OSError(errno.EMLINK, "Too many links")) == "Too many links"
