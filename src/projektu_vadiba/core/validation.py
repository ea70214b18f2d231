"""Rules and parsers shared by every entry point (forms, CLI, imports, bundles). Messages are Latvian."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

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
            raise ValidationError(FieldProblem(field, "Summa nav ievadīta."))
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValidationError(FieldProblem(field, f"“{value}” nav summa (piemērs: 1 234,56).")) from None
    return check_money(amount, field, allow_negative=allow_negative)


def check_money(amount: Decimal, field: str = "amount", *, allow_negative: bool = False) -> Decimal:
    if not amount.is_finite():
        raise ValidationError(FieldProblem(field, "Summa nav derīgs skaitlis."))
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(FieldProblem(field, "Summā var būt ne vairāk kā 2 cipari aiz komata."))
    if amount < 0 and not allow_negative:
        raise ValidationError(FieldProblem(field, "Summa nevar būt negatīva."))
    if abs(amount) > _MONEY_LIMIT:
        raise ValidationError(FieldProblem(field, "Summa ir pārāk liela."))
    return amount.quantize(Decimal("0.01"))


def parse_quantity(value: str | Decimal | int, field: str) -> Decimal:
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = value.replace(" ", "").replace("\u00a0", "").replace(",", ".").strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(FieldProblem(field, f"“{value}” nav skaitlis.")) from None
    if not number.is_finite() or number < 0:
        raise ValidationError(FieldProblem(field, "Vērtībai jābūt nenegatīvam skaitlim."))
    return number


def valid_email(email: str) -> bool:
    return bool(_EMAIL.match(email))


def check_email(problems: Problems, email: str, field: str = "email") -> str:
    email = email.strip()
    if email and not valid_email(email):
        problems.add(field, f"“{email}” nav derīga e-pasta adrese.")
    return email


def check_required(problems: Problems, value: str, field: str, label: str) -> str:
    value = " ".join(value.split())
    if not value:
        problems.add(field, f"Lauks “{label}” ir obligāts.")
    return value


def check_length(problems: Problems, value: str, field: str, label: str, limit: int) -> None:
    if len(value) > limit:
        problems.add(field, f"Lauks “{label}” ir pārāk garš (ne vairāk kā {limit} zīmes).")


def check_period(
    problems: Problems, start: date | datetime | None, end: date | datetime | None, field: str = "end"
) -> None:
    if start is not None and end is not None and end < start:
        problems.add(field, "Beigas nevar būt pirms sākuma.")
