"""Planning one letter: which kind, which measures, and which club signs it.

Everything that can stop a letter before it is rendered is decided here, so a
batch fails on an unknown kind, measure or unfilled sender before it writes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from brievenbus.errors import DataError, Problem
from brievenbus.fileio import display_path
from brievenbus.inputs.dataset import Dataset
from brievenbus.inputs.models import Club, Measure, Municipality, Party
from brievenbus.letters.paths import letter_path
from brievenbus.suggestions import did_you_mean

DEFAULT_KIND = "verkiezingen"


@dataclass(frozen=True)
class LetterPlan:
    """One letter to make: to whom, which kind, which measures, signed by which club."""

    municipality: Municipality
    kind: str
    date: datetime.date
    club: Club
    measures: tuple[Measure, ...]
    party: Party | None = None
    via_clerk: bool = False  # one letter to the whole council, through the griffie

    @property
    def relative_path(self) -> Path:
        """Where the letter goes inside the output folder."""
        party = self.party.naam if self.party else None
        return letter_path(self.municipality.naam, party, self.via_clerk)


def plan_letter(
    dataset: Dataset,
    kinds: Sequence[str],
    municipality: Municipality,
    kind: str | None = None,
    date: datetime.date | None = None,
    measure_ids: Sequence[str] = (),
    party: Party | None = None,
    via_clerk: bool = False,
    *,
    require_ready: bool = True,
) -> LetterPlan:
    """Decide kind, measures and sender for one letter.

    A sender that still has fields to fill in stops the letter, unless
    ``require_ready`` is off (`brief controleer` renders it all the same).
    """
    kind = kind or municipality.context or DEFAULT_KIND
    if kind not in kinds:
        raise DataError.simple(
            f"briefsoort '{kind}' bestaat niet",
            did_you_mean(kind, kinds, "beschikbaar: " + ", ".join(kinds)),
        )
    club = dataset.club_for(municipality)
    if require_ready and (unready := dataset.unready_fields(club)):
        raise DataError(not_ready_problem(dataset, club), *unready)
    return LetterPlan(
        municipality=municipality,
        kind=kind,
        date=date or datetime.date.today(),
        club=club,
        measures=select_measures(dataset, municipality, kind, measure_ids),
        party=party,
        via_clerk=via_clerk,
    )


def not_ready_problem(dataset: Dataset, club: Club) -> Problem:
    """The line above the list of fields to fill in: which club, and that no letter was made."""
    return Problem(
        display_path(dataset.paths["clubs"]),
        None,
        f"club '{club.id}' is nog niet klaar om brieven te ondertekenen; er is geen brief"
        " gemaakt. Vul eerst deze velden in:",
    )


def select_measures(
    dataset: Dataset, municipality: Municipality, kind: str, measure_ids: Sequence[str] = ()
) -> tuple[Measure, ...]:
    """Measures from the command line, else the municipality's, else the defaults."""
    catalogue = dataset.measures
    for measure_id in measure_ids:
        if measure_id not in catalogue:
            raise DataError.simple(
                f"maatregel '{measure_id}' bestaat niet",
                did_you_mean(measure_id, catalogue, "'brief maatregelen' toont de catalogus"),
            )
    if measure_ids:
        chosen = [catalogue[i] for i in dict.fromkeys(measure_ids)]
    elif municipality.maatregelen is not None:
        chosen = [catalogue[i] for i in municipality.maatregelen]
    else:
        chosen = [m for m in catalogue.values() if m.standaard and kind in m.contexten]
    return tuple(sorted(chosen, key=lambda m: m.sort_key))
