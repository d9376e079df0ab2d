"""Any text in the data reaches the letter intact: YAML fields → letter → DOCX → read back."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brievenbus.inputs.models import Club, Fact, Measure, Municipality, Party
from brievenbus.letters.plan import LetterPlan
from brievenbus.letters.rendering import unbracket
from brievenbus.letters.workspace import Workspace

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Anything a user might paste into YAML: markup characters, ']]>', right-to-left
# text, emoji, very long words, and control characters XML cannot hold.
tricky = st.sampled_from(
    [
        "&",
        "<",
        ">",
        "]]>",
        "*",
        "_",
        "[x](y)",
        "# ",
        "1. ",
        "- ",
        "\\",
        "'s-",
        "שלום",
        "مرحبا",
        "👩🏽‍⚖️",
        "x" * 300,
        "\x00",
        "\x07",
        "\x1b",
        "\ufffe",
        "\t",
        "\n",
    ]
)
text = st.lists(st.one_of(st.text(min_size=1, max_size=12), tricky), min_size=1, max_size=6).map(
    "".join
)
name = text.filter(lambda t: INVALID_XML.sub("", t).strip() and t.strip())

WORKSPACE = Workspace.open()


def expected(value: str) -> str:
    """What the letter shows: control characters dropped, white space (and line breaks) folded."""
    return " ".join(INVALID_XML.sub("", value).split())


def document_text(data: bytes) -> str:
    """All text of a .docx (body, headers, footers), white space folded."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for section in document.sections:
        for part in (section.first_page_header, section.first_page_footer, section.footer):
            parts.extend(p.text for p in part.paragraphs)
    return " ".join(" ".join(parts).split())


FIELDS = (
    "gemeente",
    "gemeente_gangbaar",
    "club",
    "plaats",
    "secretariaat",
    "ondertekenaar",
    "rol",
    "fractie",
    "fractievoorzitter",
    "maatregel_titel",
    "maatregel_tekst",
    "feit",
    "feit_bron",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.fixed_dictionaries(dict.fromkeys(FIELDS, name)),
    kind=st.sampled_from(["verkiezingen", "coalitie"]),
)
def test_any_text_survives_into_the_docx(values: dict[str, str], kind: str) -> None:
    """Text in every field reaches the reopened DOCX; forbidden control characters are dropped with a warning."""
    huizen = WORKSPACE.dataset.find_municipality("Huizen")
    municipality = Municipality.model_validate(
        {
            **huizen.model_dump(),
            "naam": values["gemeente"],
            "naam_gangbaar": values["gemeente_gangbaar"],
        }
    )
    club = Club.model_validate(
        {
            "id": "proef",
            "naam": values["club"],
            "plaats": values["plaats"],
            "secretariaat": values["secretariaat"],
            "ondertekenaars": [{"naam": values["ondertekenaar"], "rol": values["rol"]}],
        }
    )
    party = Party.model_validate(
        {"naam": values["fractie"], "zetels": 1, "fractievoorzitter": values["fractievoorzitter"]}
    )
    measure = Measure.model_validate(
        {
            "id": "proef",
            "titel": values["maatregel_titel"],
            "pijler": "preventie",
            "artikelen": [13, 23],  # a shelter article: the shelter sentence names the municipality
            "tekst": values["maatregel_tekst"],
            "bron": "test",
            "contexten": [kind],
        }
    )
    fact = Fact.model_validate(
        {
            "id": "proef",
            "tekst": values["feit"],
            "bron": values["feit_bron"],
            "jaar": 2025,
            "contexten": [kind],
        }
    )
    facts = {**WORKSPACE.dataset.facts, "proef": fact}
    workspace = dataclasses.replace(
        WORKSPACE, dataset=dataclasses.replace(WORKSPACE.dataset, facts=facts)
    )
    plan = LetterPlan(municipality, kind, datetime.date(2026, 4, 28), club, (measure,), party)
    letter = workspace.render(plan)

    shown = document_text(letter.docx)
    # The coalition letter has no list of national facts.
    checked = [f for f in FIELDS if kind == "verkiezingen" or not f.startswith("feit")]
    for field in checked:
        text = expected(values[field])
        if field == "feit":  # the citation goes before the closing full stop
            text = text.removesuffix(".")
        if field == "maatregel_tekst" and kind == "verkiezingen":  # ... and so do the articles
            text = text.rstrip(".")
        if field == "feit_bron":  # a citation is in brackets already: "A (B)" becomes "A, B"
            text = expected(unbracket(values[field]))
        if field == "fractievoorzitter":  # without initials before it, a name starts with a capital
            text = text[:1].upper() + text[1:] if text[:1].upper() + text[1:] in shown else text
        assert text in shown, field
    # Validation already trims white space (a form feed at the end is gone); what is left must warn.
    stored = [
        municipality.naam,
        municipality.naam_gangbaar or "",
        club.naam,
        club.plaats or "",
        club.secretariaat or "",
        club.ondertekenaars[0].naam or "",
        club.ondertekenaars[0].rol or "",
        party.naam,
        party.fractievoorzitter or "",
        measure.titel,
        measure.tekst,
    ] + ([fact.tekst, fact.bron] if kind == "verkiezingen" else [])
    has_control = any(INVALID_XML.search(v) for v in stored)
    assert has_control == any("stuurteken" in w for w in letter.warnings)
