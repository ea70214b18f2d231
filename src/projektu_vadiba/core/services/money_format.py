"""Latvian money and percent text for messages the core itself writes (warnings). No Qt: the core must not
import the UI's formatting module. No-break spaces keep "1 234,56 €" on one line."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    return NBSP.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def number(value: Decimal, places: int) -> str:
    amount = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    sign = "-" if amount < 0 else ""
    return f"{sign}{_group(whole)}{',' + fraction if fraction else ''}"


def eur(value: Decimal) -> str:
    """1 234,56 €"""
    return f"{number(value, 2)}{NBSP}€"


def pct(value: Decimal) -> str:
    """14,3 % (one decimal; a whole number without one: 15 %)"""
    text = number(value, 1)
    return f"{text[:-2] if text.endswith(',0') else text}{NBSP}%"


def count(n: int, one: str, few: str, many: str) -> str:
    """1 ieraksts, 3 ieraksti, 11 ierakstu (Latvian: 1, 21 … one; 0, 10–20, 30 … many; the rest few)."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if n % 10 == 0 or 11 <= n % 100 <= 19:
        return f"{n} {many}"
    return f"{n} {few}"
