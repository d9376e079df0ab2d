"""Markdown → a list of paragraphs, the small model the DOCX writer consumes.

Templates produce a Markdown subset: headings, paragraphs, bold/italic, bullet
and numbered lists (nested), links and hard line breaks. A line ``{.adres}``
directly above a block gives that block a named paragraph style of the house
style (address block, date, subject, signature …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

_STYLE_LINE = re.compile(r"^\{\.([A-Za-z][\w-]*)\}$")

_PARSER = MarkdownIt("zero").enable(
    ["heading", "list", "emphasis", "link", "autolink", "newline", "escape"]
)


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting; ``text == '\\n'`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass(frozen=True)
class ListPosition:
    """Where a paragraph sits in a list: which list, how deep, numbered or not."""

    list_id: int
    level: int
    ordered: bool
    first_in_item: bool = True


@dataclass
class Paragraph:
    """One paragraph: its runs, heading level, named style and list position."""

    runs: list[Run] = field(default_factory=list)
    heading: int = 0
    style: str | None = None
    list_position: ListPosition | None = None

    @property
    def text(self) -> str:
        """The plain text, line breaks as newlines."""
        return "".join(run.text for run in self.runs)


def parse_markdown(text: str) -> list[Paragraph]:
    """Parse Markdown text into paragraphs, dropping empty ones."""
    paragraphs: list[Paragraph] = []
    lists: list[tuple[int, bool]] = []  # open lists: (list id, ordered)
    list_count = 0
    item_started = False
    pending_style: str | None = None
    heading = 0
    for token in _PARSER.parse(text):
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            list_count += 1
            lists.append((list_count, token.type == "ordered_list_open"))
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            lists.pop()
        elif token.type == "list_item_open":
            item_started = True
        elif token.type == "heading_open":
            heading = int(token.tag[1:])
        elif token.type == "inline":
            runs, style = _inline_runs(token)
            if style and not runs:
                pending_style = style
                continue
            paragraph = Paragraph(runs, heading, style or pending_style)
            pending_style = None
            if lists:
                list_id, ordered = lists[-1]
                paragraph.list_position = ListPosition(
                    list_id, len(lists) - 1, ordered, item_started
                )
                item_started = False
            paragraphs.append(paragraph)
        elif token.type == "heading_close":
            heading = 0
    return [p for p in paragraphs if p.text.strip()]


def _inline_runs(token: Token) -> tuple[list[Run], str | None]:
    """The runs of one inline token, and a style named by a leading '{.style}' line."""
    children = list(token.children or [])
    style = None
    if children and children[0].type == "text":
        match = _STYLE_LINE.match(children[0].content.strip())
        if match and (len(children) == 1 or children[1].type in {"softbreak", "hardbreak"}):
            style = match.group(1)
            children = children[2:]
    runs: list[Run] = []
    bold = italic = False
    href: str | None = None
    for child in children:
        if child.type == "text":
            runs.append(Run(child.content, bold, italic, href))
        elif child.type == "softbreak":
            runs.append(Run(" ", bold, italic, href))
        elif child.type == "hardbreak":
            runs.append(Run("\n"))
        elif child.type in {"strong_open", "strong_close"}:
            bold = child.type == "strong_open"
        elif child.type in {"em_open", "em_close"}:
            italic = child.type == "em_open"
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close":
            href = None
    return _merge(runs), style


def _merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with the same formatting (fewer XML elements)."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if (
            merged
            and run.text != "\n"
            and merged[-1].text != "\n"
            and (merged[-1].bold, merged[-1].italic, merged[-1].link)
            == (run.bold, run.italic, run.link)
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            merged.append(run)
    return merged
