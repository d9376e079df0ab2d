"""Finding a municipality by what a user types: code, official name, common name."""

from __future__ import annotations

from collections.abc import Sequence

from brievenbus.inputs.models import Municipality
from brievenbus.suggestions import close_matches, search_key


class MunicipalityIndex:
    """Municipalities by code and by every name a user may use for them."""

    def __init__(self, municipalities: Sequence[Municipality]) -> None:
        self.municipalities = list(municipalities)
        self.by_code = {m.code: m for m in municipalities}
        self.by_key: dict[str, list[Municipality]] = {}
        for municipality in municipalities:
            for key in names_of(municipality):
                self.by_key.setdefault(key, []).append(municipality)

    def matches(self, query: str) -> list[Municipality]:
        """The municipalities a query can mean: one, none, or several ('Bergen')."""
        wanted = query.strip()
        if wanted.upper() in self.by_code:
            return [self.by_code[wanted.upper()]]
        key = search_key(wanted)
        found = list({m.code: m for m in self.by_key.get(key, [])}.values())
        if not found:  # 'Bergen' matches 'Bergen (NH)' and 'Bergen (L)'
            found = [m for m in self.municipalities if search_key(base_name(m.naam)) == key]
        return found

    def suggestions(self, query: str) -> list[str]:
        """Official names close to a mistyped query, best first."""
        close = close_matches(search_key(query), self.by_key, count=3)
        return list(dict.fromkeys(self.by_key[key][0].naam for key in close))


def base_name(name: str) -> str:
    """'Bergen (NH)' → 'Bergen'."""
    return name.split(" (", maxsplit=1)[0]


def names_of(municipality: Municipality) -> set[str]:
    """Search keys of a municipality's official and common name."""
    return {search_key(municipality.naam), search_key(municipality.common_name)}
