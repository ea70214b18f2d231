"""Anonymising a project keeps every indicator and count and leaves no name, e-mail or phone behind."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, IndicatorInput, PersonInput, ProjectDetail
from projektu_vadiba.core.models import AttendanceStatus, Gender, IndicatorMethod, Person, PersonalDataLog, Project
from projektu_vadiba.core.services import activities, attendance, gdpr, indicators, people, projects
from projektu_vadiba.core.services.people_stats import people_stats
from tests.core.factories import project_input

# fmt: off
PEOPLE = [  # given, surname, email, phone, municipality, gender, birth year, age group, target group, organisation
    ("Jānis", "Bērziņš", "janis@example.lv", "+371 26000001", "Ķekavas novads", Gender.MALE, 1950, "", "seniori",
     "Ūdrs"),
    ("Līga", "Ozoliņa", "liga@example.lv", "26000002", "Baldones pagasts", Gender.FEMALE, 2005, "", "jaunieši", ""),
    ("Ērika", "Kļaviņa", "", "26000003", "Ķekava", Gender.FEMALE, None, "30–39", "", "Ūdrs"),
    ("Ņikita", "Šmits", "nikita@example.lv", "", "Daugmale", None, 1990, "", "NVO pārstāvji", "Zīle"),
]
# fmt: on


def _setup(db: Database, project: ProjectDetail) -> tuple[list[int], int]:
    with db.session() as s:
        other = projects.create_project(s, project_input(number="2024.LV/NVOF/MIC/007", title="Cits projekts"))
        events = [
            activities.create_event(s, project.id, EventInput(f"Tikšanās {i}", datetime(2023, 4 + i, 1, 10),
                                                              datetime(2023, 4 + i, 1, 12)))
            for i in range(2)
        ]  # fmt: skip
        other_event = activities.create_event(
            s, other.id, EventInput("Cita tikšanās", datetime(2024, 2, 1, 10), datetime(2024, 2, 1, 12))
        )
        ids = []
        for given, surname, email, phone, muni, gender, year, age, target, org in PEOPLE:
            data = PersonInput(
                given, surname, org, muni, email, phone, gender, year, age, target, True, False, "alerģija"
            )
            ids.append(people.create_person(s, data).id)
        for ev in events:
            for pid in ids[:3]:
                row = attendance.register(s, ev.id, pid, AttendanceStatus.ATTENDED)
                attendance.set_note(s, row.id, "sēdēja pie loga")
        attendance.register(s, events[0].id, ids[3], AttendanceStatus.ABSENT)
        attendance.register(s, other_event.id, ids[1], AttendanceStatus.ATTENDED)  # Līga is in both projects
        for code, method, param in (
            ("R1", IndicatorMethod.UNIQUE_PEOPLE, ""),
            ("R2", IndicatorMethod.ATTENDANCES, ""),
            ("R3", IndicatorMethod.ORGANISATIONS, ""),
            ("R4", IndicatorMethod.TARGET_GROUP, "seniori"),
            ("R5", IndicatorMethod.MUNICIPALITY, "Ķekavas novads"),
        ):
            indicators.create_indicator(s, project.id, IndicatorInput(code, code, Decimal(10), method=method,
                                                                      method_param=param))  # fmt: skip
        return ids, other.id


def _totals(db: Database, project_id: int) -> tuple[object, ...]:
    with db.session() as s:
        values = tuple((i.code, i.achieved_value) for i in indicators.list_indicators(s, project_id))
        stats = asdict(people_stats(s, project_id))
        period = asdict(people_stats(s, None, date(2023, 5, 1), date(2024, 12, 31)))
    return values, stats, period


def test_anonymising_a_project_keeps_every_total_and_leaves_no_contacts(db: Database, project: ProjectDetail) -> None:
    ids, other_id = _setup(db, project)
    before = _totals(db, project.id)
    assert before[0] == (("R1", 3), ("R2", 6), ("R3", 1), ("R4", 1), ("R5", 1))
    with db.session() as s:
        other = s.get(Project, other_id)
        assert other is not None
        other.retention_until = date(2020, 1, 1)  # the other project's audit period is over
    with db.session() as s:
        plan = gdpr.plan_project(s, project.id)
        assert (plan.to_anonymise, plan.already_anonymised, plan.kept) == (4, 0, ())
        result = gdpr.anonymise_project(s, project.id)
    assert result.anonymised == 4
    assert _totals(db, project.id) == before
    with db.session() as s:
        rows = s.scalars(select(Person)).all()
        texts = " ".join(
            f"{p.given_name} {p.surname} {p.email} {p.phone} {p.notes} {p.search_text} {p.name_key} {p.phone_key}"
            for p in rows
        )
        for given, surname, email, phone, *_ in PEOPLE:
            for value in (given, surname, email, phone, "alerģ.", "berzins", "26000001"):
                assert not value or value not in texts
        log = " ".join(f"{e.actor} {e.action} {e.fields}" for e in s.scalars(select(PersonalDataLog)))
        assert all(name not in log for _, name, *_ in PEOPLE)
        assert {p.surname for p in rows} == {f"Nr. {i}" for i in ids}
        notes = [a.note for p in rows for a in p.attendances]
        assert notes and set(notes) == {""}
        # the derived age group was stored before the birth year went
        berzins = s.get(Person, ids[0])
        assert berzins is not None and (berzins.birth_year, berzins.age_group) == (None, "65+")
        assert people.search_people(s, "berzins") == []
        assert len(people.search_people(s, "anonimizets")) == 4


def test_a_person_still_kept_by_another_project_is_left_and_named(db: Database, project: ProjectDetail) -> None:
    ids, other_id = _setup(db, project)
    before = _totals(db, project.id)
    with db.session() as s:
        other = s.get(Project, other_id)
        assert other is not None
        other.retention_until = date(2099, 1, 1)
    with db.session() as s:
        plan = gdpr.plan_project(s, project.id)
        assert (plan.retention_until, plan.retention_passed) == (date(2028, 12, 31), False)
        assert [(k.person_id, k.full_name, k.other_projects) for k in plan.kept] == [
            (ids[1], "Līga Ozoliņa", ("2024.LV/NVOF/MIC/007",))
        ]
        assert gdpr.anonymise_project(s, project.id).anonymised == 3
    with db.session() as s:
        assert people.get_person(s, ids[1]).email == "liga@example.lv"
        assert people.get_person(s, ids[0]).anonymised
        assert gdpr.anonymise_person(s, ids[1]).given_name == gdpr.ANONYMOUS_GIVEN  # an erasure request: always
    assert _totals(db, project.id) == before
