"""Municipal reorganisations (herindelingen) as the data record them.

A merger stays "beoogd" (proposed) until the data say it is "besloten"
(decided). From its date on, a decided merger changes the letters: they go
to the continuing municipality, with the summed inhabitants and the council
the data give for after the merger. A proposed merger whose date has passed
changes nothing, but gets a warning: the data need updating.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from brievenbus.dutch_formats import dutch_date
from brievenbus.inputs.models import Council, Merger, Municipality, Population


@dataclass(frozen=True)
class MergerInfo:
    """A merger and the municipalities in it: the one that continues and those that join."""

    merger: Merger
    continuing: Municipality
    joining: tuple[Municipality, ...]

    @property
    def decided(self) -> bool:
        """The law is passed (the data say 'besloten')."""
        return self.merger.status == "besloten"

    def in_effect(self, on: datetime.date) -> bool:
        """A decided merger on or after its date."""
        return self.decided and on >= self.merger.datum


def merger_index(municipalities: Sequence[Municipality]) -> dict[str, MergerInfo]:
    """Code of every municipality in a merger → that merger."""
    by_code = {m.code: m for m in municipalities}
    index: dict[str, MergerInfo] = {}
    for municipality in municipalities:
        merger = municipality.herindeling
        if merger is None:
            continue
        joining = tuple(by_code[c] for c in merger.voegt_toe if c in by_code)
        info = MergerInfo(merger, municipality, joining)
        for member in (municipality, *joining):
            index[member.code] = info
    return index


def as_of(municipality: Municipality, info: MergerInfo | None, on: datetime.date) -> Municipality:
    """The municipality a letter dated ``on`` goes to: after a decided merger, the new one."""
    if info is None or not info.in_effect(on):
        return municipality
    members = (info.continuing, *info.joining)
    names = [m.naam for m in members]
    doubtful = [m.inwoners.controleren for m in members if m.inwoners.controleren]
    inhabitants = Population(
        aantal=sum(m.inwoners.aantal for m in members),
        peildatum=info.continuing.inwoners.peildatum,
        bron="som van " + " en ".join(f"{m.naam} ({m.inwoners.bron})" for m in members),
        controleren="; ".join(doubtful) or None,
    )
    since = dutch_date(info.merger.datum)
    remark = f"Sinds {since} samen met {', '.join(names[1:])} ({info.merger.bron})."
    return info.continuing.model_copy(
        update={
            "naam": info.merger.naam or info.continuing.naam,
            "naam_gangbaar": None if info.merger.naam else info.continuing.naam_gangbaar,
            "inwoners": inhabitants,
            "raad": info.merger.raad or Council(opmerking=remark),
            "herindeling": None,
        }
    )


def merger_warnings(
    municipality: Municipality, info: MergerInfo | None, on: datetime.date
) -> list[str]:
    """A proposed merger whose date has passed: the data should say whether it went ahead."""
    if info is None or info.decided or on < info.merger.datum:
        return []
    names = " en ".join(m.naam for m in (info.continuing, *info.joining))
    day = dutch_date(info.merger.datum)
    return [
        f"De herindeling van {names} per {day} staat in de gegevens nog als beoogd;"
        f" de brief aan {municipality.naam} gaat uit van de oude gemeente. Zet bij"
        " 'herindeling' de status op 'besloten' als de wet is aangenomen."
    ]
