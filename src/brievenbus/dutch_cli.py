"""Dutch for the texts that Typer, its built-in Click and pydantic show on the command line.

The translations live in a gettext catalogue shipped with the package
(``locale/nl/LC_MESSAGES/brief.po``, compiled to ``brief.mo``). Typer marks its
help texts for gettext through ``gettext.gettext`` (the default domain, read
when ``typer.rich_utils`` is first imported); the Click copy inside Typer and
pydantic (which Typer uses to check option values) write plain English
f-strings. ``install`` binds the catalogue to both: gettext answers Dutch, and
the error messages and usage lines are translated on their way to the screen.
A msgid with ``{name}`` parts is a pattern: ``Invalid value for {hint}:
{message}`` matches the whole English message, and a part called ``message``
is translated in turn.

Only ``install`` touches the libraries; it is called once when ``brievenbus.cli``
is imported, and costs no import that ``brief --help`` would not do anyway.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "brief"

# Help and error texts that typer.rich_utils reads through gettext when it is imported.
_RICH_UTILS_TEXTS = (
    "DEPRECATED_STRING",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "REQUIRED_LONG_STRING",
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "ABORTED_TEXT",
    "RICH_HELP",
)
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


def _translated_result(method: Callable[..., str]) -> Callable[..., str]:
    def wrapper(*args: Any, **kwargs: Any) -> str:
        return translate(method(*args, **kwargs))

    wrapper.__wrapped__ = method  # type: ignore[attr-defined]
    return wrapper


def _dutch_number_range(low: float | None, high: float | None) -> str | None:
    if low is None and high is None:
        return None
    if high is None:
        return catalogue().gettext("x>={min}").format(min=low)
    if low is None:
        return catalogue().gettext("x<={max}").format(max=high)
    return catalogue().gettext("{min}<=x<={max}").format(min=low, max=high)


def _dutch_gettext(fallback: Callable[[str], str]) -> Callable[[str], str]:
    entries = catalogue_entries()

    def dutch(message: str) -> str:
        return entries.get(message) or fallback(message)

    return dutch


def install() -> None:
    """Make Typer's help and command-line errors Dutch (idempotent)."""
    if getattr(gettext.gettext, "brievenbus", False):
        return
    import typer.core
    from typer import exceptions as typer_exceptions
    from typer._click import core as click_core
    from typer._click import exceptions, formatting

    dutch = _dutch_gettext(gettext.gettext)
    dutch.brievenbus = True  # type: ignore[attr-defined]
    gettext.gettext = dutch  # type: ignore[assignment]  # read by typer.rich_utils on import
    typer.core._ = dutch  # type: ignore[attr-defined,assignment]
    if rich_utils := sys.modules.get("typer.rich_utils"):
        for name in _RICH_UTILS_TEXTS:
            setattr(rich_utils, name, dutch(getattr(rich_utils, name)))

    # Error messages: the Click copy and pydantic write English f-strings.
    for error_class in (
        typer_exceptions.TyperException,
        exceptions.ClickException,
        exceptions.BadParameter,
        exceptions.MissingParameter,
        exceptions.NoSuchOption,
    ):
        if "format_message" in vars(error_class):
            error_class.format_message = _translated_result(  # type: ignore[method-assign]
                vars(error_class)["format_message"]
            )

    # Usage line, help option, number ranges and type labels in the help panels.
    write_usage = formatting.HelpFormatter.write_usage

    def dutch_write_usage(
        self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        write_usage(self, prog, args, dutch("Usage: ") if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = dutch_write_usage  # type: ignore[method-assign]

    get_help_option = click_core.Command.get_help_option

    def dutch_help_option(self: click_core.Command, ctx: click_core.Context) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help:
            option.help = dutch(option.help)
        return option

    click_core.Command.get_help_option = dutch_help_option  # type: ignore[method-assign]
    typer.core.describe_number_range = _dutch_number_range  # type: ignore[attr-defined,assignment]

    option_type = typer.core.TyperOption.display_type_rich

    def option_metavar(self: typer.core.TyperOption, ctx: Any) -> str | None:
        # A switch (--pdf) takes no value, so it shows none; others show their metavar.
        return None if self.is_flag else option_type(self, ctx)

    typer.core.TyperOption.display_type_rich = option_metavar  # type: ignore[method-assign]
    # An argument's name (GEMEENTE, MAP) already says what to write.
    typer.core.TyperArgument.display_type_rich = (  # type: ignore[method-assign]
        lambda self, ctx: None
    )
