"""Which election a letter is about, and whether its wording fits the letter's date.

One rule, in one place (issue 18):

- An election letter names the next election from the data: the municipality's
  own herindelingsverkiezing when that is still to come, else the next regular
  council elections. Within ``IN_SIGHT_MONTHS`` before it the election is "in
  zicht"; further away the letter writes "met het oog op" it.
- A coalition letter is written during the coalition talks. Dated more than
  ``COALITION_MONTHS`` after the last election, the college is probably formed
  already: ``genereer`` and ``controleer`` warn.

Everything here is a pure function of data and a date, so it is tested with
dates on both sides of each boundary.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from brievenbus.dutch_formats import dutch_date, dutch_month
from brievenbus.inputs.models import Election

IN_SIGHT_MONTHS = 6  # "in zicht" from this many months before the election
COALITION_MONTHS = 6  # coalition talks are assumed over this long after an election


@dataclass(frozen=True)
class ElectionTiming:
    """An election as a template sees it (Dutch names)."""

    soort: str  # "gemeenteraadsverkiezingen" or "herindelingsverkiezingen"
    wanneer: str  # "maart 2030", or "18 maart 2026" once the day is fixed
    in_zicht: bool  # within IN_SIGHT_MONTHS: "Met de … in zicht"
    beoogd: bool  # part of a merger that is only proposed so far
    bron: str
    eerste_dag: datetime.date
    laatste_dag: datetime.date  # the same day when the day is known


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day so many months later (or earlier); the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def election_days(text: str) -> tuple[datetime.date, datetime.date]:
    """'2030-03' → (1 March 2030, 31 March 2030); '2026-03-18' → (18 March, 18 March)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = datetime.date(parts[0], parts[1], parts[2])
        return day, day
    year, month = parts
    return datetime.date(year, month, 1), datetime.date(
        year, month, calendar.monthrange(year, month)[1]
    )


def describe_when(text: str) -> str:
    """'2030-03' → 'maart 2030'; '2026-03-18' → '18 maart 2026'."""
    first, last = election_days(text)
    month = dutch_month(first.year, first.month)
    return month if first != last else f"{first.day} {month}"


def timing(election: Election, on: datetime.date, proposed: bool = False) -> ElectionTiming:
    """How a letter dated ``on`` speaks about this election."""
    first, last = election_days(election.datum)
    return ElectionTiming(
        soort=election.soort,
        wanneer=describe_when(election.datum),
        in_zicht=on >= add_months(first, -IN_SIGHT_MONTHS),
        beoogd=proposed,
        bron=election.bron,
        eerste_dag=first,
        laatste_dag=last,
    )


def next_election(
    on: datetime.date,
    regular: Election | None,
    own: Election | None = None,
    own_proposed: bool = False,
    council_elected: Election | None = None,
) -> ElectionTiming | None:
    """The first election not yet past on ``on``: the municipality's own, else the regular one.

    ``council_elected`` is the election of the sitting council: a letter dated
    before it is about that election. None when the data know of no election
    still to come (the regular date has passed, or is missing): the letter then
    speaks of "de volgende" elections.
    """
    candidates = [timing(own, on, own_proposed)] if own else []
    if council_elected:
        candidates.append(timing(council_elected, on))
    if regular:
        candidates.append(timing(regular, on))
    coming = [c for c in candidates if c.laatste_dag >= on]
    return min(coming, key=lambda c: c.eerste_dag) if coming else None


def last_election(
    on: datetime.date, council_elected: datetime.date | None, own: Election | None = None
) -> tuple[datetime.date, str, str] | None:
    """The latest election before ``on`` the data know of: (last possible day, kind, when).

    ``when`` is how a message names it: "18 maart 2026", or "november 2026"
    when only the month is known (never a made-up day).
    """
    known: list[tuple[datetime.date, str, str]] = []
    if council_elected and council_elected <= on:
        known.append(
            (
                council_elected,
                "gemeenteraadsverkiezingen",
                describe_when(council_elected.isoformat()),
            )
        )
    if own:
        last = election_days(own.datum)[1]
        if last < on:
            known.append((last, own.soort, describe_when(own.datum)))
    return max(known) if known else None


def months_since(start: datetime.date, on: datetime.date) -> int:
    """Whole months from ``start`` to ``on`` (18 March → 17 April is 0, → 18 April is 1)."""
    months = (on.year - start.year) * 12 + on.month - start.month
    return months - 1 if add_months(start, months) > on else months


def coalition_too_late(elected: datetime.date, on: datetime.date) -> bool:
    """True when a coalition letter comes more than COALITION_MONTHS after the election."""
    return on > add_months(elected, COALITION_MONTHS)


def timing_warnings(
    kind: str,
    municipality: str,
    on: datetime.date,
    coming: ElectionTiming | None,
    previous: tuple[datetime.date, str, str] | None,
    sources: Sequence[str] = (),
) -> list[str]:
    """What the user should know about the date of a letter (Dutch, one sentence each)."""
    warnings = []
    if kind == "coalitie" and previous and coalition_too_late(previous[0], on):
        elected, election_kind, when = previous
        warnings.append(
            f"De coalitiebrief aan {municipality} is gedateerd {dutch_date(on)}, "
            f"{months_since(elected, on)} maanden na de {election_kind} van "
            f"{when}: het college is dan waarschijnlijk al gevormd. De brief vraagt daarom om"
            " een plaats in het beleid van de gemeente en de begroting, niet in de"
            " onderhandelingen."
            " Wilt u de verkiezingsbrief, gebruik dan --context verkiezingen; is de brief"
            " eerder geschreven, kies dan die datum met --datum."
        )
    if kind == "verkiezingen" and coming is None:
        where = f" ({', '.join(sources)})" if sources else ""
        warnings.append(
            f"De verkiezingsbrief aan {municipality} noemt geen verkiezingsdatum: de gegevens"
            f"{where} kennen geen verkiezingen na {dutch_date(on)}. Vul bij"
            " 'volgende_verkiezing' de datum van de volgende gemeenteraadsverkiezingen in."
        )
    return warnings


@dataclass(frozen=True)
class LetterTiming:
    """What the date rule says about one letter: the election, the college, the warnings."""

    election: ElectionTiming | None  # the template variable `verkiezing`
    college_formed: bool  # the template variable `college_gevormd`: talks probably over
    warnings: tuple[str, ...]


def letter_timing(
    kind: str,
    municipality: str,
    on: datetime.date,
    regular: Election | None,
    council_elected: datetime.date | None = None,
    council_source: str | None = None,
    own: Election | None = None,
    own_proposed: bool = False,
    sources: Sequence[str] = (),
) -> LetterTiming:
    """The whole rule for one letter: which election, whether the talks are over, warnings.

    ``council_elected`` is the date the sitting council was elected; ``own`` a
    municipality's herindelingsverkiezing (``own_proposed`` while the merger is
    only proposed).
    """
    sitting = (
        Election(datum=council_elected.isoformat(), bron=council_source or "gemeenteraad")
        if council_elected
        else None
    )
    coming = next_election(on, regular, own, own_proposed, sitting)
    previous = last_election(on, council_elected, own)
    formed = previous is not None and coalition_too_late(previous[0], on)
    warnings = timing_warnings(kind, municipality, on, coming, previous, sources)
    return LetterTiming(coming, formed, tuple(warnings))
