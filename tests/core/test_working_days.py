"""Latvian working days: the calendar every deadline rule counts in."""

from datetime import date

import pytest

from projektu_vadiba.core.working_days import add_working_days, is_working_day


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 1, 2), True),  # an ordinary Thursday
        (date(2025, 1, 4), False),  # Saturday
        (date(2025, 4, 18), False),  # Good Friday
        (date(2025, 4, 21), False),  # Easter Monday
        (date(2025, 5, 5), False),  # 4 May fell on a Sunday: Monday is off
        (date(2025, 6, 23), False),  # Līgo
        (date(2025, 6, 24), False),  # Jāņi
        (date(2025, 11, 18), False),  # Proclamation Day
        (date(2024, 12, 23), False),  # a day off moved from Saturday 14.12.2024 ...
        (date(2024, 12, 14), True),  # ... which was worked instead
    ],
)
def test_latvian_calendar(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_the_day_counted_from_is_not_itself_counted() -> None:
    assert add_working_days(date(2025, 1, 2), 1) == date(2025, 1, 3)
    assert add_working_days(date(2025, 1, 3), 1) == date(2025, 1, 6)  # over the weekend
    assert add_working_days(date(2025, 1, 3), 0) == date(2025, 1, 3)


def test_midsummer_and_easter_push_a_deadline() -> None:
    # From Friday 20.06.2025: Monday 23 and Tuesday 24 are holidays, so 3 working days end on Friday 27.06.
    assert add_working_days(date(2025, 6, 20), 3) == date(2025, 6, 27)
    # From Thursday 17.04.2025 over Easter (18.04 and 21.04 off): the 2nd working day is Wednesday 23.04.
    assert add_working_days(date(2025, 4, 17), 2) == date(2025, 4, 23)
