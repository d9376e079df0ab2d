"""Dutch dates, numbers and lists: the same text as Babel (CLDR) writes, for any value."""

from __future__ import annotations

import datetime

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from brievenbus.dutch_formats import dutch_date, dutch_list, dutch_month, dutch_number

LOCALE = "nl_NL"


def test_the_date_in_a_letter() -> None:
    assert dutch_date(datetime.date(2026, 3, 18)) == "18 maart 2026"


@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_every_date_as_babel_writes_it(value: datetime.date) -> None:
    assert dutch_date(value) == format_date(value, "d MMMM y", locale=LOCALE)


@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31)))
def test_every_month_as_babel_writes_it(value: datetime.date) -> None:
    expected = format_date(value, "MMMM y", locale=LOCALE)
    assert dutch_month(value.year, value.month) == expected


def test_numbers_in_a_letter() -> None:
    assert dutch_number(41283) == "41.283"
    assert dutch_number(1234567.891, 1) == "1.234.567,9"
    assert dutch_number(0.5) == "0"  # rounded half to even, as Python and Babel do


@given(
    st.one_of(
        st.integers(min_value=-(10**15), max_value=10**15),
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    ),
    st.integers(min_value=0, max_value=3),
)
def test_every_number_as_babel_writes_it(value: float, decimals: int) -> None:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = format_decimal(round(value, decimals), format=pattern, locale=LOCALE)
    assert dutch_number(value, decimals) == expected


def test_lists_in_a_letter() -> None:
    assert dutch_list([]) == ""
    assert dutch_list(["VVD"]) == "VVD"
    assert dutch_list(["VVD", "D66"]) == "VVD en D66"
    assert dutch_list(["VVD", "D66", "CDA"]) == "VVD, D66 en CDA"


@given(st.lists(st.text(alphabet="abc ,{}0", max_size=6), min_size=1, max_size=8))
def test_every_list_as_babel_writes_it(items: list[str]) -> None:
    assert dutch_list(items) == format_list(items, locale=LOCALE)
