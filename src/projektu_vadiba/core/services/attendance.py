"""Who is on an event's list and who came."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from projektu_vadiba.core.dto import AttendanceDTO, PersonDTO, PersonInput
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import Attendance, AttendanceRole, AttendanceStatus, Event, Person
from projektu_vadiba.core.services.attendance_days import attended_days, event_days
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import PERSON_COLUMNS, person_dto, person_select, row_dto
from projektu_vadiba.core.text import lv_sort_key


def _dto(a: Attendance, days: tuple[date, ...] | None = None) -> AttendanceDTO:
    """`days`: the event's days, when the caller has them (a whole list of one event)."""
    if days is None:
        days = event_days(a.event.starts_at, a.event.ends_at)
    came = attended_days(a.status, a.days, days)
    return AttendanceDTO(a.id, a.event_id, person_dto(a.person), a.status, a.role, a.no_photos, a.note, came)


def register(
    session: Session,
    event_id: int,
    person_id: int,
    status: AttendanceStatus = AttendanceStatus.REGISTERED,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
) -> AttendanceDTO:
    get_or_404(session, Event, event_id, "Pasākums")
    person = get_or_404(session, Person, person_id, "Persona")
    exists = session.scalar(
        select(Attendance.id).where(Attendance.event_id == event_id, Attendance.person_id == person_id)
    )
    if exists is not None:
        raise ValidationError.coded("person_id", "attendance.duplicate", name=f"{person.given_name} {person.surname}")
    # A person who refused photographs carries the "do not photograph me" mark onto every list.
    row = Attendance(
        event_id=event_id, person=person, status=status, role=role, no_photos=person.consent_photo is False
    )
    session.add(row)
    session.flush()
    return _dto(row)


def set_status(session: Session, attendance_ids: list[int], status: AttendanceStatus) -> int:
    """Bulk marking; returns how many rows changed. A changed status clears the per-day ticks
    (core.services.attendance_days)."""
    locked_rows = (
        select(Attendance)
        .where(Attendance.id.in_(attendance_ids))
        .order_by(Attendance.id)
        .with_for_update()  # PostgreSQL: someone else ticking the same rows waits and is seen (attendance_days.mark)
        .execution_options(populate_existing=True)
    )
    rows = session.scalars(locked_rows).all()
    for row in rows:
        if row.status is not status:
            row.status, row.days = status, ""
    session.flush()
    return len(rows)


def set_role(session: Session, attendance_id: int, role: AttendanceRole) -> AttendanceDTO:
    row = get_or_404(session, Attendance, attendance_id, "Dalības ieraksts")
    row.role = role
    session.flush()
    return _dto(row)


def set_no_photos(session: Session, attendance_id: int, no_photos: bool) -> AttendanceDTO:
    row = get_or_404(session, Attendance, attendance_id, "Dalības ieraksts")
    row.no_photos = no_photos
    session.flush()
    return _dto(row)


def unregister(session: Session, attendance_id: int) -> None:
    session.delete(get_or_404(session, Attendance, attendance_id, "Dalības ieraksts"))
    session.flush()


def event_list(session: Session, event_id: int) -> list[AttendanceDTO]:
    """The event's list in Latvian alphabetical order (surname, given name): the order of the printed sheet."""
    rows = session.scalars(
        select(Attendance)
        .where(Attendance.event_id == event_id)
        .options(joinedload(Attendance.person).joinedload(Person.organisation))
    ).all()
    event = get_or_404(session, Event, event_id, "Pasākums")
    days = event_days(event.starts_at, event.ends_at)
    items = [_dto(a, days) for a in rows]
    return sorted(items, key=lambda a: (lv_sort_key(a.person.surname), lv_sort_key(a.person.given_name), a.id))


def register_many(
    session: Session,
    event_id: int,
    person_ids: list[int],
    status: AttendanceStatus = AttendanceStatus.REGISTERED,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
) -> int:
    """Put many people on the list at once; those already on it are left as they are. Returns how many were added."""
    get_or_404(session, Event, event_id, "Pasākums")
    on_list = set(session.scalars(select(Attendance.person_id).where(Attendance.event_id == event_id)))
    wanted = [pid for pid in dict.fromkeys(person_ids) if pid not in on_list]
    if not wanted:
        return 0
    refused = set(session.scalars(select(Person.id).where(Person.id.in_(wanted), Person.consent_photo.is_(False))))
    rows = [
        dict(event_id=event_id, person_id=pid, status=status, role=role, no_photos=pid in refused, note="")
        for pid in wanted
    ]
    session.execute(insert(Attendance), rows)
    return len(rows)


def walk_in(
    session: Session,
    event_id: int,
    person: int | PersonInput,
    status: AttendanceStatus = AttendanceStatus.ATTENDED,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
) -> AttendanceDTO:
    """Someone who came without registering: an existing person (id) or a new one. If they are already on the list,
    their status becomes `status` instead of an error: ticking a walk-in twice is harmless, also when two people
    tick the same person at the same moment (the second insert meets the first's row and ticks it instead)."""
    from projektu_vadiba.core.services.people import create_person

    person_id = person if isinstance(person, int) else create_person(session, person).id
    on_list = (
        select(Attendance)
        .where(Attendance.event_id == event_id, Attendance.person_id == person_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    row = session.scalar(on_list)
    if row is None:
        try:
            with session.begin_nested():  # a savepoint: a lost race undoes only this insert
                return register(session, event_id, person_id, status, role)
        except (IntegrityError, ValidationError):
            row = session.scalar(on_list)
            if row is None:
                raise
    if row.status is not status:
        row.status, row.days = status, ""
    session.flush()
    return _dto(row)


def set_note(session: Session, attendance_id: int, note: str) -> AttendanceDTO:
    row = get_or_404(session, Attendance, attendance_id, "Dalības ieraksts")
    row.note = " ".join(note.split())[:300]
    session.flush()
    return _dto(row)


def status_counts(session: Session, event_id: int) -> dict[AttendanceStatus, int]:
    rows = session.execute(
        select(Attendance.status, func.count()).where(Attendance.event_id == event_id).group_by(Attendance.status)
    )
    counts = dict.fromkeys(AttendanceStatus, 0)
    counts.update({AttendanceStatus(s): n for s, n in rows})
    return counts


def project_participants(session: Session, project_id: int) -> list[tuple[PersonDTO, int, int]]:
    """Everyone on any of the project's event lists: (person, lists they are on, events they came to), in Latvian
    order. One query for the whole project (a project has up to ~180 events and thousands of people)."""
    came = func.sum(case((Attendance.status == AttendanceStatus.ATTENDED, 1), else_=0))
    counts = (
        select(Attendance.person_id, func.count().label("lists"), came.label("came"))
        .join(Event, Event.id == Attendance.event_id)
        .where(Event.project_id == project_id)
        .group_by(Attendance.person_id)
        .subquery()
    )
    # Plain column rows, not Person entities: ORM identity-map bookkeeping of 6,000 objects took 0.3 s.
    rows = session.execute(
        person_select()
        .add_columns(counts.c.lists, counts.c.came)
        .join(counts, counts.c.person_id == Person.id)
        .order_by(Person.sort_key, Person.id)  # the stored Latvian-order key: no Python sort of thousands
    ).all()
    width = len(PERSON_COLUMNS)
    return [(row_dto(row), int(row[width]), int(row[width + 1] or 0)) for row in rows]
