"""Markdown → paragraphs: the small model the Word writer gets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brievenbus.markup import ListPosition, Paragraph, Run, parse_markdown


def test_headings_styles_and_inline_formatting() -> None:
    text = "# Kop\n\n{.onderwerp}\nBetreft: **vet** en *schuin*\n\nTekst [site](<https://x.nl/a?b&c>)  \nnieuwe regel\n"
    assert parse_markdown(text) == [
        Paragraph((Run("Kop"),), heading=1),
        Paragraph(
            (Run("Betreft: "), Run("vet", bold=True), Run(" en "), Run("schuin", italic=True)),
            style="onderwerp",
        ),
        Paragraph(
            (Run("Tekst "), Run("site", link="https://x.nl/a?b&c"), Run("\n"), Run("nieuwe regel"))
        ),
    ]


def test_a_style_line_applies_to_the_next_block_only() -> None:
    paragraphs = parse_markdown("{.adres}\n\nRaad van Huizen\n\nGeachte raad,\n")
    assert [(p.style, p.text) for p in paragraphs] == [
        ("adres", "Raad van Huizen"),
        (None, "Geachte raad,"),
    ]


def test_nested_and_numbered_lists() -> None:
    text = "1. een\n   - a\n   - b\n2. twee\n\n   vervolg\n"
    positions = [(p.text, p.list_position) for p in parse_markdown(text)]
    assert positions == [
        ("een", ListPosition(1, 0, True)),
        ("a", ListPosition(2, 1, False)),
        ("b", ListPosition(2, 1, False)),
        ("twee", ListPosition(1, 0, True)),
        ("vervolg", ListPosition(1, 0, True, first_in_item=False)),
    ]


def test_every_list_in_a_letter_has_its_own_id() -> None:
    """Segments are parsed (and cached) separately; list ids still count through the letter."""
    text = "- a\n\nTussen\n\n- b\n\nNog\n\n- a\n"
    ids = [p.list_position.list_id for p in parse_markdown(text) if p.list_position]
    assert ids == [1, 2, 3]


def test_escaped_characters_are_text_and_empty_paragraphs_go() -> None:
    assert [p.text for p in parse_markdown("\\*geen\\* \\[link\\]\n\n\n\n   \n")] == [
        "*geen* [link]"
    ]


def test_a_cached_segment_takes_style_and_list_number_from_where_it_stands() -> None:
    """The same text in two places (cached once): style line and list number follow the place."""
    styled = parse_markdown("{.adres}\n\n- a\n")
    later = parse_markdown("- x\n\nTussen\n\n- a\n")
    assert [(p.text, p.style, p.list_position) for p in styled] == [
        ("a", "adres", ListPosition(1, 0, False))
    ]
    assert [(p.text, p.style, p.list_position) for p in later][-1] == (
        "a",
        None,
        ListPosition(2, 0, False),
    )
    assert parse_markdown("{.adres}\n\n- a\n") == styled


def test_the_parse_caches_are_bounded() -> None:
    """A long batch cannot grow the caches of parsed segments without end."""
    from brievenbus.markup import _parse_segment, _placed_segment

    for cached in (_parse_segment, _placed_segment):
        maxsize = cached.cache_info().maxsize
        assert maxsize is not None
        assert maxsize <= 10_000


PIECES = [*"ab {}.\\\n\t\r*_[]<>`#+-1)&!~:é\u00a0\u2028\x0b\x0c\x00", "{.adres}", "\\\n", "  \n"]


# Mostly plain text: lines, escapes, hard breaks, a style line.
PLAIN_PIECES = [
    "ab",
    " ",
    "\n",
    "\\\n",
    "\\(",
    "\\\\",
    "{.adres}",
    ".",
    "é",
    "&",
    "\\",
    "{",
    "x\u00a0y",
]


@settings(max_examples=3000, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
        st.lists(st.sampled_from(PLAIN_PIECES), max_size=30).map("".join),
    )
)
def test_plain_paragraphs_read_as_the_parser_reads_them(text: str) -> None:
    """Segments without Markdown syntax skip the parser: whatever text, the paragraphs
    are the parser's, or the parser reads it."""
    from brievenbus.markup import _parsed_segment, _plain_segment

    plain = _plain_segment(text)
    assert plain is None or plain == _parsed_segment(text)


def test_address_and_salutation_skip_the_parser() -> None:
    """What differs per letter (address, salutation) is plain, and read the same."""
    from brievenbus.markup import _parsed_segment, _plain_segment

    for text in (
        "{.adres}\nAan de fractievoorzitter van de VVD\\\nin de gemeenteraad van Huizen",
        "Geachte fractievoorzitter van GroenLinks\\-PvdA \\(GL\\),",
        "{.datum}\nHuizen, 28 april 2026\n",
    ):
        assert _plain_segment(text) is not None
        assert _plain_segment(text) == _parsed_segment(text)
    for text in ("- een\n- twee", "## Kop", "**vet**", "1. een", "[a](<b>)"):
        assert _plain_segment(text) is None
