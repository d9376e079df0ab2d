"""Campaign follow-up (DESIGN §12): sent, answered, promised, per letter subject.

Follow-up belongs to a letter's subject — (municipality code, party or '',
letter kind) — not to its file or bytes, so a new batch (another date, new
data, ``--overschrijf``) keeps every record. It lives in its own table of the
output folder's register (``followup``, created beside ``letters`` and
``written``, which batches touch; this table only ``brief opvolging`` writes).

Steps: ``open_followup`` → ``overview`` (letters joined with follow-up, with
province and club from the data) → ``count`` per province, club or party;
changes come from ``mark`` (one command) or ``merge`` (a filled Excel
register) and are saved with ``FollowUpRegister.save`` in one transaction.
"""

from __future__ import annotations

import datetime
import enum
import re
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from brievenbus.errors import OutputError
from brievenbus.fileio import display_path
from brievenbus.inputs.dataset import Dataset
from brievenbus.output.register import REGISTER_NAME, Register, now, register_error

FOLLOWUP_SCHEMA = "1"  # meta key 'followup_schema'; a later version migrates from here
_SCHEMA = """
CREATE TABLE IF NOT EXISTS followup (
    municipality_code TEXT NOT NULL,
    party TEXT NOT NULL DEFAULT '',   -- '' for a letter to the whole council
    kind TEXT NOT NULL,
    sent TEXT NOT NULL DEFAULT '',    -- ISO date, '' when not (yet) sent
    answered TEXT NOT NULL DEFAULT '',
    promise TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    time TEXT NOT NULL,
    PRIMARY KEY (municipality_code, party, kind)
) WITHOUT ROWID
"""
FIELDS = ("sent", "answered", "promise", "note")
LABELS = {"sent": "verstuurd", "answered": "antwoord", "promise": "toezegging", "note": "notitie"}
WHOLE_COUNCIL = "(hele raad)"  # how a letter to the whole council shows in the party column
UNKNOWN = "onbekend"
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


class Subject(NamedTuple):
    """What a letter is about: the key of its follow-up."""

    code: str
    party: str
    kind: str


@dataclass(frozen=True)
class FollowUp:
    """What happened after a letter was made; dates as ISO text, '' when unknown."""

    sent: str = ""
    answered: str = ""
    promise: str = ""
    note: str = ""

    @property
    def counts_as_sent(self) -> bool:
        """An answer proves the letter went out, even when nobody noted the date."""
        return bool(self.sent or self.answered)


class Grouping(enum.StrEnum):
    """How `brief opvolging` groups its table (the values are the Dutch choices)."""

    PROVINCE = "provincie"
    CLUB = "club"
    PARTY = "fractie"


@dataclass(frozen=True)
class LetterFollowUp:
    """One letter with its follow-up, as the table, Excel register and report show it."""

    subject: Subject
    municipality: str
    province: str
    club: str
    path: str
    followup: FollowUp

    @property
    def party_label(self) -> str:
        """The party, or '(hele raad)' for a letter to the whole council."""
        return self.subject.party or WHOLE_COUNCIL


@dataclass
class Tally:
    """Counts for one group (or all letters)."""

    letters: int = 0
    sent: int = 0
    answered: int = 0
    promises: int = 0

    def add(self, followup: FollowUp) -> None:
        """Count one letter."""
        self.letters += 1
        self.sent += followup.counts_as_sent
        self.answered += bool(followup.answered)
        self.promises += bool(followup.promise)

    @property
    def response_rate(self) -> float | None:
        """Answered as a share of those sent; None when nothing was sent."""
        return self.answered / self.sent if self.sent else None

    @property
    def percent(self) -> str:
        """The response rate as '45 %', or '–' when nothing was sent."""
        rate = self.response_rate
        return "–" if rate is None else f"{round(100 * rate)} %"

    def cells(self) -> tuple[str, str, str, str, str]:
        """letters, sent, answered, promises and % answered: a row of every follow-up table."""
        return (
            str(self.letters),
            str(self.sent),
            str(self.answered),
            str(self.promises),
            self.percent,
        )


@dataclass(frozen=True)
class Conflict:
    """Two different values for one field of one letter."""

    subject: Subject
    label: str
    old: str
    old_source: str
    new: str
    new_source: str


@dataclass
class Merged:
    """The result of reading follow-up in: what changes and what disagreed."""

    changes: dict[Subject, FollowUp] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)


def read_date(text: str, today: datetime.date | None = None) -> datetime.date | None:
    """'vandaag', 2026-05-03 or 3-5-2026 as a date; None when it is none of these."""
    value = text.strip()
    if value.lower() == "vandaag":
        return today or datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    if match := _DUTCH_DATE.fullmatch(value):
        day, month, year = (int(part) for part in match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            return None
    return None


class FollowUpRegister:
    """The follow-up table of an output folder's register."""

    def __init__(self, register: Register) -> None:
        self.register = register

    @classmethod
    def open(cls, output_dir: Path) -> FollowUpRegister:
        """The register of a folder brief wrote letters in; a Dutch error otherwise."""
        if not (output_dir / REGISTER_NAME).is_file():
            raise OutputError.simple(
                f"in {display_path(output_dir)} heeft brief nog geen brieven geschreven",
                "maak eerst de brieven (brief genereer … --uitvoer MAP) of kies de map"
                " met de brieven met --uitvoer MAP",
            )
        register = Register.open(output_dir)
        try:
            with register.transaction() as connection:
                connection.execute(_SCHEMA)
                connection.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('followup_schema', ?)", (FOLLOWUP_SCHEMA,)
                )
        except BaseException:
            register.close()
            raise
        return cls(register)

    def close(self) -> None:
        """Close the register."""
        self.register.close()

    def __enter__(self) -> FollowUpRegister:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def letters(self) -> dict[Subject, str]:
        """The subject and file of every letter in the folder (a failed one never got there).

        Only the columns follow-up needs: for 2,659 letters this is four times
        faster than ``Register.letters``.
        """
        try:
            rows = self.register.connection.execute(
                "SELECT municipality_code, party, kind, path FROM letters"
                " WHERE sha256 != '' ORDER BY path"
            ).fetchall()
        except sqlite3.Error as error:
            raise register_error(self.register.output_dir, error) from None
        letters: dict[Subject, str] = {}
        for code, party, kind, path in rows:
            letters.setdefault(Subject(code, party, kind), path)
        return letters

    def known_versions(self, path: str) -> set[str]:
        """The sha256 of every version of a file (relative path) the tool wrote here."""
        rows = self.register.connection.execute(
            "SELECT sha256 FROM written WHERE path = ?", (path,)
        ).fetchall()
        return {sha256 for (sha256,) in rows}

    def records(self) -> dict[Subject, FollowUp]:
        """All follow-up, by subject."""
        try:
            rows = self.register.connection.execute(
                "SELECT municipality_code, party, kind, sent, answered, promise, note FROM followup"
            ).fetchall()
        except sqlite3.Error as error:
            raise register_error(self.register.output_dir, error) from None
        return {Subject(*row[:3]): FollowUp(*row[3:]) for row in rows}

    def save(self, changes: Mapping[Subject, FollowUp]) -> None:
        """Store the changed records, all or none."""
        stamp = now()
        with self.register.transaction(durable=True) as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO followup VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (*subject, f.sent, f.answered, f.promise, f.note, stamp)
                    for subject, f in changes.items()
                ),
            )


def overview(
    dataset: Dataset, letters: Mapping[Subject, str], records: Mapping[Subject, FollowUp]
) -> list[LetterFollowUp]:
    """Every letter in the folder (and any follow-up read in for others), with its place."""
    by_code = dataset.municipality_by_code
    clubs: dict[str, str] = {}
    rows = []
    for subject in {**dict.fromkeys(letters), **dict.fromkeys(records)}:
        municipality = by_code.get(subject.code)
        if municipality is not None and subject.code not in clubs:
            clubs[subject.code] = dataset.club_for(municipality).naam
        rows.append(
            LetterFollowUp(
                subject=subject,
                municipality=municipality.naam if municipality else subject.code,
                province=municipality.provincie if municipality else UNKNOWN,
                club=clubs.get(subject.code, UNKNOWN),
                path=letters.get(subject, ""),
                followup=records.get(subject, FollowUp()),
            )
        )
    rows.sort(key=lambda r: (r.province, r.municipality, r.subject.party, r.subject.kind))
    return rows


def count(rows: Iterable[LetterFollowUp], per: Grouping) -> tuple[list[tuple[str, Tally]], Tally]:
    """Tallies per group, sorted by name, and the total."""
    groups: dict[str, Tally] = {}
    total = Tally()
    for row in rows:
        if per is Grouping.PROVINCE:
            name = row.province
        elif per is Grouping.CLUB:
            name = row.club
        else:
            name = row.party_label
        groups.setdefault(name, Tally()).add(row.followup)
        total.add(row.followup)
    return sorted(groups.items(), key=lambda item: item[0].casefold()), total


def mark(
    records: Mapping[Subject, FollowUp], subjects: Iterable[Subject], values: Mapping[str, str]
) -> dict[Subject, FollowUp]:
    """The given fields set on every subject (an empty value clears a field)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown follow-up fields: {sorted(unknown)}")
    return {s: replace(records.get(s, FollowUp()), **values) for s in subjects}


def merge(
    records: Mapping[Subject, FollowUp],
    incoming: Iterable[tuple[str, Subject, FollowUp]],
    overwrite: bool = False,
) -> Merged:
    """Read follow-up in: empty cells change nothing; a different value is a conflict,
    which the incoming value wins only with ``overwrite``. ``incoming`` holds
    (where, subject, follow-up), where naming the row ('rij 12')."""
    merged = Merged()
    sources: dict[tuple[Subject, str], str] = {}
    for where, subject, new in incoming:
        current = merged.changes.get(subject) or records.get(subject, FollowUp())
        values = {}
        for name in FIELDS:
            old_value, new_value = getattr(current, name), getattr(new, name)
            if not new_value or new_value == old_value:
                continue
            if old_value:
                merged.conflicts.append(
                    Conflict(
                        subject,
                        LABELS[name],
                        old_value,
                        sources.get((subject, name), "het register"),
                        new_value,
                        where,
                    )
                )
                if not overwrite:
                    continue
            values[name] = new_value
            sources[(subject, name)] = where
        if values:
            merged.changes[subject] = replace(current, **values)
    return merged


def subjects_of(letters: Iterable[Subject], code: str, party: str | None) -> list[Subject]:
    """The letters in the folder to a municipality (and one party)."""
    return sorted(s for s in letters if s.code == code and (party is None or s.party == party))


def letters_elsewhere(
    letters: Collection[Subject], incoming: Iterable[tuple[str, Subject, FollowUp]]
) -> list[tuple[str, Subject]]:
    """Filled rows about letters this folder does not hold (a club wrote them elsewhere)."""
    return [
        (where, subject)
        for where, subject, followup in incoming
        if subject not in letters and followup != FollowUp()
    ]


def describe_conflict(conflict: Conflict, names: Mapping[str, str], file_name: str) -> str:
    """'rij 14: Huizen · PvdA · verkiezingen: antwoord 2026-05-03, het register zegt …'."""
    subject = conflict.subject
    what = " · ".join(
        (names.get(subject.code, subject.code), subject.party or WHOLE_COUNCIL, subject.kind)
    )
    elsewhere = (
        conflict.old_source
        if conflict.old_source == "het register"
        else f"{conflict.old_source} van {file_name}"
    )
    return (
        f"{conflict.new_source}: {what}: {conflict.label} '{conflict.new}',"
        f" maar {elsewhere} zegt '{conflict.old}'"
    )
