"""Everything an attendance sheet prints, for one event, an activity's events or a whole project's.

People come in the order of the attendance screen (`attendance.event_list`: Latvian alphabetical by surname,
given name, then the order they were added) with the same numbers. One query for all events' people, so a
project of 180 events is read in a fraction of a second.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from projektu_vadiba.core.dto_sheets import (
    EventSheet,
    SheetActivity,
    SheetEvent,
    SheetProject,
    SheetRow,
    SheetSet,
    SheetVariant,
)
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.models import Activity, Attendance, AttendanceStatus, Event, Organisation, Person, Project
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.text import lv_sort_key


def sheets_for(
    session: Session,
    *,
    event_id: int | None = None,
    activity_id: int | None = None,
    project_id: int | None = None,
    variant: SheetVariant = SheetVariant.PREFILLED,
) -> SheetSet:
    """The sheets of exactly one target: an event, an activity's events or a project's events."""
    if sum(x is not None for x in (event_id, activity_id, project_id)) != 1:
        raise ValueError("exactly one of event_id, activity_id, project_id")
    if event_id is not None:
        return event_sheets(session, event_id, variant)
    if activity_id is not None:
        return activity_sheets(session, activity_id, variant)
    assert project_id is not None
    return project_sheets(session, project_id, variant)


def event_sheets(session: Session, event_id: int, variant: SheetVariant = SheetVariant.PREFILLED) -> SheetSet:
    event = get_or_404(session, Event, event_id, "Pasākums")
    return _sheet_set(session, event.project_id, variant, Event.id == event_id)


def activity_sheets(session: Session, activity_id: int, variant: SheetVariant = SheetVariant.PREFILLED) -> SheetSet:
    activity = get_or_404(session, Activity, activity_id, "Aktivitāte")
    return _sheet_set(session, activity.project_id, variant, Event.activity_id == activity_id)


def project_sheets(session: Session, project_id: int, variant: SheetVariant = SheetVariant.PREFILLED) -> SheetSet:
    get_or_404(session, Project, project_id, "Projekts")
    return _sheet_set(session, project_id, variant, Event.project_id == project_id)


def find_activity_id(session: Session, project_id: int, code: str) -> int:
    found = session.scalar(select(Activity.id).where(Activity.project_id == project_id, Activity.code == code.strip()))
    if found is None:
        raise NotFoundError.of("activity.code_not_found", code=code)
    return found


def _sheet_set(session: Session, project_id: int, variant: SheetVariant, which: Any) -> SheetSet:
    project = sheet_project(session, project_id)
    events = session.execute(
        select(Event, Activity)
        .outerjoin(Activity, Activity.id == Event.activity_id)
        .where(which, Event.project_id == project_id)
        .order_by(Event.starts_at, Event.id)
    ).all()
    people = _people(session, which, project_id)
    sheets: list[EventSheet] = []
    for event, activity in events:
        listed = people.get(event.id, [])
        rows = _rows_for(listed, variant)
        sheets.append(
            EventSheet(
                project=project,
                activity=SheetActivity(activity.id, activity.code, activity.title) if activity else None,
                event=SheetEvent(
                    event.id,
                    event.title,
                    event.type,
                    event.starts_at,
                    event.ends_at,
                    event.place,
                    event.address,
                    event.municipality,
                    event.online,
                    event.online_link,
                ),
                rows=rows,
                registered=len(listed),
            )
        )
    return SheetSet(project, variant, tuple(sheets))


def _rows_for(listed: list[SheetRow], variant: SheetVariant) -> tuple[SheetRow, ...]:
    if variant is SheetVariant.BLANK:
        return ()
    if variant is SheetVariant.ATTENDED:
        # The annex is its own list: numbered 1..n among those who came.
        came = [r for r in listed if r.status is AttendanceStatus.ATTENDED]
        return tuple(replace(r, number=i) for i, r in enumerate(came, start=1))
    return tuple(listed)


def sheet_project(session: Session, project_id: int) -> SheetProject:
    """The project as every printed page of it names it (sheets, certificates)."""
    project = session.scalars(
        select(Project)
        .where(Project.id == project_id)
        .options(joinedload(Project.funder), joinedload(Project.programme), joinedload(Project.implementer))
    ).one()
    implementer = project.implementer
    programme = project.programme
    contact = ", ".join(x for x in (implementer.email or "", implementer.phone or "") if x)
    return SheetProject(
        id=project.id,
        number=project.number,
        title=project.title,
        profile_key=project.profile_key,
        funder_name=project.funder.name,
        programme_name=programme.name if programme else "",
        implementer=implementer.name,
        implementer_reg_number=implementer.reg_number or "",
        implementer_address=implementer.address or "",
        implementer_contact=contact,
        retention_until=project.retention_until,
        implementer_logo=implementer.logo,
        publicity=project.publicity,
        logo=project.logo,
    )


def _people(session: Session, which: Any, project_id: int) -> dict[int, list[SheetRow]]:
    """Each event's people in the attendance screen's order and numbering."""
    stmt = (
        select(
            Attendance.event_id,
            Attendance.id,
            Attendance.status,
            Attendance.role,
            Attendance.no_photos,
            Person.id,
            Person.given_name,
            Person.surname,
            Organisation.name,
            Person.municipality,
            Person.email,
            Person.phone,
            Person.gender,
            Person.age_group,
        )
        .join(Event, Event.id == Attendance.event_id)
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(which, Event.project_id == project_id)
    )
    by_event: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in session.execute(stmt):
        by_event[row[0]].append(tuple(row))
    out: dict[int, list[SheetRow]] = {}
    keys: dict[str, Any] = {}  # names repeat across a project's thousands of rows: each is keyed once

    def key(name: str) -> Any:
        found = keys.get(name)
        if found is None:
            found = keys[name] = lv_sort_key(name)
        return found

    for event_id, items in by_event.items():
        # The same key as attendance.event_list: surname, given name, then the order of registration.
        items.sort(key=lambda r: (key(r[7]), key(r[6]), r[1]))
        out[event_id] = [
            SheetRow(
                number=i,
                person_id=r[5],
                given_name=r[6],
                surname=r[7],
                organisation=r[8] or "",
                municipality=r[9] or "",
                email=r[10] or "",
                phone=r[11] or "",
                gender=r[12],
                age_group=r[13] or "",
                status=r[2],
                role=r[3],
                no_photos=bool(r[4]),
            )
            for i, r in enumerate(items, start=1)
        ]
    return out
