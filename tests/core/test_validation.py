from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.text import fold, lv_sort_key
from projektu_vadiba.core.validation import parse_date, parse_money, valid_email


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,56", "1234.56"),
        ("1234.5", "1234.50"),
        ("1 234,56 €", "1234.56"),
        ("1.234,56", "1234.56"),
        ("0", "0.00"),
        ("12\u00a0000", "12000.00"),
    ],
)
def test_parse_money(text: str, expected: str) -> None:
    assert parse_money(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("12a", "nav summa"),
        ("", "nav ievadīta"),
        ("1,005", "2 cipari"),
        ("-5", "negatīva"),
        ("100000000000", "pārāk liela"),
        ("NaN", "nav derīgs"),
    ],
)
def test_parse_money_refuses(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_money(text)


def test_parse_date_latvian_and_iso() -> None:
    assert parse_date("17.10.2020") == date(2020, 10, 17)
    assert parse_date("2020-10-17") == date(2020, 10, 17)
    with pytest.raises(ValidationError, match="nav datums"):
        parse_date("31.02.2020")


def test_email() -> None:
    assert valid_email("anna.ozola@example.lv")
    assert not valid_email("anna@example")
    assert not valid_email("anna ozola@example.lv")


def test_fold_and_latvian_order() -> None:
    assert fold("Bērziņš ĶEKAVA Ūdre Žagata") == "berzins kekava udre zagata"
    words = ["Zariņš", "Ābele", "Čakste", "Cīrulis", "Apse", "Šmits", "Sils", "Ķesteris", "Kalns", "Žagata", "Ēvalds"]
    assert sorted(words, key=lv_sort_key) == [
        "Apse",
        "Ābele",
        "Cīrulis",
        "Čakste",
        "Ēvalds",
        "Kalns",
        "Ķesteris",
        "Sils",
        "Šmits",
        "Zariņš",
        "Žagata",
    ]
