"""The date rule of letters: which election, "in zicht" or "met het oog op", and late coalition letters.

Every boundary is tested with the day before and the day it changes.
"""

from __future__ import annotations

import datetime

import pytest

from brievenbus.inputs.models import Election
from brievenbus.letters.election_timing import (
    add_months,
    coalition_too_late,
    describe_when,
    election_days,
    last_election,
    letter_timing,
    months_since,
    next_election,
    timing_warnings,
)

D = datetime.date
REGULAR = Election(soort="gemeenteraadsverkiezingen", datum="2030-03", bron="test")
REGULAR_DAY = Election(soort="gemeenteraadsverkiezingen", datum="2030-03-20", bron="test")
MERGER = Election(soort="herindelingsverkiezingen", datum="2026-11", bron="test")
ELECTED = D(2026, 3, 18)


def test_month_or_day_as_written_in_a_letter() -> None:
    """A month-only date reads 'maart 2030'; a fixed day '20 maart 2030'."""
    assert describe_when("2030-03") == "maart 2030"
    assert describe_when("2030-03-20") == "20 maart 2030"
    assert election_days("2030-02") == (D(2030, 2, 1), D(2030, 2, 28))
    assert election_days("2030-03-20") == (D(2030, 3, 20), D(2030, 3, 20))


def test_add_months_keeps_the_day_or_takes_the_last_of_a_short_month() -> None:
    """31 August plus six months is 28 February; going back works too."""
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2030, 3, 1), -6) == D(2029, 9, 1)
    assert add_months(D(2026, 3, 18), 6) == D(2026, 9, 18)


@pytest.mark.parametrize(
    ("election", "on", "in_sight"),
    [
        (REGULAR, D(2026, 12, 1), False),  # years ahead
        (REGULAR, D(2029, 8, 31), False),  # the day before six months before March
        (REGULAR, D(2029, 9, 1), True),  # six months before 1 March 2030
        (REGULAR, D(2029, 11, 1), True),
        (REGULAR_DAY, D(2029, 9, 19), False),
        (REGULAR_DAY, D(2029, 9, 20), True),  # six months before 20 March 2030
    ],
)
def test_in_sight_only_in_the_six_months_before(
    election: Election, on: datetime.date, in_sight: bool
) -> None:
    """'In zicht' from six months before the election; before that 'met het oog op'."""
    coming = next_election(on, election)
    assert coming is not None
    assert coming.in_zicht is in_sight
    assert coming.soort == "gemeenteraadsverkiezingen"


@pytest.mark.parametrize(
    ("on", "kind", "when"),
    [
        (D(2026, 4, 1), "herindelingsverkiezingen", "november 2026"),
        (D(2026, 11, 30), "herindelingsverkiezingen", "november 2026"),  # the day is unknown
        (D(2026, 12, 1), "gemeenteraadsverkiezingen", "maart 2030"),
    ],
)
def test_own_herindelingsverkiezing_comes_first_while_it_is_to_come(
    on: datetime.date, kind: str, when: str
) -> None:
    """A municipality's own election is named until its month is over, then the regular one."""
    coming = next_election(on, REGULAR, MERGER, own_proposed=True)
    assert coming is not None
    assert (coming.soort, coming.wanneer) == (kind, when)
    assert coming.beoogd is (kind == "herindelingsverkiezingen")


def test_own_election_with_a_fixed_day_ends_that_day() -> None:
    """With a known day, the day after it the regular elections are next."""
    own = Election(soort="herindelingsverkiezingen", datum="2026-11-25", bron="test")
    assert next_election(D(2026, 11, 25), REGULAR, own).soort == "herindelingsverkiezingen"  # type: ignore[union-attr]
    assert next_election(D(2026, 11, 26), REGULAR, own).soort == "gemeenteraadsverkiezingen"  # type: ignore[union-attr]


def test_letter_before_the_sitting_council_was_elected_is_about_that_election() -> None:
    """Dated 23 September 2025 (the Huizen seed), the letter is about 18 March 2026, in sight."""
    sitting = Election(datum="2026-03-18", bron="Kiesraad")
    coming = next_election(D(2025, 9, 23), REGULAR, council_elected=sitting)
    assert coming is not None
    assert (coming.wanneer, coming.in_zicht) == ("18 maart 2026", True)
    assert next_election(D(2025, 9, 17), REGULAR, council_elected=sitting).in_zicht is False  # type: ignore[union-attr]
    assert next_election(D(2026, 3, 19), REGULAR, council_elected=sitting).wanneer == "maart 2030"  # type: ignore[union-attr]


def test_no_election_to_come_when_the_data_are_out_of_date() -> None:
    """After the last day of March 2030 the data know no next election: None, and a warning."""
    assert next_election(D(2030, 3, 31), REGULAR) is not None
    assert next_election(D(2030, 4, 1), REGULAR) is None
    assert next_election(D(2026, 12, 1), None) is None
    warnings = timing_warnings("verkiezingen", "Huizen", D(2030, 4, 1), None, None, ["x.yaml"])
    assert warnings == [
        "De verkiezingsbrief aan Huizen noemt geen verkiezingsdatum: de gegevens (x.yaml) kennen"
        " geen verkiezingen na 1 april 2030. Vul bij 'volgende_verkiezing' de datum van de"
        " volgende gemeenteraadsverkiezingen in."
    ]


@pytest.mark.parametrize(
    ("on", "late"),
    [
        (D(2026, 4, 28), False),  # the Almere seed: during the talks
        (D(2026, 9, 18), False),  # exactly six months after 18 March
        (D(2026, 9, 19), True),
        (D(2026, 12, 1), True),
    ],
)
def test_coalition_letter_is_late_after_six_months(on: datetime.date, late: bool) -> None:
    """More than six months after the election a coalition letter is probably too late."""
    assert coalition_too_late(ELECTED, on) is late
    previous = last_election(on, ELECTED)
    warnings = timing_warnings("coalitie", "Almere", on, None, previous)
    assert bool(warnings) is late


def test_late_coalition_warning_says_why_and_what_else() -> None:
    """The warning names the municipality, the date, the months since and the alternative."""
    previous = last_election(D(2026, 12, 1), ELECTED)
    (warning,) = timing_warnings("coalitie", "Almere", D(2026, 12, 1), None, previous)
    assert warning.startswith(
        "De coalitiebrief aan Almere is gedateerd 1 december 2026, 8 maanden na de"
        " gemeenteraadsverkiezingen van 18 maart 2026: het college is dan waarschijnlijk al gevormd."
    )
    assert "--context verkiezingen" in warning


def test_election_letters_get_no_coalition_warning() -> None:
    """An election letter long after the last election is normal."""
    previous = last_election(D(2029, 11, 1), ELECTED)
    coming = next_election(D(2029, 11, 1), REGULAR)
    assert timing_warnings("verkiezingen", "Huizen", D(2029, 11, 1), coming, previous) == []


def test_last_election_includes_a_past_herindelingsverkiezing() -> None:
    """After November 2026 the last election of a merging municipality is its own."""
    assert last_election(D(2026, 11, 30), None, MERGER) is None
    assert last_election(D(2026, 12, 1), None, MERGER) == (
        D(2026, 11, 30),
        "herindelingsverkiezingen",
        "november 2026",  # the day is not in the data: none is made up
    )
    assert last_election(D(2026, 3, 17), ELECTED) is None  # before the election


def test_months_since_counts_whole_months() -> None:
    """18 March → 17 April is 0 months, → 18 April is 1, → 1 December is 8."""
    assert months_since(ELECTED, D(2026, 4, 17)) == 0
    assert months_since(ELECTED, D(2026, 4, 18)) == 1
    assert months_since(ELECTED, D(2026, 12, 1)) == 8


@pytest.mark.parametrize(("on", "formed"), [(D(2026, 9, 18), False), (D(2026, 9, 19), True)])
def test_letter_timing_tells_templates_the_college_is_formed(
    on: datetime.date, formed: bool
) -> None:
    """`college_gevormd` turns true the day after six months, for every letter kind."""
    timing = letter_timing("coalitie", "Almere", on, REGULAR, ELECTED, "Kiesraad")
    assert timing.college_formed is formed
    assert bool(timing.warnings) is formed
    election = letter_timing("verkiezingen", "Almere", on, REGULAR, ELECTED, "Kiesraad")
    assert election.college_formed is formed
    assert election.warnings == ()
    assert election.election is not None
    assert election.election.wanneer == "maart 2030"
