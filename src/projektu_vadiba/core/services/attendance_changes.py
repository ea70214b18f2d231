"""Taking people off lists and putting them back exactly (undo), and the status a new list entry gets.

A removed row is kept as an `AttendanceSnapshot` (what the sheet shows about the person on that event); putting
it back makes a new row with the same values, so counts, sheets and reports are as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import AttendanceDTO
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import Attendance, AttendanceRole, AttendanceStatus, Event, Person
from projektu_vadiba.core.services.attendance_days import attended_days, event_days
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import person_dto


@dataclass(frozen=True)
class AttendanceSnapshot:
    event_id: int
    person_id: int
    status: AttendanceStatus
    role: AttendanceRole
    no_photos: bool
    note: str
    days: str = ""  # the stored per-day ticks (core.services.attendance_days)


def default_status(session: Session, event_id: int) -> AttendanceStatus:
    """Before the event starts a new entry is a registration; from its start on, the person came."""
    event = get_or_404(session, Event, event_id, "Pasākums")
    return AttendanceStatus.REGISTERED if clock.now() < event.starts_at else AttendanceStatus.ATTENDED


def _snapshot(row: Attendance) -> AttendanceSnapshot:
    return AttendanceSnapshot(row.event_id, row.person_id, row.status, row.role, row.no_photos, row.note, row.days)


def snapshots(session: Session, attendance_ids: list[int]) -> list[AttendanceSnapshot]:
    rows = session.scalars(select(Attendance).where(Attendance.id.in_(attendance_ids)).order_by(Attendance.id))
    return [_snapshot(r) for r in rows]


def person_snapshots(session: Session, person_id: int) -> list[AttendanceSnapshot]:
    rows = session.scalars(select(Attendance).where(Attendance.person_id == person_id).order_by(Attendance.id))
    return [_snapshot(r) for r in rows]


def remove(session: Session, attendance_ids: list[int]) -> list[AttendanceSnapshot]:
    """Take these rows off their lists; returns what is needed to put them back."""
    rows = session.scalars(select(Attendance).where(Attendance.id.in_(attendance_ids)).order_by(Attendance.id)).all()
    if len(rows) != len(set(attendance_ids)):
        raise ValidationError.coded("attendance", "attendance.gone")
    out = [_snapshot(r) for r in rows]
    for row in rows:
        session.delete(row)
    session.flush()
    return out


def restore(
    session: Session, snap: AttendanceSnapshot, person_id: int | None = None, event_id: int | None = None
) -> int:
    """Put a removed row back (for `person_id` / `event_id` when those were re-created with new ids)."""
    eid = snap.event_id if event_id is None else event_id
    pid = snap.person_id if person_id is None else person_id
    get_or_404(session, Event, eid, "Pasākums")
    person = get_or_404(session, Person, pid, "Persona")
    taken = session.scalar(select(Attendance.id).where(Attendance.event_id == eid, Attendance.person_id == pid))
    if taken is not None:
        raise ValidationError.coded("person_id", "attendance.duplicate", name=f"{person.given_name} {person.surname}")
    row = Attendance(
        event_id=eid,
        person_id=pid,
        status=snap.status,
        role=snap.role,
        no_photos=snap.no_photos,
        note=snap.note,
        days=snap.days,
    )
    session.add(row)
    session.flush()
    return row.id


def find(session: Session, event_id: int, person_id: int) -> AttendanceDTO | None:
    """The person's entry on the event's list, if they are on it."""
    row = session.scalar(select(Attendance).where(Attendance.event_id == event_id, Attendance.person_id == person_id))
    if row is None:
        return None
    came = attended_days(row.status, row.days, event_days(row.event.starts_at, row.event.ends_at))
    return AttendanceDTO(
        row.id, row.event_id, person_dto(row.person), row.status, row.role, row.no_photos, row.note, came
    )
