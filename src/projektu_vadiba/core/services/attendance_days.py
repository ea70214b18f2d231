"""Per-day attendance of multi-day events: the printed sheet has a signature column per day, so the list can say
on which days a person came.

Stored in `Attendance.days` (ISO dates separated by spaces). The status stays the summary and the rule is:
- stored days are kept only while the status is "attended"; any other status clears them;
- "attended" with no stored days means the whole event (a one-day event, an older entry, a whole-event tick);
- ticking every day stores no days either, so there is one form for "came to all of it".
Every change returns what was there before, so that an undo puts back exactly that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.concurrency import locked
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import Attendance, AttendanceStatus, Event
from projektu_vadiba.core.services.common import get_or_404


@dataclass(frozen=True)
class Presence:
    """An entry's status with its stored days: what an undo puts back."""

    status: AttendanceStatus
    days: str = ""


@dataclass(frozen=True)
class DayCount:
    day: date
    attended: int  # people who came that day


def event_days(starts_at: datetime, ends_at: datetime) -> tuple[date, ...]:
    """Every calendar day the event touches (one for a one-day event)."""
    first, last = starts_at.date(), max(ends_at.date(), starts_at.date())
    return tuple(date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1))


def parse_days(text: str) -> tuple[date, ...]:
    return tuple(sorted({date.fromisoformat(part) for part in text.split()}))


def format_days(days: Iterable[date]) -> str:
    return " ".join(d.isoformat() for d in sorted(set(days)))


def attended_days(status: AttendanceStatus, stored: str, days: tuple[date, ...]) -> tuple[date, ...]:
    """The event days (`days`) on which the entry says the person came."""
    if status is not AttendanceStatus.ATTENDED:
        return ()
    chosen = tuple(d for d in parse_days(stored) if d in days)
    return chosen or days  # none stored (or none left after the event's dates moved): the whole event


def stored_form(chosen: Iterable[date], days: tuple[date, ...]) -> str:
    picked = set(chosen)
    return "" if picked >= set(days) else format_days(picked)


def _day_text(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def presence(row: Attendance) -> Presence:
    return Presence(row.status, row.days)


def set_days(session: Session, attendance_id: int, chosen: Iterable[date]) -> Presence:
    """The person came on exactly these days of the event (none: did not come). Returns the entry as it was."""
    row = locked(session, Attendance, attendance_id, "term.attendance")  # two people ticking it take turns
    event = get_or_404(session, Event, row.event_id, "Pasākums")
    days = event_days(event.starts_at, event.ends_at)
    wanted = set(chosen)
    outside = sorted(wanted - set(days))
    if outside:
        raise ValidationError.coded("days", "attendance.day_outside", day=_day_text(outside[0]))
    before = presence(row)
    if wanted:
        row.status, row.days = AttendanceStatus.ATTENDED, stored_form(wanted, days)
    else:
        row.days = ""
        if row.status is AttendanceStatus.ATTENDED:
            row.status = AttendanceStatus.ABSENT
    session.flush()
    return before


def set_day(session: Session, attendance_id: int, day: date, came: bool) -> Presence:
    """Tick or untick one day; returns the entry as it was."""
    row = locked(session, Attendance, attendance_id, "term.attendance")
    event = get_or_404(session, Event, row.event_id, "Pasākums")
    current = set(attended_days(row.status, row.days, event_days(event.starts_at, event.ends_at)))
    return set_days(session, attendance_id, current | {day} if came else current - {day})


def mark(session: Session, attendance_ids: list[int], status: AttendanceStatus) -> list[Presence]:
    """A status for whole entries: "attended" is every day, any other status no day. Returns each entry as it was,
    in the order of `attendance_ids`."""
    # Locked in id order (PostgreSQL): a tick by someone else on the same sheet waits, never deadlocks, and is seen.
    locked_rows = (
        select(Attendance)
        .where(Attendance.id.in_(attendance_ids))
        .order_by(Attendance.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    rows = {r.id: r for r in session.scalars(locked_rows)}
    if len(rows) != len(set(attendance_ids)):
        raise ValidationError.coded("attendance", "attendance.gone")
    before = [presence(rows[aid]) for aid in attendance_ids]
    for row in rows.values():
        row.status, row.days = status, ""
    session.flush()
    return before


def put_back(session: Session, attendance_id: int, was: Presence) -> None:
    row = locked(session, Attendance, attendance_id, "term.attendance")
    row.status, row.days = was.status, was.days
    session.flush()


def combine(kept: Attendance, other: Attendance, days: tuple[date, ...]) -> str:
    """The stored days of two entries of one person on one list folded into one (a merge): days of either."""
    union = set(attended_days(kept.status, kept.days, days)) | set(attended_days(other.status, other.days, days))
    return stored_form(union, days) if union else ""


def day_counts(session: Session, event_id: int) -> list[DayCount]:
    """How many people came on each day of the event."""
    event = get_or_404(session, Event, event_id, "Pasākums")
    days = event_days(event.starts_at, event.ends_at)
    rows = session.execute(
        select(Attendance.days).where(Attendance.event_id == event_id, Attendance.status == AttendanceStatus.ATTENDED)
    ).scalars()
    counts = dict.fromkeys(days, 0)
    for stored in rows:
        for day in attended_days(AttendanceStatus.ATTENDED, stored, days):
            counts[day] += 1
    return [DayCount(day, n) for day, n in counts.items()]
