"""Safe text for WordprocessingML: what goes in must come out, in elements and attributes."""

from __future__ import annotations

import pytest
from lxml import etree

from brievenbus.ooxml.xml import W_NS, w, xml_text


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
