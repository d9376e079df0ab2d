"""Dates, numbers and lists written the Dutch way, as CLDR (Babel's locale data) writes them.

Every letter needs a date and most need a number or a list, but loading Babel
and its locale data costs about a tenth of a one-letter run. The few Dutch
rules a letter uses are written out here; tests/test_dutch_formats.py checks
them against Babel for every month and for random numbers and lists.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
GROUP = "."  # thousands
DECIMAL = ","
AND = " en "  # the last two items of a list
_SEPARATORS = str.maketrans(",.", GROUP + DECIMAL)  # from Python's 41,283.5


def dutch_date(value: datetime.date) -> str:
    """2025-09-23 → '23 september 2025' (CLDR pattern 'd MMMM y')."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def dutch_month(year: int, month: int) -> str:
    """2030, 3 → 'maart 2030' (CLDR pattern 'MMMM y')."""
    return f"{MONTHS[month - 1]} {year}"


def dutch_number(value: float, decimals: int = 0) -> str:
    """41283 → '41.283'; 4.1283 with decimals=1 → '4,1' (pattern '#,##0.0…')."""
    return f"{round(value, decimals):,.{decimals}f}".translate(_SEPARATORS)


def dutch_list(items: Sequence[str]) -> str:
    """['A', 'B', 'C'] → 'A, B en C'."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + AND + items[-1]
