"""Reading a house style: its styles by name, its slots, and Dutch errors for a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from brievenbus.errors import OutputError, TemplateError
from brievenbus.inputs.locations import packaged_dir
from brievenbus.ooxml.house_style import (
    FOOTER,
    LETTERHEAD,
    load_house_style,
    placeholder_text,
)
from brievenbus.ooxml.xml import w
from tests.ooxml.conftest import ODD_STYLE_ID, ODD_STYLE_NAME, Restyle, add_odd_style

PACKAGED = packaged_dir("templates") / "huisstijl.docx"


def test_slots_are_the_placeholder_paragraphs_of_header_and_footers() -> None:
    style = load_house_style(PACKAGED)
    assert {name: [s.part for s in slots] for name, slots in style.slots.items()} == {
        LETTERHEAD: ["word/header1.xml"],
        FOOTER: ["word/footer1.xml", "word/footer2.xml"],
    }
    for slot in style.slots[FOOTER]:
        # The placeholder is cut out; what is around it is the part's own XML.
        assert "voettekst" not in slot.before + slot.after
        etree.fromstring((slot.before + "<w:p/>" + slot.after).encode())
    assert placeholder_text(FOOTER) == "{{ voettekst }}"


@pytest.mark.parametrize(
    ("name", "style_id"),
    [("heading 1", "Heading1"), ("ONDERWERP", "Onderwerp"), ("Plaats en datum", "Datum")],
)
def test_style_by_name_or_id_in_any_case(name: str, style_id: str) -> None:
    assert load_house_style(PACKAGED).style_id(name) == style_id


def test_unknown_style_names_the_ones_there_are() -> None:
    with pytest.raises(TemplateError) as caught:
        load_house_style(PACKAGED).style_id("Citaat")
    problem = caught.value.problems[0]
    assert problem.message == "de huisstijl huisstijl.docx heeft geen alinea-stijl 'Citaat'"
    assert problem.hint.startswith("gebruik een bestaande stijl (Adres, Briefhoofd, Datum")
    assert problem.hint.endswith("of voeg hem in Word toe")


def test_style_id_with_characters_xml_must_escape(restyle: Restyle) -> None:
    style = load_house_style(restyle(add_odd_style))
    assert style.style_id(ODD_STYLE_NAME) == ODD_STYLE_ID
    assert style.style_id(ODD_STYLE_ID.upper()) == ODD_STYLE_ID


def test_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "huisstijl.docx"
    path.write_text("geen zip", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        load_house_style(path)
    problem = caught.value.problems[0]
    assert problem.message.startswith(f"de huisstijl {path} is geen geldig Word-document")
    assert "maak_huisstijl.py" in problem.hint


def test_house_style_without_bullet_lists(restyle: Restyle) -> None:
    def drop_bullets(parts: dict[str, bytes]) -> None:
        root = etree.fromstring(parts["word/numbering.xml"])
        for abstract in list(root.iter(w("abstractNum"))):
            formats = {f.get(w("val")) for f in abstract.iter(w("numFmt"))}
            if "bullet" in formats:
                root.remove(abstract)
        parts["word/numbering.xml"] = etree.tostring(root)

    path = restyle(drop_bullets)
    with pytest.raises(OutputError) as caught:
        load_house_style(path)
    assert caught.value.problems[0].message == (
        f"de huisstijl {path} mist een nummering voor opsommingen of genummerde lijsten"
    )
