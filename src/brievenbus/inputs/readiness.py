"""Is a club ready to sign letters? Every field `brief init` left for the user to fill in.

`brief init` writes ``VUL IN`` where a club must fill something in and an
example e-mail address. A club with any of those left, or (unless it is the
default sender) nobody to sign, is not ready: `brief controleer` lists every
such field with ``file:line`` and `brief genereer` refuses its letters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from brievenbus.errors import Problem
from brievenbus.inputs.models import Club, ClubsFile
from brievenbus.inputs.validation import describe_field
from brievenbus.inputs.yaml_reader import YamlDocument
from brievenbus.inputs.yaml_tree import Location

PLACEHOLDER = "VUL IN"  # what `brief init` puts where a club must fill something in
EXAMPLE_EMAIL = "vulin@soroptimist.nl"  # the e-mail address `brief init` writes


def is_placeholder(value: str) -> bool:
    """True for text that still holds what `brief init` wrote there."""
    folded = value.casefold()
    return PLACEHOLDER.casefold() in folded or folded.strip() == EXAMPLE_EMAIL


def unready_fields(document: YamlDocument, index: int, club: Club) -> list[Problem]:
    """Every field of the club at ``clubs[index]`` that must still be filled in."""
    clubs = document.data.get("clubs") if isinstance(document.data, dict) else None
    raw = clubs[index] if isinstance(clubs, list) and index < len(clubs) else {}
    problems = [
        document.problem(location, _what_is_left(value), _fill_in(location))
        for location, value in _text_values(raw, ("clubs", index))
        if is_placeholder(value)
    ]
    if not club.standaard and not any(s.naam or s.rol for s in club.ondertekenaars):
        location: Location = ("clubs", index, "ondertekenaars")
        problems.append(
            document.problem(location, "nog niemand die ondertekent", _fill_in(location))
        )
    return problems


def _what_is_left(value: str) -> str:
    if value.strip().casefold() == EXAMPLE_EMAIL:
        return f"nog het voorbeeldadres {EXAMPLE_EMAIL} van brief init"
    return f"nog niet ingevuld ({PLACEHOLDER})"


def _fill_in(location: Location) -> str:
    """What the user must write there: the field's purpose from the data model."""
    field_location = location if isinstance(location[-1], str) else location[:-1]
    purpose = describe_field(ClubsFile, field_location)
    return f"vul in: {purpose}" if purpose else "vul dit veld in"


def _text_values(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    """Every text in a block, with its location."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _text_values(item, (*location, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _text_values(item, (*location, position))
    elif isinstance(value, str):
        yield location, value
