"""Jinja2 → Markdown: the letter text, before it becomes a Word document.

Templates run sandboxed with StrictUndefined, so a misspelled variable stops
with the template file and line instead of leaving a gap in a letter. Every
value printed with ``{{ }}`` is escaped for Markdown, so text from YAML comes
out literally (``*``, ``[``, ``<`` and ``&`` included).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path

from brievenbus.dutch_formats import dutch_date, dutch_list, dutch_number
from brievenbus.errors import Problem, TemplateError
from brievenbus.fileio import display_path
from brievenbus.inputs.locations import TEMPLATE_SUFFIX
from brievenbus.inputs.yaml_cache import cache_dir
from brievenbus.letters.template_errors import (
    RUNTIME_ERRORS,
    TemplateWideError,
    runtime_problem,
    syntax_problem,
)
from brievenbus.letters.template_limits import (
    LimitedEnvironment,
    LimitError,
    code_generator_fingerprint,
    render_limited,
)

__all__ = ["TEMPLATE_SUFFIX", "letter_kinds", "render_template"]

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
    if type(value) is str:  # the most common value first
        return escape_markdown(value)
    if isinstance(value, Markdown):
        return value
    if value is None:
        raise ValueError("lege waarde (None) in de brief")
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):  # years and counts as is; use | getal for 41.283
        return str(value)
    if isinstance(value, datetime.date):
        return dutch_date(value)
    return escape_markdown(str(value))


# ------------------------------------------------------------------- filters


def format_list_nl(items: Iterable[Any]) -> str:
    """The | lijst filter: any values → 'A, B en C'."""
    return dutch_list([str(item) for item in items])


def format_articles(numbers: Iterable[int]) -> str:
    """[23, 24] → 'Art. 23–24'; [10, 12, 13, 14] → 'Art. 10 en 12–14'."""
    return _format_articles(tuple(numbers))


@lru_cache(maxsize=4096)  # every letter names the same measures' articles
def _format_articles(numbers: tuple[int, ...]) -> str:
    ordered = sorted(set(numbers))
    runs: list[list[int]] = []
    for number in ordered:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    return "Art. " + dutch_list(parts) if parts else ""


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
    """A fact's text with its citation before the closing full stop: 'Tekst (bron, jaar).'

    Facts and figures are frozen and shared by every letter: each is worked out once.
    """
    kept = _CITED.get(id(item))
    if kept is not None and kept[0] is item:
        return kept[1]
    text = _with_citation(item)
    if isinstance(item, Hashable):  # frozen: the same object always reads the same
        if len(_CITED) >= MAX_CITED:
            _CITED.clear()
        _CITED[id(item)] = (item, text)
    return text


MAX_CITED = 4096
# id(item) → (the item, its text with citation); the item is kept, so that the id stays its.
_CITED: dict[int, tuple[Any, Markdown]] = {}


def _with_citation(item: Any) -> Markdown:
    text = str(item.tekst).strip()
    end = "." if text.endswith(".") else ""
    return Markdown(f"{escape_markdown(text.removesuffix(end))} {cite(item)}{end}")


FILTERS = {
    "datum": dutch_date,
    "getal": dutch_number,
    "lijst": format_list_nl,
    "artikelen": format_articles,
    "link": link,
    "bron": cite,
    "met_bron": with_citation,
}


# --------------------------------------------------------------- environment


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates are kept beside the YAML cache; compiling costs ~30 ms a run.

    The file names carry the code generator's fingerprint: compiled code calls
    the environment's checks, so another version of brief never runs it.
    """
    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    pattern = f"brief-{code_generator_fingerprint()}-%s.cache"
    return jinja2.FileSystemBytecodeCache(str(folder), pattern)


class _Sandbox(LimitedEnvironment):
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
def make_environment(dirs: tuple[Path, ...]) -> LimitedEnvironment:
    """The one Jinja environment for a set of template folders."""
    environment = _Sandbox(
        loader=_Utf8Loader([str(d) for d in dirs if d.is_dir()], encoding="utf-8-sig"),
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
    except (jinja2.TemplateError, TemplateError):  # ours: a template that is not UTF-8
        return True  # rendering reports the mistake
    return any(
        reference is None or reads_any(folders, reference, variables) for reference in references
    )


def render_template(name: str, context: Mapping[str, Any], folders: Sequence[Path]) -> str:
    """Render one template from the first of the folders that has it, to Markdown, within
    limits; errors name the template file and line."""
    environment = make_environment(tuple(folders))
    try:
        return render_limited(environment.get_template(name), context)
    except jinja2.TemplateNotFound as error:
        raise TemplateError.simple(
            f"sjabloon '{error.name}' niet gevonden",
            f"beschikbare briefsoorten: {', '.join(letter_kinds(folders))}",
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateWideError(syntax_problem(error)) from None
    except (LimitError, RecursionError) as error:
        raise TemplateWideError(runtime_problem(error)) from None
    except RUNTIME_ERRORS as error:
        raise TemplateError(runtime_problem(error)) from None


class _Utf8Loader(jinja2.FileSystemLoader):
    """Templates are UTF-8; another encoding is a Dutch error at the file and line."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as error:
            pieces = split_template_path(template)
            path = next(
                (Path(d, *pieces) for d in self.searchpath if Path(d, *pieces).is_file()),
                Path(template),
            )
            line = error.object[: error.start].count(b"\n") + 1
            raise TemplateError(
                Problem(
                    display_path(path),
                    line,
                    "dit sjabloon is geen UTF-8",
                    "sla het op als UTF-8 (in Kladblok: Opslaan als → Codering: UTF-8)",
                )
            ) from None
