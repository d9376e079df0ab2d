"""Building a letter's .docx: well-formed whatever the text, readable by zipfile and Word's
reader (python-docx), with every attribute value escaped."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from brievenbus.inputs.locations import packaged_dir
from brievenbus.markup import ListPosition, Paragraph, Run
from brievenbus.ooxml.document import CoreProperties, build_docx, core_properties_xml
from brievenbus.ooxml.house_style import FOOTER, LETTERHEAD, HouseStyle, load_house_style
from brievenbus.ooxml.logo import RELATIONSHIP_ID, load_logo
from brievenbus.ooxml.xml import w
from tests.ooxml.conftest import ODD_STYLE_ID, ODD_STYLE_NAME, Restyle, add_odd_style

FIXTURES = Path(__file__).parents[1] / "fixtures"
PACKAGED = packaged_dir("templates") / "huisstijl.docx"
URL = 'https://example.org/zoek?a=1&b="2"&c=<3>'
ODD = 'Tom & Jerry "de <beste>" club'
PROPERTIES = CoreProperties(
    title=f"Betreft: {ODD}",
    subject="Verdrag & gemeente",
    author=ODD,
    created=datetime.date(2026, 3, 18),
)
BODY = [
    Paragraph((Run("Kop & <zo>"),), heading=1),
    Paragraph((Run("Aan "), Run("de raad", bold=True), Run(" van ", italic=True)), style="adres"),
    Paragraph((Run("Zie "), Run("de site", link=URL), Run("\n"), Run("nu")), style=ODD_STYLE_NAME),
    Paragraph((Run("een"),), list_position=ListPosition(1, 0, True)),
    Paragraph((Run("twee"),), list_position=ListPosition(1, 0, True)),
    Paragraph((Run("los"),)),
    Paragraph((Run("ander"),), list_position=ListPosition(2, 0, False)),
]
# The same letter for a house style without the odd style.
PLAIN_BODY = [
    Paragraph(p.runs, p.heading, None, p.list_position) if p.style == ODD_STYLE_NAME else p
    for p in BODY
]
SLOTS = {
    LETTERHEAD: [Paragraph((Run("Soroptimistclub ‘t Gooi & <Eemland>"),))],
    FOOTER: [Paragraph((Run("www.soroptimist.nl", link="https://www.soroptimist.nl/?x&y"),))],
}


@pytest.fixture
def style(restyle: Restyle) -> HouseStyle:
    return load_house_style(restyle(add_odd_style))


def build(style: HouseStyle, **changes: object) -> bytes:
    arguments: dict[str, object] = {"body": BODY, "slots": SLOTS, "properties": PROPERTIES}
    arguments.update(changes)
    return build_docx(style, **arguments)  # type: ignore[arg-type]


def well_formed_parts(data: bytes) -> dict[str, bytes]:
    """Every part, after zipfile's CRC check and lxml's parse of every XML part."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    parts = {name: archive.read(name) for name in archive.namelist()}
    for name, content in parts.items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(content)  # raises on anything not well-formed
    return parts


def test_every_attribute_and_text_is_escaped(style: HouseStyle) -> None:
    """Style ids, link targets and document properties with " & < give a valid document."""
    data = build(style)
    parts = well_formed_parts(data)
    # Style ids from the XML: python-docx looks a style up with an XPath that a '"' breaks.
    body = etree.fromstring(parts["word/document.xml"]).iter(w("p"))
    ids = [p.find(f"{w('pPr')}/{w('pStyle')}") for p in body]
    document = docx.Document(io.BytesIO(data))
    paragraphs = [
        (i.get(w("val")) if i is not None else "", p.text)
        for i, p in zip(ids, document.paragraphs, strict=True)
    ]
    assert paragraphs == [
        ("Heading1", "Kop & <zo>"),
        ("Adres", "Aan de raad van "),
        (ODD_STYLE_ID, "Zie de site\nnu"),
        ("ListParagraph", "een"),
        ("ListParagraph", "twee"),
        ("", "los"),
        ("ListParagraph", "ander"),
    ]
    styles = etree.fromstring(parts["word/styles.xml"]).iter(w("style"))
    assert ODD_STYLE_ID in {s.get(w("styleId")) for s in styles}
    assert [h.url for h in document.paragraphs[2].hyperlinks] == [URL]
    assert [(r.bold, r.italic) for r in document.paragraphs[1].runs] == [
        (None, None),
        (True, None),
        (None, True),
    ]
    core = document.core_properties
    assert (core.title, core.subject, core.author) == (PROPERTIES.title, "Verdrag & gemeente", ODD)
    assert core.created == datetime.datetime(2026, 3, 18, tzinfo=datetime.UTC)
    assert core.language == "nl-NL"


def test_same_letter_same_bytes(style: HouseStyle) -> None:
    assert build(style) == build(style)
    assert build(style) != build(style, body=BODY[:-1])


def test_each_list_restarts_at_one(style: HouseStyle) -> None:
    parts = well_formed_parts(build(style))
    body = etree.fromstring(parts["word/document.xml"])
    num_ids = list(dict.fromkeys(n.get(w("val")) for n in body.iter(w("numId"))))
    assert num_ids == [str(style.first_num_id), str(style.first_num_id + 1)]
    numbering = etree.fromstring(parts["word/numbering.xml"])
    added = [
        n for n in numbering.iter(w("num")) if int(n.get(w("numId"), "0")) >= style.first_num_id
    ]
    assert [n.find(f".//{w('startOverride')}").get(w("val")) for n in added] == ["1", "1"]  # type: ignore[union-attr]


def test_header_and_footer_are_filled_and_links_there_stay_text(style: HouseStyle) -> None:
    parts = well_formed_parts(build(style))
    header = etree.fromstring(parts["word/header1.xml"])
    assert "".join(t.text or "" for t in header.iter(w("t"))).startswith(
        "Soroptimistclub ‘t Gooi & <Eemland>"
    )
    for footer in ("word/footer1.xml", "word/footer2.xml"):
        root = etree.fromstring(parts[footer])
        assert "www.soroptimist.nl" in "".join(t.text or "" for t in root.iter(w("t")))
        assert not list(root.iter(w("hyperlink")))  # a footer part has no link relationships
        assert "{{" not in parts[footer].decode()


def test_an_empty_slot_still_gives_a_valid_header(style: HouseStyle) -> None:
    parts = well_formed_parts(build(style, slots={}))
    header = etree.fromstring(parts["word/header1.xml"])
    assert len(list(header.iter(w("p")))) >= 1
    assert "briefhoofd" not in parts["word/header1.xml"].decode()


def test_core_properties_use_the_letter_date() -> None:
    root = etree.fromstring(core_properties_xml(PROPERTIES).encode())
    stamps = [e.text for e in root if e.tag.endswith(("created", "modified"))]
    assert stamps == ["2026-03-18T00:00:00Z", "2026-03-18T00:00:00Z"]


@pytest.mark.parametrize(
    ("name", "content_type"), [("logo.png", "image/png"), ("logo.jpg", "image/jpeg")]
)
def test_logo_in_the_letterhead(name: str, content_type: str) -> None:
    """The image is in the package, related to the header and typed in [Content_Types].xml."""
    logo = load_logo(FIXTURES / name)
    data = build(load_house_style(PACKAGED), body=PLAIN_BODY, logo=logo)
    parts = well_formed_parts(data)
    assert parts[logo.part_name] == logo.data
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {
        d.get("Extension"): d.get("ContentType") for d in types if d.tag.endswith("Default")
    }
    assert defaults[logo.extension] == content_type
    document = docx.Document(io.BytesIO(data))
    header = document.sections[0].first_page_header
    if not document.sections[0].different_first_page_header_footer:
        header = document.sections[0].header
    relationship = header.part.rels[RELATIONSHIP_ID]
    assert relationship.reltype == RT.IMAGE
    assert relationship.target_part.blob == logo.data
    extent = etree.fromstring(parts["word/header1.xml"]).find(
        ".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
    )
    assert extent is not None
    assert (extent.get("cx"), extent.get("cy")) == (str(logo.width), str(logo.height))


def test_house_style_with_a_non_ascii_part_name(restyle: Restyle) -> None:
    """A part Word saved under a name with accents is kept, and the letter opens."""
    picture = (FIXTURES / "logo.png").read_bytes()

    def add_part(parts: dict[str, bytes]) -> None:
        parts["word/media/afbeelding-één.png"] = picture

    data = build(load_house_style(restyle(add_part)), body=PLAIN_BODY)
    parts = well_formed_parts(data)
    assert parts["word/media/afbeelding-één.png"] == picture
    docx.Document(io.BytesIO(data))


def test_paragraphs_shared_by_letters_read_the_same_in_each(style: HouseStyle) -> None:
    """Letters share parsed paragraphs (their runs' XML is kept): a second letter with the
    same paragraphs in another order, and the link, reads right in Word's reader."""
    first = docx.Document(io.BytesIO(build(style)))
    second = docx.Document(io.BytesIO(build(style, body=list(reversed(BODY)))))
    texts = [p.text for p in first.paragraphs]
    assert [p.text for p in second.paragraphs] == list(reversed(texts))
    assert [p.text for p in docx.Document(io.BytesIO(build(style))).paragraphs] == texts
    for document in (first, second):
        links = [r for r in document.part.rels.values() if r.reltype == RT.HYPERLINK]
        assert [r.target_ref for r in links] == [URL]


def test_the_kept_runs_are_bounded(style: HouseStyle) -> None:
    """A long batch cannot grow the kept runs' XML without end."""
    from brievenbus.ooxml.document import _PLAIN_PARAGRAPHS, _PLAIN_RUNS, MAX_KEPT_RUNS

    body = [Paragraph((Run(f"alinea {n}"),)) for n in range(MAX_KEPT_RUNS + 10)]
    parts = well_formed_parts(build(style, body=body))
    assert "alinea 4105" in parts["word/document.xml"].decode()
    assert 0 < len(_PLAIN_RUNS) <= MAX_KEPT_RUNS
    assert 0 < len(_PLAIN_PARAGRAPHS) <= MAX_KEPT_RUNS


def test_a_kept_paragraph_still_follows_each_letters_house_style(style: HouseStyle) -> None:
    """Paragraphs are kept as XML for the next letter, but only for the same house style:
    on another one the style is looked up again (here: one it does not have)."""
    from brievenbus.errors import TemplateError

    odd = Paragraph((Run("Bijzonder"),), style=ODD_STYLE_NAME)
    parts = well_formed_parts(build(style, body=[odd]))
    body = etree.fromstring(parts["word/document.xml"])
    assert [s.get(w("val")) for s in body.iter(w("pStyle"))] == [ODD_STYLE_ID]
    with pytest.raises(TemplateError, match="heeft geen alinea-stijl"):
        build(load_house_style(PACKAGED), body=[odd])


def test_a_kept_list_paragraph_takes_its_letters_list_number(style: HouseStyle) -> None:
    """The same list item in two letters: its numbering follows the lists before it."""
    item = Paragraph((Run("een"),), list_position=ListPosition(1, 0, True))
    other = Paragraph((Run("ander"),), list_position=ListPosition(2, 0, False))

    def num_ids(body: list[Paragraph]) -> list[str | None]:
        parts = well_formed_parts(build(style, body=body))
        document = etree.fromstring(parts["word/document.xml"])
        return [n.get(w("val")) for n in document.iter(w("numId"))]

    first = style.first_num_id
    assert num_ids([item]) == [str(first)]
    assert num_ids([other, item]) == [str(first), str(first + 1)]
    assert num_ids([item]) == [str(first)]
