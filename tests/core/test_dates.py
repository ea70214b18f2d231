"""The one date parser: every way a Latvian types a date gives exactly that date; anything else is refused with a
message naming what was typed."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from projektu_vadiba.core import validation
from projektu_vadiba.core.dates import format_date, format_datetime, parse_date, parse_datetime
from projektu_vadiba.core.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30.11.2026", date(2026, 11, 30)),
        ("5.3.2026", date(2026, 3, 5)),
        ("30112026", date(2026, 11, 30)),
        ("30.11.26", date(2026, 11, 30)),
        ("01.04.2026", date(2026, 4, 1)),
        (" 30.11.2026. ", date(2026, 11, 30)),
        ("2026-11-30", date(2026, 11, 30)),
        ("29.02.2028", date(2028, 2, 29)),
    ],
)
def test_typed_dates(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2026", "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."),
        ("32.1.2026", "“32.1.2026” nav datums: 2026. gada janvārī ir 31 diena."),
        ("0.1.2026", "“0.1.2026” nav datums: 2026. gada janvārī ir 31 diena."),
        ("5.13.2026", "“5.13.2026” nav datums: mēneši ir no 1 līdz 12."),
        ("rīt", "“rīt” nav datums (piemērs: 17.10.2020)."),
        ("30.11.2026a", "“30.11.2026a” nav datums (piemērs: 17.10.2020)."),
        ("5.3.202", "“5.3.202” nav datums (piemērs: 17.10.2020)."),
        ("3011202", "“3011202” nav datums (piemērs: 17.10.2020)."),
        ("30.11.2026 10:00", "“30.11.2026 10:00” nav datums (piemērs: 17.10.2020)."),
        ("1.1.1800", "“1.1.1800” nav datums: gadam jābūt no 1900 līdz 2099."),
        ("", "Norādiet datumu."),
        ("   ", "Norādiet datumu."),
    ],
)
def test_refused_dates(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, "start_date")
    assert [(p.field, p.message) for p in caught.value.problems] == [("start_date", message)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30.11.2026 10:00", datetime(2026, 11, 30, 10, 0)),
        ("30.11.2026 9:05", datetime(2026, 11, 30, 9, 5)),
        ("5.3.2026  18:30", datetime(2026, 3, 5, 18, 30)),
        ("30112026 0:00", datetime(2026, 11, 30, 0, 0)),
        ("30.11.26 23:59", datetime(2026, 11, 30, 23, 59)),
        ("30.11.2026", datetime(2026, 11, 30, 14, 15)),  # a date alone keeps the given (previous) time
    ],
)
def test_typed_datetimes(text: str, expected: datetime) -> None:
    assert parse_datetime(text, "starts_at", default_time=time(14, 15)) == expected


def test_a_date_alone_defaults_to_midnight() -> None:
    assert parse_datetime("5.3.2026") == datetime(2026, 3, 5, 0, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30.11.2026 25:00", "“25:00” nav laiks: stundas ir no 0 līdz 23, minūtes no 0 līdz 59."),
        ("30.11.2026 10:60", "“10:60” nav laiks: stundas ir no 0 līdz 23, minūtes no 0 līdz 59."),
        ("30.11.2026 10", "“10” nav laiks (piemērs: 17.10.2020 9:30)."),
        ("30.11.2026 desmitos", "“desmitos” nav laiks (piemērs: 17.10.2020 9:30)."),
        ("31.02.2026 10:00", "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."),
        ("", "Norādiet datumu un laiku."),
    ],
)
def test_refused_datetimes(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_datetime(text, "starts_at")
    assert [(p.field, p.message) for p in caught.value.problems] == [("starts_at", message)]


def test_formats_and_the_validation_alias() -> None:
    assert format_date(date(2026, 3, 5)) == "05.03.2026"
    assert format_datetime(datetime(2026, 3, 5, 9, 5)) == "05.03.2026 09:05"
    assert validation.parse_date is parse_date  # the money dialogs' text dates use this very parser
