"""Certificates of participation: for each person, the project's events they attended and for how many hours.

A participant asks for proof that they took part (for an employer, a school, a CV); funders ask for it after
trainings and mentoring programmes. Only attendances that count (core/counting.py: participants, not the people
working at the events) and only events that have started; a multi-day event counts the days the person came.

Hours: an event within one day counts its length; a multi-day event counts its daily span (end time minus start
time) for each day attended. Rounded to the half hour, as certificates state them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.counting import counted, project_counted_roles
from projektu_vadiba.core.dto_sheets import SheetProject
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Activity, Attendance, AttendanceStatus, Event, Person
from projektu_vadiba.core.services.attendance_days import attended_days, event_days
from projektu_vadiba.core.services.sheets import sheet_project

HALF = Decimal("0.5")


@dataclass(frozen=True)
class CertificateEvent:
    title: str
    activity_code: str
    first_day: date
    last_day: date  # the last day attended (the first for a one-day event)
    days: int  # days attended
    place: str
    online: bool
    hours: Decimal


@dataclass(frozen=True)
class Certificate:
    person_id: int
    given_name: str
    surname: str
    events: tuple[CertificateEvent, ...]  # by date

    @property
    def hours(self) -> Decimal:
        return sum((e.hours for e in self.events), Decimal(0))

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.surname}".strip()


@dataclass(frozen=True)
class CertificateSet:
    project: SheetProject
    issued_on: date
    certificates: tuple[Certificate, ...]  # in Latvian name order


def event_hours(starts_at: datetime, ends_at: datetime, days_attended: int) -> Decimal:
    if starts_at.date() == ends_at.date():
        span = ends_at - starts_at
    else:
        daily = datetime.combine(starts_at.date(), ends_at.time()) - starts_at
        span = daily * days_attended if daily > timedelta(0) else timedelta(0)
    hours = Decimal(span.total_seconds()) / 3600
    return (hours / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP) * HALF


def certificates(
    session: Session,
    project_id: int,
    *,
    person_ids: list[int] | None = None,
    event_ids: list[int] | None = None,
    issued_on: date | None = None,
) -> CertificateSet:
    """One certificate per participant of the project (or of `event_ids`; or only `person_ids`), with at least one
    event attended. Raises AppError when nobody qualifies, so no empty PDF is made."""
    from projektu_vadiba.core.text import lv_sort_key

    project = sheet_project(session, project_id)
    stmt = (
        select(Attendance, Event, Person, Activity.code)
        .join(Event, Event.id == Attendance.event_id)
        .join(Person, Person.id == Attendance.person_id)
        .outerjoin(Activity, Activity.id == Event.activity_id)
        .where(
            Event.project_id == project_id,
            Event.starts_at <= clock.now(),
            Attendance.status == AttendanceStatus.ATTENDED,
            counted(project_counted_roles(session, project_id)),
            Person.anonymised_at.is_(None),
        )
        .order_by(Event.starts_at, Event.id)
    )
    if person_ids is not None:
        stmt = stmt.where(Attendance.person_id.in_(person_ids))
    if event_ids is not None:
        stmt = stmt.where(Event.id.in_(event_ids))
    events: dict[int, list[CertificateEvent]] = defaultdict(list)
    people: dict[int, Person] = {}
    for row, event, person, code in session.execute(stmt):
        days = attended_days(row.status, row.days, event_days(event.starts_at, event.ends_at))
        if not days:
            continue
        people[person.id] = person
        place = ", ".join(x for x in (event.place, event.municipality) if x)
        events[person.id].append(
            CertificateEvent(
                event.title,
                code or "",
                days[0],
                days[-1],
                len(days),
                place,
                event.online,
                event_hours(event.starts_at, event.ends_at, len(days)),
            )
        )
    if not people:
        raise AppError.of("certificate.nobody")
    ordered = sorted(people.values(), key=lambda p: (lv_sort_key(p.surname), lv_sort_key(p.given_name), p.id))
    return CertificateSet(
        project,
        issued_on or clock.today(),
        tuple(Certificate(p.id, p.given_name, p.surname, tuple(events[p.id])) for p in ordered),
    )
