"""Read YAML data files into validated models, keeping line numbers for errors.

YAML is composed into a node tree and turned into plain Python values by hand:
every scalar stays a string (pydantic converts it), so YAML 1.1 traps cannot
corrupt data (``no`` is not False, ``0406`` is not an octal number). The line
of every key and item is kept, so each problem names ``file:line``.
"""

from __future__ import annotations

import difflib
import hashlib
import marshal
import os
import sys
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from brievenbus.dutch_cli import dutch_choices, translate
from brievenbus.errors import DataError, Problem, os_reason

if TYPE_CHECKING:
    import yaml

Location = tuple[str | int, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)

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


def display_path(path: Path) -> Path:
    """Show paths relative to the working directory when they are below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def format_location(location: Location) -> str:
    """('gemeenten', 3, 'naam') → 'gemeenten[3].naam'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def read_bytes(path: Path, message: str, hint: str, where: Path | None = None) -> bytes:
    """A user's file, or a DataError '<message> (<reason>)' with the hint."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError.simple(f"{message} ({os_reason(error)})", hint, where) from None


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file; raise DataError with file:line for anything unreadable."""
    raw = read_bytes(
        path,
        "kan het bestand niet lezen",
        "controleer of het bestand bestaat en leesbaar is",
        display_path(path),
    )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            Problem(
                display_path(path),
                line,
                "dit bestand is geen UTF-8",
                "sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8)",
            )
        ) from None
    cached = _read_cache(raw)
    if cached is not None:
        return YamlDocument(path, cached, text_without_lines=text)
    document = YamlDocument(path, None)
    document.data, document.lines, problems = _compose(text, path)
    if problems:
        raise DataError(*problems)
    _write_cache(raw, document)
    return document


def _compose(text: str, path: Path) -> tuple[Any, dict[Location, int], list[Problem]]:
    """Parse YAML text into plain values, the line of each location, and any problems."""
    import yaml  # only needed when the cache misses: keeps start-up fast

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        error_line = mark.line + 1 if mark else None
        message, hint = _yaml_problem(error.problem or "")
        raise DataError(Problem(display_path(path), error_line, message, hint)) from None
    problems: list[Problem] = []
    lines: dict[Location, int] = {}
    try:
        data = _to_python(node, (), path, lines, problems) if node else None
    except (RecursionError, _TooManyValuesError):
        raise DataError(
            Problem(
                display_path(path),
                None,
                "het bestand heeft te veel waarden, of een verwijzing (*naam) die naar"
                " zichzelf verwijst",
                f"een gegevensbestand heeft hoogstens {MAX_VALUES:,} waarden".replace(",", ".")
                + "; gebruik verwijzingen (&naam, *naam) alleen voor een gewone waarde",
            )
        ) from None
    return data, lines, problems


MAX_VALUES = 200_000  # all 342 municipalities with their parties take about 12.500


class _TooManyValuesError(Exception):
    """A file (or an alias bomb) with more values than any real data file."""


def _yaml_problem(problem: str) -> tuple[str, str]:
    """The parser's English problem as a Dutch message and hint (never the English)."""
    if problem in _YAML_PROBLEMS:
        return _YAML_PROBLEMS[problem]
    for start, known in _YAML_PROBLEM_STARTS.items():
        if problem.startswith(start):
            return _YAML_PROBLEMS[known]
    return _YAML_UNKNOWN


# Parsing the 342 municipalities takes ~0.25 s even with libyaml; the parsed
# values are cached by content hash (marshal: plain data, no code).
def cache_dir() -> Path:
    """Where brievenbus keeps caches (parsed YAML, compiled templates); safe to delete."""
    home_cache = Path.home() / ".cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or home_cache
    return Path(base) / "brievenbus"


def _cache_path(raw: bytes) -> Path:
    digest = hashlib.sha256(raw + sys.version.encode() + b"brievenbus-yaml-4").hexdigest()
    return cache_dir() / f"{digest}.marshal"


def _read_cache(raw: bytes) -> Any:
    try:
        return marshal.loads(_cache_path(raw).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_cache(raw: bytes, document: YamlDocument) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    path = _cache_path(raw)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(document.data))
        os.replace(temporary, path)
    except OSError:
        pass


def _to_python(
    node: yaml.Node,
    location: Location,
    path: Path,
    lines: dict[Location, int],
    problems: list[Problem],
) -> Any:
    """Turn a composed node into dicts, lists, strings and None, recording lines."""
    import yaml

    lines.setdefault(location, node.start_mark.line + 1)
    if len(lines) > MAX_VALUES:
        raise _TooManyValuesError
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(
                        display_path(path),
                        key_node.start_mark.line + 1,
                        "een sleutel is een lijst of blok in plaats van een naam",
                        "schrijf 'naam: waarde'; begin een regel niet met '?', '[' of '{'",
                    )
                )
                continue
            key = str(key_node.value)
            child = (*location, key)
            if key in result:
                line = key_node.start_mark.line + 1
                problems.append(
                    Problem(
                        display_path(path),
                        line,
                        f"{format_location(child)}: staat twee keer in hetzelfde blok",
                        "verwijder een van de twee regels",
                    )
                )
                continue
            lines[child] = key_node.start_mark.line + 1
            result[key] = _to_python(value_node, child, path, lines, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, (*location, index), path, lines, problems)
            for index, item in enumerate(node.value)
        ]
    assert isinstance(node, yaml.ScalarNode)
    if node.tag == "tag:yaml.org,2002:null" and not node.style:  # plain, not quoted
        return None
    return str(node.value)


# ------------------------------------------------------------------ validation


def validate(document: YamlDocument, model: type[ModelT]) -> ModelT:
    """Validate a document against a model; every failing field becomes a Problem."""
    try:
        return model.model_validate(document.data if document.data is not None else {})
    except ValidationError as error:
        problems = [document.problem(tuple(e["loc"]), *_explain(e, model)) for e in error.errors()]
        raise DataError(*problems) from None


def _explain(error: Any, model: type[BaseModel]) -> tuple[str, str]:  # noqa: PLR0911, PLR0912 (one per kind)
    """A Dutch message and hint for one pydantic error."""
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    shown = f" (nu: {value!r})" if isinstance(value, str) else ""
    if kind == "missing":
        return "verplicht veld ontbreekt", "vul dit veld in"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        allowed = sorted(_fields_at(model, tuple(error["loc"][:-1])))
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"bedoelt u '{close[0]}'?" if close else f"toegestaan: {', '.join(allowed)}"
        return f"onbekend veld '{name}'", hint
    if kind in {"string_too_short", "too_short"}:
        return "mag niet leeg zijn", "vul een waarde in of verwijder de regel"
    if kind == "string_pattern_mismatch":
        return f"heeft niet de juiste vorm{shown}", _PATTERN_HINTS.get(
            ctx.get("pattern", ""), "controleer de schrijfwijze"
        )
    if kind in {"literal_error", "enum"}:
        return f"onbekende waarde{shown}", f"kies uit: {dutch_choices(str(ctx.get('expected')))}"
    if kind in {"bool_parsing", "bool_type"}:
        return f"moet ja of nee zijn{shown}", "schrijf ja of nee"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"moet een geheel getal zijn{shown}", "schrijf alleen cijfers, zonder punt"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"getal buiten het bereik{shown}", _range_hint(error["loc"], ctx)
    if kind.startswith("date"):
        return f"is geen geldige datum{shown}", "schrijf de datum als JJJJ-MM-DD, bv. 2026-03-18"
    if kind in {"list_type"}:
        return "moet een lijst zijn", "zet elk item op een eigen regel die begint met '- '"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return "moet een blok met velden zijn", "zet de velden ingesprongen onder deze regel"
    if kind in {"string_type"}:
        return "moet tekst zijn", "schrijf de tekst achter de dubbele punt"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), "controleer de waarde"
    reason = translate(error["msg"])  # English pydantic wording never reaches the screen
    if reason == error["msg"]:
        return f"ongeldige waarde{shown}", "controleer de waarde"
    return f"ongeldige waarde{shown}: {reason}", "controleer de waarde"


_PATTERN_HINTS = {
    r"^GM\d{4}$": "een gemeentecode is GM met vier cijfers, bv. GM0406",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "gebruik kleine letters, cijfers en streepjes, bv. 'opvang-24-7'",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "een e-mailadres ziet eruit als naam@voorbeeld.nl",
}


def _range_hint(location: Any, ctx: dict[str, Any]) -> str:
    if "artikelen" in location:
        return "het verdrag heeft artikelen 1 tot en met 81"
    if "ge" in ctx:
        return f"de waarde moet minstens {ctx['ge']} zijn"
    return f"de waarde mag hoogstens {ctx.get('le')} zijn"


def _fields_at(model: type[BaseModel], location: Location) -> set[str]:
    """The field names allowed at a location inside a model (for did-you-mean)."""
    current: Any = model
    for part in location:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return set(current.model_fields)
    return set()


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the type that matters."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation


# ------------------------------------------------------------ where files live


@cache
def packaged_dir(name: str) -> Path:
    """The default data/ or templates/ folder shipped with the package.

    A wheel holds them inside the package; a source checkout (editable
    install) has them at the top of the repository.
    """
    inside = Path(str(resources.files("brievenbus"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / name


def candidate_paths(filename: str, folder: str, explicit_dir: Path | None) -> Iterator[Path]:
    """Where to look for a file, in order: option, ./folder, packaged default."""
    if explicit_dir is not None:
        yield explicit_dir / filename
    yield Path.cwd() / folder / filename
    yield packaged_dir(folder) / filename


def find_file(filename: str, folder: str, explicit_dir: Path | None) -> Path:
    """The first existing candidate path of a data or template file."""
    for path in candidate_paths(filename, folder, explicit_dir):
        if path.is_file():
            return path
    raise DataError.simple(
        f"{folder}/{filename} niet gevonden",
        "geef de juiste map op met --data of --sjablonen, of installeer brievenbus opnieuw",
    )
