"""Region names and codes as CBS writes them, matched to our municipalities.

StatLine names a municipality that shares its name with its province
``Utrecht (gemeente)`` and the province ``Utrecht (PV)``; other region kinds
carry their own mark (``(LD)`` landsdeel, ``(CR)`` COROP area, ``(VT)`` Veilig
Thuis region, …). The open-data service uses code keys padded with spaces
(``GM0034  ``). A region is only ever matched to a municipality by its code
or by a municipality's own name, never because a province or region happens
to be called the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from brievenbus.inputs.models import Municipality
from brievenbus.suggestions import search_key

RegionKind = Literal["gemeente", "opgeheven", "regio", "onbekend"]

# StatLine's marks after a region name, and the region kind in words.
REGION_MARKS: dict[str, str] = {
    "PV": "provincie",
    "LD": "landsdeel",
    "CR": "COROP-gebied",
    "VT": "Veilig Thuis-regio",
    "GGD": "GGD-regio",
    "GG": "GGD-regio",
    "VR": "veiligheidsregio",
    "RE": "politie-eenheid",
    "JZ": "jeugdzorgregio",
    "AM": "arbeidsmarktregio",
}
# CBS region codes that are no municipality: the two letters → kind in words.
REGION_CODES: dict[str, str] = {
    "NL": "land",
    "LD": "landsdeel",
    "PV": "provincie",
    "CR": "COROP-gebied",
    "VT": "Veilig Thuis-regio",
    "GG": "GGD-regio",
    "VR": "veiligheidsregio",
    "RE": "politie-eenheid",
    "JZ": "jeugdzorgregio",
    "AM": "arbeidsmarktregio",
}
COUNTRY_NAMES = {"nederland"}

# Municipalities merged away since 2022, as CBS still names them in older periods
# (the mergers recorded in data/bronnen/BRONNEN.md §1). Their figures never go to the
# new municipality: a part is not the whole.
FORMER_MUNICIPALITIES: dict[str, str] = {
    "Weesp": "Amsterdam",
    "Beemster": "Purmerend",
    "Heerhugowaard": "Dijk en Waard",
    "Langedijk": "Dijk en Waard",
    "Boxmeer": "Land van Cuijk",
    "Cuijk": "Land van Cuijk",
    "Grave": "Land van Cuijk",
    "Mill en Sint Hubert": "Land van Cuijk",
    "Sint Anthonis": "Land van Cuijk",
    "Landerd": "Maashorst",
    "Uden": "Maashorst",
    "Brielle": "Voorne aan Zee",
    "Hellevoetsluis": "Voorne aan Zee",
    "Westvoorne": "Voorne aan Zee",
}
FORMER_CODES: dict[str, str] = {
    "GM0457": "Weesp",
    "GM0370": "Beemster",
    "GM0398": "Heerhugowaard",
    "GM0416": "Langedijk",
    "GM0501": "Brielle",
    "GM0530": "Hellevoetsluis",
    "GM0614": "Westvoorne",
}

_MARK = re.compile(r"^(?P<name>.*?)\s*\((?P<mark>[^()]*)\)\s*$")
_CODE = re.compile(r"^(?P<kind>[A-Z]{2})\d{2,4}$")
_MUNICIPALITY_MARK = "gemeente"


@dataclass(frozen=True)
class Region:
    """What a region in a CBS table is: one of our municipalities, or something else."""

    kind: RegionKind
    label: str  # the name as CBS wrote it (for the report)
    code: str | None = None  # our municipality's code, for kind 'gemeente'
    detail: str = ""  # e.g. 'provincie', or 'nu Amsterdam' for a merged municipality


class RegionMatcher:
    """Match StatLine names and CBS code keys to the municipalities in our data."""

    def __init__(self, municipalities: Sequence[Municipality]) -> None:
        self.codes = {m.code for m in municipalities}
        self.by_name: dict[str, str] = {}
        for municipality in municipalities:
            for name in (municipality.naam, municipality.common_name):
                self.by_name.setdefault(_name_key(name), municipality.code)
        self.former = {_name_key(n): successor for n, successor in FORMER_MUNICIPALITIES.items()}

    def match_code(self, key: str, title: str = "") -> Region:
        """A region by its code key ('GM0034  ', 'PV24  ', 'NL01  '), never by its title."""
        code = key.strip().upper()
        label = title.strip() or code
        if code in self.codes:
            return Region("gemeente", label, code)
        if code.startswith("GM"):
            name = FORMER_CODES.get(code) or title.strip()
            successor = FORMER_MUNICIPALITIES.get(name)
            if successor:
                return Region("opgeheven", f"{name} ({code})", detail=f"nu {successor}")
            return Region("onbekend", f"{label} ({code})" if title.strip() else code)
        match = _CODE.match(code)
        if match:
            return Region("regio", label, detail=REGION_CODES.get(match["kind"], "regio"))
        return Region("onbekend", label)

    def match(self, text: str) -> Region:
        """A region as StatLine writes it: a name (with its mark) or a code."""
        label = " ".join(text.split())
        if _CODE.match(label.upper()):
            return self.match_code(label)
        own_name = self.by_name.get(_name_key(label))  # 'Bergen (NH.)' is a municipality's name
        if own_name is not None:
            return Region("gemeente", label, own_name)
        marked = _MARK.match(label)
        if marked and marked["mark"].strip().lower() == _MUNICIPALITY_MARK:
            return self._municipality_by_name(marked["name"], label)
        if marked:
            mark = marked["mark"].strip().rstrip(".").upper()
            if mark in REGION_MARKS:
                return Region("regio", label, detail=REGION_MARKS[mark])
        if search_key(label) in COUNTRY_NAMES:
            return Region("regio", label, detail="land")
        return self._municipality_by_name(label, label)

    def _municipality_by_name(self, name: str, label: str) -> Region:
        key = _name_key(name)
        if key in self.by_name:
            return Region("gemeente", label, self.by_name[key])
        if key in self.former:
            return Region("opgeheven", label, detail=f"nu {self.former[key]}")
        return Region("onbekend", label)


def _name_key(name: str) -> str:
    """'Bergen (NH.)' ~ 'Bergen (NH)'; "'s-Gravenhage" ~ 's-Gravenhage'; accents ignored."""
    return search_key(name)
