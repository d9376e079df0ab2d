"""Dutch for the texts that libraries (Click inside Typer, pydantic) would show in English.

The translations live in a gettext catalogue shipped with the package
(``locale/nl/LC_MESSAGES/brief.po``, compiled to ``brief.mo``). A msgid with
``{name}`` parts is a pattern: ``Invalid value for {hint}: {message}`` matches
the whole English message, and a part called ``message`` is translated in turn.
``cli/dutch.py`` binds the catalogue to Typer's help and errors; data
validation uses ``translate`` for pydantic's reasons.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "brief"

_PLACEHOLDER = re.compile(r"\{(\w+)(?:![rsa])?\}")
# Parts of a pattern that are themselves a library message, translated in turn.
_NESTED = {"message"}
# Parts that list choices in English ("'heer' or 'mevrouw'", "--club, --context").
_CHOICES = {"expected", "options"}


@cache
def catalogue() -> gettext.GNUTranslations:
    """The Dutch catalogue shipped with the package."""
    translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=["nl"])
    assert isinstance(translations, gettext.GNUTranslations)
    return translations


def catalogue_entries() -> dict[str, str]:
    """Every msgid with its Dutch text."""
    entries: dict[Any, Any] = vars(catalogue())["_catalog"]
    return {key: value for key, value in entries.items() if isinstance(key, str) and key}


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """The msgids with parts, as anchored patterns; the most literal text first."""
    found = []
    for msgid, msgstr in catalogue_entries().items():
        if not _PLACEHOLDER.search(msgid):
            continue
        regex, position = "", 0
        for match in _PLACEHOLDER.finditer(msgid):
            regex += re.escape(msgid[position : match.start()]) + f"(?P<{match.group(1)}>.+?)"
            position = match.end()
        regex += re.escape(msgid[position:])
        found.append((re.compile(regex, re.DOTALL), _PLACEHOLDER.sub(r"{\1}", msgstr)))
    found.sort(key=lambda pattern: -len(_PLACEHOLDER.sub("", pattern[0].pattern)))
    return found


def translate(text: str) -> str:
    """A library's English message in Dutch; text the catalogue does not know stays as it is."""
    dutch = catalogue().gettext(text)
    if dutch != text:
        return dutch
    for pattern, template in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        for name, value in parts.items():
            if name in _NESTED:
                parts[name] = translate(value)
            elif name in _CHOICES:
                parts[name] = dutch_choices(value)
        return template.format(**parts)
    return text


def dutch_choices(text: str) -> str:
    """'a', 'b' or 'c' / a, b, c → 'a', 'b' of 'c' / a, b of c."""
    text = text.replace("' or '", "' of '")
    if " of " not in text and ", " in text:
        head, _, last = text.rpartition(", ")
        text = f"{head} of {last}"
    return text
