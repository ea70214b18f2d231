"""Report deadlines computed from the funder's rules (its profile), kept in step with the project's period,
and the cross-project list of what is due soon.

A deadline the rules produced is recognised by its kind and reporting period (period_end): when the project's
period or funder changes, such deadlines that are not yet submitted move to the new dates. Submitted ones stay as
history, and deadlines added by hand for other periods (a LEADER interim payment claim) are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import DeadlineDTO
from projektu_vadiba.core.models import DeadlineKind, Project, ProjectStatus, ReportDeadline
from projektu_vadiba.core.services.common import get_or_404


@dataclass(frozen=True)
class PlannedDeadline:
    """One deadline a funder's rule asks for: the report on period_start..period_end is due on due_date."""

    kind: DeadlineKind
    period_start: date
    period_end: date
    due_date: date


@dataclass(frozen=True)
class Period:
    """What the rules are computed from; compare the one before and after an edit."""

    profile_key: str
    start: date
    end: date


@dataclass(frozen=True)
class DueDeadline:
    """A deadline not yet submitted, with its project, for the "due soon" list."""

    deadline: DeadlineDTO
    project_number: str
    project_title: str
    days_left: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def id(self) -> int:
        return self.deadline.id


def deadline_dto(d: ReportDeadline | Row[Any]) -> DeadlineDTO:
    """From the mapped record or from a row of the table's columns (the start page's lists)."""
    return DeadlineDTO(
        d.id, d.project_id, d.kind, d.due_date, d.period_start, d.period_end, d.submitted_on, d.note, d.version
    )


def schedule(profile_key: str, start: date, end: date) -> list[PlannedDeadline]:
    """Every deadline the profile's rules give a project running start..end, in date order."""
    planned: list[PlannedDeadline] = []
    for rule in profiles.load_profile(profile_key).deadlines:
        kind = DeadlineKind(rule.kind)
        if rule.every_months <= 0:
            planned.append(PlannedDeadline(kind, start, end, rule.due(end)))
            continue
        period_start, n = start, 1
        while (period_end := start + relativedelta(months=rule.every_months * n) - relativedelta(days=1)) < end:
            planned.append(PlannedDeadline(kind, period_start, period_end, rule.due(period_end)))
            period_start, n = period_end + relativedelta(days=1), n + 1
    return sorted(planned, key=lambda p: (p.due_date, p.kind))


def project_period(project: Project) -> Period:
    return Period(project.profile_key, project.start_date, project.end_date)


def refresh_deadlines(session: Session, project_id: int, previous: Period | None = None) -> list[DeadlineDTO]:
    """Add the deadlines the funder's rules ask for; with `previous` (the project before an edit), first move
    the unsubmitted ones that rules made for the old period. Returns the project's deadlines by due date."""
    project = get_or_404(session, Project, project_id, "Projekts")
    current = project_period(project)
    rows = list(project.deadlines)
    if previous is not None and previous != current:
        old = {(p.kind, p.period_end) for p in schedule(previous.profile_key, previous.start, previous.end)}
        for row in rows:
            if row.submitted_on is None and (row.kind, row.period_end) in old:
                project.deadlines.remove(row)
        rows = list(project.deadlines)
    have = {(r.kind, r.period_end) for r in rows}
    for item in schedule(current.profile_key, current.start, current.end):
        if (item.kind, item.period_end) not in have:
            project.deadlines.append(
                ReportDeadline(
                    kind=item.kind,
                    due_date=item.due_date,
                    period_start=item.period_start,
                    period_end=item.period_end,
                )
            )
    session.flush()
    return sorted((deadline_dto(d) for d in project.deadlines), key=lambda d: (d.due_date, d.id))


def due_soon(session: Session, within_days: int = 30, *, include_closed: bool = False) -> list[DueDeadline]:
    """Deadlines of every project not yet submitted and due within `within_days` from today, overdue ones
    included (they come first: the list is by due date)."""
    today = clock.today()
    d, p = ReportDeadline.__table__.c, Project.__table__.c
    stmt = (
        _with_project()
        .where(d.submitted_on.is_(None), d.due_date <= today + relativedelta(days=within_days))
        .order_by(d.due_date, p.number, d.id)
    )
    if not include_closed:
        stmt = stmt.where(p.status != ProjectStatus.CLOSED)
    return [_due(row, today) for row in session.execute(stmt)]


def next_deadline(session: Session) -> DueDeadline | None:
    """The nearest unsubmitted deadline after the "due soon" window, so an empty list can still say what is next."""
    today = clock.today()
    d, p = ReportDeadline.__table__.c, Project.__table__.c
    row = session.execute(
        _with_project()
        .where(d.submitted_on.is_(None), d.due_date >= today, p.status != ProjectStatus.CLOSED)
        .order_by(d.due_date, d.id)
        .limit(1)
    ).first()
    return None if row is None else _due(row, today)


def _with_project() -> Select[Any]:
    """Deadlines with their project's number and title, from the tables' columns: the start page reads them before
    SQLAlchemy configures the models (see services/projects.list_projects)."""
    deadlines, projects = ReportDeadline.__table__, Project.__table__
    project = (projects.c.number.label("project_number"), projects.c.title.label("project_title"))
    return select(deadlines, *project).join_from(deadlines, projects, projects.c.id == deadlines.c.project_id)


def _due(row: Row[Any], today: date) -> DueDeadline:
    return DueDeadline(deadline_dto(row), row.project_number, row.project_title, (row.due_date - today).days)


def delete_deadline(session: Session, deadline_id: int) -> None:
    session.delete(get_or_404(session, ReportDeadline, deadline_id, "Termiņš"))
    session.flush()
