"""The demo organisation: realistic, complete, consistent money, the same for the same seed, never on top of data."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.demo import DemoSummary, fill_demo
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.funders import load_profile
from projektu_vadiba.core.models import (
    AttendanceRole,
    AttendanceStatus,
    FundingSource,
    Gender,
    IndicatorMethod,
    ProjectStatus,
)
from projektu_vadiba.core.services import activities, attendance, finance, indicators, people, projects
from tests.core.factories import project_input

LATVIAN_LETTERS = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")


def _fill(db: Database, seed: int = 2026) -> DemoSummary:
    with db.session() as s:
        return fill_demo(s, seed=seed)


def _snapshot(db: Database) -> dict[str, list[Any]]:
    """Everything a user sees of the demo, in a stable order, without database ids or creation times."""
    with db.session() as s:
        snap: dict[str, list[Any]] = {"people": [], "events": [], "attendance": [], "money": [], "indicators": []}
        snap["people"] = [
            (p.given_name, p.surname, p.email, p.phone, p.organisation_name, p.birth_year, p.age_group)
            for p in people.search_people(s, "", limit=10_000)
        ]
        for project in sorted(projects.list_projects(s), key=lambda p: p.number):
            for e in activities.list_events(s, project.id):
                snap["events"].append((project.number, e.title, e.starts_at, e.place, e.type))
                snap["attendance"] += [
                    (e.title, a.person.full_name, a.status, a.role, a.no_photos) for a in attendance.event_list(s, e.id)
                ]
            snap["money"] += [
                (x.date, x.document_number, x.amount, x.eligible) for x in finance.list_expenses(s, project.id)
            ]
            snap["money"] += [(p.kind, p.received_on, p.amount) for p in finance.list_payments(s, project.id)]
            snap["indicators"] += [(i.name, i.achieved_value) for i in indicators.list_indicators(s, project.id)]
        return snap


def test_demo_fills_an_empty_database_with_realistic_consistent_data(db: Database) -> None:
    summary = _fill(db)

    with db.session() as s:
        rows = projects.list_projects(s)
        assert summary.projects == len(rows) == 3
        assert {r.status for r in rows} >= {ProjectStatus.CLOSED, ProjectStatus.RUNNING}
        assert {r.number for r in rows} >= {"2023.LV/NVOF/MAC/041/58", "23-00-U31523.0-000003"}
        details = [projects.get_project(s, r.id) for r in rows]
        assert {d.funder.profile_key for d in details} == {"sif_nvo_fonds", "lad_leader"}

        everyone = people.search_people(s, "", limit=10_000)
        assert summary.people == len(everyone) and 250 <= len(everyone) <= 350
        assert sum(1 for p in everyone if LATVIAN_LETTERS & set(p.full_name)) > len(everyone) // 2
        # Feminine surnames end in -a or -e (Bērziņa, Jansone), never in -s or -š as masculine ones may.
        women = [p for p in everyone if p.gender is Gender.FEMALE]
        men = [p for p in everyone if p.gender is Gender.MALE]
        assert women and men
        assert not [p.surname for p in women if p.surname.endswith(("s", "š"))]
        assert any(p.surname.endswith(("š", "s")) for p in men)
        assert all(p.email.endswith(("@example.com", "@example.org", "@example.net")) for p in everyone if p.email)
        assert all(p.phone.startswith("+371 2") and len(p.phone) == 13 for p in everyone if p.phone)
        assert any(p.consent_photo is False for p in everyone)

        events = [e for d in details for e in activities.list_events(s, d.id)]
        assert summary.events == len(events) and 15 <= len(events) <= 25
        assert not [e.title for e in events if e.warnings]  # every event inside its project's period
        assert {e.type.value for e in events} >= {
            "meeting",
            "seminar",
            "workshop",
            "study_trip",
            "consultation",
            "volunteer_work",
            "symposium",
        }
        assert any(e.online and e.online_link for e in events)
        assert all(e.registered > 0 and e.place for e in events)
        assert summary.attendances == sum(e.registered for e in events)
        assert 250 <= summary.attendances <= 600
        lists = {e.id: attendance.event_list(s, e.id) for e in events}
        for e in events:
            roles = {a.role for a in lists[e.id]}
            assert roles - {AttendanceRole.PARTICIPANT, AttendanceRole.VOLUNTEER}, f"{e.title}: nobody leads it"
        statuses = [a.status for rows_ in lists.values() for a in rows_]
        assert statuses.count(AttendanceStatus.ATTENDED) > len(statuses) * 0.75
        assert AttendanceStatus.ABSENT in statuses and AttendanceStatus.REGISTERED in statuses
        # People come back: someone is on more than one list.
        ids = [a.person.id for rows_ in lists.values() for a in rows_]
        assert len(set(ids)) < len(ids)
        # "Do not photograph me" follows the person's refusal on every list.
        assert all(a.no_photos == (a.person.consent_photo is False) for rows_ in lists.values() for a in rows_)

        computed = 0
        for d in details:
            budget = finance.list_budget(s, d.id)
            assert budget, d.number
            assert sum((b.planned for b in budget), Decimal(0)) == d.total_cost > 0
            grant = sum((b.amounts.get(FundingSource.GRANT, Decimal(0)) for b in budget), Decimal(0))
            assert grant == d.grant_amount
            assert d.grant_amount + d.cofinancing_total == d.total_cost
            assert not d.warnings
            assert all(dl.period_end and dl.due_date > dl.period_end for dl in d.deadlines)
            assert any(dl.due_date > d.end_date for dl in d.deadlines)  # the final report, from the profile
            assert d.texts.get("publicity") and d.target_groups and d.partners
            assert d.retention_until is not None
            categories = {cat.key for cat in load_profile(d.funder.profile_key).cost_categories}
            assert {b.category_key for b in budget} <= categories
            expenses = finance.list_expenses(s, d.id)
            assert expenses and all(x.document_number and x.supplier for x in expenses)
            assert finance.list_payments(s, d.id)
            found = indicators.list_indicators(s, d.id)
            assert any(i.method is IndicatorMethod.MANUAL and i.comment for i in found)
            computed += sum(1 for i in found if i.method is not IndicatorMethod.MANUAL and i.achieved_value > 0)
        assert computed >= 5
        assert summary.indicators == sum(len(indicators.list_indicators(s, d.id)) for d in details)

        closed = next(d for d in details if d.status is ProjectStatus.CLOSED)
        assert all(dl.submitted_on is not None for dl in closed.deadlines)
        budget = finance.list_budget(s, closed.id)
        by_category: dict[str, list[Decimal]] = {}
        for b in budget:
            planned, spent = by_category.setdefault(b.category_key, [Decimal(0), Decimal(0)])
            by_category[b.category_key] = [planned + b.planned, spent + b.spent]
        assert any(spent > planned for planned, spent in by_category.values())  # one category over budget
        all_expenses = [x for d in details for x in finance.list_expenses(s, d.id)]
        assert summary.expenses == len(all_expenses)
        assert any(not x.eligible for x in all_expenses)
        paid = sum((p.amount for p in finance.list_payments(s, closed.id)), Decimal(0))
        assert 0 < paid <= closed.grant_amount


def test_same_seed_gives_the_same_demo_whatever_the_date(tmp_path: Path) -> None:
    one = open_database(f"sqlite:///{tmp_path}/one.sqlite")
    two = open_database(f"sqlite:///{tmp_path}/two.sqlite")
    three = open_database(f"sqlite:///{tmp_path}/three.sqlite")
    try:
        first = _fill(one)
        clock.set_clock(datetime(2031, 6, 30, 12, 0))  # another "today": the demo must not notice
        second = _fill(two)
        clock.set_clock(None)
        _fill(three, seed=7)

        assert first == second
        a, b = _snapshot(one), _snapshot(two)
        assert a["people"] and a["events"] and a["attendance"] and a["money"]
        assert a == b
        c = _snapshot(three)
        assert c["events"] == a["events"]  # the projects are fixed; people and lists follow the seed
        assert c["people"] != a["people"]
    finally:
        for db in (one, two, three):
            db.close()


def test_second_fill_refuses_and_changes_nothing(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/d.sqlite")
    try:
        _fill(db)
        before = _snapshot(db)
        with pytest.raises(AppError) as caught:
            _fill(db)
        assert caught.value.message == "Datubāzē jau ir projekti; demonstrācijas datus var ielikt tikai tukšā datubāzē."
        assert _snapshot(db) == before
    finally:
        db.close()


def test_refuses_a_database_with_a_users_own_project(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/d.sqlite")
    try:
        with db.session() as s:
            projects.create_project(s, project_input(number="2024.LV/NVOF/MIC/001"))
        with pytest.raises(AppError):
            _fill(db)
        with db.session() as s:
            assert [p.number for p in projects.list_projects(s)] == ["2024.LV/NVOF/MIC/001"]
            assert people.search_people(s, "") == []
    finally:
        db.close()


@pytest.mark.parametrize("seed", [0, 2, 27])
def test_other_seeds_fill_too(tmp_path: Path, seed: int) -> None:
    # Seed 2 once put a Ķekava council worker on the Ķekava meeting's list twice (the pools overlap).
    db = open_database(f"sqlite:///{tmp_path}/d.sqlite")
    try:
        summary = _fill(db, seed=seed)
        assert (summary.projects, summary.events, summary.people) == (3, 25, 300)
        assert 250 <= summary.attendances <= 600
    finally:
        db.close()
