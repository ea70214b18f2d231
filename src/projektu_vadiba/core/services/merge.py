"""Merging two records of one person: the survivor keeps its data, gains what it lacked, and takes over the
other's attendance; the other record is deleted. Counts of unique people drop by one only where both had attended.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto_people import MergeResult
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Attendance, AttendanceRole, AttendanceStatus, Person, PersonalDataLog
from projektu_vadiba.core.services.attendance_days import combine, event_days
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import log_personal_data, person_dto, set_keys

# Which status wins when both records were on one event's list.
_STATUS_RANK = {AttendanceStatus.ATTENDED: 2, AttendanceStatus.REGISTERED: 1, AttendanceStatus.ABSENT: 0}
_FILLABLE = (
    "email",
    "phone",
    "municipality",
    "organisation_id",
    "gender",
    "birth_year",
    "age_group",
    "target_group",
    "consent_data",
    "consent_photo",
)


def merge_people(session: Session, survivor_id: int, duplicate_id: int) -> MergeResult:
    if survivor_id == duplicate_id:
        raise AppError.of("merge.same_person")
    survivor = get_or_404(session, Person, survivor_id, "Persona")
    other = get_or_404(session, Person, duplicate_id, "Persona")
    if survivor.anonymised_at is not None or other.anonymised_at is not None:
        raise AppError.of("merge.anonymised")
    filled = []
    for name in _FILLABLE:
        if getattr(survivor, name) in (None, "") and getattr(other, name) not in (None, ""):
            setattr(survivor, name, getattr(other, name))
            filled.append(name)
    if other.notes.strip():
        survivor.notes = f"{survivor.notes}\n{other.notes}".strip()
    moved = combined = 0
    mine = {a.event_id: a for a in session.scalars(select(Attendance).where(Attendance.person_id == survivor_id))}
    for row in session.scalars(select(Attendance).where(Attendance.person_id == duplicate_id)).all():
        kept = mine.get(row.event_id)
        if kept is None:
            row.person_id = survivor_id
            moved += 1
            continue
        combined += 1
        # Days of either record (computed before the statuses change): the sheet had both signatures.
        days = combine(kept, row, event_days(kept.event.starts_at, kept.event.ends_at))
        if _STATUS_RANK[row.status] > _STATUS_RANK[kept.status]:
            kept.status = row.status
        kept.days = days if kept.status is AttendanceStatus.ATTENDED else ""
        if kept.role is AttendanceRole.PARTICIPANT:
            kept.role = row.role
        kept.no_photos = kept.no_photos or row.no_photos
        kept.note = "; ".join(n for n in (kept.note, row.note) if n)[:300]
        session.delete(row)
    session.flush()
    # The log of the merged record follows the person it now belongs to.
    session.execute(
        update(PersonalDataLog).where(PersonalDataLog.person_id == duplicate_id).values(person_id=survivor_id)
    )
    session.expire(survivor, ["attendances"])
    session.delete(other)
    session.flush()
    org_name = survivor.organisation.name if survivor.organisation else ""
    set_keys(survivor, org_name)
    log_personal_data(session, survivor_id, "merged", filled)
    session.flush()
    return MergeResult(person_dto(survivor), moved, combined, tuple(filled))
