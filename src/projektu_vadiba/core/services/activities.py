"""Activities of a project (the plan) and the events that carry them out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.concurrency import check_version, locked
from projektu_vadiba.core.counting import DEFAULT_COUNTED, counted, project_counted_roles, staff
from projektu_vadiba.core.dto import ActivityDTO, ActivityInput, EventDTO, EventInput
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.models import Activity, Attendance, AttendanceRole, AttendanceStatus, Event, Project
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.validation import Problems, check_length, check_period, check_required


def activity_dto(a: Activity, event_count: int = 0) -> ActivityDTO:
    return ActivityDTO(
        a.id,
        a.project_id,
        a.code,
        a.title,
        a.description,
        a.planned_start,
        a.planned_end,
        a.status,
        a.result,
        event_count,
        a.version,
    )


def _validate_activity(
    session: Session, project_id: int, data: ActivityInput, activity_id: int | None
) -> ActivityInput:
    p = Problems()
    code = check_required(p, data.code, "code", "label.code")
    title = check_required(p, data.title, "title", "label.title")
    check_length(p, code, "code", "label.code", 20)
    check_length(p, title, "title", "label.title", 500)
    check_period(p, data.planned_start, data.planned_end, "planned_end")
    clash = session.scalar(select(Activity.id).where(Activity.project_id == project_id, Activity.code == code))
    if code and clash is not None and clash != activity_id:
        p.coded("code", "activity.code_taken", code=code)
    p.raise_if_any()
    return replace(data, code=code, title=title)


def create_activity(session: Session, project_id: int, data: ActivityInput) -> ActivityDTO:
    get_or_404(session, Project, project_id, "Projekts")
    data = _validate_activity(session, project_id, data, None)
    activity = Activity(project_id=project_id)
    _apply_activity(activity, data)
    session.add(activity)
    session.flush()
    return activity_dto(activity)


def update_activity(session: Session, activity_id: int, data: ActivityInput) -> ActivityDTO:
    from projektu_vadiba.core.services.event_delete import activity_input

    activity = locked(session, Activity, activity_id, "term.activity")
    check_version(activity, "activity", data, lambda: activity_input(activity_dto(activity)))
    data = _validate_activity(session, activity.project_id, data, activity_id)
    _apply_activity(activity, data)
    session.flush()
    return activity_dto(activity, len(activity.events))


def _apply_activity(a: Activity, data: ActivityInput) -> None:
    a.code, a.title, a.description = data.code, data.title, data.description
    a.planned_start, a.planned_end, a.status, a.result = (
        data.planned_start,
        data.planned_end,
        data.status,
        data.result,
    )


def delete_activity(session: Session, activity_id: int) -> int:
    """Deletes the activity with its events; returns how many events went with it."""
    activity = get_or_404(session, Activity, activity_id, "Aktivitāte")
    events = len(activity.events)
    session.delete(activity)
    session.flush()
    return events


def list_activities(session: Session, project_id: int) -> list[ActivityDTO]:
    counts = (
        select(Event.activity_id, func.count().label("n"))
        .where(Event.project_id == project_id)
        .group_by(Event.activity_id)
        .subquery()
    )
    rows = session.execute(
        select(Activity, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.activity_id == Activity.id)
        .where(Activity.project_id == project_id)
    ).all()
    items = [activity_dto(a, n) for a, n in rows]
    return sorted(items, key=lambda a: code_sort_key(a.code))


def code_sort_key(code: str) -> tuple[tuple[int, str], ...]:
    """'2.10' after '2.9': compare each part as a number where it is one."""
    return tuple((int(part), "") if part.isdigit() else (1 << 30, part) for part in code.split("."))


# ---- events ------------------------------------------------------------------------------------------


UNLISTED_LIMIT = 1_000_000  # a headcount beyond this is a typing error


def _validate_event(session: Session, project_id: int, data: EventInput) -> EventInput:
    p = Problems()
    title = check_required(p, data.title, "title", "label.title")
    check_length(p, title, "title", "label.title", 500)
    check_period(p, data.starts_at, data.ends_at, "ends_at")
    if data.planned_participants is not None and data.planned_participants < 0:
        p.coded("planned_participants", "event.planned_negative")
    if not 0 <= data.unlisted_count <= UNLISTED_LIMIT:
        p.coded("unlisted_count", "event.unlisted_range", limit=UNLISTED_LIMIT)
    if data.activity_id is not None:
        owner = session.scalar(select(Activity.project_id).where(Activity.id == data.activity_id))
        if owner != project_id:
            p.coded("activity_id", "activity.other_project")
    p.raise_if_any()
    return replace(data, title=title)


def _apply_event(e: Event, d: EventInput) -> None:
    e.title, e.type, e.activity_id = d.title, d.type, d.activity_id
    e.starts_at, e.ends_at = d.starts_at, d.ends_at
    e.place, e.address, e.municipality = d.place.strip(), d.address.strip(), d.municipality.strip()
    e.online, e.online_link = d.online, d.online_link.strip()
    e.planned_participants, e.description = d.planned_participants, d.description
    e.unlisted_count = d.unlisted_count


def create_event(session: Session, project_id: int, data: EventInput) -> EventDTO:
    get_or_404(session, Project, project_id, "Projekts")
    data = _validate_event(session, project_id, data)
    event = Event(project_id=project_id)
    _apply_event(event, data)
    session.add(event)
    session.flush()
    return get_event(session, event.id)


def update_event(session: Session, event_id: int, data: EventInput) -> EventDTO:
    from projektu_vadiba.core.services.event_delete import event_input

    event = locked(session, Event, event_id, "term.event")
    check_version(event, "event", data, lambda: event_input(get_event(session, event_id)))
    data = _validate_event(session, event.project_id, data)
    _apply_event(event, data)
    session.flush()
    return get_event(session, event.id)


def delete_event(session: Session, event_id: int) -> int:
    """Deletes the event and its attendance list; returns how many attendance records went with it."""
    event = get_or_404(session, Event, event_id, "Pasākums")
    n = session.scalar(select(func.count()).select_from(Attendance).where(Attendance.event_id == event_id)) or 0
    session.delete(event)
    session.flush()
    return n


def _event_query(  # type: ignore[no-untyped-def]
    roles: tuple[AttendanceRole, ...] = DEFAULT_COUNTED, project_id: int | None = None, event_id: int | None = None
):
    """Each event with its list counts: every row on the list, the participants who came (counting.py: `roles`)
    and the people who came to work there (moderators, speakers ...). The tables' columns, not the mapped classes:
    the start page's "coming up" list is read before SQLAlchemy configures the models (see list_projects)."""
    events, activities, projects, lists = (m.__table__ for m in (Event, Activity, Project, Attendance))
    e, a, p, at = events.c, activities.c, projects.c, lists.c
    came = at.status == AttendanceStatus.ATTENDED
    registered = func.count(at.id)
    attended = func.coalesce(func.sum(case((came & counted(roles), 1), else_=0)), 0)
    working = func.coalesce(func.sum(case((came & staff(roles), 1), else_=0)), 0)
    stmt = (
        select(
            events,
            a.code.label("activity_code"),
            p.start_date.label("project_start"),
            p.end_date.label("project_end"),
            registered.label("registered"),
            attended.label("attended"),
            working.label("working"),
        )
        .select_from(
            events.join(projects, p.id == e.project_id)
            .outerjoin(activities, a.id == e.activity_id)
            .outerjoin(lists, at.event_id == e.id)
        )
        .group_by(e.id, a.code, p.start_date, p.end_date)
        .order_by(e.starts_at, e.id)
    )
    if project_id is not None:
        stmt = stmt.where(e.project_id == project_id)
    if event_id is not None:
        stmt = stmt.where(e.id == event_id)
    return stmt


def _event_dto(e: Any) -> EventDTO:
    """An _event_query row: the event's columns by name, its activity's code, the project's period, the counts."""
    code: str | None = e.activity_code
    start: date = e.project_start
    end: date = e.project_end
    registered, attended, working = e.registered, e.attended, e.working
    warnings: list[str] = []
    if e.starts_at.date() < start or e.ends_at.date() > end:
        warnings.append(Message("event.outside_period", start=f"{start:%d.%m.%Y}", end=f"{end:%d.%m.%Y}"))
    return EventDTO(
        e.id,
        e.project_id,
        e.activity_id,
        code,
        e.title,
        e.type,
        e.starts_at,
        e.ends_at,
        e.place,
        e.address,
        e.municipality,
        e.online,
        e.online_link,
        e.planned_participants,
        e.description,
        int(registered),
        int(attended),
        tuple(warnings),
        staff=int(working),
        unlisted=e.unlisted_count,
        version=e.version,
    )


def list_events(session: Session, project_id: int) -> list[EventDTO]:
    roles = project_counted_roles(session, project_id)
    return [_event_dto(row) for row in session.execute(_event_query(roles, project_id=project_id))]


def get_event(session: Session, event_id: int) -> EventDTO:
    project_id = session.scalar(select(Event.project_id).where(Event.id == event_id))
    row = session.execute(_event_query(project_counted_roles(session, project_id), event_id=event_id)).first()
    if row is None:
        get_or_404(session, Event, event_id, "Pasākums")
        raise AssertionError("unreachable")
    return _event_dto(row)


def events_between(session: Session, start: datetime, end: datetime) -> list[EventDTO]:
    """Every project's events in a window (calendar, 'coming up'); counted with the default roles (a profile that
    counts more roles shows them on its own project's pages)."""
    e = Event.__table__.c
    stmt = _event_query().where(e.starts_at < end, e.ends_at >= start)
    return [_event_dto(row) for row in session.execute(stmt)]
