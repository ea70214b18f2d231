"""Deleting an event so that undo can bring it back: its details and its attendance list (statuses, roles, per-day
ticks, photo refusals) are kept and put back on a new event. An event that printed sheets, scans or documents hang
on cannot be rebuilt exactly (their files and page records go with it): `restorable` says so and the UI asks first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import EventDTO, EventInput
from projektu_vadiba.core.models import Attendance
from projektu_vadiba.core.models.evidence import Attachment, PrintPage, ScanApply
from projektu_vadiba.core.services import activities, attendance_changes
from projektu_vadiba.core.services.attendance_changes import AttendanceSnapshot


@dataclass(frozen=True)
class DeletedEvent:
    project_id: int
    data: EventInput
    attendance: tuple[AttendanceSnapshot, ...]


def event_input(e: EventDTO) -> EventInput:
    """What a form (or undo) needs to make the event again."""
    return EventInput(
        title=e.title,
        starts_at=e.starts_at,
        ends_at=e.ends_at,
        activity_id=e.activity_id,
        type=e.type,
        place=e.place,
        address=e.address,
        municipality=e.municipality,
        online=e.online,
        online_link=e.online_link,
        planned_participants=e.planned_participants,
        description=e.description,
    )


def restorable(session: Session, event_id: int) -> bool:
    """No printed sheet, scan or attached document hangs on the event: deleting it can be undone exactly."""
    for model in (PrintPage, Attachment, ScanApply):
        if session.scalar(select(func.count()).select_from(model).where(model.event_id == event_id)):
            return False
    return True


def delete_event(session: Session, event_id: int) -> DeletedEvent:
    event = activities.get_event(session, event_id)
    ids = list(session.scalars(select(Attendance.id).where(Attendance.event_id == event_id).order_by(Attendance.id)))
    kept = DeletedEvent(event.project_id, event_input(event), tuple(attendance_changes.snapshots(session, ids)))
    activities.delete_event(session, event_id)
    return kept


def restore_event(
    session: Session,
    deleted: DeletedEvent,
    *,
    activity_id: int | None = None,
    person_ids: Mapping[int, int] | None = None,
) -> int:
    """Make the event again with its list; `activity_id` and `person_ids` (old id -> today's) follow records that
    undo/redo re-created meanwhile. Returns the new event's id."""
    data = deleted.data if activity_id is None else replace(deleted.data, activity_id=activity_id)
    event = activities.create_event(session, deleted.project_id, data)
    people = person_ids or {}
    for snap in deleted.attendance:
        attendance_changes.restore(session, snap, person_id=people.get(snap.person_id), event_id=event.id)
    return event.id
