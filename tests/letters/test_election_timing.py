"""The date rule as a template gets it: the fields of an election, and the rule's small helpers.

The boundaries of the rule (in sight, late coalition letters) are in tests/test_election_timing.py.
"""

from __future__ import annotations

import datetime

from brievenbus.inputs.models import Election
from brievenbus.letters.election_timing import (
    ElectionTiming,
    add_months,
    letter_timing,
    months_since,
    timing,
    timing_warnings,
)

D = datetime.date
REGULAR = Election(datum="2030-03", bron="vierjaarlijkse cyclus")
OWN = Election(soort="herindelingsverkiezingen", datum="2026-11", bron="Rijksoverheid")


def test_an_election_as_a_template_sees_it() -> None:
    assert timing(OWN, D(2026, 6, 1), proposed=True) == ElectionTiming(
        soort="herindelingsverkiezingen",
        wanneer="november 2026",
        in_zicht=True,
        beoogd=True,
        bron="Rijksoverheid",
        eerste_dag=D(2026, 11, 1),
        laatste_dag=D(2026, 11, 30),
    )


def test_a_letter_for_a_merging_municipality_names_its_own_election() -> None:
    result = letter_timing(
        "verkiezingen", "Hilversum", D(2026, 6, 1), REGULAR, own=OWN, own_proposed=True
    )
    assert result.election is not None
    assert (result.election.soort, result.election.beoogd) == ("herindelingsverkiezingen", True)
    assert (result.college_formed, result.warnings) == (False, ())


def test_without_a_known_election_the_warning_names_no_sources_when_there_are_none() -> None:
    (warning,) = timing_warnings("verkiezingen", "Huizen", D(2031, 1, 2), None, None)
    assert warning.startswith(
        "De verkiezingsbrief aan Huizen noemt geen verkiezingsdatum: de gegevens kennen"
    )


def test_month_arithmetic_across_years_and_leap_days() -> None:
    assert add_months(D(2028, 2, 29), 12) == D(2029, 2, 28)
    assert add_months(D(2026, 1, 31), -2) == D(2025, 11, 30)
    assert months_since(D(2025, 12, 31), D(2026, 2, 27)) == 1
    assert months_since(D(2025, 12, 31), D(2026, 2, 28)) == 2  # the last day of a short month
    assert months_since(D(2025, 12, 31), D(2026, 3, 31)) == 3
