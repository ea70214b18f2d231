"""Indicators: planned vs achieved. Computed ones are counted from events and attendance at read time, so they
follow every attendance change without anything to keep in sync."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.concurrency import check_version, locked
from projektu_vadiba.core.counting import counted, counted_roles, unlisted
from projektu_vadiba.core.dto import IndicatorDTO, IndicatorInput
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import (
    Activity,
    Attendance,
    AttendanceStatus,
    Event,
    Indicator,
    IndicatorMethod,
    Organisation,
    Person,
    Project,
)
from projektu_vadiba.core.services.activities import code_sort_key
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.text import name_key
from projektu_vadiba.core.validation import Problems, check_length, check_required, parse_quantity


def _validate(session: Session, project_id: int, data: IndicatorInput, indicator_id: int | None) -> IndicatorInput:
    p = Problems()
    code = check_required(p, data.code, "code", "label.code")
    name = check_required(p, data.name, "name", "label.name")
    check_length(p, code, "code", "label.code", 20)
    for field, value in (("planned_value", data.planned_value), ("achieved_manual", data.achieved_manual)):
        if value is not None:
            try:
                parse_quantity(value, field)
            except ValidationError as exc:
                p.items.extend(exc.problems)
    if data.method in (IndicatorMethod.TARGET_GROUP, IndicatorMethod.MUNICIPALITY) and not data.method_param.strip():
        p.coded("method_param", "indicator.method_param")
    if data.activity_id is not None:
        owner = session.scalar(select(Activity.project_id).where(Activity.id == data.activity_id))
        if owner != project_id:
            p.coded("activity_id", "activity.other_project")
    clash = session.scalar(select(Indicator.id).where(Indicator.project_id == project_id, Indicator.code == code))
    if code and clash is not None and clash != indicator_id:
        p.coded("code", "indicator.code_taken", code=code)
    p.raise_if_any()
    return replace(data, code=code, name=name, method_param=data.method_param.strip())


def _apply(ind: Indicator, d: IndicatorInput) -> None:
    ind.code, ind.name, ind.unit, ind.planned_value = d.code, d.name, d.unit.strip(), d.planned_value
    ind.method, ind.method_param, ind.achieved_manual = d.method, d.method_param, d.achieved_manual
    ind.activity_id, ind.comment = d.activity_id, d.comment


def create_indicator(session: Session, project_id: int, data: IndicatorInput) -> IndicatorDTO:
    get_or_404(session, Project, project_id, "Projekts")
    data = _validate(session, project_id, data, None)
    ind = Indicator(project_id=project_id)
    _apply(ind, data)
    session.add(ind)
    session.flush()
    return _dto(session, ind)


def update_indicator(session: Session, indicator_id: int, data: IndicatorInput) -> IndicatorDTO:
    ind = locked(session, Indicator, indicator_id, "term.indicator")
    check_version(ind, "indicator", data, lambda: indicator_input(ind))
    data = _validate(session, ind.project_id, data, indicator_id)
    _apply(ind, data)
    session.flush()
    return _dto(session, ind)


def delete_indicator(session: Session, indicator_id: int) -> None:
    session.delete(get_or_404(session, Indicator, indicator_id, "Rādītājs"))
    session.flush()


def list_indicators(session: Session, project_id: int) -> list[IndicatorDTO]:
    rows = session.scalars(select(Indicator).where(Indicator.project_id == project_id)).all()
    return sorted((_dto(session, i) for i in rows), key=lambda i: code_sort_key(i.code))


def _dto(session: Session, ind: Indicator) -> IndicatorDTO:
    return IndicatorDTO(
        ind.id,
        ind.project_id,
        ind.activity_id,
        ind.code,
        ind.name,
        ind.unit,
        ind.planned_value,
        ind.method,
        ind.method_param,
        achieved_value(session, ind),
        ind.comment,
        ind.version,
    )


def indicator_input(ind: Indicator) -> IndicatorInput:
    """The indicator as saved now, as the input an edit form would hold (a conflict's "theirs")."""
    return IndicatorInput(
        code=ind.code,
        name=ind.name,
        planned_value=ind.planned_value,
        unit=ind.unit,
        method=ind.method,
        method_param=ind.method_param,
        achieved_manual=ind.achieved_manual,
        activity_id=ind.activity_id,
        comment=ind.comment,
        version=ind.version,
    )


def achieved_value(session: Session, ind: Indicator) -> Decimal:
    if ind.method is IndicatorMethod.MANUAL:
        return ind.achieved_manual if ind.achieved_manual is not None else Decimal(0)
    scope = [Event.project_id == ind.project_id]
    if ind.activity_id is not None:
        scope.append(Event.activity_id == ind.activity_id)
    if ind.method is IndicatorMethod.EVENTS:
        # An event counts as held once it has started; an optional type narrows it.
        stmt: Select[Any] = select(func.count(Event.id)).where(*scope, Event.starts_at <= clock.now())
        if ind.method_param:
            stmt = stmt.where(Event.type == ind.method_param)
        return Decimal(session.scalar(stmt) or 0)
    # Only participants count (core/counting.py): the moderator of six meetings is not six attendances.
    roles = counted(counted_roles(ind.project.profile_key))
    attended = (
        select(Attendance.person_id)
        .join(Event, Event.id == Attendance.event_id)
        .where(*scope, Attendance.status == AttendanceStatus.ATTENDED, roles)
    )
    if ind.method is IndicatorMethod.ATTENDANCES:  # the listed participants, plus headcounts of people unlisted
        listed = session.scalar(select(func.count()).select_from(attended.subquery())) or 0
        return Decimal(listed + unlisted(session, ind.project_id, activity_id=ind.activity_id))
    people = attended.join(Person, Person.id == Attendance.person_id)
    if ind.method is IndicatorMethod.UNIQUE_PEOPLE:
        stmt = select(func.count(distinct(Attendance.person_id))).select_from(Attendance)
        stmt = stmt.join(Event, Event.id == Attendance.event_id).where(
            *scope, Attendance.status == AttendanceStatus.ATTENDED, roles
        )
    elif ind.method is IndicatorMethod.ORGANISATIONS:
        orgs = people.join(Organisation, Organisation.id == Person.organisation_id)
        if ind.method_param:
            orgs = orgs.where(Organisation.kind == ind.method_param)
        sub = orgs.with_only_columns(Person.organisation_id).distinct().subquery()
        stmt = select(func.count()).select_from(sub)
    else:
        # Compared in Python: SQLite's lower() does not fold Ā Č Ķ ..., and the rows are few (attendees).
        column = Person.target_group if ind.method is IndicatorMethod.TARGET_GROUP else Person.municipality
        wanted = name_key(ind.method_param)
        rows = session.execute(people.with_only_columns(Attendance.person_id, column).distinct())
        return Decimal(len({pid for pid, value in rows if name_key(value) == wanted}))
    return Decimal(session.scalar(stmt) or 0)
