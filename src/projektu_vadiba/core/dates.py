"""Dates and times as Latvians type them, parsed in one place for every form, dialog and import.

Accepted dates: `30.11.2026`, `5.3.2026`, `30.11.26` (a two-digit year is 20xx), `30112026` (eight digits, as
typed without dots), a trailing dot (`30.11.2026.`) and ISO `2026-11-30` (files and the command line). A date-time
is such a date, optionally followed by `10:00` or `9:05`; a date alone keeps the time it is given (the field's
previous time). Anything else is refused with a message (a catalogue code) naming what was typed — never another date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time

from projektu_vadiba.core.errors import ValidationError

DATE_EXAMPLE = "17.10.2020"
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?")
_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_FIRST_YEAR, _LAST_YEAR = 1900, 2099


def _refuse(field: str, code: str, /, **values: object) -> ValidationError:
    return ValidationError.coded(field, code, **values)


def _parts(text: str) -> tuple[int, int, int] | None:
    """(day, month, year) of a typed date, not yet checked; None when it does not look like a date at all."""
    if found := _DOTTED.fullmatch(text):
        year = int(found[3])
        return int(found[1]), int(found[2]), year + 2000 if len(found[3]) == 2 else year
    if found := _COMPACT.fullmatch(text):
        return int(found[1]), int(found[2]), int(found[3])
    if found := _ISO.fullmatch(text):
        return int(found[3]), int(found[2]), int(found[1])
    return None


def parse_date(value: str | date, field: str = "date") -> date:
    """A typed date (see the module) or a date object; ValidationError with a Latvian message otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        raise _refuse(field, "date.empty")
    parts = _parts(text)
    if parts is None:
        raise _refuse(field, "date.not_a_date", text=text, example=DATE_EXAMPLE)
    day, month, year = parts
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise _refuse(field, "date.year_range", text=text, first=_FIRST_YEAR, last=_LAST_YEAR)
    if not 1 <= month <= 12:
        raise _refuse(field, "date.month_range", text=text)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise _refuse(field, "date.day_range", text=text, year=year, month=f"month.in.{month}", days=days)
    return date(year, month, day)


def parse_datetime(value: str | datetime, field: str = "datetime", default_time: time = time(0, 0)) -> datetime:
    """`30.11.2026 10:00` or `30.11.2026 9:05`; a date alone gets `default_time` (the field's previous time)."""
    if isinstance(value, datetime):
        return value
    text = value.strip()
    if not text:
        raise _refuse(field, "datetime.empty")
    date_text, _, time_text = text.partition(" ")
    time_text = time_text.strip()
    day = parse_date(date_text, field)
    if not time_text:
        return datetime.combine(day, default_time)
    found = _TIME.fullmatch(time_text)
    if found is None:
        raise _refuse(field, "time.not_a_time", text=time_text, example=DATE_EXAMPLE)
    hour, minute = int(found[1]), int(found[2])
    if hour > 23 or minute > 59:
        raise _refuse(field, "time.range", text=time_text)
    return datetime.combine(day, time(hour, minute))


def format_date(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_datetime(value: datetime) -> str:
    return f"{format_date(value.date())} {value.hour:02d}:{value.minute:02d}"
