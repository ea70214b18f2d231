"""Deleting a person from the registry, and bringing them back exactly (undo): the person's values, their place
on every event list with its status, and the links the database had set to NULL (personal-data log entries, rows
of printed sheets) point at the person again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import PersonDTO, PersonInput
from projektu_vadiba.core.models import Attendance, Person, PersonalDataLog
from projektu_vadiba.core.models.evidence import PrintRow
from projektu_vadiba.core.services import attendance_changes
from projektu_vadiba.core.services.attendance_changes import AttendanceSnapshot
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import _apply, log_personal_data, person_dto, person_input


@dataclass(frozen=True)
class DeletedPerson:
    data: PersonInput
    anonymised_at: datetime | None
    attendances: tuple[AttendanceSnapshot, ...]
    log_ids: tuple[int, ...]
    print_row_ids: tuple[int, ...]


def attendance_count(session: Session, person_id: int) -> int:
    return session.scalar(select(func.count()).where(Attendance.person_id == person_id)) or 0


def delete_person(session: Session, person_id: int) -> DeletedPerson:
    person = get_or_404(session, Person, person_id, "Persona")
    snap = DeletedPerson(
        person_input(person_dto(person), person.notes),
        person.anonymised_at,
        tuple(attendance_changes.person_snapshots(session, person_id)),
        tuple(session.scalars(select(PersonalDataLog.id).where(PersonalDataLog.person_id == person_id))),
        tuple(session.scalars(select(PrintRow.id).where(PrintRow.person_id == person_id))),
    )
    session.delete(person)
    session.flush()
    log_personal_data(session, None, "deleted", [])
    session.flush()
    return snap


def restore_person(session: Session, snap: DeletedPerson, event_ids: dict[int, int] | None = None) -> PersonDTO:
    """A new record (new id) with the deleted one's values, lists and links. The values are taken as they were
    stored (an anonymised person's placeholders included), not validated again. `event_ids`: old -> new id of
    events re-created meanwhile (undo/redo)."""
    person = Person()
    _apply(session, person, snap.data)
    person.anonymised_at = snap.anonymised_at
    session.add(person)
    session.flush()
    for a in snap.attendances:
        event_id = (event_ids or {}).get(a.event_id, a.event_id)
        attendance_changes.restore(session, a, person_id=person.id, event_id=event_id)
    if snap.log_ids:
        session.execute(update(PersonalDataLog).where(PersonalDataLog.id.in_(snap.log_ids)).values(person_id=person.id))
    if snap.print_row_ids:
        session.execute(update(PrintRow).where(PrintRow.id.in_(snap.print_row_ids)).values(person_id=person.id))
    log_personal_data(session, person.id, "restored", [])
    session.flush()
    return person_dto(person)
