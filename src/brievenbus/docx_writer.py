"""Paragraphs → a Word document, built on the house style (templates/huisstijl.docx).

The house style is read once (with lxml): its styles,
numbering definitions, theme, fonts, header and footers stay as they are. Per
letter only the body, the numbering instances, the hyperlink relationships,
the header/footer placeholders and the core properties are written, as
WordprocessingML, and zipped with fixed timestamps: identical input gives
byte-identical files, so a re-run can tell "unchanged" from "changed".
"""

from __future__ import annotations

import datetime
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from lxml import etree

from brievenbus.errors import OutputError, TemplateError, document_reason
from brievenbus.logo import Logo, add_to_package, drawing_xml
from brievenbus.markup import Paragraph, Run

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
MARKER = "BRIEVENBUS-MARKER"
PLACEHOLDER = re.compile(r"^\{\{\s*(\w+)\s*\}\}$")
# Characters XML 1.0 cannot hold; they are dropped (the caller warns about them).
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
LETTERHEAD_SLOT = "briefhoofd"
LIST_INDENT = 360  # twips per list level, as in the house style's numbering


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@dataclass(frozen=True)
class Slot:
    """A placeholder paragraph in a header or footer part, split around it."""

    part: str
    before: str
    after: str
    paragraph_properties: str


@dataclass(frozen=True)
class CoreProperties:
    """What Word shows under File → Info."""

    title: str
    subject: str
    author: str
    created: datetime.date


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
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
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
    num_ids = [int(n.get(_w("numId"), "0")) for n in numbering.iter(_w("num"))]
    abstracts = {
        fmt.get(_w("val")): abstract.get(_w("abstractNumId"))
        for abstract in numbering.iter(_w("abstractNum"))
        for fmt in abstract.iterfind(f"{_w('lvl')}[@{_w('ilvl')}='0']/{_w('numFmt')}")
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
    for style in etree.fromstring(xml).iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        styles[style_id.casefold()] = style_id
        name = style.find(_w("name"))
        if name is not None and name.get(_w("val")):
            styles.setdefault(str(name.get(_w("val"))).casefold(), style_id)
    return styles


def _serialize(root: etree._Element) -> str:
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml.decode()


def _split_document(xml: bytes) -> tuple[str, str]:
    """The document without its body content, split where the letter goes."""
    root = etree.fromstring(xml)
    body = root.find(_w("body"))
    assert body is not None
    for child in list(body):
        if child.tag != _w("sectPr"):
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
        for paragraph in root.iter(_w("p")):
            text = "".join(t.text or "" for t in paragraph.iter(_w("t"))).strip()
            match = PLACEHOLDER.match(text)
            if not match:
                continue
            properties = paragraph.find(_w("pPr"))
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


# ------------------------------------------------------------------ building


class _Builder:
    """Collects what one letter adds to the package: list instances and links."""

    def __init__(self, style: HouseStyle) -> None:
        self.style = style
        self.num_ids: dict[int, tuple[int, int, bool]] = {}  # list id → (numId, level, ordered)
        self.links: dict[str, str] = {}  # url → relationship id
        # Header and footer parts have their own relationships: links there stay plain text.
        self.allow_links = True

    def paragraphs(self, paragraphs: Sequence[Paragraph], default_properties: str = "") -> str:
        xml = []
        for index, paragraph in enumerate(paragraphs):
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            # List items sit close together; the last one gets the space of a paragraph.
            ends_list = bool(paragraph.list_position) and not (
                following and following.list_position
            )
            xml.append(self.paragraph(paragraph, default_properties, ends_list))
        return "".join(xml)

    def paragraph(
        self, paragraph: Paragraph, default_properties: str = "", ends_list: bool = False
    ) -> str:
        properties = ""
        if paragraph.style:
            properties = f'<w:pStyle w:val="{self.style.style_id(paragraph.style)}"/>'
        elif paragraph.heading:
            properties = (
                f'<w:pStyle w:val="{self.style.style_id(f"heading {paragraph.heading}")}"/>'
            )
        elif paragraph.list_position:
            properties = f'<w:pStyle w:val="{self.style.style_id("List Paragraph")}"/>'
        position = paragraph.list_position
        if position and position.first_in_item:
            num_id = self.num_id(position.list_id, position.level, position.ordered)
            properties += (
                f'<w:numPr><w:ilvl w:val="{position.level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        if ends_list:
            properties += '<w:spacing w:after="140"/>'
        if position and not position.first_in_item:
            properties += f'<w:ind w:left="{LIST_INDENT * (position.level + 1)}"/>'
        properties = f"<w:pPr>{properties}</w:pPr>" if properties else default_properties
        return f"<w:p>{properties}{self.runs(paragraph.runs)}</w:p>"

    def runs(self, runs: Sequence[Run]) -> str:
        xml = []
        for run in runs:
            if run.text == "\n":
                xml.append("<w:r><w:br/></w:r>")
                continue
            link = run.link if self.allow_links else None
            formatting = (
                ('<w:rStyle w:val="Hyperlink"/>' if link else "")
                + ("<w:b/>" if run.bold else "")
                + ("<w:i/>" if run.italic else "")
            )
            if formatting:
                formatting = f"<w:rPr>{formatting}</w:rPr>"
            element = f'<w:r>{formatting}<w:t xml:space="preserve">{xml_text(run.text)}</w:t></w:r>'
            if link:
                rid = self.link_id(link)
                element = f'<w:hyperlink r:id="{rid}" w:history="1">{element}</w:hyperlink>'
            xml.append(element)
        return "".join(xml)

    def num_id(self, list_id: int, level: int, ordered: bool) -> int:
        if list_id not in self.num_ids:
            self.num_ids[list_id] = (self.style.first_num_id + len(self.num_ids), level, ordered)
        return self.num_ids[list_id][0]

    def link_id(self, url: str) -> str:
        return self.links.setdefault(url, f"rIdBrief{len(self.links) + 1}")

    def numbering(self) -> str:
        """Every list gets its own numbering instance that starts again at 1."""
        nums = []
        for num_id, level, ordered in self.num_ids.values():
            abstract = self.style.ordered_abstract if ordered else self.style.bullet_abstract
            nums.append(
                f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>'
                "</w:num>"
            )
        return self.style.numbering_head + "".join(nums) + "</w:numbering>"

    def relationships(self) -> str:
        links = "".join(
            f'<Relationship Id="{rid}" Type="{HYPERLINK_TYPE}" Target="{xml_text(url)}" '
            'TargetMode="External"/>'
            for url, rid in self.links.items()
        )
        return self.style.relationships_head + links + "</Relationships>"


@lru_cache(maxsize=16384)
def xml_text(text: str) -> str:
    """Text safe inside an XML element or attribute: escaped, without characters XML forbids."""
    text = INVALID_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def core_properties_xml(properties: CoreProperties) -> str:
    """docProps/core.xml; the letter date doubles as created/modified for stable output."""
    stamp = f"{properties.created.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(properties.title)}</dc:title>"
        f"<dc:subject>{xml_text(properties.subject)}</dc:subject>"
        f"<dc:creator>{xml_text(properties.author)}</dc:creator>"
        f"<cp:lastModifiedBy>{xml_text(properties.author)}</cp:lastModifiedBy>"
        "<dc:language>nl-NL</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def build_docx(
    style: HouseStyle,
    body: Sequence[Paragraph],
    slots: Mapping[str, Sequence[Paragraph]],
    properties: CoreProperties,
    logo: Logo | None = None,
) -> bytes:
    """Build one letter as .docx bytes: body paragraphs plus header/footer fillings.

    A logo goes into the part that holds the letterhead ({{ briefhoofd }}).
    """
    builder = _Builder(style)
    changed = {
        "word/document.xml": style.document_head + builder.paragraphs(body) + style.document_tail,
        "docProps/core.xml": core_properties_xml(properties),
    }
    for name, fillings in style.slots.items():
        for slot in fillings:
            builder.allow_links = False
            content = builder.paragraphs(slots.get(name, ()), slot.paragraph_properties)
            if logo is not None and name == LETTERHEAD_SLOT:
                content = f"<w:p>{slot.paragraph_properties}{drawing_xml(logo)}</w:p>" + content
            # A header or footer needs at least one paragraph.
            changed[slot.part] = slot.before + (content or "<w:p/>") + slot.after
    changed["word/numbering.xml"] = builder.numbering()
    changed["word/_rels/document.xml.rels"] = builder.relationships()
    parts = {**style.parts, **{k: v.encode() for k, v in changed.items()}}
    if logo is not None:
        for slot in style.slots.get(LETTERHEAD_SLOT, []):
            add_to_package(parts, slot.part, logo)
    return _zip(parts, style.parts)


@dataclass(frozen=True)
class ZipEntry:
    """One deflated part, ready to be placed in a zip archive."""

    name: bytes
    crc: int
    size: int
    data: bytes


@lru_cache(maxsize=256)
def deflate(name: str, content: bytes) -> ZipEntry:
    """Compress one part; the house style's unchanged parts hit the cache every letter."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    return ZipEntry(name.encode("ascii"), zlib.crc32(content), len(content), data)


def _zip(parts: dict[str, bytes], order: dict[str, bytes]) -> bytes:
    """A zip of the parts in the house style's order, with fixed timestamps (1-1-1980).

    Written by hand so that unchanged parts are compressed once, not per letter;
    the layout is plain PKZIP 2.0 as zipfile writes it.
    """
    local = bytearray()
    central = bytearray()
    names = [*order, *(n for n in parts if n not in order)]
    for name in names:
        entry = deflate(name, parts[name])
        offset = len(local)
        header = (_ZIP_VERSION, 0, 8, 0, _DOS_DATE, entry.crc, len(entry.data), entry.size)
        local += struct.pack("<4s2H2HH3L2H", b"PK\x03\x04", *header, len(entry.name), 0)
        local += entry.name + entry.data
        central += struct.pack(
            "<4sH2H2HH3L5H2L",
            b"PK\x01\x02",
            _ZIP_VERSION,
            *header,
            len(entry.name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += entry.name
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(names), len(names), len(central), len(local), 0
    )
    return bytes(local + central + end)


_ZIP_VERSION = 20  # deflate
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01; the time field is 0 (midnight)
