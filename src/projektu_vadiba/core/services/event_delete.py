"""Deleting an event (or an activity with its events) so that undo can bring it back: its details and its
attendance list (statuses, roles, per-day ticks, photo refusals) are kept and put back on a new event. An event that
printed sheets, scans or documents hang on cannot be rebuilt exactly (their files and page records go with it):
`restorable` says so and the UI asks first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import ActivityDTO, ActivityInput, EventDTO, EventInput
from projektu_vadiba.core.models import Activity, Attendance, Event, Indicator
from projektu_vadiba.core.models.evidence import Attachment, PrintPage, ScanApply
from projektu_vadiba.core.services import activities, attendance_changes
from projektu_vadiba.core.services.attendance_changes import AttendanceSnapshot
from projektu_vadiba.core.services.common import get_or_404


@dataclass(frozen=True)
class DeletedEvent:
    event_id: int  # the id it had (undo history follows it to the new one)
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
        unlisted_count=e.unlisted,
        version=e.version,
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
    snapshots = tuple(attendance_changes.snapshots(session, ids))
    kept = DeletedEvent(event_id, event.project_id, event_input(event), snapshots)
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


# ---- an activity with its events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletedActivity:
    project_id: int
    data: ActivityInput
    events: tuple[DeletedEvent, ...]
    indicator_ids: tuple[int, ...]  # indicators that named the activity (they stay, unlinked, until undo)


def activity_input(a: ActivityDTO) -> ActivityInput:
    return ActivityInput(
        a.code, a.title, a.description, a.planned_start, a.planned_end, a.status, a.result, version=a.version
    )


def activity_restorable(session: Session, activity_id: int) -> bool:
    """Its events are restorable and no document is attached to the activity itself."""
    attached = select(func.count()).select_from(Attachment).where(Attachment.activity_id == activity_id)
    if session.scalar(attached):
        return False
    ids = session.scalars(select(Event.id).where(Event.activity_id == activity_id))
    return all(restorable(session, event_id) for event_id in ids)


def delete_activity(session: Session, activity_id: int) -> DeletedActivity:
    activity = get_or_404(session, Activity, activity_id, "Aktivitāte")
    data = activity_input(activities.activity_dto(activity))
    indicator_ids = tuple(session.scalars(select(Indicator.id).where(Indicator.activity_id == activity_id)))
    event_ids = list(session.scalars(select(Event.id).where(Event.activity_id == activity_id).order_by(Event.id)))
    events = tuple(delete_event(session, event_id) for event_id in event_ids)
    kept = DeletedActivity(activity.project_id, data, events, indicator_ids)
    activities.delete_activity(session, activity_id)
    return kept


def restore_activity(
    session: Session,
    deleted: DeletedActivity,
    *,
    person_ids: Mapping[int, int] | None = None,
    indicator_ids: Mapping[int, int] | None = None,
) -> tuple[int, list[int]]:
    """Make the activity again with its events and their lists, and link its indicators to it again. Returns the
    new activity's id and its events' new ids (in the order they were deleted)."""
    activity_id = activities.create_activity(session, deleted.project_id, deleted.data).id
    event_ids = [
        restore_event(session, event, activity_id=activity_id, person_ids=person_ids) for event in deleted.events
    ]
    today = indicator_ids or {}
    for old in deleted.indicator_ids:
        indicator = session.get(Indicator, today.get(old, old))
        if indicator is not None:
            indicator.activity_id = activity_id
    session.flush()
    return activity_id, event_ids
