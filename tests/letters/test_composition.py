"""A planned letter's templates → paragraphs: body, letterhead and footer, subject, warnings."""

from __future__ import annotations

import datetime
from pathlib import Path

from brievenbus.letters.composition import compose, subject_of
from brievenbus.letters.workspace import Workspace
from brievenbus.markup import Paragraph, Run
from brievenbus.ooxml.house_style import FOOTER, LETTERHEAD


def test_body_and_slots_from_their_templates(tmp_path: Path, packaged_workspace: Workspace) -> None:
    (tmp_path / "verkiezingen.md.j2").write_text(
        "{.onderwerp}\nBetreft: {{ onderwerp }}\n\nTekst\x07 met een bel.\n", encoding="utf-8"
    )
    (tmp_path / "_briefhoofd.md.j2").write_text("Kop", encoding="utf-8")
    (tmp_path / "_voettekst.md.j2").write_text("Voet\x00", encoding="utf-8")
    plan = packaged_workspace.plan(
        packaged_workspace.dataset.find_municipality("Huizen"), date=datetime.date(2026, 3, 18)
    )
    composition = compose(plan, {"onderwerp": "Het verdrag & u"}, [tmp_path])
    assert [(p.style, p.text) for p in composition.body] == [
        ("onderwerp", "Betreft: Het verdrag & u"),
        (None, "Tekst met een bel."),
    ]
    assert {name: [p.text for p in slot] for name, slot in composition.slots.items()} == {
        LETTERHEAD: ["Kop"],
        FOOTER: ["Voet"],
    }
    assert composition.subject == "Het verdrag & u"
    assert composition.warnings == [
        "2 onzichtbare stuurtekens weggelaten uit de brief aan Huizen (kan niet in Word); "
        "controleer de gegevens."
    ]


def test_subject_without_betreft_or_a_default() -> None:
    subject = Paragraph((Run("Betreft: Opvang"),), style="Onderwerp")
    assert subject_of([Paragraph((Run("Aan"),)), subject]) == "Opvang"
    assert subject_of([Paragraph((Run("Aan"),))]) == "Het Verdrag van Istanbul"
