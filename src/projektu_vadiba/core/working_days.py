"""Working days in Latvia: weekends, public holidays and the days off the Cabinet moves to a Saturday.

The calendar comes from the maintained `holidays` package (country "LV"), not a hand list: it knows Easter, the
observed Mondays after 4 May and 18 November that fall on a weekend, and the transferred days off (23.12.2024 off,
Saturday 14.12.2024 a working day). Loaded on first use: start-up never needs it.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase


@cache
def _calendar() -> HolidayBase:
    import holidays

    # The calendar fills in further years itself as dates in them are asked about.
    return holidays.country_holidays("LV")


def is_working_day(day: date) -> bool:
    return bool(_calendar().is_working_day(day))


def add_working_days(after: date, count: int) -> date:
    """The `count`-th working day after `after` (`after` itself does not count)."""
    if count <= 0:
        return after
    result: date = _calendar().get_nth_working_day(after, count)
    return result
