"""Typer's help and command-line errors in Dutch, from the catalogue in ``brievenbus.dutch``.

Typer marks its help texts for gettext through ``gettext.gettext`` (the
default domain, read when ``typer.rich_utils`` is first imported); the Click
copy inside Typer and pydantic (which Typer uses to check option values) write
plain English f-strings. ``install`` binds the catalogue to both: gettext
answers Dutch, and the error messages and usage lines are translated on their
way to the screen. It patches Typer 0.29's internals (pinned in pyproject.toml)
and is called once when ``brievenbus.cli`` is imported.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Callable
from typing import Any

from brievenbus.dutch import catalogue, catalogue_entries, translate

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
