"""Markdown → a list of paragraphs, the small model the DOCX writer consumes.

Templates produce a Markdown subset: headings, paragraphs, bold/italic, bullet
and numbered lists (nested), links and hard line breaks. A line ``{.adres}``
directly above a block gives that block a named paragraph style of the house
style (address block, date, subject, signature …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

STYLE_LINE = re.compile(r"^\{\.([A-Za-z][\w-]*)\}$")  # {.stijl} above a block

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


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its runs, heading level, named style and list position."""

    runs: tuple[Run, ...] = ()
    heading: int = 0
    style: str | None = None
    list_position: ListPosition | None = None

    @property
    def text(self) -> str:
        """The plain text, line breaks as newlines."""
        return "".join(run.text for run in self.runs)


# A blank line followed by a line at column 0 that cannot continue a list
# always starts a new top-level block, so the text can be parsed in segments.
_SEGMENT_BREAK = re.compile(r"\n[ \t]*\n(?=[^\s\d*+\-])")


def parse_markdown(text: str) -> list[Paragraph]:
    """Parse Markdown text into paragraphs, dropping empty ones.

    Letters in a batch share most of their text, so each top-level segment is
    parsed once and cached; list numbers are then made unique per letter.
    """
    paragraphs: list[Paragraph] = []
    lists_before = 0
    pending_style: str | None = None
    for segment in _SEGMENT_BREAK.split(text):
        parsed, pending_style, list_count = _placed_segment(segment, pending_style, lists_before)
        paragraphs.extend(parsed)
        lists_before += list_count
    return paragraphs


@lru_cache(maxsize=8192)
def _placed_segment(
    text: str, style: str | None, lists_before: int
) -> tuple[tuple[Paragraph, ...], str | None, int]:
    """A segment's paragraphs where it stands in a letter: after a style line
    (``style``) and after ``lists_before`` lists. Cached too: most segments stand
    in the same place in every letter."""
    parsed, trailing_style, list_count = _parse_segment(text)
    if not style and not lists_before:
        return parsed, trailing_style, list_count
    placed = []
    for index, cached in enumerate(parsed):
        paragraph = cached
        if index == 0 and style and paragraph.style is None:
            paragraph = replace(paragraph, style=style)
        if paragraph.list_position and lists_before:
            position = paragraph.list_position
            paragraph = replace(
                paragraph,
                list_position=replace(position, list_id=position.list_id + lists_before),
            )
        placed.append(paragraph)
    return tuple(placed), trailing_style, list_count


@lru_cache(maxsize=8192)
def _parse_segment(text: str) -> tuple[tuple[Paragraph, ...], str | None, int]:
    """Paragraphs of one segment, a style line left at its end, and how many lists it has."""
    plain = _plain_segment(text)
    return plain if plain is not None else _parsed_segment(text)


# A segment the parser reads as one plain paragraph: no character that can start
# emphasis, a link or code, no odd whitespace, no blank line and no line that could
# start a heading or a list.
_NOT_PLAIN = re.compile(r"[*_\[\]<>`\t\r\0\x0b\x0c]|(?:^|\n)[\s#+\-\d]|\s\n|\s$")
# What a backslash makes literal (CommonMark's ASCII punctuation).
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _plain_segment(text: str) -> tuple[tuple[Paragraph, ...], str | None, int] | None:
    """What the parser gives for a plain paragraph (an address, a salutation), without
    it: most segments a letter does not share with the others are like that. None for
    anything else.

    Lines are joined by a space, or by a line break after a backslash; a backslash
    before punctuation makes it literal; a first line ``{.stijl}`` names the style.
    """
    text = text.strip("\n")
    if not text or _NOT_PLAIN.search(text):
        return None
    lines = text.split("\n")
    runs: list[Run] = []
    for number, line in enumerate(lines):
        last = number + 1 == len(lines)
        unescaped = _unescape(line, last)
        if unescaped is None:
            return None
        content, hard_break = unescaped
        runs.append(Run(content))
        if not last:
            runs.append(Run("\n" if hard_break else " "))
    style = None
    if match := STYLE_LINE.match(runs[0].text.strip()):
        style, runs = match.group(1), runs[2:]
    runs = _merge(runs)
    if style and not runs:
        return (), style, 0
    if not "".join(run.text for run in runs).strip():
        return (), None, 0
    return (Paragraph(tuple(runs), 0, style, None),), None, 0


def _unescape(line: str, last: bool) -> tuple[str, bool] | None:
    """A line's text with its escapes resolved, and whether it ends in a hard break
    (a backslash); None where the parser's reading is less plain than that."""
    pieces = []
    start = 0
    while (backslash := line.find("\\", start)) >= 0:
        pieces.append(line[start:backslash])
        if backslash + 1 == len(line):
            return None if last else ("".join(pieces), True)
        if line[backslash + 1] not in _ESCAPABLE:
            return None
        pieces.append(line[backslash + 1])
        start = backslash + 2
    pieces.append(line[start:])
    return "".join(pieces), False


def _parsed_segment(text: str) -> tuple[tuple[Paragraph, ...], str | None, int]:
    """``_parse_segment`` by the Markdown parser."""
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
            position = None
            if lists:
                list_id, ordered = lists[-1]
                position = ListPosition(list_id, len(lists) - 1, ordered, item_started)
                item_started = False
            if "".join(run.text for run in runs).strip():
                paragraphs.append(Paragraph(tuple(runs), heading, style or pending_style, position))
            pending_style = None
        elif token.type == "heading_close":
            heading = 0
    return tuple(paragraphs), pending_style, list_count


def _inline_runs(token: Token) -> tuple[list[Run], str | None]:
    """The runs of one inline token, and a style named by a leading '{.style}' line."""
    children = list(token.children or [])
    style = None
    if children and children[0].type == "text":
        match = STYLE_LINE.match(children[0].content.strip())
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
