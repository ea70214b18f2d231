"""Merging two people so that it can be taken back exactly (undo): before `merge.merge_people` runs, what it will
change is kept, and `unmerge` restores it: the survivor's own values, the entries both had on one list (status,
role, marks, note), the other record (a new id) with the entries that moved (the same entry ids), the entries
that were combined, and its personal-data log and printed-sheet rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.dto_people import MergeResult
from projektu_vadiba.core.models import Attendance, Person, PersonalDataLog
from projektu_vadiba.core.models.evidence import PrintRow
from projektu_vadiba.core.services import attendance_changes, merge
from projektu_vadiba.core.services.attendance_changes import AttendanceSnapshot
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import _apply, log_personal_data, person_dto, person_input
from projektu_vadiba.core.services.people_delete import DeletedPerson


@dataclass(frozen=True)
class MergeSnapshot:
    survivor: PersonInput  # the survivor's values before
    survivor_rows: tuple[tuple[int, AttendanceSnapshot], ...]  # (entry id, before) of its entries that were combined
    other: DeletedPerson  # the merged-away record as it was
    moved: tuple[int, ...]  # entry ids that moved from the other record to the survivor
    combined: tuple[AttendanceSnapshot, ...]  # the other record's entries that were folded into the survivor's


def _record(session: Session, person: Person) -> DeletedPerson:
    return DeletedPerson(
        person_input(person_dto(person), person.notes),
        person.anonymised_at,
        tuple(attendance_changes.person_snapshots(session, person.id)),
        tuple(session.scalars(select(PersonalDataLog.id).where(PersonalDataLog.person_id == person.id))),
        tuple(session.scalars(select(PrintRow.id).where(PrintRow.person_id == person.id))),
    )


def merge_undoably(session: Session, survivor_id: int, other_id: int) -> tuple[MergeResult, MergeSnapshot]:
    survivor = get_or_404(session, Person, survivor_id, "Persona")
    other = get_or_404(session, Person, other_id, "Persona")
    mine = {a.event_id: a for a in session.scalars(select(Attendance).where(Attendance.person_id == survivor_id))}
    theirs = session.scalars(select(Attendance).where(Attendance.person_id == other_id)).all()
    both = [mine[a.event_id] for a in theirs if a.event_id in mine]
    snap = MergeSnapshot(
        person_input(person_dto(survivor), survivor.notes),
        tuple((a.id, attendance_changes.snapshots(session, [a.id])[0]) for a in both),
        _record(session, other),
        tuple(a.id for a in theirs if a.event_id not in mine),
        tuple(s for s in attendance_changes.person_snapshots(session, other_id) if s.event_id in mine),
    )
    return merge.merge_people(session, survivor_id, other_id), snap


def unmerge(session: Session, snap: MergeSnapshot, survivor_id: int) -> int:
    """Undo of `merge_undoably`; returns the other record's new id."""
    survivor = get_or_404(session, Person, survivor_id, "Persona")
    _apply(session, survivor, snap.survivor)
    for entry_id, before in snap.survivor_rows:
        row = session.get(Attendance, entry_id)
        if row is not None:
            row.status, row.role, row.no_photos, row.note = before.status, before.role, before.no_photos, before.note
            row.days = before.days
    other = Person()
    _apply(session, other, snap.other.data)
    session.add(other)
    session.flush()
    if snap.moved:
        session.execute(update(Attendance).where(Attendance.id.in_(snap.moved)).values(person_id=other.id))
    for entry in snap.combined:
        attendance_changes.restore(session, entry, person_id=other.id)
    if snap.other.log_ids:
        session.execute(
            update(PersonalDataLog).where(PersonalDataLog.id.in_(snap.other.log_ids)).values(person_id=other.id)
        )
    if snap.other.print_row_ids:
        session.execute(update(PrintRow).where(PrintRow.id.in_(snap.other.print_row_ids)).values(person_id=other.id))
    log_personal_data(session, survivor_id, "unmerged", [])
    log_personal_data(session, other.id, "restored", [])
    session.flush()
    session.expire_all()
    return other.id
