"""Deleting an event so that undo can bring it back: the same details and the same attendance list (status, role,
per-day ticks, photo refusal); an event with printed sheets is not offered as restorable."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ActivityInput, EventInput, IndicatorInput, PersonInput
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, Indicator
from projektu_vadiba.core.models.evidence import PrintPage, SheetPrint
from projektu_vadiba.core.services import (
    activities,
    attendance,
    attendance_days,
    event_delete,
    indicators,
    people,
    projects,
)
from tests.core.factories import project_input


def _list(db: Database, event_id: int) -> list[tuple[str, AttendanceStatus, AttendanceRole, bool, tuple[date, ...]]]:
    with db.session() as s:
        return [(a.person.full_name, a.status, a.role, a.no_photos, a.days) for a in attendance.event_list(s, event_id)]


def test_a_deleted_event_comes_back_with_its_list(db: Database) -> None:
    with db.session() as s:
        pid = projects.create_project(s, project_input()).id
        act = activities.create_activity(s, pid, ActivityInput("2", "Pieredzes braucieni")).id
        trip = activities.create_event(
            s,
            pid,
            EventInput(
                "Brauciens uz Kuldīgu",
                datetime(2023, 8, 17, 8),
                datetime(2023, 8, 18, 19),
                activity_id=act,
                place="Kuldīga",
            ),
        ).id
        ilze = people.create_person(s, PersonInput("Ilze", "Ķēniņa")).id
        janis = people.create_person(s, PersonInput("Jānis", "Ozols")).id
        attendance.register(s, trip, ilze, AttendanceStatus.ATTENDED, AttendanceRole.MODERATOR)
        second_day_only = attendance.register(s, trip, janis, AttendanceStatus.REGISTERED).id
        attendance_days.set_days(s, second_day_only, [date(2023, 8, 18)])
        attendance.set_no_photos(s, second_day_only, True)
    before = _list(db, trip)
    assert before[1] == (
        "Jānis Ozols",
        AttendanceStatus.ATTENDED,
        AttendanceRole.PARTICIPANT,
        True,
        (date(2023, 8, 18),),
    )
    with db.session() as s:
        details = activities.get_event(s, trip)
        assert event_delete.restorable(s, trip)
        kept = event_delete.delete_event(s, trip)
    with db.session() as s:
        assert activities.list_events(s, pid) == []
        again = event_delete.restore_event(s, kept)
        back = activities.get_event(s, again)
    assert event_delete.event_input(back) == event_delete.event_input(details)
    assert back.activity_id == act
    assert _list(db, again) == before


def test_an_event_with_printed_sheets_is_not_restorable(db: Database) -> None:
    with db.session() as s:
        pid = projects.create_project(s, project_input()).id
        event = activities.create_event(
            s, pid, EventInput("Sapulce", datetime(2023, 5, 2, 18), datetime(2023, 5, 2, 20))
        )
        stamp = SheetPrint(installation="test")
        s.add(stamp)
        s.flush()
        s.add(PrintPage(print_id=stamp.id, event_id=event.id, page=1, geometry="{}"))
        s.flush()
        assert not event_delete.restorable(s, event.id)


def _linked(s: Session, indicator_id: int) -> int | None:
    return next(
        i.activity_id
        for i in indicators.list_indicators(s, s.get(Indicator, indicator_id).project_id)
        if i.id == indicator_id
    )


def test_a_deleted_activity_comes_back_with_its_events_lists_and_indicator(db: Database) -> None:
    with db.session() as s:
        pid = projects.create_project(s, project_input()).id
        act = activities.create_activity(s, pid, ActivityInput("3", "Tikšanās ciemos", planned_start=date(2023, 4, 1)))
        meetings = [
            activities.create_event(
                s,
                pid,
                EventInput(f"Tikšanās {n}", datetime(2023, 4, n, 18), datetime(2023, 4, n, 20), activity_id=act.id),
            ).id
            for n in (3, 10)
        ]
        person = people.create_person(s, PersonInput("Ilze", "Ķēniņa")).id
        attendance.register(s, meetings[1], person, AttendanceStatus.ATTENDED)
        counted = indicators.create_indicator(
            s, pid, IndicatorInput("R1", "Tikšanās", Decimal(6), "tikšanās", activity_id=act.id)
        ).id
        assert event_delete.activity_restorable(s, act.id)
        kept = event_delete.delete_activity(s, act.id)
    with db.session() as s:
        assert activities.list_activities(s, pid) == [] and activities.list_events(s, pid) == []
        assert _linked(s, counted) is None  # unlinked meanwhile, not deleted
        new_activity, new_events = event_delete.restore_activity(s, kept)
        [back] = activities.list_activities(s, pid)
        events = activities.list_events(s, pid)
        assert event_delete.activity_input(back) == event_delete.activity_input(act)
        assert [e.title for e in events] == ["Tikšanās 3", "Tikšanās 10"] and {e.id for e in events} == set(new_events)
        assert all(e.activity_id == new_activity for e in events)
        assert _linked(s, counted) == new_activity
    assert _list(db, new_events[1])[0][:2] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED)
