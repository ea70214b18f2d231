from __future__ import annotations

from datetime import datetime

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ActivityInput, EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import AttendanceStatus, EventType
from projektu_vadiba.core.services import activities, attendance, people
from tests.core.factories import project_input


def _event(title: str, day: int, month: int = 5, **kw: object) -> EventInput:
    return EventInput(
        title=title,
        starts_at=datetime(2023, month, day, 18),
        ends_at=datetime(2023, month, day, 20),
        **kw,  # type: ignore[arg-type]
    )


def test_activities_sorted_by_code_with_event_counts(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        for code in ("2.10", "1", "2.9", "2"):
            activities.create_activity(s, project.id, ActivityInput(code=code, title=f"Aktivitāte {code}"))
        a2 = activities.list_activities(s, project.id)[1]
        activities.create_event(s, project.id, _event("Tikšanās Ķekavā", 3, activity_id=a2.id))
    with db.session() as s:
        listed = activities.list_activities(s, project.id)
    assert [a.code for a in listed] == ["1", "2", "2.9", "2.10"]
    assert [a.event_count for a in listed] == [0, 1, 0, 0]


def test_duplicate_activity_code_and_empty_title(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        activities.create_activity(s, project.id, ActivityInput(code="1", title="Aptauja"))
    with pytest.raises(ValidationError) as err, db.session() as s:
        activities.create_activity(s, project.id, ActivityInput(code="1", title=""))
    assert err.value.for_field("code") == ["Aktivitāte ar kodu 1 šajā projektā jau ir."]
    assert err.value.for_field("title") == ["Lauks “Nosaukums” ir obligāts."]


def test_event_outside_period_is_a_warning_not_an_error(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        inside = activities.create_event(s, project.id, _event("Noslēguma pasākums", 10, 12))
        outside = activities.create_event(
            s,
            project.id,
            EventInput(title="Pēcpasākums", starts_at=datetime(2024, 1, 5, 10), ends_at=datetime(2024, 1, 5, 12)),
        )
    assert inside.warnings == ()
    assert outside.warnings == ("Pasākums ir ārpus projekta perioda (01.03.2023–31.12.2023).",)


def test_event_end_before_start_refused(db: Database, project: ProjectDetail) -> None:
    bad = EventInput(title="Seminārs", starts_at=datetime(2023, 5, 1, 18), ends_at=datetime(2023, 5, 1, 17))
    with pytest.raises(ValidationError, match="Beigas nevar būt pirms sākuma"), db.session() as s:
        activities.create_event(s, project.id, bad)
    with db.session() as s:
        assert activities.list_events(s, project.id) == []


def test_event_of_another_projects_activity_refused(db: Database, project: ProjectDetail) -> None:
    from projektu_vadiba.core.services import projects

    with db.session() as s:
        other = projects.create_project(s, project_input(number="2022.LV/NVOF/MIC/041"))
        foreign = activities.create_activity(s, other.id, ActivityInput(code="1", title="Cita"))
    with pytest.raises(ValidationError, match="nepieder šim projektam"), db.session() as s:
        activities.create_event(s, project.id, _event("Darbnīca", 4, activity_id=foreign.id))


def test_event_counts_and_delete_cascade(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        act = activities.create_activity(s, project.id, ActivityInput(code="3", title="Pieredzes brauciens"))
        ev = activities.create_event(
            s, project.id, _event("Brauciens uz Cēsīm", 20, type=EventType.STUDY_TRIP, activity_id=act.id)
        )
        for given, surname in (("Anna", "Kalniņa"), ("Ēriks", "Šmits"), ("Ģirts", "Ābele")):
            pid = people.create_person(s, PersonInput(given_name=given, surname=surname)).id
            attendance.register(
                s, ev.id, pid, AttendanceStatus.ATTENDED if given != "Anna" else AttendanceStatus.ABSENT
            )
    with db.session() as s:
        got = activities.get_event(s, ev.id)
        assert (got.registered, got.attended, got.activity_code) == (3, 2, "3")
        assert activities.delete_activity(s, act.id) == 1
    with db.session() as s:
        assert activities.list_events(s, project.id) == []
        assert len(people.search_people(s, "")) == 3
