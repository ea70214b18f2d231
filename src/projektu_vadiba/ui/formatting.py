"""Latvian display formats for dates, money, numbers and counted nouns. Pure functions, no Qt.

Group separators and the space before "€" are no-break spaces (U+00A0), as in Latvian typography and QLocale("lv"),
so that "1 234,56 €" never wraps inside a table cell.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

T = TypeVar("T")

NBSP = "\u00a0"
EN_DASH = "\u2013"


def format_date(value: date | None) -> str:
    """17.10.2020; an empty string for no date."""
    return value.strftime("%d.%m.%Y") if value else ""


def format_datetime(value: datetime | None) -> str:
    """17.10.2020 10:00"""
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


def format_period(start: date | None, end: date | None) -> str:
    """01.03.2023–31.12.2023 (an en dash, no spaces); one side may be missing."""
    if start is None and end is None:
        return ""
    return f"{format_date(start)}{EN_DASH}{format_date(end)}"


def _group(digits: str) -> str:
    """'1234567' -> '1 234 567'"""
    head = len(digits) % 3 or 3
    return NBSP.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def format_number(value: Decimal | int, places: int | None = None) -> str:
    """1 234,5 — Latvian decimal comma and grouped thousands; `places=None` drops trailing zeros."""
    amount = Decimal(value)
    if places is not None:
        amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{abs(amount):f}"
    whole, _, fraction = text.partition(".")
    if places is None:
        fraction = fraction.rstrip("0")
    sign = "-" if amount < 0 and (whole.strip("0") or fraction.strip("0")) else ""
    return f"{sign}{_group(whole)}{',' + fraction if fraction else ''}"


def format_money(value: Decimal | int) -> str:
    """1 234,56 € — always two decimals."""
    return f"{format_number(value, 2)}{NBSP}€"


def format_percent(share: float) -> str:
    """0.756 -> 76 %"""
    return f"{round(share * 100)}{NBSP}%"


def lv_plural(n: int, one: T, few: T, many: T) -> T:
    """Pick the Latvian form for a count: 1, 21, 101 -> one ("projekts"); 0, 10–20, 30 … -> many
    (genitive plural, "projektu"); the rest (2–9, 22 …) -> few (nominative plural, "projekti")."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if n % 10 == 0 or 11 <= n % 100 <= 19:
        return many
    return few


def count_text(n: int, one: str, few: str, many: str) -> str:
    """3 projekti, 1 projekts, 11 projektu."""
    return f"{n} {lv_plural(n, one, few, many)}"
