from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ActivityInput, EventInput, ExpenseInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import NotFoundError, ValidationError
from projektu_vadiba.core.models import AttendanceStatus, DeadlineKind, FundingSource, Person, Project
from projektu_vadiba.core.services import activities, attendance, finance, people, projects
from tests.core.factories import SIF, project_input


def test_create_and_read_back(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        got = projects.get_project(s, project.id)
        listed = projects.list_projects(s)
    assert got.number == "2023.LV/NVOF/MAC/041/58"
    assert got.funder.name == SIF and got.funder.profile_key == "sif_nvo_fonds"
    assert got.programme is not None and got.programme.call_year == 2023
    assert got.implementer.name == "Biedrība “Ķekavas novada kopienu tīkls”"
    assert got.retention_until == date(2028, 12, 31)  # SIF profile: 5 years after the end
    assert got.warnings == ()
    assert [p.number for p in listed] == [got.number]


def test_every_problem_reported_at_once(db: Database, project: ProjectDetail) -> None:
    bad = project_input(title="  ", end_date=date(2023, 1, 1), total_cost=Decimal("10.555"))
    with pytest.raises(ValidationError) as err, db.session() as s:
        projects.create_project(s, bad)
    fields = {p.field for p in err.value.problems}
    assert fields == {"title", "end_date", "total_cost", "number"}
    assert "Beigas nevar būt pirms sākuma." in err.value.for_field("end_date")
    assert "jau ir" in err.value.for_field("number")[0]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 1


def test_same_number_allowed_for_another_funder(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        other = projects.create_project(
            s, project_input(funder_name="Lauku atbalsta dienests", funder_profile="lad_leader")
        )
    assert other.id != project.id
    assert any("neatbilst" in w for w in other.warnings)  # SIF-shaped number under the LEADER profile
    with pytest.raises(ValidationError), db.session() as s:
        projects.find_project_id(s, project.number)
    with db.session() as s:
        assert projects.find_project_id(s, project.number, SIF) == project.id


def test_update_keeps_its_own_number(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        updated = projects.update_project(
            s, project.id, project_input(title="Jauns nosaukums", target_groups=("seniori",))
        )
    assert updated.title == "Jauns nosaukums"
    assert updated.target_groups == ("seniori",)


def test_delete_says_what_goes_and_keeps_people(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        act = activities.create_activity(s, project.id, ActivityInput(code="1", title="Tikšanās"))
        ev = activities.create_event(
            s,
            project.id,
            EventInput(
                title="Tikšanās Daugmalē",
                starts_at=datetime(2023, 5, 2, 18),
                ends_at=datetime(2023, 5, 2, 20),
                activity_id=act.id,
            ),
        )
        person = people.create_person(s, PersonInput(given_name="Līga", surname="Ozola"))
        attendance.register(s, ev.id, person.id, AttendanceStatus.ATTENDED)
        finance.add_expense(s, project.id, ExpenseInput(date=date(2023, 5, 2), amount=Decimal("12.30")))
    with db.session() as s:
        impact = projects.delete_project(s, project.id)
    assert (impact.activities, impact.events, impact.attendances, impact.expenses) == (1, 1, 1, 1)
    with db.session() as s:
        assert projects.list_projects(s) == []
        assert s.scalar(select(func.count()).select_from(Person)) == 1
    with pytest.raises(NotFoundError), db.session() as s:
        projects.get_project(s, project.id)


def test_partners_cofinancing_texts_deadlines(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        projects.add_partner(s, project.id, "Ķekavas novada pašvaldība")
        projects.add_cofinancing(s, project.id, FundingSource.MUNICIPALITY, Decimal("500"), "Ķekavas novada pašvaldība")
        projects.set_text(s, project.id, "changes", "Izmaiņu nebija.")
        projects.set_text(s, project.id, "changes", "Viena tikšanās pārcelta.")
        projects.add_deadline(s, project.id, DeadlineKind.FINAL_REPORT, date(2024, 1, 29))
    with pytest.raises(ValidationError, match="jau ir šī projekta partneris"), db.session() as s:
        projects.add_partner(s, project.id, "ķekavas novada pašvaldība")
    with db.session() as s:
        got = projects.get_project(s, project.id)
    assert [p.organisation.name for p in got.partners] == ["Ķekavas novada pašvaldība"]
    assert got.cofinancing_total == Decimal("500.00")
    assert got.texts == {"changes": "Viena tikšanās pārcelta."}
    assert [d.due_date for d in got.deadlines] == [date(2024, 1, 29)]
