"""Who counts in a project's figures: the attendances whose role is a participant's.

Moderators, speakers, mentors, organisers and volunteers work at an event; a funder counts the people the event
reached. Listing the moderator on six village meetings must not turn 70 attendances / 64 people into 76 / 65. A
funder's profile may widen the rule ("counted_roles": ["participant", "volunteer"]); every count (indicators,
reach, breakdowns, the overview, people statistics) asks this module, so the rule lives in one place.

An open event's headcount of people nobody listed ("more than 80 at the fair": Event.unlisted_count) counts in
attendances, marked as such, and never in unique people: nobody knows who they were.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.models import Attendance, AttendanceRole, Event, Funder, Programme, Project

DEFAULT_COUNTED: tuple[AttendanceRole, ...] = (AttendanceRole.PARTICIPANT,)


def counted_roles(profile_key: str) -> tuple[AttendanceRole, ...]:
    return profiles.load_profile(profile_key).counted_roles


def project_counted_roles(session: Session, project_id: int | None) -> tuple[AttendanceRole, ...]:
    """The roles counted for a project (the default rule across all projects when None)."""
    if project_id is None:
        return DEFAULT_COUNTED
    # Project.profile_key's rule on two columns (a report asks this several times: no project object loaded).
    projects, funders, programmes = Project.__table__, Funder.__table__, Programme.__table__
    row = session.execute(
        select(funders.c.profile_key, programmes.c.profile_key)
        .select_from(
            projects.join(funders, funders.c.id == projects.c.funder_id).outerjoin(
                programmes, programmes.c.id == projects.c.programme_id
            )
        )
        .where(projects.c.id == project_id)
    ).first()
    if row is None:
        return DEFAULT_COUNTED
    funder_key, programme_key = row
    return counted_roles(programme_key or funder_key)


def counted(roles: tuple[AttendanceRole, ...]) -> Any:
    """The SQL condition "this attendance counts" (a ColumnElement[bool]). On the table's column: the same SQL in
    ORM queries, and usable in the plain-column queries of the start page (services/activities.py)."""
    return Attendance.__table__.c.role.in_(roles)


def staff(roles: tuple[AttendanceRole, ...]) -> Any:
    """The SQL condition "this attendance is someone working at the event" (listed apart, never counted)."""
    return Attendance.__table__.c.role.not_in(roles)


def unlisted(
    session: Session,
    project_id: int | None,
    *,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    activity_id: int | None = None,
    event_ids: list[int] | None = None,
) -> int:
    """People counted at held events without being listed, in the scope (the project, a period of start times,
    an activity, some events)."""
    stmt = select(func.coalesce(func.sum(Event.unlisted_count), 0)).where(Event.starts_at <= clock.now())
    if project_id is not None:
        stmt = stmt.where(Event.project_id == project_id)
    if starts_from is not None:
        stmt = stmt.where(Event.starts_at >= starts_from)
    if starts_before is not None:
        stmt = stmt.where(Event.starts_at < starts_before)
    if activity_id is not None:
        stmt = stmt.where(Event.activity_id == activity_id)
    if event_ids is not None:
        stmt = stmt.where(Event.id.in_(event_ids))
    return int(session.scalar(stmt) or 0)
