"""Rules and parsers shared by every entry point (forms, CLI, imports, bundles). Problems carry catalogue codes
(core/messages.py); field labels are passed as "label.…" codes so each language names the field in its own words."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from projektu_vadiba.core.dates import parse_date as parse_date  # one date parser for every form and dialog
from projektu_vadiba.core.errors import FieldProblem, ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_MONEY_LIMIT = Decimal("9999999999.99")  # Numeric(12, 2)


class Problems:
    """Collects every problem of a form at once, so the user sees them all, not one per try."""

    def __init__(self) -> None:
        self.items: list[FieldProblem] = []

    def add(self, field: str, message: str) -> None:
        self.items.append(FieldProblem(field, message))

    def coded(self, field: str, code: str, /, **values: Any) -> None:
        self.items.append(FieldProblem.of(field, code, **values))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)


def parse_money(value: str | Decimal | int, field: str = "amount", *, allow_negative: bool = False) -> Decimal:
    """'1 234,56', '1234.56', '1 234,56 €' -> Decimal('1234.56'). At most 2 decimals, never float."""
    if isinstance(value, Decimal | int):
        amount = Decimal(value)
    else:
        text = value.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
        if "," in text and "." in text:  # 1.234,56 (thousands dots) -> 1234.56
            text = text.replace(".", "")
        text = text.replace(",", ".")
        if not text:
            raise ValidationError.coded(field, "money.empty")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError.coded(field, "money.not_a_number", text=str(value)) from None
    return check_money(amount, field, allow_negative=allow_negative)


def check_money(amount: Decimal, field: str = "amount", *, allow_negative: bool = False) -> Decimal:
    if not amount.is_finite():
        raise ValidationError.coded(field, "money.not_finite")
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise ValidationError.coded(field, "money.too_many_decimals")
    if amount < 0 and not allow_negative:
        raise ValidationError.coded(field, "money.negative")
    if abs(amount) > _MONEY_LIMIT:
        raise ValidationError.coded(field, "money.too_large")
    return amount.quantize(Decimal("0.01"))


def parse_quantity(value: str | Decimal | int, field: str) -> Decimal:
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = value.replace(" ", "").replace("\u00a0", "").replace(",", ".").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError.coded(field, "number.not_a_number", text=str(value)) from None
    if not number.is_finite() or number < 0:
        raise ValidationError.coded(field, "number.negative")
    return number


def valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email))


def check_email(problems: Problems, email: str, field: str = "email") -> str:
    email = email.strip()
    if email and not valid_email(email):
        problems.coded(field, "email.invalid", email=email)
    return email


def check_required(problems: Problems, value: str, field: str, label: str) -> str:
    value = " ".join(value.split())
    if not value:
        problems.coded(field, "required", label=label)
    return value


def check_length(problems: Problems, value: str, field: str, label: str, limit: int) -> None:
    if len(value) > limit:
        problems.coded(field, "too_long", label=label, limit=limit)


def check_period(
    problems: Problems, start: date | datetime | None, end: date | datetime | None, field: str = "end"
) -> None:
    if start is not None and end is not None and end < start:
        problems.coded(field, "period.end_before_start")
