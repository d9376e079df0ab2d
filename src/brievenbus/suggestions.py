"""Did-you-mean: one rule for every name a user can mistype (ids, kinds, fields, places)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

SIMILARITY = 0.7  # difflib ratio; below this a suggestion confuses more than it helps


def search_key(text: str) -> str:
    """Letters and digits only, without accents: 'Súdwest Fryslân' ~ 'sudwestfryslan'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def close_matches(value: str, options: Iterable[str], count: int = 1) -> list[str]:
    """The options most like ``value``, best first."""
    return difflib.get_close_matches(value, list(options), n=count, cutoff=SIMILARITY)


def did_you_mean(value: str, options: Iterable[str], otherwise: str) -> str:
    """'bedoelt u 'x'?' for the closest option, else the fallback hint."""
    close = close_matches(value, options)
    return f"bedoelt u '{close[0]}'?" if close else otherwise
