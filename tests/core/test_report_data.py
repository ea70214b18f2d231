"""The final / interim report's data: the profile's sections in order, texts and what is missing, indicator values
equal to those computed from the attendance, reach with breakdowns, and the interim period's filtering."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto import (
    ActivityInput,
    BudgetLineInput,
    EventInput,
    ExpenseInput,
    IndicatorInput,
    PersonInput,
    ProjectDetail,
)
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import AttendanceStatus, EventType, FundingSource, Gender, IndicatorMethod
from projektu_vadiba.core.services import activities, attendance, finance, indicators, people, projects
from projektu_vadiba.core.services.report_data import (
    final_report_data,
    interim_report_data,
    missing_texts,
    missing_texts_message,
    report_sections,
)
from projektu_vadiba.core.services.report_dto import ReportPeriod
from projektu_vadiba.resources import resource
from tests.core.factories import project_input

ATTENDED, REGISTERED = AttendanceStatus.ATTENDED, AttendanceStatus.REGISTERED
PEOPLE = [  # given, surname, target group, municipality, gender, age group, organisation
    ("Anna", "Bērziņa", "seniori", "Ķekavas novads", Gender.FEMALE, "65+", "Biedrība “Sirmā”"),
    ("Jānis", "Ozols", "Seniori", "ķekavas novads", Gender.MALE, "65+", "Biedrība “Sirmā”"),
    ("Līga", "Kalniņa", "jaunieši", "Ropažu novads", Gender.FEMALE, "18–25", "Jauniešu centrs “Ūdri”"),
    ("Ēriks", "Zariņš", "", "", None, "", ""),
]


@pytest.fixture
def filled(db: Database, project: ProjectDetail) -> dict[str, int]:
    """Two activities; events in April (A1), June (A1) and July (no activity); four people."""
    ids: dict[str, int] = {}
    with db.session() as s:
        pid = project.id
        projects.set_text(s, pid, "publicity", "Ziņa novada avīzē, #NVOFonds2023.")
        a1 = activities.create_activity(s, pid, ActivityInput("1", "Tikšanās ar kopienām")).id
        activities.create_activity(s, pid, ActivityInput("2", "Vadlīnijas"))
        for key, day, act, kind in (
            ("april", 12, a1, EventType.MEETING),
            ("june", 14, a1, EventType.WORKSHOP),
            ("july", 19, None, EventType.MEETING),
        ):
            month = {"april": 4, "june": 6, "july": 7}[key]
            ids[key] = activities.create_event(
                s,
                pid,
                EventInput(f"Tikšanās {key}", datetime(2023, month, day, 18), datetime(2023, month, day, 20),
                           activity_id=act, type=kind, place="Baldones kultūras centrs"),
            ).id  # fmt: skip
        person_ids = [
            people.create_person(
                s, PersonInput(g, sn, org, mun, gender=gen, age_group=age, target_group=tg)
            ).id
            for g, sn, tg, mun, gen, age, org in PEOPLE
        ]  # fmt: skip
        plan = {"april": [0, 1, 2, 3], "june": [0, 2], "july": [1, 3]}
        for key, who in plan.items():
            for n in who:
                status = REGISTERED if (key, n) == ("april", 3) else ATTENDED
                attendance.register(s, ids[key], person_ids[n], status)
        for code, method, param in (
            ("R1", IndicatorMethod.EVENTS, ""),
            ("R2", IndicatorMethod.UNIQUE_PEOPLE, ""),
            ("R3", IndicatorMethod.ATTENDANCES, ""),
            ("R4", IndicatorMethod.ORGANISATIONS, ""),
            ("R5", IndicatorMethod.TARGET_GROUP, "SENIORI"),
            ("R6", IndicatorMethod.MUNICIPALITY, "Ķekavas novads"),
            ("R7", IndicatorMethod.EVENTS, EventType.WORKSHOP.value),
        ):
            indicators.create_indicator(s, pid, IndicatorInput(code, f"Rādītājs {code}", Decimal(3), method=method,
                                                               method_param=param))  # fmt: skip
        indicators.create_indicator(
            s, pid, IndicatorInput("R8", "Dalībnieki 1. aktivitātē", Decimal(3), method=IndicatorMethod.UNIQUE_PEOPLE,
                                   activity_id=a1)
        )  # fmt: skip
        indicators.create_indicator(s, pid, IndicatorInput("R9", "Vadlīnijas", Decimal(1), achieved_manual=Decimal(1)))
        line = finance.create_budget_line(
            s, pid, BudgetLineInput("services", "3.1", "Kafija", {FundingSource.GRANT: Decimal("100.00")})
        ).id
        for day, amount in ((date(2023, 4, 12), "10.10"), (date(2023, 6, 14), "20.20"), (date(2023, 7, 19), "30.30")):
            finance.add_expense(s, pid, ExpenseInput(day, Decimal(amount), line))
    return ids


def _profile_keys(profile_key: str, kind: str) -> list[str]:
    raw = json.loads(resource("funders", f"{profile_key}.json").read_text(encoding="utf-8"))
    return [sec["key"] for sec in raw[kind]["sections"]]


@pytest.mark.parametrize("profile_key", ["sif_nvo_fonds", "eea_active_citizens", "lad_leader", "generic"])
def test_every_profile_has_final_and_interim_structure(profile_key: str) -> None:
    profile = profiles.load_profile(profile_key)
    for kind, key in (("final", "final_report"), ("interim", "interim_report")):
        sections = report_sections(profile, {}, kind)
        assert [s.key for s in sections] == _profile_keys(profile_key, key)
        assert [s.number for s in sections] == [str(n) for n in range(1, len(sections) + 1)]
        assert sections[0].key == "project_data" and "financial_summary" in [s.key for s in sections]
        assert all(s.title and s.source in ("data", "text") for s in sections)
        assert all(s.hint for s in sections if s.mandatory)
    final_keys = {s.key for s in report_sections(profile, {}, "final")}
    assert {"aim_reached", "publicity", "activities", "annexes"} <= final_keys  # the demo's text keys are used


def test_eea_reports_participants_by_gender_and_age_group() -> None:
    [target] = [
        s for s in report_sections(profiles.load_profile("eea_active_citizens"), {}) if s.key == "target_groups"
    ]
    assert {"gender", "age_group"} <= set(target.breakdowns)


def test_a_profile_without_a_report_structure_borrows_the_generic_one() -> None:
    sif = profiles.load_profile("sif_nvo_fonds")
    bare = replace(sif, raw={k: v for k, v in sif.raw.items() if k not in ("final_report", "interim_report")})
    assert [s.key for s in report_sections(bare, {})] == _profile_keys("generic", "final_report")


def test_final_report_sections_in_order_with_texts_and_missing_ones(
    db: Database, project: ProjectDetail, filled: dict[str, int]
) -> None:
    with db.session() as s:
        data = final_report_data(s, project.id)
        missing = missing_texts(s, project.id)
    assert data.kind == "final" and data.title == "Projekta noslēguma pārskats"
    assert [x.key for x in data.sections] == _profile_keys("sif_nvo_fonds", "final_report")
    assert data.section("publicity").text == "Ziņa novada avīzē, #NVOFonds2023."
    assert [m.key for m in missing] == [m.key for m in data.missing_texts] == ["aim_reached", "changes"]
    message = missing_texts_message(missing)
    assert message.startswith("Trūkst obligāto tekstu: “Projekta mērķis un tā sasniegšana”, “Izmaiņas projekta")
    assert [p.key for p in data.parts] == ["content", "financial"]
    with db.session() as s:
        projects.set_text(s, project.id, "aim_reached", "Mērķis sasniegts.")
        projects.set_text(s, project.id, "changes", "   ")  # blank is still missing
        missing = missing_texts(s, project.id)
    assert missing_texts_message(missing) == (
        "Trūkst obligātā teksta: “Izmaiņas projekta īstenošanā un problēmas”. "
        "Ierakstiet to projekta pārskata tekstos vai veidojiet pārskata melnrakstu."
    )
    assert missing_texts_message([]) == ""


def test_indicators_reach_and_activities_of_the_final_report(
    db: Database, project: ProjectDetail, filled: dict[str, int]
) -> None:
    with db.session() as s:
        data = final_report_data(s, project.id)
        computed = {i.code: i.achieved_value for i in indicators.list_indicators(s, project.id)}
    got = {i.code: i.achieved_value for i in data.indicators}
    assert got == computed
    # From the attendance by hand: 3 events (1 workshop); attended: Anna x2, Jānis x2, Līga x2, Ēriks x1 (July).
    assert got == {"R1": 3, "R2": 4, "R3": 7, "R4": 2, "R5": 2, "R6": 2, "R7": 1, "R8": 3, "R9": 1}
    r = data.reach
    assert (r.unique_people, r.attendances, r.registered, r.organisations, r.events_with_lists) == (4, 7, 8, 2, 3)
    assert [(b.label, b.people, b.attendances) for b in r.by_target_group] == [
        ("seniori", 2, 4), ("jaunieši", 1, 2), ("Nav norādīts", 1, 1)
    ]  # fmt: skip
    assert [(b.label, b.people) for b in r.by_municipality] == [
        ("Ķekavas novads", 2), ("Ropažu novads", 1), ("Nav norādīts", 1)
    ]  # fmt: skip
    assert [(b.label, b.people) for b in r.by_gender] == [("Sievietes", 2), ("Vīrieši", 1), ("Nav norādīts", 1)]
    assert [b.label for b in r.by_age_group] == ["18–25", "65+", "Nav norādīts"]
    assert [(a.activity.code if a.activity else None, len(a.events), a.attended) for a in data.activities] == [
        ("1", 2, 5), ("2", 0, 0), (None, 1, 2)
    ]  # fmt: skip
    assert [(a.number, a.event.id) for a in data.annexes] == [(1, filled["april"]), (2, filled["june"]),
                                                              (3, filled["july"])]  # fmt: skip
    assert data.financial.spent == Decimal("60.60")
    assert data.project.number == project.number and data.profile.key == "sif_nvo_fonds"


def test_interim_report_counts_only_the_period(db: Database, project: ProjectDetail, filled: dict[str, int]) -> None:
    with db.session() as s:
        data = interim_report_data(s, project.id, date(2023, 6, 1), date(2023, 7, 19))
        whole = final_report_data(s, project.id, ReportPeriod(project.start_date, project.end_date))
        final = final_report_data(s, project.id)
        as_tuple = final_report_data(s, project.id, (date(2023, 6, 1), date(2023, 7, 19)))
    assert as_tuple.reach == data.reach and as_tuple.period == data.period
    assert data.kind == "interim" and data.title == "Projekta starpposma pārskats"
    assert [x.key for x in data.sections] == _profile_keys("sif_nvo_fonds", "interim_report")
    # June: Anna, Līga (workshop); July 19 (the period's last day counts): Jānis, Ēriks.
    got = {i.code: i.achieved_value for i in data.indicators}
    assert got == {"R1": 2, "R2": 4, "R3": 4, "R4": 2, "R5": 2, "R6": 2, "R7": 1, "R8": 2, "R9": 1}
    assert (data.reach.unique_people, data.reach.attendances) == (4, 4)
    assert [len(a.events) for a in data.activities] == [1, 0, 1]
    assert [a.event.id for a in data.annexes] == [filled["june"], filled["july"]]
    assert data.financial.spent == Decimal("50.50")
    assert data.financial.planned == Decimal("100.00")
    # A period over the whole project counts exactly what the final report (and the indicator service) counts.
    assert [i.achieved_value for i in whole.indicators] == [i.achieved_value for i in final.indicators]


def test_interim_period_must_not_end_before_it_starts(db: Database, project: ProjectDetail) -> None:
    with pytest.raises(ValidationError, match="beigas nevar būt pirms sākuma"), db.session() as s:
        interim_report_data(s, project.id, date(2023, 6, 1), date(2023, 5, 31))


def test_a_project_with_nothing_yet_gives_an_empty_but_complete_report(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        data = final_report_data(s, project.id)
    assert data.activities == () and data.indicators == () and data.annexes == ()
    assert (data.reach.unique_people, data.reach.by_gender, data.reach.by_target_group) == (0, (), ())
    assert data.financial.spent == 0 and data.financial.categories[0].planned == 0
    assert len(data.sections) == 9


def test_project_target_groups_come_first_with_their_plan(db: Database) -> None:
    with db.session() as s:
        pid = projects.create_project(s, project_input(target_groups=("jaunieši", "NVO pārstāvji"))).id
        event = activities.create_event(
            s, pid, EventInput("Forums", datetime(2023, 5, 5, 10), datetime(2023, 5, 5, 12))
        )
        person = people.create_person(s, PersonInput("Ilze", "Vītola", target_group="seniori"))
        attendance.register(s, event.id, person.id, ATTENDED)
    with db.session() as s:
        groups = final_report_data(s, pid).reach.by_target_group
    assert [(b.label, b.people) for b in groups] == [("jaunieši", 0), ("NVO pārstāvji", 0), ("seniori", 1)]


def test_demo_reports_have_consistent_numbers(db: Database) -> None:
    with db.session() as s:
        fill_demo(s)
    with db.session() as s:
        for p in projects.list_projects(s):
            data = final_report_data(s, p.id)
            assert [i.achieved_value for i in data.indicators] == [
                i.achieved_value for i in indicators.list_indicators(s, p.id)
            ]
            events = activities.list_events(s, p.id)
            assert data.reach.attendances == sum(e.attended for e in events)
            assert sum(b.attendances for b in data.reach.by_gender) == data.reach.attendances
            assert sum(b.people for b in data.reach.by_target_group) == data.reach.unique_people
            assert sum(len(a.events) for a in data.activities) == len(events)


def test_indicators_of_an_activity_and_of_an_organisation_kind_match_the_indicator_service(
    db: Database, project: ProjectDetail
) -> None:
    """The report counts grouped attendance; each value equals services.indicators' own count."""
    from projektu_vadiba.core.models import OrganisationKind
    from projektu_vadiba.core.services import organisations

    with db.session() as s:
        pid = project.id
        a1 = activities.create_activity(s, pid, ActivityInput("1", "Tikšanās")).id
        a2 = activities.create_activity(s, pid, ActivityInput("2", "Darbnīcas")).id
        organisations.find_or_create_organisation(s, "Biedrība “Sirmā”", OrganisationKind.NGO)
        organisations.find_or_create_organisation(s, "Ķekavas kopiena", OrganisationKind.COMMUNITY)
        day = {a1: 3, a2: 10, None: 20}
        events = {
            act: activities.create_event(
                s, pid, EventInput(f"Pasākums {n}", datetime(2023, 5, day[act], 10), datetime(2023, 5, day[act], 12),
                                   activity_id=act)
            ).id
            for n, act in enumerate((a1, a2, None))
        }  # fmt: skip
        anna, janis, liga = (
            people.create_person(s, PersonInput(g, sn, org, mun, target_group=tg)).id
            for g, sn, org, mun, tg in (
                ("Anna", "Bērziņa", "Biedrība “Sirmā”", "Ķekavas novads", "seniori"),
                ("Jānis", "Ozols", "Ķekavas kopiena", "ķekavas  novads", "Seniori"),
                ("Līga", "Kalniņa", "", "", "jaunieši"),
            )
        )
        for event, person, status in (
            (events[a1], anna, ATTENDED), (events[a1], janis, ATTENDED), (events[a2], janis, ATTENDED),
            (events[a2], liga, ATTENDED), (events[None], anna, REGISTERED),
        ):  # fmt: skip
            attendance.register(s, event, person, status)
        for code, method, param, act in (
            ("R1", IndicatorMethod.ORGANISATIONS, OrganisationKind.COMMUNITY.value, None),
            ("R2", IndicatorMethod.ORGANISATIONS, OrganisationKind.NGO.value, a2),
            ("R3", IndicatorMethod.TARGET_GROUP, "SENIORI", a1),
            ("R4", IndicatorMethod.MUNICIPALITY, "Ķekavas novads", a2),
            ("R5", IndicatorMethod.UNIQUE_PEOPLE, "", a2),
            ("R6", IndicatorMethod.ATTENDANCES, "", a1),
            ("R7", IndicatorMethod.EVENTS, "", a1),
        ):
            indicators.create_indicator(
                s, pid, IndicatorInput(code, code, Decimal(1), method=method, method_param=param, activity_id=act)
            )
    with db.session() as s:
        data = final_report_data(s, pid)
        computed = {i.code: i.achieved_value for i in indicators.list_indicators(s, pid)}
        interim = interim_report_data(s, pid, date(2023, 5, 5), date(2023, 5, 31))
    got = {i.code: i.achieved_value for i in data.indicators}
    assert got == computed == {"R1": 1, "R2": 0, "R3": 2, "R4": 1, "R5": 2, "R6": 2, "R7": 1}
    # 5-31 May: only the second activity's event (Jānis, Līga).
    assert {i.code: i.achieved_value for i in interim.indicators} == {
        "R1": 1, "R2": 0, "R3": 0, "R4": 1, "R5": 2, "R6": 0, "R7": 0
    }  # fmt: skip
    r = data.reach
    assert (r.unique_people, r.attendances, r.registered, r.organisations, r.events_with_lists) == (3, 4, 5, 2, 3)
    # Spellings of one group are counted together, under the one registered first.
    assert [(b.label, b.people, b.attendances) for b in r.by_target_group] == [("seniori", 2, 3), ("jaunieši", 1, 1)]
    assert [(b.label, b.people) for b in r.by_municipality] == [("Ķekavas novads", 2), ("Nav norādīts", 1)]
