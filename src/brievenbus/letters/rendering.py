"""Jinja2 → Markdown: the letter text, before it becomes a Word document.

Templates run sandboxed with StrictUndefined, so a misspelled variable stops
with the template file and line instead of leaving a gap in a letter. Every
value printed with ``{{ }}`` is escaped for Markdown, so text from YAML comes
out literally (``*``, ``[``, ``<`` and ``&`` included).
"""

from __future__ import annotations

import datetime
import re
import traceback
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

from brievenbus.errors import Problem, TemplateError
from brievenbus.fileio import display_path
from brievenbus.inputs.locations import TEMPLATE_SUFFIX
from brievenbus.inputs.yaml_cache import cache_dir

__all__ = ["TEMPLATE_SUFFIX", "letter_kinds", "render_template"]

LOCALE = "nl_NL"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|\r|\n)+[ \t]*")


class Markdown(str):
    """Text that is already Markdown and must not be escaped again."""

    __slots__ = ()


@lru_cache(maxsize=16384)  # the same names and catalogue texts recur in every letter
def escape_markdown(text: str) -> str:
    """Make plain text print literally in Markdown; line breaks stay line breaks."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("\t", " ").strip(" \r\n"))
    return _LINE_BREAKS.sub("\\\\\n", escaped)


def _finalize(value: Any) -> Any:
    """Applied to every {{ }} value: escape it, and refuse to print None."""
    if isinstance(value, Markdown):
        return value
    if value is None:
        raise ValueError("lege waarde (None) in de brief")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):  # years and counts as is; use | getal for 41.283
        return str(value)
    if isinstance(value, datetime.date):
        return format_dutch_date(value)
    return escape_markdown(str(value))


# ------------------------------------------------------------------- filters


@lru_cache(maxsize=1024)  # Babel is slow and `brief controleer` renders thousands of letters
def format_dutch_date(value: datetime.date) -> str:
    """2025-09-23 → '23 september 2025'."""
    return format_date(value, "d MMMM y", locale=LOCALE)


@lru_cache(maxsize=16384)
def format_number(value: float, decimals: int = 0) -> str:
    """41283 → '41.283'; 4.1283 with decimals=1 → '4,1'."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=LOCALE)


def format_list_nl(items: Iterable[Any]) -> str:
    """['A', 'B', 'C'] → 'A, B en C'."""
    return _format_list(tuple(str(item) for item in items)) if items else ""


@lru_cache(maxsize=16384)
def _format_list(items: tuple[str, ...]) -> str:
    return format_list(list(items), locale=LOCALE)


def format_articles(numbers: Iterable[int]) -> str:
    """[23, 24] → 'Art. 23–24'; [10, 12, 13, 14] → 'Art. 10 en 12–14'."""
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for number in ordered:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    return "Art. " + format_list_nl(parts) if parts else ""


def link(url: str, text: str | None = None) -> Markdown:
    """A clickable link; the URL is shown when no text is given."""
    label = escape_markdown(text or url)
    target = url.replace("<", "%3C").replace(">", "%3E")  # neither may stand inside <…>
    return Markdown(f"[{label}](<{target}>)")


_BRACKETS = re.compile(r"\s*\(([^()]+)\)")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def unbracket(text: str) -> str:
    """'Monitor (Valente en VNG)' → 'Monitor, Valente en VNG': a citation is already in brackets."""
    return _BRACKETS.sub(r", \1", text).strip()


def cite(item: Any) -> Markdown:
    """The one citation of a fact or figure: '(bron, *titel*, jaar)', never brackets in brackets.

    ``bron`` is who published it (a link when the item has one), ``titel`` the
    publication when known, ``jaar`` its year (for a local figure: its period's).
    """
    source = unbracket(str(item.bron))
    url = getattr(item, "link", None)
    parts = [link(url, source) if url else escape_markdown(source)]
    if title := getattr(item, "titel", None):
        parts.append(f"*{escape_markdown(unbracket(str(title)))}*")
    year = getattr(item, "jaar", None)
    if year is None:
        years = _YEAR.findall(str(getattr(item, "periode", "")))
        year = years[-1] if years else None
    if year is not None and str(year) not in source:
        parts.append(str(year))
    return Markdown("(" + ", ".join(parts) + ")")


def with_citation(item: Any) -> Markdown:
    """A fact's text with its citation before the closing full stop: 'Tekst (bron, jaar).'"""
    text = str(item.tekst).strip()
    end = "." if text.endswith(".") else ""
    return Markdown(f"{escape_markdown(text.removesuffix(end))} {cite(item)}{end}")


FILTERS = {
    "datum": format_dutch_date,
    "getal": format_number,
    "lijst": format_list_nl,
    "artikelen": format_articles,
    "link": link,
    "bron": cite,
    "met_bron": with_citation,
}


# --------------------------------------------------------------- environment


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates are kept beside the YAML cache; compiling costs ~30 ms a run."""
    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


class _Sandbox(SandboxedEnvironment):
    """The sandbox, remembering its verdict per type and attribute name.

    Jinja's verdict depends only on the attribute's name and the object's type,
    and asking it for every ``{{ club.naam }}`` is a fifth of a letter's
    rendering time; `brief controleer` renders thousands of letters.
    """

    _verdicts: dict[tuple[type, str], bool] = {}  # noqa: RUF012 (a shared cache on purpose)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict


@cache
def make_environment(dirs: tuple[Path, ...]) -> SandboxedEnvironment:
    """The one Jinja environment for a set of template folders."""
    environment = _Sandbox(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs if d.is_dir()], encoding="utf-8-sig"),
        bytecode_cache=_bytecode_cache(),
        auto_reload=False,  # one command reads a template once; no stat per letter
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(FILTERS)
    return environment


def letter_kinds(folders: Sequence[Path]) -> list[str]:
    """Letter kinds are the templates whose name does not start with '_'."""
    kinds = {
        path.name.removesuffix(TEMPLATE_SUFFIX)
        for folder in folders
        if folder.is_dir()
        for path in folder.glob("*" + TEMPLATE_SUFFIX)
        if not path.name.startswith("_")
    }
    return sorted(kinds)


@cache
def reads_any(folders: tuple[Path, ...], name: str, variables: frozenset[str]) -> bool:
    """Whether a template (with what it includes or imports) can read one of the variables.

    A template that reads none of them renders the same text whatever their
    values. When in doubt (a template that cannot be read, an include by a
    computed name) the answer is yes.
    """
    from jinja2 import meta

    environment = make_environment(folders)
    try:
        assert environment.loader is not None
        source = environment.loader.get_source(environment, name)[0]
        tree = environment.parse(source)
        if meta.find_undeclared_variables(tree) & variables:
            return True
        references = list(meta.find_referenced_templates(tree))
    except jinja2.TemplateError:
        return True  # rendering reports the mistake
    return any(
        reference is None or reads_any(folders, reference, variables) for reference in references
    )


def render_template(name: str, context: Mapping[str, Any], folders: Sequence[Path]) -> str:
    """Render one template from the first of the folders that has it, to Markdown.

    Errors name the template file and line.
    """
    environment = make_environment(tuple(folders))
    try:
        return environment.get_template(name).render(context)
    except jinja2.TemplateNotFound as error:
        raise TemplateError.simple(
            f"sjabloon '{error.name}' niet gevonden",
            f"beschikbare briefsoorten: {', '.join(letter_kinds(folders))}",
        ) from None
    except jinja2.TemplateSyntaxError as error:
        path = Path(error.filename) if error.filename else None
        raise TemplateError(
            Problem(
                display_path(path) if path else None,
                error.lineno,
                f"fout in het sjabloon: {_describe_syntax(error.message or '')}",
                "controleer {{ }}, {% %} en of elke {% if %} of {% for %} een {% end… %} heeft",
            )
        ) from None
    except (
        jinja2.TemplateError,
        ValueError,
        TypeError,
        AttributeError,
        ArithmeticError,
        RecursionError,
    ) as error:
        path, line = _template_position(error)
        raise TemplateError(
            Problem(path, line, f"fout in het sjabloon: {_describe(error)}", _hint(error))
        ) from None


def _template_position(error: BaseException) -> tuple[Path | None, int | None]:
    """The template file and line where a runtime error happened (innermost frame)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX):
            return display_path(Path(frame.filename)), frame.lineno
    return None, None


# What template authors call the objects they get (README, "Variabelen").
_OBJECT_NAMES = {
    "Municipality": "gemeente",
    "Club": "club",
    "Party": "fractie",
    "Measure": "maatregel",
    "Fact": "feit",
    "Signatory": "ondertekenaar",
    "Council": "gemeente.raad",
    "Population": "gemeente.inwoners",
    "dict": "een blok",
    "str": "een tekst",
    "list": "een lijst",
}


def _describe(error: BaseException) -> str:  # noqa: PLR0911 (one answer per kind of error)
    """A template's runtime error in Dutch; Jinja's and Python's English never reaches the user."""
    message = str(error)
    match = re.match(r"'(.+)' is undefined", message)
    if match:
        return f"'{match.group(1)}' bestaat niet"
    match = re.match(r"'(?:[\w.]*\.)?(\w+)(?: object)?' has no attribute '(.+)'", message)
    if match:
        owner = _OBJECT_NAMES.get(match.group(1), match.group(1))
        return f"'{match.group(2)}' bestaat niet (in {owner})"
    match = re.match(r"(\w+) object has no element (.+)", message)
    if match:
        owner = _OBJECT_NAMES.get(match.group(1), match.group(1))
        return f"element {match.group(2)} bestaat niet (in {owner})"
    if isinstance(error, jinja2.exceptions.SecurityError):
        match = re.match(r"access to attribute '(.+?)' of", message)
        what = f"'{match.group(1)}'" if match else "dit"
        return f"{what} mag een sjabloon niet gebruiken (beveiliging)"
    if isinstance(error, OverflowError) and "MAX_RANGE" in message:
        return f"range() mag hoogstens {format_number(MAX_RANGE)} stappen hebben"
    if isinstance(error, ZeroDivisionError):
        return "deling door nul"
    if isinstance(error, RecursionError):
        return "het sjabloon roept zichzelf steeds opnieuw aan"
    if isinstance(error, ValueError) and message.startswith("lege waarde"):
        return message  # our own, already Dutch
    if isinstance(error, TypeError):
        return "deze bewerking past niet bij de waarde (bv. tekst en een getal optellen)"
    return "deze regel kan niet worden uitgevoerd"


# Jinja's names for the tokens it expected, as a template author types them.
_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "name": "een naam",
}


def _describe_syntax(message: str) -> str:  # noqa: PLR0911 (one answer per kind of error)
    """Jinja's syntax messages in Dutch; an unknown one gets a Dutch description, never English."""
    match = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if message.startswith("Unexpected end of template") and match:
        tag = match.group(1)
        return f"het sjabloon eindigt terwijl {{% {tag} %}} nog open staat ({{% end{tag} %}} mist)"
    if message.lower().startswith("unexpected end of template"):
        return "het sjabloon eindigt midden in een {{ }} of {% %}"
    match = re.match(r"Encountered unknown tag '(\w+)'", message)
    if match:
        return f"onbekende opdracht {{% {match.group(1)} %}}"
    match = re.match(r"No (filter|test) named '(.+?)'", message)
    if match:
        kind = "filter" if match.group(1) == "filter" else "test"
        return f"{kind} '{match.group(2)}' bestaat niet"
    match = re.match(r"expected token '(.+?)', got '(.+?)'", message)
    if match:
        expected = _TOKENS.get(match.group(1), match.group(1))
        return f"hier hoort {expected} (nu: '{match.group(2)}')"
    match = re.match(r"unexpected (?:char )?'(.+?)'(?: at \d+)?(?:, expected '(.+?)')?$", message)
    if match:
        expected = f" (hier hoort '{match.group(2)}')" if match.group(2) else ""
        return f"onverwacht teken '{match.group(1)}'{expected}"
    if message.startswith("Expected an expression"):
        return "hier ontbreekt een waarde of voorwaarde"
    match = re.match(r"block '(.+?)' defined twice", message)
    if match:
        return f"blok '{match.group(1)}' staat er twee keer in"
    if "comment" in message.lower():
        return "een commentaar {# … wordt niet afgesloten met #}"
    return "Jinja kan deze regel niet lezen"


def _hint(error: BaseException) -> str:
    if isinstance(error, jinja2.UndefinedError):
        return "controleer de spelling; de README noemt alle variabelen van een brief"
    if "None" in str(error):
        return (
            "zet de regel binnen {% if … %} … {% endif %} zodat een lege waarde wordt overgeslagen"
        )
    return "controleer deze regel van het sjabloon"
