"""Read a YAML data file into plain values, keeping the line of every key and item.

YAML is turned into plain Python values by hand, from the parser's events
(``yaml_tree``, which also refuses hostile constructs): every scalar stays a
string (pydantic converts it), so YAML 1.1 traps cannot corrupt data (``no``
is not False, ``0406`` is not an octal number). The line of every key and item
is kept, so each problem names ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brievenbus.errors import DataError, Problem
from brievenbus.fileio import display_path, read_bytes
from brievenbus.inputs import yaml_cache
from brievenbus.inputs.yaml_tree import (
    CONTROL_CHARACTERS,
    CURLY_QUOTE_PROBLEM,
    CURLY_QUOTES,
    Location,
    build_tree,
    describe_control,
    format_location,
)

# The largest data file, municipalities.yaml with every party leader and local
# figures, stays under 2 MB; ten times that is a mistake (or a hostile file).
MAX_YAML_BYTES = 20_000_000

# The YAML parser's messages (libyaml's and PyYAML's wording), in Dutch, with what to do.
_YAML_PROBLEMS = {
    "mapping values are not allowed in this context": (
        "een dubbele punt op een plek waar die niet mag",
        "zet tekst met een dubbele punt tussen aanhalingstekens, of controleer de inspringing",
    ),
    "found a tab character that violates indentation": (
        "een tab-teken",
        "YAML gebruikt alleen spaties om in te springen: vervang de tab door spaties",
    ),
    "found character that cannot start any token": (
        "een teken waarmee een waarde niet mag beginnen (bv. @, ` of %)",
        "zet de tekst tussen aanhalingstekens",
    ),
    "did not find expected node content": (
        "een waarde ontbreekt of is onleesbaar",
        "controleer de inspringing, en zet tekst met bijzondere tekens tussen aanhalingstekens",
    ),
    "mapping values are not allowed here": (
        "een dubbele punt op een plek waar die niet mag",
        "zet tekst met een dubbele punt tussen aanhalingstekens, of controleer de inspringing",
    ),
    "could not find expected ':'": (
        "een regel zonder dubbele punt na de sleutel",
        "schrijf 'sleutel: waarde', of controleer de inspringing van de regel ervoor",
    ),
    "found character '\\t' that cannot start any token": (
        "een tab-teken",
        "YAML gebruikt alleen spaties om in te springen: vervang de tab door spaties",
    ),
    "did not find expected key": (
        "de inspringing klopt niet",
        "zet sleutels op hetzelfde niveau precies onder elkaar",
    ),
    "did not find expected '-' indicator": (
        "de inspringing van een lijst klopt niet",
        "zet alle '-' van één lijst precies onder elkaar",
    ),
    "found unexpected end of stream": (
        "een aanhalingsteken wordt niet afgesloten",
        "sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint",
    ),
    "found undefined alias": (
        "een verwijzing (*naam) naar een anker dat niet bestaat",
        "controleer de spelling van de verwijzing of verwijder de '*'",
    ),
    "did not find expected ',' or ']'": (
        "een lijst tussen [ ] wordt niet goed afgesloten",
        "zet komma's tussen de waarden en sluit af met ']', of zet tekst tussen aanhalingstekens",
    ),
    "did not find expected ',' or '}'": (
        "een blok tussen { } wordt niet goed afgesloten",
        "zet komma's tussen de velden en sluit af met '}', of zet tekst tussen aanhalingstekens",
    ),
    "but found another document": (
        "het bestand bevat meer dan één document (een regel '---' of '...')",
        "verwijder de regel met '---' of '...', of zet die tekst tussen aanhalingstekens",
    ),
    "found unknown escape character": (
        "een onbekende combinatie met een backslash (\\) tussen dubbele aanhalingstekens",
        "gebruik enkele aanhalingstekens ('…') of schrijf een dubbele backslash (\\\\)",
    ),
    "found unexpected document separator": (
        "een regel '---' midden in een waarde",
        "verwijder de regel of zet de tekst tussen aanhalingstekens",
    ),
    "control characters are not allowed": (
        "een onzichtbaar stuurteken in de tekst",
        "typ de regel opnieuw; plak geen tekst uit een programma dat stuurtekens meeneemt",
    ),
    "block sequence entries are not allowed in this context": (
        "een '-' op een plek waar geen lijst mag beginnen",
        "controleer de inspringing van de regel ervoor",
    ),
    "%": (
        "een regel die met % begint (een YAML-opdracht) klopt niet",
        "verwijder de regels die met % beginnen; een gegevensbestand heeft ze niet nodig",
    ),
    "did not find expected comment or line break": (
        "onverwachte tekst na een waarde op dezelfde regel",
        "zet de hele waarde tussen aanhalingstekens, of zet het extra stuk op een nieuwe regel",
    ),
}
# Problems whose wording continues with the character found; matched on their start.
_YAML_PROBLEM_STARTS = {
    "found unknown escape character": "found unknown escape character",
    "expected alphabetic or numeric character": "found undefined alias",
    "found duplicate": "%",
    "found incompatible YAML document": "%",
}
_YAML_UNKNOWN = (
    "de YAML is hier onleesbaar",
    "controleer de inspringing en de aanhalingstekens op deze regel en de regel ervoor",
)


@dataclass
class YamlDocument:
    """Plain data from one YAML file plus the line of every location in it."""

    path: Path
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    # Read from the cache, the lines are only worked out again when a problem needs one.
    text_without_lines: str | None = None

    def line_of(self, location: Location) -> int:
        """The line of a location, or of its nearest ancestor that has one."""
        if self.text_without_lines is not None:
            self.lines = _compose(self.text_without_lines, self.path)[1]
            self.text_without_lines = None
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)

    def problem(self, location: Location, message: str, hint: str = "") -> Problem:
        """A Problem at this location, prefixed with the dotted path."""
        where = format_location(location)
        text = f"{where}: {message}" if where else message
        return Problem(display_path(self.path), self.line_of(location), text, hint)


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file; raise DataError with file:line for anything unreadable."""
    raw = read_bytes(
        path,
        "kan het bestand niet lezen",
        "controleer of het bestand bestaat en leesbaar is",
        display_path(path),
        limit=MAX_YAML_BYTES,
    )
    text = _decode(raw, path)
    cached = yaml_cache.read_cached(raw)
    if cached is not None:  # these bytes passed every check below before
        return YamlDocument(path, cached, text_without_lines=text)
    if match := CONTROL_CHARACTERS.search(text):
        raise DataError(
            Problem(
                display_path(path),
                text.count("\n", 0, match.start()) + 1,
                f"een onzichtbaar stuurteken {describe_control(match.group())}",
                "haal het teken weg; typ de regel eventueel opnieuw",
            )
        )
    document = YamlDocument(path, None)
    document.data, document.lines, problems = _compose(text, path)
    if problems:
        raise DataError(*problems)
    yaml_cache.write_cached(raw, document.data)
    return document


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """YAML text read by the same rules as a file (e.g. text about to be written to path)."""
    document = YamlDocument(path, None)
    document.data, document.lines, problems = _compose(text, path)
    if problems:
        raise DataError(*problems)
    return document


def _decode(raw: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is fine); UTF-16 and other encodings get a Dutch error."""
    hint = "sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8)"
    if b"\x00" in raw[:4096]:  # ASCII text in UTF-16 or UTF-32: every other byte is 0
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataError(
            Problem(display_path(path), line, "dit bestand is UTF-16, geen UTF-8", hint)
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            Problem(display_path(path), line, "dit bestand is geen UTF-8", hint)
        ) from None


def _compose(text: str, path: Path) -> tuple[Any, dict[Location, int], list[Problem]]:
    """Parse YAML text into plain values, the line of each location, and any problems."""
    import yaml  # only needed when the cache misses: keeps start-up fast

    try:
        return build_tree(text, path)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        error_line = mark.line + 1 if mark else None
        problem = error.problem or ""
        if mark and _character_at(text, mark.line, mark.column) == "\t":
            problem = "found a tab character that violates indentation"  # libyaml says less
        message, hint = _yaml_problem(problem)
        colon = "mapping values" in problem  # a colon inside unquoted text
        if colon and error_line and _has_curly_quotes(text, error_line):
            message, hint = CURLY_QUOTE_PROBLEM
        raise DataError(Problem(display_path(path), error_line, message, hint)) from None


def _yaml_problem(problem: str) -> tuple[str, str]:
    """The parser's English problem as a Dutch message and hint (never the English)."""
    if problem in _YAML_PROBLEMS:
        return _YAML_PROBLEMS[problem]
    for start, known in _YAML_PROBLEM_STARTS.items():
        if problem.startswith(start):
            return _YAML_PROBLEMS[known]
    return _YAML_UNKNOWN


def _character_at(text: str, line: int, column: int) -> str:
    """The character at a parser mark (0-based line and column), or ''."""
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""


def _has_curly_quotes(text: str, line: int) -> bool:
    """True when a line (or the one before: the parser often stops a line late) has them."""
    lines = text.splitlines()
    nearby = lines[max(line - 2, 0) : line]
    return any(quote in part for part in nearby for quote in CURLY_QUOTES)
