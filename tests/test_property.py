"""Any text in the data reaches the letter intact: YAML fields → letter → DOCX → read back."""

from __future__ import annotations

import io
import re

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brievenbus.letters import Workspace
from brievenbus.models import Club, Measure, Party, Signatory

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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    club_name=name,
    signatory=name,
    party_name=name,
    measure_title=name,
    measure_text=name,
    kind=st.sampled_from(["verkiezingen", "coalitie"]),
)
def test_any_text_survives_into_the_docx(
    club_name: str,
    signatory: str,
    party_name: str,
    measure_title: str,
    measure_text: str,
    kind: str,
) -> None:
    """Every field's text is in the reopened DOCX; forbidden control characters are dropped with a warning."""
    municipality = WORKSPACE.dataset.find_municipality("Huizen")
    club = Club.model_validate(
        {
            "id": "proef",
            "naam": club_name,
            "ondertekenaars": [Signatory(naam=signatory, rol="voorzitter")],
        }
    )
    party = Party.model_validate({"naam": party_name, "zetels": 1})
    measure = Measure.model_validate(
        {
            "id": "proef",
            "titel": measure_title,
            "pijler": "preventie",
            "artikelen": [13],
            "tekst": measure_text,
            "bron": "test",
            "contexten": [kind],
        }
    )
    plan = WORKSPACE.plan(municipality, kind, party=party)
    plan = type(plan)(plan.municipality, plan.kind, plan.date, club, (measure,), party)
    letter = WORKSPACE.render(plan)

    shown = document_text(letter.docx)
    for value in (club_name, signatory, party_name, measure_title, measure_text):
        assert expected(value) in shown
    # Validation already trims white space (a form feed at the end is gone); what is left must warn.
    stored = (
        club.naam,
        club.ondertekenaars[0].naam or "",
        party.naam,
        measure.titel,
        measure.tekst,
    )
    has_control = any(INVALID_XML.search(v) for v in stored)
    assert has_control == any("stuurteken" in w for w in letter.warnings)
