"""When brief itself fails: a short Dutch message, and a report with the details.

A club secretary never sees a traceback. The traceback goes into a crash report
in the cache folder (else the temporary folder), whose path the message gives,
so whoever helps her can see what happened. Only the console script goes
through here; tests call the Typer app directly and see bugs as they are.
Every start of `brief` loads this module, so its imports wait until a report
is written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from brievenbus.cli.common import err, plain

CRASH_FOLDER = "fouten"  # inside the cache folder


def run_guarded(app: Callable[[], object]) -> None:
    """Run the command line; anything unexpected becomes a message and a report."""
    try:
        os.getcwd()
    except OSError:  # the folder the user is in was deleted (or is no longer reachable)
        err.print(
            "[bold red]Fout:[/] de map waarin u werkt bestaat niet meer\n"
            "  → ga naar een bestaande map (cd) en probeer het opnieuw",
            highlight=False,
        )
        sys.exit(1)
    try:
        app()
    except Exception as error:  # a bug: tell the user where the details are
        report = write_crash_report(error)
        where = (
            f"een verslag met de details staat in {plain(report)}"
            if report
            else "er kon geen verslag worden geschreven"
        )
        err.print(
            f"[bold red]Fout:[/] er ging iets mis in brief zelf ({type(error).__name__}); dit is"
            f" een fout in het programma, niet in uw gegevens\n  → {where}; stuur het naar wie"
            " u met brief helpt",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(1)


def write_crash_report(error: BaseException) -> Path | None:
    """The traceback and versions in a new file; its path, or None when nothing could be written."""
    import datetime
    import tempfile
    import traceback

    text = _header() + "".join(traceback.format_exception(error))
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for folder in _folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f"brief-{stamp}-", suffix=".txt", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def _folders() -> list[Path]:
    import tempfile

    from brievenbus.inputs.yaml_cache import cache_dir

    return [cache_dir() / CRASH_FOLDER, Path(tempfile.gettempdir())]


def _header() -> str:
    import platform
    import shlex

    try:
        from importlib.metadata import version

        brief_version = version("brievenbus")
    except Exception:  # an unusual install must not stop the report
        brief_version = "onbekend"
    return (
        f"brief {brief_version}, Python {platform.python_version()}, {platform.platform()}\n"
        f"opdracht: {shlex.join(['brief', *sys.argv[1:]])}\n\n"
    )
