from datetime import date, datetime
from decimal import Decimal

import pytest

from projektu_vadiba.ui.formatting import (
    count_text,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_period,
    lv_plural,
)

NB = "\u00a0"


def test_dates_are_latvian() -> None:
    assert format_date(date(2020, 10, 17)) == "17.10.2020"
    assert format_date(None) == ""
    assert format_datetime(datetime(2023, 4, 22, 9, 5)) == "22.04.2023 09:05"
    assert format_period(date(2023, 3, 1), date(2023, 12, 31)) == "01.03.2023–31.12.2023"
    assert format_period(date(2023, 3, 1), None) == "01.03.2023–"
    assert format_period(None, None) == ""


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1234.56"), f"1{NB}234,56{NB}€"),
        (Decimal("0"), f"0,00{NB}€"),
        (Decimal("1234567.005"), f"1{NB}234{NB}567,01{NB}€"),
        (Decimal("-50.5"), f"-50,50{NB}€"),
        (Decimal("999.999"), f"1{NB}000,00{NB}€"),
        (12, f"12,00{NB}€"),
    ],
)
def test_money(amount: Decimal, text: str) -> None:
    assert format_money(amount) == text
    assert format_money(amount).replace(NB, " ") == text.replace(NB, " ")


def test_numbers_drop_trailing_zeros() -> None:
    assert format_number(Decimal("120.00")) == "120"
    assert format_number(Decimal("12.50")) == "12,5"
    assert format_number(Decimal("12345")) == f"12{NB}345"
    assert format_number(Decimal("-0.00")) == "0"
    assert format_percent(0.375) == f"38{NB}%"


@pytest.mark.parametrize(
    ("n", "form"),
    [
        (0, "projektu"),
        (1, "projekts"),
        (2, "projekti"),
        (9, "projekti"),
        (10, "projektu"),
        (11, "projektu"),
        (12, "projektu"),
        (19, "projektu"),
        (20, "projektu"),
        (21, "projekts"),
        (22, "projekti"),
        (101, "projekts"),
        (111, "projektu"),
        (1000, "projektu"),
    ],
)
def test_latvian_plural(n: int, form: str) -> None:
    assert lv_plural(n, "projekts", "projekti", "projektu") == form


def test_count_text() -> None:
    assert count_text(3, "projekts", "projekti", "projektu") == "3 projekti"
    assert count_text(1, "projekts", "projekti", "projektu") == "1 projekts"
