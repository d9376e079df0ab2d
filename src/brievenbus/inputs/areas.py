"""Which club writes to which municipality: every `werkgebied` entry resolved, or an error.

An entry is a name, a common name or a CBS code. One that matches no
municipality, or several, or a municipality another club already claims, is
reported at its ``file:line`` with a suggestion: a typo must never make a
letter go out in another club's name.
"""

from __future__ import annotations

from collections.abc import Sequence

from brievenbus.errors import Problem
from brievenbus.inputs.lookup import MunicipalityIndex
from brievenbus.inputs.models import Club, Municipality
from brievenbus.inputs.readiness import is_placeholder
from brievenbus.inputs.yaml_reader import YamlDocument
from brievenbus.inputs.yaml_tree import Location


def resolve_areas(
    document: YamlDocument, clubs: Sequence[Club], index: MunicipalityIndex
) -> tuple[dict[str, str], list[Problem]]:
    """Municipality code → id of the club whose werkgebied names it; and the problems."""
    owners: dict[str, tuple[str, Location]] = {}  # code → (club id, where it is claimed)
    problems: list[Problem] = []
    for club_index, club in enumerate(clubs):
        for position, entry in enumerate(club.werkgebied):
            if is_placeholder(entry):
                continue  # reported as a field still to fill in (readiness)
            location = ("clubs", club_index, "werkgebied", position)
            matches = index.matches(entry)
            if len(matches) != 1:
                problems.append(document.problem(location, *_unresolved(entry, matches, index)))
                continue
            municipality = matches[0]
            owner = owners.setdefault(municipality.code, (club.id, location))
            if owner[0] != club.id:
                problems.append(
                    document.problem(
                        location,
                        f"{municipality.naam} staat ook in het werkgebied van club '{owner[0]}'"
                        f" (regel {document.line_of(owner[1])}); wie de brief ondertekent is zo"
                        " niet duidelijk",
                        "laat een gemeente bij één club horen: haal haar bij een van beide weg",
                    )
                )
    return {code: club_id for code, (club_id, _) in owners.items()}, problems


def _unresolved(
    entry: str, matches: Sequence[Municipality], index: MunicipalityIndex
) -> tuple[str, str]:
    """Message and hint for a werkgebied entry that is not exactly one municipality."""
    if matches:
        names = ", ".join(f"{m.naam} ({m.code})" for m in matches)
        return (
            f"werkgebied: '{entry}' past bij meer dan één gemeente: {names}",
            f"schrijf de volledige naam of de code, bv. {matches[0].code}",
        )
    close = index.suggestions(entry)
    hint = (
        "bedoelt u " + " of ".join(close) + "?"
        if close
        else "schrijf de naam of CBS-code (GMxxxx); 'brief gemeenten' toont ze allemaal"
    )
    return f"werkgebied: gemeente '{entry}' bestaat niet", hint
