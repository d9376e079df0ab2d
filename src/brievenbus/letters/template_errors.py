"""What went wrong in a template, in Dutch, at the template's file and line.

Jinja's own messages are English (``No filter named 'x'``, ``access to
attribute '__init__' … is unsafe``); the common ones are worded again here,
together with Python's errors that a template line can cause (division by
zero, a template that includes itself).
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError

from brievenbus.errors import Problem, TemplateError
from brievenbus.fileio import display_path
from brievenbus.inputs.locations import TEMPLATE_SUFFIX
from brievenbus.letters.template_limits import LimitError

FILTER_NAMES = "datum, getal, lijst, artikelen, link, bron, met_bron"


class TemplateWideError(TemplateError):
    """A template that cannot be compiled, or hits a limit: it fails every letter alike."""


# Errors that a line of a template can cause at run time (anything else is a bug).
RUNTIME_ERRORS = (
    jinja2.TemplateError,
    ValueError,
    TypeError,
    AttributeError,
    ArithmeticError,
    LookupError,
    RecursionError,
)

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
# Jinja's names for the tokens it expected, as a template author types them.
_TOKENS = {
    "end of print statement": "}}",
    "end of statement block": "%}",
    "name": "een naam",
}


def syntax_problem(error: jinja2.TemplateSyntaxError) -> Problem:
    """A template that cannot be read as Jinja."""
    path = Path(error.filename) if error.filename else None
    message = error.message or ""
    if message.startswith(("No filter named", "No test named")):
        hint = f"de filters van brief zijn: {FILTER_NAMES}; controleer de spelling"
    else:
        hint = "controleer {{ }}, {% %} en of elke {% if %} of {% for %} een {% end… %} heeft"
    return Problem(
        display_path(path) if path else None,
        error.lineno,
        f"fout in het sjabloon: {_describe_syntax(message)}",
        hint,
    )


def runtime_problem(error: BaseException) -> Problem:
    """An error while a template ran, at the innermost template line."""
    path, line = _template_position(error)
    return Problem(path, line, f"fout in het sjabloon: {_describe(error)}", _hint(error))


def _template_position(error: BaseException) -> tuple[Path | None, int | None]:
    """The template file and line where a runtime error happened (innermost frame)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX):
            return display_path(Path(frame.filename)), frame.lineno
    return None, None


def _describe(error: BaseException) -> str:  # noqa: PLR0911 (one answer per kind of error)
    """A template's runtime error in Dutch; Jinja's and Python's English never reaches the user."""
    message = str(error)
    if isinstance(error, LimitError):
        return message  # our own, already Dutch
    if isinstance(error, RecursionError):
        return "het sjabloon roept zichzelf steeds opnieuw aan ({% include %} of een macro)"
    match = re.match(r"'(.+)' is undefined", message)
    if match:
        return f"'{match.group(1)}' bestaat niet"
    match = re.match(r"access to attribute '(.+?)' of '(.+?)' object is unsafe", message)
    if match or isinstance(error, SecurityError):
        what = f"'{match.group(1)}'" if match else "dit"
        return f"{what} mag een sjabloon niet gebruiken (beveiliging)"
    match = re.match(r"'(?:[\w.]*\.)?(\w+)(?: object)?' has no attribute '(.+)'", message)
    if match:
        owner = _OBJECT_NAMES.get(match.group(1), match.group(1))
        return f"'{match.group(2)}' bestaat niet (in {owner})"
    match = re.match(r"(\w+) object has no element (.+)", message)
    if match:
        owner = _OBJECT_NAMES.get(match.group(1), match.group(1))
        return f"element {match.group(2)} bestaat niet (in {owner})"
    if isinstance(error, ZeroDivisionError):
        return "deling door nul"
    if isinstance(error, ArithmeticError):
        return "een berekening geeft een getal dat te groot is"
    if isinstance(error, ValueError) and message.startswith("lege waarde"):
        return message  # our own, already Dutch
    if isinstance(error, TypeError):
        return "deze bewerking past niet bij de waarde (bv. tekst en een getal optellen)"
    return "deze regel kan niet worden uitgevoerd"


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
        return f"{match.group(1)} '{match.group(2)}' bestaat niet"
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
    if isinstance(error, LimitError | RecursionError):
        return "een brief heeft dit niet nodig: vereenvoudig deze regel van het sjabloon"
    if isinstance(error, SecurityError) or "unsafe" in str(error):
        return "gebruik alleen de variabelen en filters uit de README"
    if isinstance(error, jinja2.UndefinedError):
        return "controleer de spelling; de README noemt alle variabelen van een brief"
    if "None" in str(error):
        return (
            "zet de regel binnen {% if … %} … {% endif %} zodat een lege waarde wordt overgeslagen"
        )
    return "controleer deze regel van het sjabloon"
