"""Small pieces of Dutch for messages: a count with the right noun, a short list of names."""

from __future__ import annotations

from collections.abc import Sequence


def count(number: int, singular: str, plural: str) -> str:
    """'1 brief', '2 brieven', '0 brieven'."""
    return f"{number} {singular if number == 1 else plural}"


def short_list(names: Sequence[str], shown: int = 3) -> str:
    """'a', 'a en b', 'a, b en c', or 'a, b, c en 4 andere' when there are more."""
    names = list(names)
    if len(names) > shown:
        return f"{', '.join(names[:shown])} en {len(names) - shown} andere"
    if len(names) > 1:
        return f"{', '.join(names[:-1])} en {names[-1]}"
    return names[0] if names else ""
