"""Render a planned letter's templates and parse them into paragraphs: the letter before Word."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brievenbus.inputs.locations import TEMPLATE_SUFFIX
from brievenbus.letters.plan import LetterPlan
from brievenbus.letters.rendering import reads_any, render_template
from brievenbus.letters.variables import PARTY_VARIABLES
from brievenbus.markup import Paragraph, parse_markdown
from brievenbus.ooxml.house_style import SLOTS
from brievenbus.ooxml.xml import drop_invalid_xml
from brievenbus.wording import count

LETTER = "brief"  # the body's key beside the slot names


@dataclass(frozen=True)
class Composition:
    """A letter as paragraphs: body, header/footer fillings, subject and warnings."""

    body: list[Paragraph]
    slots: dict[str, list[Paragraph]]
    subject: str
    warnings: list[str]


@dataclass
class Letter:
    """A rendered letter: the .docx bytes and what the user should know about it."""

    plan: LetterPlan
    subject: str
    docx: bytes
    warnings: list[str] = field(default_factory=list)

    @property
    def from_default_sender(self) -> bool:
        """Signed by the default sender because no club covers the municipality."""
        return self.plan.club.standaard


def compose(
    plan: LetterPlan,
    variables: Mapping[str, Any],
    template_folders: Sequence[Path],
    shared_slots: dict[str, str] | None = None,
) -> Composition:
    """The body from the kind's template, each slot from its partial (_briefhoofd …).

    ``shared_slots``: slot texts already rendered for another party letter of the
    same municipality, kind, date, club and measures (see ``render_texts``).
    """
    texts = render_texts(plan.kind, variables, template_folders, shared_slots)
    # Characters XML cannot hold (control codes from pasted text) are dropped, with a warning.
    cleaned = {name: drop_invalid_xml(text) for name, text in texts.items()}
    removed = sum(dropped for _, dropped in cleaned.values())
    parsed = {name: parse_markdown(text) for name, (text, _) in cleaned.items()}
    body = parsed.pop(LETTER)
    warnings = []
    if removed:
        warnings.append(
            f"{count(removed, 'onzichtbaar stuurteken', 'onzichtbare stuurtekens')}"
            " weggelaten uit de brief aan "
            f"{plan.municipality.naam} (kan niet in Word); controleer de gegevens."
        )
    return Composition(body, parsed, subject_of(body), warnings)


def render_texts(
    kind: str,
    variables: Mapping[str, Any],
    template_folders: Sequence[Path],
    shared_slots: dict[str, str] | None = None,
) -> dict[str, str]:
    """The Markdown of a letter's body (under ``LETTER``) and of each slot.

    A slot whose template does not read the party (``PARTY_VARIABLES``) reads the
    same for every party of the municipality: with ``shared_slots`` it is rendered
    for the first party's letter, kept there, and taken from there for the others.
    """
    texts = {}
    for name in SLOTS:
        if shared_slots is not None and name in shared_slots:
            texts[name] = shared_slots[name]
            continue
        template = f"_{name}{TEMPLATE_SUFFIX}"
        texts[name] = render_template(template, variables, template_folders)
        if shared_slots is not None and not reads_any(
            tuple(template_folders), template, PARTY_VARIABLES
        ):
            shared_slots[name] = texts[name]
    texts[LETTER] = render_template(kind + TEMPLATE_SUFFIX, variables, template_folders)
    return texts


def subject_of(paragraphs: Sequence[Paragraph]) -> str:
    """The subject line ({.onderwerp}) without 'Betreft:', for the document properties."""
    for paragraph in paragraphs:
        if paragraph.style and paragraph.style.casefold() == "onderwerp":
            return paragraph.text.removeprefix("Betreft:").strip()
    return "Het Verdrag van Istanbul"
