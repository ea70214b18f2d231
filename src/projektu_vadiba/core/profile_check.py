"""The shape of a funder profile, checked when it is loaded (bundled and a coordinator's corrected file alike).

A profile is data the app reads in many places; a typo in a corrected file ("deadlnes", a column without a key, a
number pattern that is no regular expression) must be named with its place when the profile loads, not surface as
a KeyError in the middle of a report. Keys the app does not know are allowed: a funder's extra data stays.

`problem(raw)` returns the first problem as (JSON path, what was expected: a catalogue term), or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from projektu_vadiba.core.models.enums import AttendanceRole, DeadlineKind

Problem = tuple[str, str]  # (path, expected term)
Check = Callable[[Any, str], Problem | None]


def _text(value: Any, path: str) -> Problem | None:
    """A text, or {"lv": ..., "en": ...} of texts."""
    if isinstance(value, str):
        return None
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        return None
    return path, "term.profile.text"


def _string(value: Any, path: str) -> Problem | None:
    return None if isinstance(value, str) else (path, "term.profile.string")


def _pattern(value: Any, path: str) -> Problem | None:
    if not isinstance(value, str):
        return path, "term.profile.string"
    try:
        re.compile(value)
    except re.error:
        return path, "term.profile.pattern"
    return None


def _whole(value: Any, path: str) -> Problem | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else (path, "term.profile.whole_number")


def _number(value: Any, path: str) -> Problem | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    return None if ok else (path, "term.profile.number")


def _money(value: Any, path: str) -> Problem | None:
    try:
        ok = isinstance(value, str | int) and not isinstance(value, bool) and Decimal(str(value)) >= 0
    except InvalidOperation:
        ok = False
    return None if ok else (path, "term.profile.money")


def _flag(value: Any, path: str) -> Problem | None:
    return None if isinstance(value, bool) else (path, "term.profile.flag")


def _one_of(allowed: set[str]) -> Check:
    def check(value: Any, path: str) -> Problem | None:
        return None if value in allowed else (path, "term.profile.known_value")

    return check


def _strings(value: Any, path: str) -> Problem | None:
    return _list(_string)(value, path)


def _text_or_texts(value: Any, path: str) -> Problem | None:
    """One logo file or a list of them."""
    return None if isinstance(value, str) else _strings(value, path)


def _list(item: Check) -> Check:
    def check(value: Any, path: str) -> Problem | None:
        if not isinstance(value, list):
            return path, "term.profile.list"
        for n, element in enumerate(value):
            found = item(element, f"{path}[{n}]")
            if found:
                return found
        return None

    return check


def _object(fields: dict[str, Check], required: tuple[str, ...] = ()) -> Check:
    def check(value: Any, path: str) -> Problem | None:
        if not isinstance(value, dict):
            return path, "term.profile.object"
        for name in required:
            if name not in value:
                return f"{path}.{name}", "term.profile.required"
        for name, field_check in fields.items():
            if name in value:
                found = field_check(value[name], f"{path}.{name}")
                if found:
                    return found
        return None

    return check


_DEADLINE = _object(
    {
        "kind": _one_of({k.value for k in DeadlineKind}),
        "working_days_after_end": _whole,
        "days_after_end": _whole,
        "months_after_end": _whole,
        "every_months": _whole,
    },
    required=("kind",),
)
_COLUMN = _object({"key": _string, "label": _text, "width": _number, "values": _object({})}, required=("key",))
_SECTION = _object(
    {"key": _string, "title": _text, "hint": _text, "mandatory": _flag, "documents": _flag}, required=("key", "title")
)
_REPORT = _object({"title": _text, "numbered": _flag, "sections": _list(_SECTION)})

PROFILE = _object(
    {
        "name": _text,
        "funder_name": _string,
        "funder_short_name": _string,
        "number_pattern": _pattern,
        "number_example": _string,
        "publicity": _text,
        "event_publicity": _text,
        "disclaimer": _text,
        "hashtag": _string,
        "logo": _text_or_texts,
        "retention_years": _whole,
        "reallocation_limit_percent": _number,
        "deadlines": _list(_DEADLINE),
        "cost_categories": _list(_object({"key": _string, "label": _text}, required=("key", "label"))),
        "limits": _list(
            _object(
                {"number_contains": _string, "max_grant": _money, "max_months": _whole, "same_calendar_year": _flag}
            )
        ),
        "counted_roles": _list(_one_of({r.value for r in AttendanceRole})),
        "attendance_sheet": _object(
            {
                "title": _text,
                "annex_title": _text,
                "columns": _list(_COLUMN),
                "annex_columns": _strings,
                "legend": _text,
                "notice": _text,
                "blank_rows": _whole,
                "row_height_mm": _number,
                "signature_per_day": _flag,
                "mask_contacts": _flag,
                "orientation": _one_of({"portrait", "landscape"}),
            }
        ),
        "final_report": _REPORT,
        "interim_report": _REPORT,
        "certificate": _object({}),
        "ledger_order": _one_of({"date", "payment"}),
    },
    required=("name",),
)


def problem(raw: Any) -> Problem | None:
    return PROFILE(raw, "$")
