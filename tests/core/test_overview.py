"""A project's overview: elapsed time, next deadlines, indicator progress, upcoming events and warnings."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, IndicatorInput, PersonInput, ProjectDetail
from projektu_vadiba.core.models import AttendanceStatus, IndicatorMethod
from projektu_vadiba.core.services import activities, attendance, indicators, people, projects
from projektu_vadiba.core.services.overview import WarningKind, elapsed_days, expected_by_now, project_overview


def _event(title: str, day: date, hour: int = 18) -> EventInput:
    return EventInput(title, datetime(day.year, day.month, day.day, hour), datetime(day.year, day.month, day.day, 20))


@pytest.fixture
def filled(db: Database, project: ProjectDetail) -> dict[str, int]:
    """The 01.03.2023–31.12.2023 project with four events (one before the start), two attendees and three
    indicators: 10 of 100 by hand, 1 guideline (none yet) and the events held."""
    ids: dict[str, int] = {}
    with db.session() as s:
        for key, title, day in (
            ("early", "Ievadsanāksme", date(2023, 2, 20)),
            ("held", "Tikšanās Baldonē", date(2023, 5, 10)),
            ("next", "Tikšanās Daugmalē", date(2023, 8, 16)),
            ("later", "Tikšanās Ķekavā", date(2023, 9, 20)),
        ):
            ids[key] = activities.create_event(s, project.id, _event(title, day)).id
        for given, surname in (("Anna", "Bērziņa"), ("Pēteris", "Ozols")):
            person = people.create_person(s, PersonInput(given, surname))
            attendance.register(s, ids["held"], person.id, AttendanceStatus.ATTENDED)
            attendance.register(s, ids["early"], person.id, AttendanceStatus.ATTENDED)
        absent = people.create_person(s, PersonInput("Ilze", "Kalna"))
        attendance.register(s, ids["held"], absent.id, AttendanceStatus.ABSENT)
        for code, name, planned, method, manual in (
            ("R1", "Aptaujas respondenti", 100, IndicatorMethod.MANUAL, Decimal(10)),
            ("R2", "Vadlīnijas", 1, IndicatorMethod.MANUAL, None),
            ("R3", "Tikšanās", 4, IndicatorMethod.EVENTS, None),
        ):
            ids[code] = indicators.create_indicator(
                s, project.id, IndicatorInput(code, name, Decimal(planned), method=method, achieved_manual=manual)
            ).id
    return ids


def test_elapsed_days_count_both_ends() -> None:
    assert elapsed_days(date(2023, 1, 1), date(2023, 1, 10), date(2022, 12, 31)) == (10, 0)
    assert elapsed_days(date(2023, 1, 1), date(2023, 1, 10), date(2023, 1, 1)) == (10, 1)
    assert elapsed_days(date(2023, 1, 1), date(2023, 1, 10), date(2023, 1, 10)) == (10, 10)
    assert elapsed_days(date(2023, 1, 1), date(2023, 1, 10), date(2024, 1, 1)) == (10, 10)
    assert expected_by_now(Decimal(100), 0.5) == 50
    assert expected_by_now(Decimal(1), 0.99) == 0  # a one-off result is not behind before the end


def test_overview_half_way(db: Database, project: ProjectDetail, filled: dict[str, int]) -> None:
    clock.set_clock(datetime(2023, 8, 1, 12, 0))
    with db.session() as s:
        o = project_overview(s, project.id)
    assert (o.days_total, o.days_elapsed, o.days_left) == (306, 154, 152)
    assert o.elapsed_share == pytest.approx(154 / 306)
    assert (o.event_count, o.participant_count, o.attendance_count) == (4, 2, 4)
    assert [e.title for e in o.upcoming_events] == ["Tikšanās Daugmalē", "Tikšanās Ķekavā"]
    assert [d.due_date for d in o.next_deadlines] == [date(2024, 1, 29)]
    progress = {p.indicator.code: p for p in o.indicators}
    assert (progress["R1"].expected, progress["R1"].behind) == (Decimal(50), True)
    assert (progress["R2"].expected, progress["R2"].behind) == (Decimal(0), False)
    assert (progress["R3"].indicator.achieved_value, progress["R3"].expected, progress["R3"].behind) == (2, 2, False)
    kinds = [(w.kind, w.subject_id) for w in o.warnings]
    assert kinds == [
        (WarningKind.EVENT_OUTSIDE_PERIOD, filled["early"]),
        (WarningKind.INDICATOR_BEHIND, filled["R1"]),
    ]
    behind = o.warnings[1]
    assert (behind.achieved, behind.expected, behind.planned) == (10, 50, 100)
    assert "atpaliek" in behind.message and "R1" in behind.message
    assert "ārpus projekta perioda" in o.warnings[0].message and o.warnings[0].on == date(2023, 2, 20)


def test_reports_due_within_30_days_and_overdue(db: Database, project: ProjectDetail, filled: dict[str, int]) -> None:
    clock.set_clock(datetime(2024, 1, 5, 9, 0))
    with db.session() as s:
        o = project_overview(s, project.id)
    due = [w for w in o.warnings if w.kind is WarningKind.REPORT_DUE]
    assert [(w.on, w.days, w.subject) for w in due] == [(date(2024, 1, 29), 24, "final_report")]
    assert "Noslēguma pārskats jāiesniedz līdz 29.01.2024" in due[0].message
    assert o.elapsed_share == 1.0 and o.upcoming_events == ()
    # After the end every indicator is measured against its whole plan.
    assert {p.indicator.code for p in o.indicators if p.behind} == {"R1", "R2"}

    clock.set_clock(datetime(2024, 2, 1, 9, 0))
    with db.session() as s:
        late = [w for w in project_overview(s, project.id).warnings if w.kind is WarningKind.REPORT_OVERDUE]
        assert [(w.days, w.on) for w in late] == [(3, date(2024, 1, 29))]
        projects.mark_deadline_submitted(s, project.deadlines[0].id, date(2024, 1, 25))
        after = project_overview(s, project.id)
    assert not [w for w in after.warnings if w.kind in (WarningKind.REPORT_DUE, WarningKind.REPORT_OVERDUE)]
    assert after.next_deadlines == ()


def test_before_the_start_nothing_is_behind(db: Database, project: ProjectDetail, filled: dict[str, int]) -> None:
    clock.set_clock(datetime(2023, 1, 15, 9, 0))
    with db.session() as s:
        o = project_overview(s, project.id)
    assert (o.days_elapsed, o.elapsed_share) == (0, 0.0)
    assert not any(p.behind for p in o.indicators)
    assert len(o.upcoming_events) == 4


def test_attendance_changes_move_computed_indicators(db: Database, project: ProjectDetail) -> None:
    clock.set_clock(datetime(2023, 12, 1, 9, 0))
    with db.session() as s:
        event = activities.create_event(s, project.id, _event("Seminārs", date(2023, 6, 1)))
        indicators.create_indicator(
            s, project.id, IndicatorInput("P", "Dalībnieki", Decimal(2), method=IndicatorMethod.UNIQUE_PEOPLE)
        )
        person = people.create_person(s, PersonInput("Jānis", "Liepa"))
        row = attendance.register(s, event.id, person.id)
        assert project_overview(s, project.id).indicators[0].indicator.achieved_value == 0
        attendance.set_status(s, [row.id], AttendanceStatus.ATTENDED)
        assert project_overview(s, project.id).indicators[0].indicator.achieved_value == 1
