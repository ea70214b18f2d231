"""The report's attendee counts by their set-based query equal those of the query they replaced (every attendee's
first event joined in, kept here as the reference): groups, people, attendances, first attendance, organisations,
staff, headcounts; for the project, a period, an activity, and with age groups derived from birth years. The
counted roles read from columns follow the ORM's profile rule; the expenses read through the driver equal
SQLAlchemy's; a project eager-loaded equals one loaded lazily."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import case, distinct, func, select, update

from projektu_vadiba.core import counting
from projektu_vadiba.core.age_groups import band_sql
from projektu_vadiba.core.counting import (
    DEFAULT_COUNTED,
    counted,
    project_counted_roles,
    staff,
    unlisted,
)
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import (
    ActivityInput,
    BudgetLineInput,
    EventInput,
    ExpenseInput,
    PersonInput,
    ProjectDetail,
)
from projektu_vadiba.core.models import (
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    DeadlineKind,
    Event,
    FundingSource,
    Gender,
    Organisation,
    OrganisationKind,
    Person,
)
from projektu_vadiba.core.models import Project as ProjectModel
from projektu_vadiba.core.services import activities, attendance, finance, money_rows, people, projects
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.report_dto import ReportPeriod
from projektu_vadiba.core.services.report_reach import (
    AttendeeCounts,
    AttendeeGroup,
    _attended,
    attendee_counts,
    period_bounds,
)
from projektu_vadiba.resources import resource
from tests.core.factories import project_input

ATTENDED, REGISTERED = AttendanceStatus.ATTENDED, AttendanceStatus.REGISTERED


def _reference(session: Any, project_id: int, period: ReportPeriod | None, activity_id: int | None) -> AttendeeCounts:
    """attendee_counts as it was before the age group became a per-person subquery (session 5's code)."""
    roles = project_counted_roles(session, project_id)
    derive = (func.trim(Person.age_group) == "") & Person.birth_year.is_not(None)
    scope = _attended(select(Attendance.person_id), project_id, period, activity_id, counted(roles)).where(derive)
    first_seen = (
        select(Attendance.person_id.label("person_id"), func.min(Event.starts_at).label("first"))
        .join(Event, Event.id == Attendance.event_id)
        .where(Attendance.person_id.in_(scope))
        .group_by(Attendance.person_id)
        .subquery()
    )
    age = func.extract("year", first_seen.c.first) - Person.birth_year
    age_group = case((derive, band_sql(age)), else_=Person.age_group)
    values = (Person.target_group, Person.municipality, Person.gender, age_group)
    grouped = _attended(
        select(*values, func.count(distinct(Attendance.person_id)), func.count(), func.min(Attendance.id)),
        project_id,
        period,
        activity_id,
        counted(roles),
    )
    grouped = grouped.outerjoin(first_seen, first_seen.c.person_id == Attendance.person_id).group_by(*values)
    groups = sorted(
        (
            AttendeeGroup(tg or "", mun or "", gender.value if gender else "", age or "", people, count, first)
            for tg, mun, gender, age, people, count, first in session.execute(grouped)
        ),
        key=lambda g: g.first,
    )
    orgs = _attended(select(Person.organisation_id), project_id, period, activity_id, counted(roles))
    orgs = orgs.distinct().subquery()
    kinds = (
        select(Organisation.kind, func.count())
        .select_from(orgs)
        .join(Organisation, Organisation.id == orgs.c.organisation_id)
        .group_by(Organisation.kind)
    )
    workers = _attended(
        select(func.count(distinct(Attendance.person_id))), project_id, period, activity_id, staff(roles)
    )
    start, end = period_bounds(period) if period is not None else (None, None)
    headcount = unlisted(session, project_id, starts_from=start, starts_before=end, activity_id=activity_id)
    return AttendeeCounts(
        tuple(groups), {kind: n for kind, n in session.execute(kinds)}, int(session.scalar(workers) or 0), headcount
    )


@pytest.fixture
def two_projects(db: Database, project: ProjectDetail) -> dict[str, int]:
    """Two projects sharing people. Some people have only a birth year (their group comes from their first event on
    any list, in either project), some a blank-looking group, some nothing; moderators, registrations without
    attendance, an open event's headcount, two activities and events over two years."""
    with db.session() as s:
        other = projects.create_project(s, project_input(number="2023.LV/NVOF/MAC/002")).id
        a1 = activities.create_activity(s, project.id, ActivityInput("1", "Tikšanās")).id
        a2 = activities.create_activity(s, project.id, ActivityInput("2", "Darbnīcas")).id
        days = [
            datetime(2022, 3, 5, 10),
            datetime(2022, 11, 20, 10),
            datetime(2023, 2, 1, 10),
            datetime(2023, 6, 9, 10),
        ]
        events = [
            activities.create_event(
                s, project.id, EventInput(f"Pasākums {n}", day, day.replace(hour=14), activity_id=(a1, a2, a1, None)[n])
            ).id
            for n, day in enumerate(days)
        ]
        early = activities.create_event(
            s, other, EventInput("Agrāk citur", datetime(2015, 5, 5, 10), datetime(2015, 5, 5, 12))
        ).id
        municipalities = ("Ķekavas novads", "ķekavas novads", "Ropažu novads", "")
        groups = ("seniori", "Seniori", "jaunieši", "")
        ages = ("65+", "", "", "18–25", "")
        born = (1957, 2005, None, 1990, 1975, 2012, None, 1958)  # 1957, 2005: a band apart a year later
        genders = (Gender.FEMALE, Gender.MALE, None, Gender.OTHER)
        orgs = ("Biedrība “Sirmā”", "Jauniešu centrs “Ūdri”", "", "Ķekavas novada dome")
        ids = []
        for n in range(40):
            data = PersonInput(
                f"Vārds{n}",
                f"Uzvārds{n}",
                orgs[n % 4],
                municipalities[n % 4],
                gender=genders[n % 4],
                birth_year=born[n % 8],
                age_group=ages[n % 5],
                target_group=groups[(n // 2) % 4],
            )
            ids.append(people.create_person(s, data).id)
        for n, pid in enumerate(ids):
            for k, event in enumerate(events):
                if (n + k) % 3 == 0:
                    status = REGISTERED if (n + k) % 7 == 0 else ATTENDED
                    attendance.register(s, event, pid, status)
            if n % 5 in (0, 1):
                attendance.register(s, early, pid, ATTENDED)  # their first event on any list: years before
        moderator = people.create_person(s, PersonInput("Ilze", "Vadītāja", birth_year=1970)).id
        speaker = people.create_person(s, PersonInput("Rūta", "Runātāja")).id
        for event in events[:3]:
            attendance.register(s, event, moderator, ATTENDED, AttendanceRole.MODERATOR)
            attendance.register(s, event, speaker, ATTENDED, AttendanceRole.SPEAKER)
        s.execute(update(Event).where(Event.id == events[1]).values(unlisted_count=25))
        s.execute(update(Person).where(Person.id.in_(ids[::9])).values(age_group="  "))
        return {"project": project.id, "other": other, "a1": a1, "a2": a2}


@pytest.mark.parametrize(
    ("period", "activity"),
    [(None, None), ((date(2022, 1, 1), date(2022, 12, 31)), None), (None, "a1"),
     ((date(2023, 1, 1), date(2023, 12, 31)), "a1"), (None, "a2"), ((date(2024, 1, 1), date(2024, 12, 31)), None)],
)  # fmt: skip
def test_attendee_counts_equal_the_reference_query(
    db: Database, two_projects: dict[str, int], period: tuple[date, date] | None, activity: str | None
) -> None:
    scope = ReportPeriod(*period) if period else None
    activity_id = two_projects[activity] if activity else None
    with db.session() as s:
        new = attendee_counts(s, two_projects["project"], scope, activity_id)
        old = _reference(s, two_projects["project"], scope, activity_id)
        other = (attendee_counts(s, two_projects["other"], scope), _reference(s, two_projects["other"], scope, None))
    assert new == old
    assert other[0] == other[1]
    if period is None and activity is None:  # the data exercise what changed: derived and recorded groups
        ages = {g.age_group for g in new.groups}
        assert {"65+", "18–25", "26–45", "46–64", ""} <= ages
        assert new.staff == 2 and new.unlisted == 25 and len(new.groups) > 10


@pytest.mark.parametrize("programme_key", [None, "", "eea_active_citizens"])
def test_counted_roles_read_from_columns_follow_the_projects_profile_rule(
    db: Database, project: ProjectDetail, programme_key: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """project_counted_roles reads two columns; the profile it asks is Project.profile_key's (the programme's when
    it has one, else the funder's). (No built-in profile counts other roles yet: the profile asked is recorded.)"""
    asked: list[str] = []
    monkeypatch.setattr(counting, "counted_roles", lambda key: asked.append(key) or DEFAULT_COUNTED)
    with db.session() as s:
        loaded = s.get(ProjectModel, project.id)
        assert loaded is not None and loaded.programme is not None
        loaded.funder.profile_key = "lad_leader"
        loaded.programme.profile_key = programme_key
        s.flush()
        assert project_counted_roles(s, project.id) == DEFAULT_COUNTED
        assert project_counted_roles(s, project.id + 1000) == DEFAULT_COUNTED  # no such project: not asked
        assert asked == [loaded.profile_key] == [programme_key or "lad_leader"]


def test_expenses_read_through_the_driver_equal_sqlalchemys_and_the_orms(
    db: Database, project: ProjectDetail, monkeypatch: pytest.MonkeyPatch
) -> None:
    """money_rows.expenses converts the driver's values as SQLAlchemy does: whole and fractional amounts, credit
    notes, cents that floats cannot hold exactly, no budget line, paid or not, ineligible, every source."""
    with db.session() as s:
        line = finance.create_budget_line(
            s, project.id, BudgetLineInput("services", "3.1", "Kafija", {FundingSource.GRANT: Decimal("100.00")})
        ).id
        amounts = ("10", "0.10", "-12.35", "1234567.89", "0.07", "19.99", "100.00", "33.33")
        for n, amount in enumerate(amounts):
            finance.add_expense(
                s,
                project.id,
                ExpenseInput(
                    date(2023, 3 + n, 1 + n),
                    Decimal(amount),
                    line if n % 3 else None,
                    f"Rēķins Nr. {n}",
                    "SIA “Ēdieni”",
                    "Kafija ar ķiplokmaizi" if n % 2 else "",
                    eligible=n != 4,
                    paid_on=date(2023, 4 + n, 2) if n % 2 else None,
                    source=list(FundingSource)[n % len(FundingSource)],
                ),
            )
        new = money_rows.expenses(s, project.id)
        columns = money_rows._expenses_orm_columns(s, project.id)
        orm = finance.list_expenses(s, project.id)
        summary = money_summary(s, project.id)
        monkeypatch.setattr(money_rows, "driver_rows", lambda *_args: None)  # the SQLAlchemy path all through
        assert money_rows.expenses(s, project.id) == columns
        assert money_summary(s, project.id) == summary
    assert new == columns == orm
    assert [(type(e.amount), type(e.date), type(e.eligible)) for e in new] == [(Decimal, date, bool)] * len(amounts)
    assert [str(e.amount) for e in new] == ["10.00", "0.10", "-12.35", "1234567.89", "0.07", "19.99", "100.00", "33.33"]


def test_a_project_loaded_with_its_funder_programme_implementer_and_logo_equals_one_loaded_lazily(
    db: Database, project: ProjectDetail
) -> None:
    """get_project eager-loads what it used to load lazily; the details are those of the plainly loaded object."""
    with db.session() as s:
        projects.add_partner(s, project.id, "Ķekavas novada pašvaldība", OrganisationKind.MUNICIPALITY)
        projects.add_partner(s, project.id, "Biedrība “Ūdri”", description="jaunieši")
        projects.add_cofinancing(s, project.id, FundingSource.MUNICIPALITY, Decimal("500.00"), "Ķekavas pašvaldība")
        projects.add_cofinancing(s, project.id, FundingSource.OWN, Decimal("120.50"))
        projects.set_text(s, project.id, "aim_reached", "Mērķis sasniegts.")
        projects.add_deadline(
            s, project.id, DeadlineKind.INTERIM_REPORT, date(2023, 7, 15), date(2023, 3, 1), date(2023, 6, 30)
        )
        loaded = s.get(ProjectModel, project.id)
        assert loaded is not None
        loaded.logo = resource("logos", "leader.png").read_bytes()
        empty = projects.create_project(s, project_input(number="LF-2024/17", programme_name="", funder_name="Fonds"))
    for pid in (project.id, empty.id):
        with db.session() as s:
            eager = projects.get_project(s, pid)
        with db.session() as s:
            plain = s.get(ProjectModel, pid)
            assert plain is not None
            lazy = projects.project_detail(plain)
        assert eager == lazy
    assert eager.programme is None and project.programme is not None
    assert lazy.logo is None
    with db.session() as s:
        rich = projects.get_project(s, project.id)
    assert rich.logo and len(rich.partners) == 2 and len(rich.cofinancing) == 2 and rich.deadlines
