"""YAML parser events → plain values and the line of every key and item, within limits.

The tree is built from libyaml's event stream by hand, without recursion, so
that a hostile file fails at once instead of after minutes: anchors and
aliases are refused (a 382-byte alias bomb grows into gigabytes; our data
never needs them), nesting stops at ``MAX_DEPTH``, a key must be plain text,
and a value may hold no invisible control characters (they would reach the
terminal and the letter). Every scalar stays a string; pydantic converts it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brievenbus.errors import DataError, Problem
from brievenbus.fileio import display_path

if TYPE_CHECKING:
    import yaml

Location = tuple[str | int, ...]

# The data files nest at most five levels (gemeenten → gemeente → raad → fracties →
# fractie); twenty leaves room for a user's own structure, not for a nesting bomb.
MAX_DEPTH = 20
MAX_VALUES = 200_000  # all 342 municipalities with their parties take about 12.500
# Control characters: invisible, they can rewrite the terminal (escape sequences)
# and XML cannot hold most of them. Tab and line breaks are ordinary text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_NULL_TAG = "tag:yaml.org,2002:null"


def describe_control(character: str) -> str:
    """'\\x1b' → 'U+001B (Escape)' style: how a user can find the character."""
    names = {"\x00": "NUL", "\x1b": "Escape", "\x7f": "Delete", "\x08": "Backspace"}
    name = names.get(character)
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


# Quotes a word processor or TextEdit types instead of " and ': not quotes to YAML.
CURLY_QUOTES = "“”„‘’‚«»"
OPENING_QUOTES = "“„‘‚«"
CURLY_QUOTE_PROBLEM = (
    "gekrulde aanhalingstekens (“ ” of ‘ ’) tellen in YAML niet als aanhalingstekens",
    "vervang ze door rechte aanhalingstekens (\" of '); in TextEdit: zet Wijzig → Vervangingen"
    " → Slimme aanhalingstekens uit, of gebruik een teksteditor als VS Code",
)


@dataclass
class _Frame:
    """An open mapping or sequence; ``value`` is None when its content is discarded."""

    value: dict[str, Any] | list[Any] | None
    location: Location
    key: str | None = None  # a mapping's key whose value comes next
    skip_value: bool = False  # the next value belongs to a refused or repeated key


@dataclass
class TreeBuilder:
    """Feeds on parser events; ``root``, ``lines`` and ``problems`` hold the result."""

    path: Path
    root: Any = None
    lines: dict[Location, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    stack: list[_Frame] = field(default_factory=list)
    documents: int = 0

    def feed(self, event: yaml.Event) -> None:
        """Take one parser event."""
        import yaml

        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self._fatal(
                    event,
                    "het bestand bevat meer dan één document (een regel '---' of '...')",
                    "verwijder de regel met '---' of '...', of zet die tekst tussen"
                    " aanhalingstekens",
                )
        elif isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise self._fatal(
                event,
                "een anker (&naam) of verwijzing (*naam): brief leest die niet",
                "schrijf de waarde voluit op elke plek waar hij nodig is",
            )
        elif isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._open(event, isinstance(event, yaml.MappingStartEvent))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()

    def _open(self, event: yaml.NodeEvent, mapping: bool) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self._fatal(
                event,
                f"te diep genest (meer dan {MAX_DEPTH} niveaus)",
                "controleer de haakjes [ ] en { } en de inspringing",
            )
        container: dict[str, Any] | list[Any] = {} if mapping else []
        if self.stack and self.stack[-1].value is not None and self._expects_key():
            self._problem(
                event,
                "een sleutel is een lijst of blok in plaats van een naam",
                "schrijf 'naam: waarde'; begin een regel niet met '?', '[' of '{'",
            )
            self.stack[-1].skip_value = True
            self.stack.append(_Frame(None, self.stack[-1].location))
            return
        location = self._place(event, container)
        self.stack.append(_Frame(container if location is not None else None, location or ()))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        if match := CONTROL_CHARACTERS.search(event.value):
            self._problem(
                event,
                f"een onzichtbaar stuurteken {describe_control(match.group())} in de tekst",
                "haal het teken weg; typ de tekst eventueel opnieuw",
            )
        if self.stack and self.stack[-1].value is not None and self._expects_key():
            self._key(event)
            return
        plain = not event.style and event.implicit[0]
        null = event.tag == _NULL_TAG or (plain and event.tag is None and _NULL.match(event.value))
        value = str(event.value)
        if (
            not event.style
            and len(value) > 1
            and value[0] in OPENING_QUOTES
            and value[-1] in CURLY_QUOTES
        ):
            self._problem(event, *CURLY_QUOTE_PROBLEM)
        self._place(event, None if null and not event.style else value)

    def _expects_key(self) -> bool:
        frame = self.stack[-1]
        return isinstance(frame.value, dict) and frame.key is None and not frame.skip_value

    def _key(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.value, dict)
        key = str(event.value)
        child = (*frame.location, key)
        if key in frame.value:
            self._problem(
                event,
                f"{format_location(child)}: staat twee keer in hetzelfde blok",
                "verwijder een van de twee regels",
            )
            frame.skip_value = True
            return
        self.lines[child] = _line(event)
        frame.key = key

    def _place(self, event: yaml.Event, value: Any) -> Location | None:
        """Put a value where the open container wants it; None when it is discarded."""
        line = _line(event)
        if len(self.lines) > MAX_VALUES:
            limit = f"{MAX_VALUES:,}".replace(",", ".")
            raise self._fatal(
                event,
                f"het bestand heeft meer dan {limit} waarden",
                "een gegevensbestand heeft er veel minder: controleer of het het goede bestand is",
            )
        if not self.stack:
            self.root = value
            self.lines.setdefault((), line)
            return ()
        frame = self.stack[-1]
        if frame.value is None or frame.skip_value:
            frame.skip_value = False
            return None
        if isinstance(frame.value, list):
            location: Location = (*frame.location, len(frame.value))
            frame.value.append(value)
        else:
            assert frame.key is not None
            location = (*frame.location, frame.key)
            frame.value[frame.key] = value
            frame.key = None
        self.lines.setdefault(location, line)
        return location

    def _problem(self, event: yaml.Event, message: str, hint: str) -> None:
        line = _line(event)
        self.problems.append(Problem(display_path(self.path), line, message, hint))

    def _fatal(self, event: yaml.Event, message: str, hint: str) -> DataError:
        line = _line(event)
        return DataError(Problem(display_path(self.path), line, message, hint))


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def format_location(location: Location) -> str:
    """('gemeenten', 3, 'naam') → 'gemeenten[3].naam'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def build_tree(text: str, path: Path) -> tuple[Any, dict[Location, int], list[Problem]]:
    """Parse YAML text into plain values, the line of each location, and any problems.

    Raises ``DataError`` for a refused construct and ``yaml.MarkedYAMLError``
    for text that is no YAML (the reader words that one).
    """
    import yaml  # only needed when the cache misses: keeps start-up fast

    builder = TreeBuilder(path)
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        builder.feed(event)
    return builder.root, builder.lines, builder.problems
