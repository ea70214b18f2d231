"""Who a project reached, counted from the attendance lists in one query: unique people and attendances with
breakdowns, and indicator values for a period (the same rules as services.indicators, limited to the period's
events). Values are grouped case-blind ("Ķekavas novads" = "ķekavas novads") but letters count (a ≠ ā)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import EventDTO, IndicatorDTO
from projektu_vadiba.core.models import (
    Attendance,
    AttendanceStatus,
    Event,
    Gender,
    IndicatorMethod,
    Organisation,
    Person,
    ProjectTargetGroup,
)
from projektu_vadiba.core.services.report_dto import Breakdown, Reach, ReportPeriod
from projektu_vadiba.core.text import lv_sort_key, name_key

NOT_GIVEN: profiles.Text = {"lv": "Nav norādīts", "en": "Not given"}
GENDER_LABELS: dict[Gender, profiles.Text] = {
    Gender.FEMALE: {"lv": "Sievietes", "en": "Women"},
    Gender.MALE: {"lv": "Vīrieši", "en": "Men"},
    Gender.OTHER: {"lv": "Cits", "en": "Other"},
}


@dataclass(frozen=True)
class AttendanceRow:
    event_id: int
    activity_id: int | None
    person_id: int
    attended: bool
    target_group: str
    municipality: str
    gender: Gender | None
    age_group: str
    organisation_id: int | None
    organisation_kind: str | None


def period_bounds(period: ReportPeriod) -> tuple[datetime, datetime]:
    """Events that start on the period's days: [from 00:00, the day after `to` 00:00)."""
    return datetime.combine(period.date_from, time()), datetime.combine(period.date_to + timedelta(days=1), time())


def attendance_rows(session: Session, project_id: int, period: ReportPeriod | None) -> list[AttendanceRow]:
    stmt = (
        select(
            Attendance.event_id,
            Event.activity_id,
            Attendance.person_id,
            Attendance.status,
            Person.target_group,
            Person.municipality,
            Person.gender,
            Person.age_group,
            Person.organisation_id,
            Organisation.kind,
        )
        .join(Event, Event.id == Attendance.event_id)
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(Event.project_id == project_id)
    )
    if period is not None:
        start, end = period_bounds(period)
        stmt = stmt.where(Event.starts_at >= start, Event.starts_at < end)
    return [
        AttendanceRow(e, a, p, s is AttendanceStatus.ATTENDED, tg or "", mun or "", g, age or "", org, kind)
        for e, a, p, s, tg, mun, g, age, org, kind in session.execute(stmt)
    ]


def _group(
    rows: Iterable[AttendanceRow], value: Callable[[AttendanceRow], str], not_given: str
) -> dict[str, tuple[str, set[int], int]]:
    """name_key -> (label as first seen, people, attendances)."""
    groups: dict[str, tuple[str, set[int], int]] = {}
    keys: dict[str, tuple[str, str]] = {}  # the same few values repeat on thousands of rows
    for r in rows:
        raw = value(r)
        if raw not in keys:
            text = " ".join(raw.split())
            keys[raw] = (text, name_key(text))
        text, key = keys[raw]
        label, people, count = groups.get(key, (text or not_given, set(), 0))
        people.add(r.person_id)
        groups[key] = (label, people, count + 1)
    return groups


def _rows(groups: dict[str, tuple[str, set[int], int]]) -> list[Breakdown]:
    return [Breakdown(label, len(people), count) for label, people, count in groups.values()]


def _by_size(items: list[Breakdown], not_given: str) -> tuple[Breakdown, ...]:
    """Largest first, Latvian order among equals; "Nav norādīts" always last."""
    return tuple(sorted(items, key=lambda b: (b.label == not_given, -b.people, lv_sort_key(b.label))))


_FIRST_NUMBER = re.compile(r"\d+")


def _age_order(b: Breakdown) -> tuple[int, Any]:
    """'līdz 17' < '18–25' < '65+' < 'Nav norādīts': by the first number in the label."""
    found = _FIRST_NUMBER.search(b.label)
    return (int(found.group()) if found else 1 << 30, lv_sort_key(b.label))


def reach(session: Session, project_id: int, rows: list[AttendanceRow], lang: str = "lv") -> Reach:
    attended = [r for r in rows if r.attended]
    not_given = profiles.pick(NOT_GIVEN, lang)
    planned = list(
        session.execute(
            select(ProjectTargetGroup.name, ProjectTargetGroup.planned_count)
            .where(ProjectTargetGroup.project_id == project_id)
            .order_by(ProjectTargetGroup.id)
        )
    )
    groups = _group(attended, lambda r: r.target_group, not_given)
    # The project's own target groups first, in its order, with their plan (zero when nobody came).
    by_target: list[Breakdown] = []
    for name, count in planned:
        label, people, n = groups.pop(name_key(name), (name, set(), 0))
        by_target.append(Breakdown(label, len(people), n, count))
    genders = _group(attended, lambda r: r.gender.value if r.gender else "", not_given)
    by_gender = [
        Breakdown(profiles.pick(GENDER_LABELS[g], lang), len(genders[g.value][1]), genders[g.value][2])
        for g in Gender
        if g.value in genders
    ]
    if "" in genders:
        by_gender.append(Breakdown(not_given, len(genders[""][1]), genders[""][2]))
    return Reach(
        unique_people=len({r.person_id for r in attended}),
        attendances=len(attended),
        registered=len(rows),
        organisations=len({r.organisation_id for r in attended if r.organisation_id is not None}),
        events_with_lists=len({r.event_id for r in rows}),
        by_target_group=tuple(by_target) + _by_size(_rows(groups), not_given),
        by_municipality=_by_size(_rows(_group(attended, lambda r: r.municipality, not_given)), not_given),
        by_gender=tuple(by_gender),
        by_age_group=tuple(sorted(_rows(_group(attended, lambda r: r.age_group, not_given)), key=_age_order)),
    )


def indicators_in_period(
    indicators: Iterable[IndicatorDTO], events: list[EventDTO], rows: list[AttendanceRow]
) -> tuple[IndicatorDTO, ...]:
    """Achieved values counted from the given (period's) events and attendance; manual values stay as entered."""
    now = clock.now()
    attended = [r for r in rows if r.attended]
    out = []
    for ind in indicators:
        if ind.method is IndicatorMethod.MANUAL:
            out.append(ind)
            continue
        mine = [r for r in attended if ind.activity_id is None or r.activity_id == ind.activity_id]
        value: int
        if ind.method is IndicatorMethod.EVENTS:
            value = sum(
                1
                for e in events
                if (ind.activity_id is None or e.activity_id == ind.activity_id)
                and e.starts_at <= now
                and (not ind.method_param or e.type.value == ind.method_param)
            )
        elif ind.method is IndicatorMethod.ATTENDANCES:
            value = len(mine)
        elif ind.method is IndicatorMethod.UNIQUE_PEOPLE:
            value = len({r.person_id for r in mine})
        elif ind.method is IndicatorMethod.ORGANISATIONS:
            value = len(
                {
                    r.organisation_id
                    for r in mine
                    if r.organisation_id is not None
                    and (not ind.method_param or r.organisation_kind == ind.method_param)
                }
            )
        else:
            wanted, by_group = name_key(ind.method_param), ind.method is IndicatorMethod.TARGET_GROUP
            value = len(
                {r.person_id for r in mine if name_key(r.target_group if by_group else r.municipality) == wanted}
            )
        out.append(replace(ind, achieved_value=Decimal(value)))
    return tuple(out)
