"""`brief voorbeeld`: a letter in the terminal, from the same paragraphs that go into Word."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from brievenbus.letters.composition import Composition
from brievenbus.markup import Paragraph
from brievenbus.ooxml.house_style import FOOTER, LETTERHEAD

BULLETS = ("•", "–", "▪")


def preview(composition: Composition, title: str) -> Panel:
    """The whole letter as a rich renderable: letterhead, body, footer."""
    parts: list[Padding | Text | Rule] = []
    for paragraph in composition.slots.get(LETTERHEAD, []):
        parts.append(Text(paragraph.text, style="bold blue", justify="right"))
    parts.append(Text())
    parts.extend(_body(composition.body))
    parts.append(Rule(style="dim"))
    for paragraph in composition.slots.get(FOOTER, []):
        parts.append(Text(paragraph.text, style="dim", justify="center"))
    return Panel(Group(*parts), title=title, width=92, padding=(1, 3))


def _body(paragraphs: Sequence[Paragraph]) -> list[Padding | Text]:
    counters: dict[int, int] = {}
    rendered: list[Padding | Text] = []
    previous_in_list = False
    for paragraph in paragraphs:
        text = _runs(paragraph)
        position = paragraph.list_position
        if paragraph.heading:
            text.stylize("bold blue")
            rendered.append(Padding(text, (1, 0, 0, 0)))
        elif position is not None:
            indent = 3 * (position.level + 1)
            if position.first_in_item:
                counters[position.list_id] = counters.get(position.list_id, 0) + 1
                number = counters[position.list_id]
                label = f"{number}." if position.ordered else BULLETS[position.level % len(BULLETS)]
                text = Text(f"{label} ").append_text(text)
                indent -= len(label) + 1
            rendered.append(Padding(text, (0, 0, 0, max(indent, 0))))
        else:
            if (paragraph.style or "").casefold() == "onderwerp":
                text.stylize("bold")
            elif (paragraph.style or "").casefold() == "klein":
                text.stylize("dim")
            after_list = bool(rendered) and previous_in_list
            rendered.append(Padding(text, (int(after_list), 0, 1, 0)))
        previous_in_list = position is not None
    return rendered


def _runs(paragraph: Paragraph) -> Text:
    text = Text()
    for run in paragraph.runs:
        # A link looks as in Word: underlined text, clickable where the terminal allows it.
        style = Style(bold=run.bold or None, italic=run.italic or None, link=run.link or None)
        if run.link:
            style += Style(underline=True, color="blue")
        text.append(run.text, style=style)
    return text
