"""Certificates of participation: who gets one, for which events, and how many hours."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import text_of
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, attendance_days, people
from projektu_vadiba.core.services.certificates import certificates, event_hours


@pytest.mark.parametrize(
    ("start", "end", "days", "hours"),
    [
        (datetime(2023, 5, 2, 18, 0), datetime(2023, 5, 2, 20, 30), 1, "2.5"),
        (datetime(2023, 5, 2, 10, 0), datetime(2023, 5, 2, 11, 20), 1, "1.5"),  # to the half hour
        (datetime(2023, 5, 2, 10, 0), datetime(2023, 5, 2, 11, 10), 1, "1"),
        (datetime(2023, 6, 1, 10, 0), datetime(2023, 6, 3, 16, 0), 3, "18"),  # 6 h a day, three days
        (datetime(2023, 6, 1, 10, 0), datetime(2023, 6, 3, 16, 0), 2, "12"),  # came on two of them
        (datetime(2023, 6, 1, 18, 0), datetime(2023, 6, 2, 9, 0), 2, "0"),  # overnight: no daily span to count
    ],
)
def test_hours(start: datetime, end: datetime, days: int, hours: str) -> None:
    assert event_hours(start, end, days) == Decimal(hours)


def test_one_certificate_per_participant_with_their_events(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        meeting = activities.create_event(
            s, project.id, EventInput("Tikšanās Ķekavā", datetime(2023, 5, 2, 18), datetime(2023, 5, 2, 20, 30))
        ).id
        camp = activities.create_event(
            s, project.id, EventInput("Vasaras skola", datetime(2023, 6, 1, 10), datetime(2023, 6, 3, 16))
        ).id
        later = activities.create_event(
            s, project.id, EventInput("Nākotnes forums", datetime(2031, 1, 1, 10), datetime(2031, 1, 1, 12))
        ).id
        zane = people.create_person(s, PersonInput("Zane", "Ērgle")).id
        ugis = people.create_person(s, PersonInput("Uģis", "Ābols")).id
        moderator = people.create_person(s, PersonInput("Ilze", "Vadītāja")).id
        absent = people.create_person(s, PersonInput("Jānis", "Bērziņš")).id
        attendance.register(s, meeting, zane, AttendanceStatus.ATTENDED)
        row = attendance.register(s, camp, zane, AttendanceStatus.ATTENDED)
        attendance_days.set_days(s, row.id, [date(2023, 6, 1), date(2023, 6, 3)])
        attendance.register(s, camp, ugis, AttendanceStatus.ATTENDED)
        attendance.register(s, later, ugis, AttendanceStatus.REGISTERED)
        attendance.register(s, meeting, moderator, AttendanceStatus.ATTENDED, AttendanceRole.MODERATOR)
        attendance.register(s, meeting, absent, AttendanceStatus.ABSENT)
        got = certificates(s, project.id, issued_on=date(2023, 7, 1))
        only_meeting = certificates(s, project.id, event_ids=[meeting])
    # Latvian name order; the moderator works there and gets no participation certificate; nobody absent.
    assert [(c.name, c.hours) for c in got.certificates] == [
        ("Uģis Ābols", Decimal(18)),
        ("Zane Ērgle", Decimal("14.5")),
    ]
    zane_events = got.certificates[1].events
    assert [(e.title, e.first_day, e.last_day, e.days, e.hours) for e in zane_events] == [
        ("Tikšanās Ķekavā", date(2023, 5, 2), date(2023, 5, 2), 1, Decimal("2.5")),
        ("Vasaras skola", date(2023, 6, 1), date(2023, 6, 3), 2, Decimal(12)),
    ]
    assert got.project.number == project.number and got.issued_on == date(2023, 7, 1)
    assert [c.name for c in only_meeting.certificates] == ["Zane Ērgle"]


def test_nobody_to_certify_is_a_message(db: Database, project: ProjectDetail) -> None:
    with db.session() as s, pytest.raises(AppError) as err:
        certificates(s, project.id)
    assert "neviens dalībnieks nav atzīmēts" in text_of(err.value, "lv")
