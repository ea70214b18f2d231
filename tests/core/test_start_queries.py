"""The first window's data (project list, events coming up, deadlines due) is read from the tables' columns, so
that opening the app does not make SQLAlchemy configure every model first. The rows must be exactly those the
mapped-class queries gave (the queries below are the services as they were written before), on SQLite and
PostgreSQL; and a fresh process that opens a database and reads them leaves the mappers unconfigured."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.counting import DEFAULT_COUNTED
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto import ProjectSummary
from projektu_vadiba.core.models import (
    Activity,
    AppMeta,
    Attendance,
    AttendanceStatus,
    Event,
    Funder,
    Project,
    ProjectStatus,
    ReportDeadline,
)
from projektu_vadiba.core.services import activities, deadlines, prints, projects

DEMO_TODAY = datetime(2025, 11, 3, 9, 30)  # the demo's projects are then running, closed and due


def mapped_projects(session: Session) -> list[ProjectSummary]:
    stmt = (
        select(Project.id, Project.number, Project.title, Project.status, Project.start_date, Project.end_date)
        .add_columns(Funder.name)
        .join(Funder)
        .order_by(Project.start_date.desc(), Project.number)
    )
    return [ProjectSummary(*row) for row in session.execute(stmt)]


EVENT_FIELDS = ("id", "project_id", "activity_id", "title", "type", "starts_at", "ends_at", "place", "address")
EVENT_FIELDS += ("municipality", "online", "online_link", "planned_participants", "description", "version")
DEADLINE_FIELDS = ("id", "project_id", "kind", "due_date", "period_start", "period_end", "submitted_on", "note")


def mapped_events(session: Session, start: datetime, end: datetime, project_id: int | None = None) -> list[Any]:
    """Each event's fields, activity code, unlisted headcount and list counts (registered, came, came to work)."""
    came = Attendance.status == AttendanceStatus.ATTENDED
    counted = Attendance.role.in_(DEFAULT_COUNTED)
    stmt = (
        select(
            Event,
            Activity.code,
            func.count(Attendance.id),
            func.coalesce(func.sum(case((came & counted, 1), else_=0)), 0),
            func.coalesce(func.sum(case((came & ~counted, 1), else_=0)), 0),
        )
        .join(Project, Project.id == Event.project_id)
        .outerjoin(Activity, Activity.id == Event.activity_id)
        .outerjoin(Attendance, Attendance.event_id == Event.id)
        .where(Event.starts_at < end, Event.ends_at >= start)
        .group_by(Event.id, Activity.code, Project.start_date, Project.end_date)
        .order_by(Event.starts_at, Event.id)
    )
    if project_id is not None:
        stmt = stmt.where(Event.project_id == project_id)
    return [
        (*(getattr(e, f) for f in EVENT_FIELDS), code, e.unlisted_count, int(registered), int(came_), int(working))
        for e, code, registered, came_, working in session.execute(stmt)
    ]


def shown_events(dtos: list[Any]) -> list[Any]:
    return [
        (*(getattr(e, f) for f in EVENT_FIELDS), e.activity_code, e.unlisted, e.registered, e.attended, e.staff)
        for e in dtos
    ]


def mapped_deadlines(session: Session, within_days: int | None) -> list[tuple[Any, ...]]:
    today = clock.today()
    stmt = (
        select(ReportDeadline, Project.number, Project.title)
        .join(Project, Project.id == ReportDeadline.project_id)
        .where(ReportDeadline.submitted_on.is_(None), Project.status != ProjectStatus.CLOSED)
    )
    if within_days is None:  # next_deadline: the nearest one from today on
        stmt = stmt.where(ReportDeadline.due_date >= today).order_by(ReportDeadline.due_date, ReportDeadline.id)
    else:
        stmt = stmt.where(ReportDeadline.due_date <= today + relativedelta(days=within_days)).order_by(
            ReportDeadline.due_date, Project.number, ReportDeadline.id
        )
    return [
        (*(getattr(d, f) for f in DEADLINE_FIELDS), d.version, number, title, (d.due_date - today).days)
        for d, number, title in session.execute(stmt)
    ]


def shown_deadline(d: deadlines.DueDeadline) -> tuple[Any, ...]:
    x = d.deadline
    return (*(getattr(x, f) for f in DEADLINE_FIELDS), x.version, d.project_number, d.project_title, d.days_left)


def test_the_start_pages_rows_are_those_of_the_mapped_queries(db: Database) -> None:
    clock.set_clock(DEMO_TODAY)
    with db.session() as s:
        fill_demo(s)
    today = datetime.combine(DEMO_TODAY.date(), datetime.min.time())
    with db.session() as s:
        assert projects.list_projects(s) == mapped_projects(s) and len(mapped_projects(s)) == 3
        for status in ProjectStatus:
            assert projects.list_projects(s, status) == [p for p in mapped_projects(s) if p.status == status]
        for start, days in ((today, 31), (today - timedelta(days=400), 800)):
            expected = mapped_events(s, start, start + timedelta(days=days))
            assert shown_events(activities.events_between(s, start, start + timedelta(days=days))) == expected
        assert len(expected) > 10  # the wide window holds the demo's events
        for p in mapped_projects(s):
            wide = (datetime(2000, 1, 1), datetime(2100, 1, 1))
            listed = activities.list_events(s, p.id)
            assert shown_events(listed) == mapped_events(s, *wide, project_id=p.id)
            for e in listed[:3]:
                assert activities.get_event(s, e.id) == e
        for days in (0, 30, 60, 400):
            assert [shown_deadline(d) for d in deadlines.due_soon(s, days)] == mapped_deadlines(s, days)
        nearest = deadlines.next_deadline(s)
        assert nearest is not None and [shown_deadline(nearest)] == mapped_deadlines(s, None)[:1]
        assert len(mapped_deadlines(s, 400)) > 0


def test_the_installation_claim_reads_the_table_and_still_claims_a_moved_file(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'a.sqlite'}")
    try:
        with db.session() as s:
            first = prints.installation_id(s)
            assert prints.claim_installation(s, str(tmp_path / "a.sqlite")) is False  # where it was opened
            assert prints.installation_id(s) == first
            assert prints.claim_installation(s, str(tmp_path / "copy.sqlite")) is True  # a copy: a new id
            assert prints.installation_id(s) != first
            claimed = s.get(AppMeta, prints.LOCATION_KEY)
            assert claimed is not None and len(claimed.value) == 40
    finally:
        db.close()


def test_opening_a_database_and_reading_the_first_window_configures_no_mapper(tmp_path: Path) -> None:
    path = tmp_path / "start.sqlite"
    db = open_database(f"sqlite:///{path}")
    with db.session() as s:
        fill_demo(s, around=date.today())
    db.close()
    code = (
        "from datetime import datetime, timedelta\n"
        "from projektu_vadiba.core.db import open_database\n"
        "from projektu_vadiba.core.models import Person\n"
        "from projektu_vadiba.core.services import activities, deadlines, projects\n"
        "from projektu_vadiba.core.team.access import my_access\n"
        f"db = open_database({f'sqlite:///{path}'!r})\n"
        "now = datetime.now()\n"
        "with db.session() as s:\n"
        "    assert len(projects.list_projects(s)) == 3\n"
        "    activities.events_between(s, now, now + timedelta(days=31))\n"
        "    assert deadlines.due_soon(s, 400)\n"
        "    deadlines.next_deadline(s)\n"
        "    my_access(s)\n"
        "print(Person.__mapper__.configured)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip() == "False"
