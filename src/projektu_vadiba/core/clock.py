"""Today's date from one place, so that deadlines and warnings are testable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

_today: Callable[[], date] = date.today
_now: Callable[[], datetime] = datetime.now


def today() -> date:
    return _today()


def now() -> datetime:
    return _now().replace(microsecond=0)


def set_clock(fixed: datetime | None) -> None:
    """Freeze the clock at `fixed` (tests, demos); None restores the real clock."""
    global _today, _now
    if fixed is None:
        _today, _now = date.today, datetime.now
    else:
        _today, _now = fixed.date, (lambda: fixed)
