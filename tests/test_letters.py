"""Golden structure tests: the two seed letters, rebuilt from data and templates.

The letters are read back with python-docx and compared paragraph by
paragraph (style and text), with their list numbering, links, header, footer
and document properties: what a reader or Word would notice, never zip bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from brievenbus.letters.composition import Letter
from brievenbus.letters.workspace import Workspace
from brievenbus.output.files import write_letter

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HUIZEN_DATE = datetime.date(2025, 9, 23)
ALMERE_DATE = datetime.date(2026, 4, 28)


@dataclass(frozen=True)
class Line:
    """A paragraph read back: style, text and list position (numId, level, format)."""

    style: str
    text: str
    numbering: tuple[str, int, str] | None


def make_letter(name: str, kind: str, date: datetime.date, folder: Path) -> tuple[Letter, Path]:
    """Build a letter with the packaged data and write it to a folder."""
    workspace = Workspace.open()
    plan = workspace.plan(workspace.dataset.find_municipality(name), kind, date)
    letter = workspace.render(plan)
    path = folder / plan.relative_path
    write_letter(letter.docx, path)
    return letter, path


def read_lines(path: Path) -> list[Line]:
    """Every body paragraph with its style, text and numbering as Word resolves it."""
    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    lines = []
    for paragraph in document.paragraphs:
        # python-docx types numPr as ZeroOrOne; at run time it is the CT_NumPr element.
        num_pr: Any = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
        position = None
        if num_pr is not None:
            num_id = num_pr.numId.val
            level = num_pr.ilvl.val
            num = numbering.num_having_numId(num_id)
            abstract_id = num.abstractNumId.val
            abstract = next(
                a
                for a in numbering.findall(qn("w:abstractNum"))
                if a.get(qn("w:abstractNumId")) == str(abstract_id)
            )
            fmt = abstract.xpath(
                f"w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val", namespaces={"w": W_NS}
            )[0]
            position = (str(num_id), level, fmt)
        lines.append(
            Line(paragraph.style.name if paragraph.style else "", paragraph.text, position)
        )
    return lines


def restarts_at_one(path: Path, num_id: str, level: int) -> bool:
    """Whether a numbering instance restarts its level at 1 (a new list)."""
    numbering = docx.Document(str(path)).part.numbering_part.element
    num = numbering.num_having_numId(int(num_id))
    return bool(num.xpath(f"w:lvlOverride[@w:ilvl='{level}']/w:startOverride[@w:val='1']"))


@pytest.fixture(scope="module")
def huizen(tmp_path_factory: pytest.TempPathFactory) -> tuple[Letter, Path]:
    """The election letter to the party leaders of Huizen (seed 000)."""
    return make_letter("Huizen", "verkiezingen", HUIZEN_DATE, tmp_path_factory.mktemp("huizen"))


@pytest.fixture(scope="module")
def almere(tmp_path_factory: pytest.TempPathFactory) -> tuple[Letter, Path]:
    """The coalition letter to the negotiators of Almere (seed 001)."""
    return make_letter("Almere", "coalitie", ALMERE_DATE, tmp_path_factory.mktemp("almere"))


def test_huizen_paragraphs_in_order(huizen: tuple[Letter, Path]) -> None:
    """The election letter follows the seed: address, date, subject, facts, pillars, measures, question."""
    lines = read_lines(huizen[1])
    expected: list[tuple[str, str]] = [
        ("Adres", "Aan de fractievoorzitters van de gemeenteraad van Huizen"),
        ("Plaats en datum", "Huizen, 23 september 2025"),
        ("Onderwerp", "Betreft: Het Verdrag van Istanbul – opname in uw partijprogramma"),
        ("Normal", "Geachte mevrouw, geachte heer,"),
        (
            "Normal",
            "Met de gemeenteraadsverkiezingen van 18 maart 2026 in zicht vragen wij als Soroptimistclub Bussum e.o.",
        ),
        ("Normal", "Het Verdrag van Istanbul is het mensenrechtenverdrag van de Raad van Europa"),
        ("Normal", "Gemeenten hebben een sleutelrol"),
        ("Heading 2", "Enkele feiten en cijfers"),
        ("List Paragraph", "Wereldwijd krijgt bijna één op de drie vrouwen"),
        (
            "List Paragraph",
            "In de jaren 2020–2024 werd in Nederland gemiddeld elke acht dagen een vrouw gedood;",
        ),
        ("List Paragraph", "Volgens de landelijke monitor zijn er ongeveer 1.000 opvangplekken"),
        ("Heading 2", "Nederland en het Verdrag van Istanbul"),
        ("Normal", "Nederland heeft het verdrag op 18 november 2015 geratificeerd"),
        ("Heading 2", "De vier pijlers: preventie, bescherming, vervolging en beleid"),
        ("Normal", "Het verdrag rust op vier pijlers:"),
        ("List Paragraph", "Preventie en bewustwording:"),
        ("List Paragraph", "Bescherming en opvang:"),
        (
            "List Paragraph",
            "Vervolging: een strafrechtelijke aanpak van plegers, door politie en justitie;",
        ),
        ("List Paragraph", "Coördinatie en beleid:"),
        ("Heading 2", "Wat gemeenten kunnen doen om het verdrag uit te voeren"),
        ("List Paragraph", "Bewustwording. "),
        ("List Paragraph", "Onderwijs, sport en vrije tijd. "),
        ("List Paragraph", "Opleiding van professionals. "),
        ("List Paragraph", "Opvang en hulplijnen. Zorg samen met de centrumgemeente"),
        ("List Paragraph", "Gemeentelijk coördinatiepunt. "),
        ("List Paragraph", "Dataverzameling en monitoring. "),
        (
            "Normal",
            "De Raad van Europa beveelt aan dat er per 10.000 inwoners één gezinsplaats in de opvang is. De opvang is regionaal georganiseerd, onder regie van een centrumgemeente. Naar rato van het aantal inwoners (41.283) komt het aandeel van Huizen in die aanbeveling op ongeveer 4 gezinsplaatsen.",
        ),
        ("Heading 2", "Over Soroptimist"),
        (
            "Normal",
            "Soroptimist International is een wereldwijd netwerk van meer dan 65.000 vrouwen",
        ),
        ("Heading 2", "Onze vraag aan uw partij"),
        (
            "Normal",
            "Wij rekenen erop dat uw partij dit thema stevig verankert in haar lokale verkiezingsprogramma. Graag horen wij welke concrete maatregelen u voorstelt voor preventie, bescherming en beleid,",
        ),
        ("Groet", "Met vriendelijke en betrokken groet,"),
        ("Ondertekening", "Soroptimistclub Bussum e.o."),
        ("Ondertekening", "Contact: bussum@soroptimist.nl"),
    ]
    assert [
        (line.style, line.text[: len(text)])
        for line, (_, text) in zip(lines, expected, strict=True)
    ] == expected


def test_huizen_measures_carry_their_articles(huizen: tuple[Letter, Path]) -> None:
    """Each numbered measure ends with its Convention articles, ordered by pillar then article."""
    measures = [
        line.text
        for line in read_lines(huizen[1])
        if line.text.endswith(").") and "(Art. " in line.text
    ]
    assert [m.rsplit("(", 1)[1] for m in measures] == [
        "Art. 13).",
        "Art. 14).",
        "Art. 15).",
        "Art. 23–24).",
        "Art. 7 en 18).",
        "Art. 11).",
    ]


def test_huizen_lists_are_real_word_numbering_that_restarts(huizen: tuple[Letter, Path]) -> None:
    """Facts are bullets; pillars and measures are two numbered lists, each starting at 1."""
    path = huizen[1]
    numbered = [line.numbering for line in read_lines(path) if line.numbering]
    formats = [fmt for _, _, fmt in numbered]
    assert formats == ["bullet"] * 3 + ["decimal"] * 4 + ["decimal"] * 6
    pillar_list, measure_list = numbered[3][0], numbered[7][0]
    assert pillar_list != measure_list
    assert restarts_at_one(path, pillar_list, 0)
    assert restarts_at_one(path, measure_list, 0)


def test_huizen_facts_quote_source_and_year(huizen: tuple[Letter, Path]) -> None:
    """Every fact names source, title (when known) and year before its full stop, no brackets inside."""
    facts = [
        line.text
        for line in read_lines(huizen[1])
        if line.numbering and line.numbering[2] == "bullet"
    ]
    assert facts[0].endswith(
        " geweld (WHO, Violence against women prevalence estimates 2018, 2021)."
    )
    assert facts[1].endswith(" ex-partner (CBS, 2025).")
    assert facts[2].endswith(" 1.800 (Valente en VNG, Monitor Veilige Opvang 2022–2023, 2025).")
    for fact in facts:
        assert fact.count("(") == fact.count(")") == 1
    assert "familielid" not in facts[1]  # VERDRAG.md §4.2: every eight days counts all women
    assert "500" not in facts[2]  # VERDRAG.md §4.1: cite the monitor, not "500"


def test_huizen_has_no_invented_signatories(huizen: tuple[Letter, Path]) -> None:
    """The club has no names on file, so none appear, and no 'None' either."""
    text = "\n".join(line.text for line in read_lines(huizen[1]))
    assert "President" not in text
    assert "None" not in text
    assert "null" not in text


def test_link_is_clickable(huizen: tuple[Letter, Path]) -> None:
    """The Council of Europe source is a real hyperlink to an external address."""
    document = docx.Document(str(huizen[1]))
    links = [(h.text, h.address) for p in document.paragraphs for h in p.hyperlinks]
    assert links == [
        (
            "Raad van Europa; Nederlandse Vrouwenraad",
            "https://www.coe.int/en/web/istanbul-convention/netherlands",
        )
    ]


def test_document_properties_and_language(huizen: tuple[Letter, Path]) -> None:
    """Title and subject are the subject line, author is the club, language nl-NL, created = letter date."""
    document = docx.Document(str(huizen[1]))
    properties = document.core_properties
    assert properties.title == "Het Verdrag van Istanbul – opname in uw partijprogramma"
    assert properties.subject == properties.title
    assert properties.author == "Soroptimistclub Bussum e.o."
    assert properties.language == "nl-NL"
    assert properties.created == datetime.datetime(2025, 9, 23, tzinfo=datetime.UTC)
    defaults = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert defaults == ["nl-NL"]


def test_letterhead_and_footer_name_the_club(huizen: tuple[Letter, Path]) -> None:
    """The first page's header carries the club; every footer its name and e-mail."""
    section = docx.Document(str(huizen[1])).sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == "Soroptimistclub Bussum e.o."
    for footer in (section.first_page_footer, section.footer):
        assert footer.paragraphs[0].text == "Soroptimistclub Bussum e.o. • bussum@soroptimist.nl"
    assert "PAGE" in section.footer._element.xml  # page numbers from page 2 on


def test_almere_paragraphs_in_order(almere: tuple[Letter, Path]) -> None:
    """The coalition letter follows the seed: negotiators, measures by pillar, coalition agreement, signatories."""
    lines = read_lines(almere[1])
    expected: list[tuple[str, str]] = [
        (
            "Adres",
            "Aan de fractievoorzitters van de politieke partijen in de gemeenteraad van Almere\nt.a.v. de raadsgriffie",
        ),
        ("Plaats en datum", "Almere, 28 april 2026"),
        ("Onderwerp", "Betreft: Het Verdrag van Istanbul in het coalitieakkoord"),
        ("Normal", "Geachte college-onderhandelaars,"),
        ("Normal", "Soroptimistclub Almere, onderdeel van een wereldwijde vrouwenorganisatie"),
        (
            "Normal",
            "Wat ons betreft krijgt de veiligheid van vrouwen en kinderen de hoogste prioriteit",
        ),
        (
            "Normal",
            "Nederland heeft het verdrag op 18 november 2015 geratificeerd; sinds 1 maart 2016 is het hier van kracht (Raad van Europa; Nederlandse Vrouwenraad, 2016). Het verdrag van de Raad van Europa richt zich op het voorkomen en bestrijden van geweld tegen vrouwen en huiselijk geweld. De verplichtingen gelden voor de staat, maar het verdrag noemt ook lokale overheden, en gemeenten voeren veel ervan uit, zoals de opvang en Veilig Thuis. Concrete maatregelen die gemeenten kunnen nemen, zijn:",
        ),
        ("List Paragraph", "Preventie en bewustwording (Art. 13–15)"),
        ("List Paragraph", "Bewustwording. "),
        ("List Paragraph", "Onderwijs, sport en vrije tijd. "),
        ("List Paragraph", "Opleiding van professionals. "),
        ("List Paragraph", "Bescherming en opvang (Art. 23–24)"),
        ("List Paragraph", "Opvang en hulplijnen. "),
        ("List Paragraph", "Coördinatie en beleid (Art. 7, 11 en 18)"),
        ("List Paragraph", "Gemeentelijk coördinatiepunt. "),
        ("List Paragraph", "Dataverzameling en monitoring. "),
        (
            "Normal",
            "De Raad van Europa beveelt aan dat er per 10.000 inwoners één gezinsplaats in de opvang is. De opvang is regionaal georganiseerd, onder regie van een centrumgemeente. Naar rato van het aantal inwoners (232.650) komt het aandeel van Almere in die aanbeveling op ongeveer 23 gezinsplaatsen.",
        ),
        (
            "Normal",
            "Organisaties die geweld signaleren, slachtoffers opvangen en begeleiden, kunnen het aantal gevallen niet alleen terugdringen. Daarvoor moet het onderwerp voorrang krijgen in de hele samenleving, en dus ook in elke afdeling van het stadhuis: sport, onderwijs, de inrichting van de openbare ruimte, huisvesting, uitgaan, verslaving, sociale media, politie en veiligheid. En het moet jarenlang hoog op de agenda blijven.",
        ),
        (
            "Normal",
            "Wij hopen dat u dit onderschrijft en het Verdrag van Istanbul een duidelijke plaats geeft in uw coalitieakkoord",
        ),
        ("Groet", "Met vriendelijke en betrokken groet,"),
        (
            "Ondertekening",
            "Mw. C.J.M. Stibbe-Hartman, voorzitter\nMw. J.A. Westerbrink, voorzitter\nSoroptimistclub Almere",
        ),
        ("Ondertekening", "Contact: almere@soroptimist.nl"),
        ("Kleine tekst", "Deze brief is digitaal aangemaakt en daarom niet ondertekend."),
        (
            "Kleine tekst",
            "Soroptimist International is een wereldwijd netwerk van meer dan 65.000 vrouwen",
        ),
    ]
    assert [
        (line.style, line.text[: len(text)])
        for line, (_, text) in zip(lines, expected, strict=True)
    ] == expected


def test_almere_measures_grouped_by_pillar(almere: tuple[Letter, Path]) -> None:
    """Pillars are one numbered list; each pillar's measures a bullet list under it."""
    path = almere[1]
    numbered = [line.numbering for line in read_lines(path) if line.numbering]
    assert [(level, fmt) for _, level, fmt in numbered] == [
        (0, "decimal"),
        (1, "bullet"),
        (1, "bullet"),
        (1, "bullet"),
        (0, "decimal"),
        (1, "bullet"),
        (0, "decimal"),
        (1, "bullet"),
        (1, "bullet"),
    ]
    pillar_ids = {numbered[i][0] for i in (0, 4, 6)}
    assert len(pillar_ids) == 1  # one list: 1, 2, 3
    assert restarts_at_one(path, pillar_ids.pop(), 0)


def test_almere_secretariat_footer(almere: tuple[Letter, Path]) -> None:
    """The footer carries address, e-mail and both websites, in two rows that end without a '•'."""
    footer = docx.Document(str(almere[1])).sections[0].footer.paragraphs[0].text
    assert footer == (
        "Soroptimistclub Almere • Secretariaat Wielewaallaan 12, 1343 AE Almere\n"
        "almere@soroptimist.nl • www.soroptimist.nl • www.orangetheworldalmere.nl"
    )


@pytest.mark.parametrize("letter_name", ["huizen", "almere"])
def test_letters_pass_open_xml_validation(
    letter_name: str, request: pytest.FixtureRequest, assert_valid_docx: Callable[[Path], None]
) -> None:
    """Word opens both kinds of letter without repairs (Open XML SDK rules)."""
    _, path = request.getfixturevalue(letter_name)
    assert_valid_docx(path)


@pytest.mark.parametrize("letter_name", ["huizen", "almere"])
def test_no_empty_paragraphs(letter_name: str, request: pytest.FixtureRequest) -> None:
    """Template whitespace never turns into empty paragraphs in the letter."""
    _, path = request.getfixturevalue(letter_name)
    assert all(line.text.strip() for line in read_lines(path))


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    """Two builds of the same letter are byte-identical, so re-runs can say 'ongewijzigd'."""
    first, _ = make_letter("Almere", "coalitie", ALMERE_DATE, tmp_path / "a")
    second, _ = make_letter("Almere", "coalitie", ALMERE_DATE, tmp_path / "b")
    assert first.docx == second.docx
