"""What `brief init` left to fill in, per field, with its line and what it is for."""

from __future__ import annotations

from pathlib import Path

from brievenbus.inputs.models import ClubsFile
from brievenbus.inputs.readiness import EXAMPLE_EMAIL, PLACEHOLDER, is_placeholder, unready_fields
from brievenbus.inputs.validation import validate
from brievenbus.inputs.yaml_reader import read_yaml
from brievenbus.workspace_init import CLUBS_TEMPLATE


def test_placeholders() -> None:
    assert is_placeholder(f"Soroptimistclub {PLACEHOLDER}")
    assert is_placeholder("vul in")
    assert is_placeholder(f" {EXAMPLE_EMAIL.upper()} ")
    assert not is_placeholder("Huizen")


def test_every_field_of_a_fresh_club(tmp_path: Path) -> None:
    path = tmp_path / "clubs.yaml"
    path.write_text(CLUBS_TEMPLATE, encoding="utf-8")
    document = read_yaml(path)
    clubs = validate(document, ClubsFile).clubs
    problems = unready_fields(document, 0, clubs[0])
    assert [p.message for p in problems] == [
        f"clubs[0].naam: nog niet ingevuld ({PLACEHOLDER})",
        f"clubs[0].plaats: nog niet ingevuld ({PLACEHOLDER})",
        f"clubs[0].ondertekenaars[0].naam: nog niet ingevuld ({PLACEHOLDER})",
        f"clubs[0].secretariaat: nog niet ingevuld ({PLACEHOLDER})",
        f"clubs[0].email: nog het voorbeeldadres {EXAMPLE_EMAIL} van brief init",
        f"clubs[0].werkgebied[0]: nog niet ingevuld ({PLACEHOLDER})",
    ]
    assert problems[0].hint == "vul in: de naam van uw club zoals onder de brief"
    assert unready_fields(document, 1, clubs[1]) == []  # the default sender needs no signatory


def test_nobody_to_sign(tmp_path: Path) -> None:
    path = tmp_path / "clubs.yaml"
    path.write_text("clubs:\n  - id: a\n    naam: Club A\n", encoding="utf-8")
    document = read_yaml(path)
    club = validate(document, ClubsFile).clubs[0]
    (problem,) = unready_fields(document, 0, club)
    assert problem.message == "clubs[0].ondertekenaars: nog niemand die ondertekent"
    assert problem.hint.startswith("vul in: wie de brief ondertekent")
