"""Counts with the right noun and short lists of names, as messages show them."""

from __future__ import annotations

from brievenbus.wording import count, short_list


def test_count_uses_the_singular_only_for_one() -> None:
    """'1 brief' but '0 brieven' and '2 brieven'."""
    assert [count(n, "brief", "brieven") for n in (0, 1, 2)] == [
        "0 brieven",
        "1 brief",
        "2 brieven",
    ]


def test_short_list_joins_with_en_and_counts_the_rest() -> None:
    """Up to three names in full; more are counted."""
    assert short_list([]) == ""
    assert short_list(["a"]) == "a"
    assert short_list(["a", "b"]) == "a en b"
    assert short_list(["a", "b", "c"]) == "a, b en c"
    assert short_list(["a", "b", "c", "d", "e"]) == "a, b, c en 2 andere"
