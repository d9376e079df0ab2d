"""Pydantic's verdict on a YAML document, as Dutch problems at ``file:line``."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from brievenbus.dutch import dutch_choices, translate
from brievenbus.errors import DataError
from brievenbus.inputs.models import ELECTION_DATE_PATTERN, EMAIL_PATTERN, SINGLE_LINE_PATTERN
from brievenbus.inputs.yaml_reader import YamlDocument
from brievenbus.suggestions import did_you_mean

ModelT = TypeVar("ModelT", bound=BaseModel)


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
        purpose = describe_field(model, tuple(error["loc"]))
        return "verplicht veld ontbreekt", f"vul in: {purpose}" if purpose else "vul dit veld in"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        allowed = sorted(_fields_at(model, tuple(error["loc"][:-1])))
        hint = did_you_mean(name, allowed, f"toegestaan: {', '.join(allowed)}")
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
    if kind in {"float_parsing", "float_type", "finite_number"}:
        return f"moet een gewoon getal zijn{shown}", "schrijf alleen cijfers, bv. 3100 of 12.5"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"getal buiten het bereik{shown}", _range_hint(error["loc"], ctx)
    if kind.startswith("date"):
        return f"is geen geldige datum{shown}", "schrijf de datum als JJJJ-MM-DD, bv. 2026-03-18"
    if kind in {"list_type"}:
        return "moet een lijst zijn", (
            "zet de items tussen blokhaken, bv. [Huizen, Blaricum], of elk item op een eigen"
            " regel die begint met '- '"
        )
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
    EMAIL_PATTERN: "schrijf precies één e-mailadres, zonder naam erbij, bv. naam@voorbeeld.nl",
    SINGLE_LINE_PATTERN: "een naam past op één regel: haal de regelovergang weg",
    ELECTION_DATE_PATTERN: "schrijf JJJJ-MM als alleen de maand vaststaat (2030-03),"
    " of JJJJ-MM-DD (2030-03-20)",
}


def _range_hint(location: Any, ctx: dict[str, Any]) -> str:
    if "artikelen" in location:
        return "het verdrag heeft artikelen 1 tot en met 81"
    if "ge" in ctx:
        return f"de waarde moet minstens {_number(ctx['ge'])} zijn"
    return f"de waarde mag hoogstens {_number(ctx.get('le'))} zijn"


def _number(value: Any) -> str:
    """10000000 → '10.000.000', as Dutch readers write it."""
    return f"{value:,.0f}".replace(",", ".") if isinstance(value, int | float) else str(value)


def describe_field(model: type[BaseModel], location: tuple[str | int, ...]) -> str | None:
    """What a field is for (its description in ``models``), for a user who must fill it in."""
    if not location or not isinstance(location[-1], str):
        return None
    owner = _model_at(model, location[:-1])
    info = owner.model_fields.get(location[-1]) if owner else None
    return info.description if info else None


def _fields_at(model: type[BaseModel], location: tuple[str | int, ...]) -> set[str]:
    """The field names allowed at a location inside a model (for did-you-mean)."""
    owner = _model_at(model, location)
    return set(owner.model_fields) if owner else set()


def _model_at(model: type[BaseModel], location: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model found at a location inside a model, if a model is there."""
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
        return current
    return None


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
