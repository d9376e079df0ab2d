"""Write templates/huisstijl.docx: the slim house style every letter is built on.

    python scripts/maak_huisstijl.py

The file is small on purpose (only the styles letters use; DESIGN §5) and can
be edited in Word afterwards: fonts, margins, colours, a logo in the header.
The paragraphs ``{{ briefhoofd }}`` and ``{{ voettekst }}`` in the header and
footers are replaced by the rendered ``_briefhoofd.md.j2`` and
``_voettekst.md.j2`` templates of each letter.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OUTPUT_PATH = Path(__file__).resolve().parent.parent / "templates" / "huisstijl.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
FONT = "Arial"  # metric-compatible Liberation Sans stands in where Arial is missing
TEXT_COLOUR = "222222"
ACCENT = "1F4E79"  # dark blue; Soroptimist house colours can be set in Word
GREY = "595959"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Override PartName="/word/document.xml" ContentType="{MAIN_CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{MAIN_CT}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{MAIN_CT}.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="{MAIN_CT}.settings+xml"/>
<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="{MAIN_CT}.fontTable+xml"/>
<Override PartName="/word/header1.xml" ContentType="{MAIN_CT}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{MAIN_CT}.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="{MAIN_CT}.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}">
<Relationship Id="rId1" Type="{DOC_TYPE}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{DOC_TYPE}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Huisstijl brievenbus</dc:title>
<dc:language>nl-NL</dc:language>
</cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>brievenbus</Application>
</Properties>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG}">
<Relationship Id="rId1" Type="{DOC_TYPE}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{DOC_TYPE}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{DOC_TYPE}/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="{DOC_TYPE}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rId5" Type="{DOC_TYPE}/header" Target="header1.xml"/>
<Relationship Id="rId6" Type="{DOC_TYPE}/footer" Target="footer1.xml"/>
<Relationship Id="rId7" Type="{DOC_TYPE}/footer" Target="footer2.xml"/>
<Relationship Id="rId8" Type="{DOC_TYPE}/theme" Target="theme/theme1.xml"/>
</Relationships>"""

# A4 portrait, 2.5 cm margins; letterhead only on page 1, page numbers from page 2.
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}">
<w:body>
<w:p><w:r><w:t>Hier komt de brief.</w:t></w:r></w:p>
<w:sectPr>
<w:headerReference w:type="first" r:id="rId5"/>
<w:footerReference w:type="default" r:id="rId6"/>
<w:footerReference w:type="first" r:id="rId7"/>
<w:pgSz w:w="11906" w:h="16838"/>
<w:pgMar w:top="1418" w:right="1418" w:bottom="1134" w:left="1418" w:header="567" w:footer="454" w:gutter="0"/>
<w:cols w:space="708"/>
<w:titlePg/>
<w:docGrid w:linePitch="360"/>
</w:sectPr>
</w:body>
</w:document>"""


def placeholder_part(root: str, name: str, extra: str = "") -> str:
    """A header or footer holding one placeholder paragraph."""
    style = "Briefhoofd" if name == "briefhoofd" else "Footer"
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} xmlns:w="{W}" xmlns:r="{R}">'
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        f"<w:r><w:t>{{{{ {name} }}}}</w:t></w:r></w:p>{extra}</w:{root}>"
    )


PAGE_NUMBER = (
    '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">pagina </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>2</w:t></w:r>"
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def paragraph_style(
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    based_on: str = "Normal",
    extra: str = "",
) -> str:
    """One paragraph style."""
    return (
        f'<w:style w:type="paragraph" w:customStyle="{int(style_id != name.replace(" ", ""))}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>{extra}'
        f"<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults>
<w:rPrDefault><w:rPr>
<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
<w:color w:val="{TEXT_COLOUR}"/><w:sz w:val="21"/><w:szCs w:val="21"/>
<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="140" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/></w:style>
{paragraph_style("Heading1", "heading 1", '<w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="0"/>', f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="26"/><w:szCs w:val="26"/>', extra='<w:next w:val="Normal"/>')}
{paragraph_style("Heading2", "heading 2", '<w:keepNext/><w:keepLines/><w:spacing w:before="220" w:after="60"/><w:outlineLvl w:val="1"/>', f'<w:b/><w:color w:val="{ACCENT}"/>', extra='<w:next w:val="Normal"/>')}
{paragraph_style("Heading3", "heading 3", '<w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="40"/><w:outlineLvl w:val="2"/>', "<w:b/><w:i/>", extra='<w:next w:val="Normal"/>')}
{paragraph_style("ListParagraph", "List Paragraph", '<w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/>')}
{paragraph_style("Adres", "Adres", '<w:spacing w:after="0"/>')}
{paragraph_style("Datum", "Plaats en datum", '<w:spacing w:before="360" w:after="360"/>')}
{paragraph_style("Onderwerp", "Onderwerp", '<w:keepNext/><w:spacing w:after="360"/>', "<w:b/>")}
{paragraph_style("Groet", "Groet", '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="480"/>')}
{paragraph_style("Ondertekening", "Ondertekening", '<w:keepNext/><w:keepLines/><w:spacing w:after="120"/>')}
{paragraph_style("Klein", "Kleine tekst", '<w:spacing w:before="120" w:after="80"/>', f'<w:color w:val="{GREY}"/><w:sz w:val="17"/><w:szCs w:val="17"/>')}
{paragraph_style("Briefhoofd", "Briefhoofd", f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="4" w:color="{ACCENT}"/></w:pBdr><w:spacing w:after="240"/><w:jc w:val="right"/>', f'<w:color w:val="{ACCENT}"/><w:sz w:val="26"/><w:szCs w:val="26"/>')}
{paragraph_style("Footer", "footer", f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{ACCENT}"/></w:pBdr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>', f'<w:color w:val="{GREY}"/><w:sz w:val="15"/><w:szCs w:val="15"/>')}
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>"""


def level(ilvl: int, fmt: str, text: str, indent: int) -> str:
    """One numbering level: format, label and a hanging indent."""
    font = (
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/></w:rPr>' if fmt == "bullet" else ""
    )
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{font}</w:lvl>'
    )


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{level(0, "decimal", "%1.", 360)}{level(1, "lowerLetter", "%2.", 720)}{level(2, "lowerRoman", "%3.", 1080)}</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{level(0, "bullet", "•", 360)}{level(1, "bullet", "–", 720)}{level(2, "bullet", "•", 1080)}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}">
<w:defaultTabStop w:val="708"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="nl-NL"/>
</w:settings>"""

FONT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}">
<w:font w:name="{FONT}"><w:altName w:val="Liberation Sans"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>"""


def _fills() -> str:
    return "".join('<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' for _ in range(3))


# Word requires a theme part; this one only names the font and a plain palette.
THEME = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="brievenbus">
<a:themeElements>
<a:clrScheme name="brievenbus">
<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="{ACCENT}"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>
<a:accent1><a:srgbClr val="{ACCENT}"/></a:accent1><a:accent2><a:srgbClr val="C00000"/></a:accent2>
<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>
<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>
<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>
</a:clrScheme>
<a:fontScheme name="brievenbus">
<a:majorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
<a:minorFont><a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>
</a:fontScheme>
<a:fmtScheme name="brievenbus">
<a:fillStyleLst>{_fills()}</a:fillStyleLst>
<a:lnStyleLst>{"".join('<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>' for _ in range(3))}</a:lnStyleLst>
<a:effectStyleLst>{"".join("<a:effectStyle><a:effectLst/></a:effectStyle>" for _ in range(3))}</a:effectStyleLst>
<a:bgFillStyleLst>{_fills()}</a:bgFillStyleLst>
</a:fmtScheme>
</a:themeElements>
</a:theme>"""

PARTS = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PACKAGE_RELS,
    "docProps/core.xml": CORE,
    "docProps/app.xml": APP,
    "word/document.xml": DOCUMENT,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/styles.xml": STYLES,
    "word/numbering.xml": NUMBERING,
    "word/settings.xml": SETTINGS,
    "word/fontTable.xml": FONT_TABLE,
    "word/theme/theme1.xml": THEME,
    "word/header1.xml": placeholder_part("hdr", "briefhoofd"),
    "word/footer1.xml": placeholder_part("ftr", "voettekst", PAGE_NUMBER),
    "word/footer2.xml": placeholder_part("ftr", "voettekst"),
}


def main() -> None:
    """Write the house style with fixed timestamps, so the file only changes when its XML does."""
    with zipfile.ZipFile(OUTPUT_PATH, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.replace("\n", ""))
    print(f"{OUTPUT_PATH.name} geschreven ({OUTPUT_PATH.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
