"""What a house style may carry into every letter: only the parts a letter needs.

Everything in the house style is copied into each letter, so a ``.docm``
renamed ``.docx`` would hand its macros to every party leader. Refused: parts
whose content type a letter does not need (macros, ActiveX, embedded objects,
a template's main part), relationships that point outside the file (other
than hyperlinks) and XML with a document type declaration (entity bombs).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from brievenbus.errors import OutputError, Problem
from brievenbus.fileio import display_path
from brievenbus.ooxml.xml import HYPERLINK_TYPE, REL_NS

CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_OFFICE = "application/vnd.openxmlformats-officedocument."
ALLOWED_TYPES = frozenset(
    {
        "application/xml",
        "application/vnd.openxmlformats-package.relationships+xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
        _OFFICE + "extended-properties+xml",
        _OFFICE + "custom-properties+xml",
        _OFFICE + "theme+xml",
        _OFFICE + "customXmlProperties+xml",
        _OFFICE + "obfuscatedFont",  # fonts embedded by Word
        "application/vnd.ms-word.stylesWithEffects+xml",
        *(
            _WML + part
            for part in (
                "document.main+xml",
                "document.glossary+xml",
                "styles+xml",
                "numbering+xml",
                "settings+xml",
                "webSettings+xml",
                "fontTable+xml",
                "header+xml",
                "footer+xml",
                "footnotes+xml",
                "endnotes+xml",
                "comments+xml",
                "commentsExtended+xml",
                "commentsIds+xml",
                "commentsExtensible+xml",
                "people+xml",
                "printerSettings",  # the printer's settings, as Word saves them
            )
        ),
        *(
            f"image/{kind}"
            for kind in ("png", "jpeg", "gif", "bmp", "tiff", "x-emf", "x-wmf", "svg+xml")
        ),
    }
)
# Why a refused content type is there, in words a secretary knows.
_REASONS = (
    ("vba", "macro's"),
    ("macroEnabled", "macro's"),
    ("keyMapCustomizations", "macro's"),
    ("attachedToolbars", "macro's"),
    ("activeX", "ActiveX-elementen"),
    ("oleObject", "ingesloten objecten"),
    ("template.main", "een Word-sjabloon (.dotx)"),
)


def check_parts(parts: dict[str, bytes], path: Path) -> None:
    """Raise OutputError naming every part that has no place in a letter."""
    refused = [*_refused_parts(parts, path), *_refused_relationships(parts)]
    refused += [f"{name} (een DOCTYPE)" for name in parts if b"<!DOCTYPE" in parts[name][:4096]]
    if refused:
        raise OutputError(
            Problem(
                display_path(path),
                None,
                "de huisstijl bevat wat een brief niet mag meenemen: " + "; ".join(refused[:5]),
                "open hem in Word en sla hem op als 'Word-document (*.docx)', zonder macro's,"
                " ActiveX-elementen en ingesloten objecten",
            )
        )


def _refused_parts(parts: dict[str, bytes], path: Path) -> list[str]:
    defaults, overrides = _content_types(parts, path)
    refused = []
    for name in parts:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        extension = name.rpartition(".")[2].lower()
        content_type = overrides.get("/" + name, defaults.get(extension))
        if content_type is None:
            refused.append(f"{name} (onbekend soort onderdeel)")
        elif content_type not in ALLOWED_TYPES:
            reason = next((why for key, why in _REASONS if key in content_type), content_type)
            refused.append(f"{name} ({reason})")
    return refused


def _content_types(parts: dict[str, bytes], path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Content types by extension and by part name, from [Content_Types].xml."""
    try:
        root = etree.fromstring(parts["[Content_Types].xml"], _parser())
    except (KeyError, etree.XMLSyntaxError):
        raise OutputError.simple(
            "de huisstijl is geen Word-document (het overzicht [Content_Types].xml ontbreekt)",
            "sla hem in Word opnieuw op als 'Word-document (*.docx)'",
            display_path(path),
        ) from None
    defaults = {
        str(e.get("Extension", "")).lower(): str(e.get("ContentType", ""))
        for e in root.iter(f"{{{CONTENT_TYPES_NS}}}Default")
    }
    overrides = {
        str(e.get("PartName", "")): str(e.get("ContentType", ""))
        for e in root.iter(f"{{{CONTENT_TYPES_NS}}}Override")
    }
    return defaults, overrides


def _refused_relationships(parts: dict[str, bytes]) -> list[str]:
    """Relationships that leave the file; only hyperlinks may."""
    refused = []
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError:
            refused.append(f"{name} (onleesbaar)")
            continue
        for relationship in root.iter(f"{{{REL_NS}}}Relationship"):
            external = relationship.get("TargetMode") == "External"
            if external and relationship.get("Type") != HYPERLINK_TYPE:
                target = str(relationship.get("Target", ""))[:80]
                refused.append(f"{name} (een koppeling naar buiten: {target})")
    return refused


def _parser() -> etree.XMLParser:
    """No entities, no network, no huge trees: house style XML needs none of them."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
