"""Safe text for WordprocessingML: what goes in must come out, in elements and attributes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from brievenbus.ooxml.xml import INVALID_XML, W_NS, drop_invalid_xml, w, xml_text


@pytest.mark.parametrize(
    "text",
    ['a "quoted" & <tagged> value', "R&D > 5", "'s-Hertogenbosch", "Súdwest-Fryslân – ‘nl’", ""],
)
def test_text_survives_in_an_element_and_an_attribute(text: str) -> None:
    root = etree.fromstring(f'<r a="{xml_text(text)}">{xml_text(text)}</r>')
    assert root.get("a") == text
    assert (root.text or "") == text


def test_characters_xml_cannot_hold_are_dropped() -> None:
    """Control codes pasted from elsewhere would make Word refuse the document."""
    assert xml_text("a\x00b\x0bc\x1fd\ufffee") == "abcde"
    assert xml_text("regel\neen\ttab\r") == "regel\neen\ttab\r"  # allowed whitespace stays


def test_w_gives_the_lxml_tag_of_a_wordprocessingml_element() -> None:
    root = etree.fromstring(f'<w:p xmlns:w="{W_NS}"/>')
    assert root.tag == w("p")


# Letter text with now and then a character XML cannot hold (control codes,
# noncharacters, lone surrogates) among ordinary, accented and wide characters.
_SOMETIMES_INVALID = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from("\x00\x07\x0b\x0c\x1f\ufffe\uffff\ud800\udfff\t\n\r é–€😀"),
    )
)


@given(_SOMETIMES_INVALID)
def test_drop_invalid_xml_drops_what_the_pattern_drops(text: str) -> None:
    """Whatever is in the text: the same letter and the same count in the warning."""
    assert drop_invalid_xml(text) == INVALID_XML.subn("", text)


def test_drop_invalid_xml_counts_what_it_dropped() -> None:
    assert drop_invalid_xml("Geachte\x07 raad,\n") == ("Geachte raad,\n", 1)
    assert drop_invalid_xml("a\ud800b\uffff") == ("ab", 2)
    assert drop_invalid_xml("Súdwest-Fryslân – ‘nl’\n") == ("Súdwest-Fryslân – ‘nl’\n", 0)
