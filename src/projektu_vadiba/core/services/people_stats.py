"""Counts the reports need: unique people and attendances (status "attended") per project and period, broken down
by target group, municipality, gender and age group where those were recorded.

Age group: core/age_groups.py (the recorded one, else derived from the birth year at the person's first event).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.age_groups import band_of, order_key
from projektu_vadiba.core.counting import counted, project_counted_roles, unlisted
from projektu_vadiba.core.dto_people import PeopleStats, StatRow
from projektu_vadiba.core.models import Attendance, AttendanceStatus, Event, Person
from projektu_vadiba.core.text import lv_sort_key, name_key

GENDER_LABELS = {"female": "sieviete", "male": "vīrietis", "other": "cits"}
NOT_RECORDED = "nav norādīts"
UNLISTED_KEY, UNLISTED_LABEL = "__unlisted__", "bez saraksta (tikai skaits)"


def first_event_years(session: Session, person_ids: list[int]) -> dict[int, int]:
    """Year of each person's first event on any list (the reference year of a derived age group)."""
    out: dict[int, int] = {}
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        rows = session.execute(
            select(Attendance.person_id, func.min(Event.starts_at))
            .join(Event, Event.id == Attendance.event_id)
            .where(Attendance.person_id.in_(chunk))
            .group_by(Attendance.person_id)
        )
        out.update({pid: first.year for pid, first in rows if first is not None})
    return out


def people_stats(
    session: Session,
    project_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    event_ids: list[int] | None = None,
) -> PeopleStats:
    """Counts over attended rows of the project's events (or all projects' when None) within [start, end];
    participants only (core/counting.py), not the people who worked at the events."""
    stmt = (
        select(
            Attendance.person_id,
            Attendance.event_id,
            Person.target_group,
            Person.municipality,
            Person.gender,
            Person.age_group,
            Person.birth_year,
        )
        .join(Event, Event.id == Attendance.event_id)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.status == AttendanceStatus.ATTENDED, counted(project_counted_roles(session, project_id)))
    )
    if project_id is not None:
        stmt = stmt.where(Event.project_id == project_id)
    if start is not None:
        stmt = stmt.where(Event.starts_at >= datetime.combine(start, time.min))
    if end is not None:
        stmt = stmt.where(Event.starts_at <= datetime.combine(end, time.max))
    if event_ids is not None:
        stmt = stmt.where(Event.id.in_(event_ids))
    rows = session.execute(stmt).all()
    held = select(func.count(Event.id)).where(Event.starts_at <= clock.now())
    if project_id is not None:
        held = held.where(Event.project_id == project_id)
    if start is not None:
        held = held.where(Event.starts_at >= datetime.combine(start, time.min))
    if end is not None:
        held = held.where(Event.starts_at <= datetime.combine(end, time.max))
    if event_ids is not None:
        held = held.where(Event.id.in_(event_ids))
    people: dict[int, Any] = {}
    for row in rows:
        people.setdefault(row.person_id, row)
    years = first_event_years(session, [pid for pid, r in people.items() if not r.age_group and r.birth_year])

    def group_of(row: Any, dimension: str) -> tuple[str, str]:
        """(key, label) of a person in one breakdown."""
        if dimension == "gender":
            key = row.gender.value if row.gender is not None else ""
            return key, GENDER_LABELS.get(key, NOT_RECORDED)
        if dimension == "age":
            label = row.age_group.strip() or band_of(row.birth_year, years.get(row.person_id))
            return name_key(label), label or NOT_RECORDED
        value = (row.target_group if dimension == "target" else row.municipality).strip()
        return name_key(value), value or NOT_RECORDED  # "Ķekavas novads" == "ķekavas  novads"

    def breakdown(dimension: str) -> tuple[StatRow, ...]:
        labels: dict[str, str] = {}
        persons: dict[str, set[int]] = defaultdict(set)
        counts: dict[str, int] = defaultdict(int)
        for row in rows:
            key, label = group_of(people[row.person_id], dimension)
            labels.setdefault(key, label)
            persons[key].add(row.person_id)
            counts[key] += 1
        items = [StatRow(k, labels[k], len(persons[k]), counts[k]) for k in labels]
        if dimension == "age":  # youngest first, other texts after the bands, "not given" last
            ordered = tuple(sorted(items, key=lambda r: order_key("" if r.key == "" else r.label)))
        else:
            ordered = tuple(sorted(items, key=lambda r: (r.key == "", lv_sort_key(r.label))))
        return ordered + extra  # headcounts of people nobody listed: attendances without people

    headcount = unlisted(
        session,
        project_id,
        starts_from=datetime.combine(start, time.min) if start is not None else None,
        starts_before=datetime.combine(end + timedelta(days=1), time.min) if end is not None else None,
        event_ids=event_ids,
    )
    extra = (StatRow(UNLISTED_KEY, UNLISTED_LABEL, 0, headcount),) if headcount else ()

    return PeopleStats(
        unique_people=len(people),
        attendances=len(rows) + headcount,
        events=int(session.scalar(held) or 0),
        events_with_attendance=len({r.event_id for r in rows}),
        by_target_group=breakdown("target"),
        by_municipality=breakdown("municipality"),
        by_gender=breakdown("gender"),
        by_age_group=breakdown("age"),
    )
