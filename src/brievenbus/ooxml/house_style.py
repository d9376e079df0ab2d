"""The house style (templates/huisstijl.docx): read once, prepared for every letter.

Its styles, numbering definitions, theme, fonts, header and footers stay as
they are. Header and footer paragraphs whose whole text is a placeholder
(``{{ briefhoofd }}``, ``{{ voettekst }}``) become slots that each letter fills.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from brievenbus.errors import OutputError, TemplateError, document_reason
from brievenbus.ooxml.package import read_package
from brievenbus.ooxml.xml import w

LETTERHEAD = "briefhoofd"  # the slot with the club's letterhead (and logo)
FOOTER = "voettekst"
SLOTS = (LETTERHEAD, FOOTER)
PLACEHOLDER = re.compile(r"^\{\{\s*(\w+)\s*\}\}$")  # a paragraph that is only {{ name }}
MARKER = "BRIEVENBUS-MARKER"


def placeholder_text(slot: str) -> str:
    """How a slot's placeholder is typed in the house style."""
    return f"{{{{ {slot} }}}}"


@dataclass(frozen=True)
class Slot:
    """A placeholder paragraph in a header or footer part, split around it."""

    part: str
    before: str
    after: str
    paragraph_properties: str


@dataclass(frozen=True)
class HouseStyle:
    """The parts of huisstijl.docx that stay the same in every letter."""

    path: Path
    parts: dict[str, bytes]
    document_head: str
    document_tail: str
    relationships_head: str
    numbering_head: str
    first_num_id: int
    ordered_abstract: str
    bullet_abstract: str
    styles: dict[str, str]
    slots: dict[str, list[Slot]] = field(default_factory=dict)

    def style_id(self, name: str) -> str:
        """The style id for a style name or id, case-insensitive."""
        try:
            return self.styles[name.casefold()]
        except KeyError:
            known = ", ".join(sorted({v for v in self.styles.values()}))
            raise TemplateError.simple(
                f"de huisstijl {self.path.name} heeft geen alinea-stijl '{name}'",
                f"gebruik een bestaande stijl ({known}) of voeg hem in Word toe",
            ) from None


@cache
def load_house_style(path: Path) -> HouseStyle:
    """Read a house style .docx once and prepare it for building letters."""
    try:
        parts = read_package(path)
        styles = _style_ids(parts["word/styles.xml"])
        head, tail = _split_document(parts["word/document.xml"])
        relationships_head = _open_end(parts["word/_rels/document.xml.rels"])
        numbering = etree.fromstring(parts["word/numbering.xml"])
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise OutputError.simple(
            f"de huisstijl {path} is geen geldig Word-document met lijsten"
            f" ({document_reason(error)})",
            "maak hem opnieuw met scripts/maak_huisstijl.py, of in Word (Opslaan als → .docx)",
            path,
        ) from None
    num_ids = [int(n.get(w("numId"), "0")) for n in numbering.iter(w("num"))]
    abstracts = {
        fmt.get(w("val")): abstract.get(w("abstractNumId"))
        for abstract in numbering.iter(w("abstractNum"))
        for fmt in abstract.iterfind(f"{w('lvl')}[@{w('ilvl')}='0']/{w('numFmt')}")
    }
    if "bullet" not in abstracts or "decimal" not in abstracts:
        raise OutputError.simple(
            f"de huisstijl {path} mist een nummering voor opsommingen of genummerde lijsten",
            "maak de huisstijl opnieuw met scripts/maak_huisstijl.py of voeg lijsten toe in Word",
            path,
        )
    return HouseStyle(
        path=path,
        parts=parts,
        document_head=head,
        document_tail=tail,
        relationships_head=relationships_head,
        numbering_head=_open_end(parts["word/numbering.xml"]),
        first_num_id=max(num_ids, default=0) + 1,
        ordered_abstract=str(abstracts["decimal"]),
        bullet_abstract=str(abstracts["bullet"]),
        styles=styles,
        slots=_find_slots(parts),
    )


def _style_ids(xml: bytes) -> dict[str, str]:
    """Style ids by lower-case id and by lower-case name ('heading 1' → 'Heading1')."""
    styles: dict[str, str] = {}
    for style in etree.fromstring(xml).iter(w("style")):
        style_id = style.get(w("styleId"))
        if not style_id:
            continue
        styles[style_id.casefold()] = style_id
        name = style.find(w("name"))
        if name is not None and name.get(w("val")):
            styles.setdefault(str(name.get(w("val"))).casefold(), style_id)
    return styles


def _serialize(root: etree._Element) -> str:
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml.decode()


def _split_document(xml: bytes) -> tuple[str, str]:
    """The document without its body content, split where the letter goes."""
    root = etree.fromstring(xml)
    body = root.find(w("body"))
    if body is None:
        raise KeyError("word/document.xml heeft geen w:body")
    for child in list(body):
        if child.tag != w("sectPr"):
            body.remove(child)
    body.insert(0, etree.Comment(MARKER))
    head, tail = _serialize(root).split(f"<!--{MARKER}-->")
    return head, tail


def _open_end(xml: bytes) -> str:
    """An XML part without its closing root tag, so elements can be appended."""
    root = etree.fromstring(xml)
    root.append(etree.Comment(MARKER))
    return _serialize(root).split(f"<!--{MARKER}-->")[0]


def _find_slots(parts: dict[str, bytes]) -> dict[str, list[Slot]]:
    """Header/footer paragraphs whose whole text is a placeholder like {{ voettekst }}."""
    slots: dict[str, list[Slot]] = {}
    for name in sorted(parts):
        if not re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            continue
        root = etree.fromstring(parts[name])
        for paragraph in root.iter(w("p")):
            text = "".join(t.text or "" for t in paragraph.iter(w("t"))).strip()
            match = PLACEHOLDER.match(text)
            if not match:
                continue
            properties = paragraph.find(w("pPr"))
            paragraph_properties = (
                etree.tostring(properties).decode() if properties is not None else ""
            )
            parent = paragraph.getparent()
            assert parent is not None
            parent.replace(paragraph, etree.Comment(MARKER))
            before, after = _serialize(root).split(f"<!--{MARKER}-->")
            slots.setdefault(match.group(1), []).append(
                Slot(name, before, after, paragraph_properties)
            )
            break  # one placeholder per part
    return slots
