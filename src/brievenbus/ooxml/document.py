"""Paragraphs → a Word document, built on a prepared house style.

Per letter only the body, the numbering instances, the hyperlink
relationships, the header/footer placeholders and the core properties are
written, as WordprocessingML; everything else comes from the house style as it
is. Same input, same bytes: a re-run can tell "unchanged" from "changed".
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from brievenbus.markup import Paragraph, Run
from brievenbus.ooxml.house_style import LETTERHEAD, HouseStyle
from brievenbus.ooxml.logo import Logo, add_to_package, drawing_xml
from brievenbus.ooxml.package import write_package
from brievenbus.ooxml.xml import HYPERLINK_TYPE, xml_text

LIST_INDENT = 360  # twips per list level, as in the house style's numbering
MAX_KEPT_RUNS = 4096  # runs' XML kept for the next letters (a letter has about 40)
# id(runs) → (those runs, their XML); the runs are kept too, so that the id stays theirs.
_PLAIN_RUNS: dict[int, tuple[tuple[Run, ...], str]] = {}
# The same for whole paragraphs without links: id → (paragraph, house style, (default
# paragraph properties, whether it ends a list, its list's number), XML).
_PLAIN_PARAGRAPHS: dict[int, tuple[Paragraph, HouseStyle, tuple[str, bool, int | None], str]] = {}


@dataclass(frozen=True)
class CoreProperties:
    """What Word shows under File → Info."""

    title: str
    subject: str
    author: str
    created: datetime.date


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
        position = paragraph.list_position
        num_id = None  # a list's number in this letter (numbered in order of appearance)
        if position and position.first_in_item:
            num_id = self.num_id(position.list_id, position.level, position.ordered)
        context = (default_properties, ends_list, num_id)
        kept = _PLAIN_PARAGRAPHS.get(id(paragraph))
        if kept and kept[0] is paragraph and kept[1] is self.style and kept[2] == context:
            return kept[3]
        xml = self._paragraph(paragraph, default_properties, ends_list)
        if not any(run.link for run in paragraph.runs):
            if len(_PLAIN_PARAGRAPHS) >= MAX_KEPT_RUNS:
                _PLAIN_PARAGRAPHS.clear()
            _PLAIN_PARAGRAPHS[id(paragraph)] = (paragraph, self.style, context, xml)
        return xml

    def _paragraph(
        self, paragraph: Paragraph, default_properties: str = "", ends_list: bool = False
    ) -> str:
        properties = ""
        style_name = paragraph.style
        if not style_name and paragraph.heading:
            style_name = f"heading {paragraph.heading}"
        elif not style_name and paragraph.list_position:
            style_name = "List Paragraph"
        if style_name:
            properties = f'<w:pStyle w:val="{xml_text(self.style.style_id(style_name))}"/>'
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

    def runs(self, runs: tuple[Run, ...]) -> str:
        """The runs' XML; kept for runs without links (letters share most paragraphs,
        and the very same parsed runs: ``markup`` caches them)."""
        cached = _PLAIN_RUNS.get(id(runs))
        if cached is not None and cached[0] is runs:
            return cached[1]
        xml = self._runs(runs)
        if not any(run.link for run in runs):
            if len(_PLAIN_RUNS) >= MAX_KEPT_RUNS:
                _PLAIN_RUNS.clear()
            _PLAIN_RUNS[id(runs)] = (runs, xml)
        return xml

    def _runs(self, runs: Sequence[Run]) -> str:
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
            if logo is not None and name == LETTERHEAD:
                content = f"<w:p>{slot.paragraph_properties}{drawing_xml(logo)}</w:p>" + content
            # A header or footer needs at least one paragraph.
            changed[slot.part] = slot.before + (content or "<w:p/>") + slot.after
    changed["word/numbering.xml"] = builder.numbering()
    changed["word/_rels/document.xml.rels"] = builder.relationships()
    parts = {**style.parts, **{k: v.encode() for k, v in changed.items()}}
    if logo is not None:
        for slot in style.slots.get(LETTERHEAD, []):
            add_to_package(parts, slot.part, logo)
    return write_package(parts, style.parts)
