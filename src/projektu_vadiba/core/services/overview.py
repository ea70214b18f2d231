"""A project at a glance: how far its period has run, what is due next, indicator progress against the time
gone, events coming up, and what needs attention. Everything counted from `core.clock.today()`.

Warnings carry their facts (kind, subject, dates, numbers), a catalogue code with values (core/messages.py) and
the Latvian sentence; the UI links some of them to their section from the facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.counting import counted, project_counted_roles, unlisted
from projektu_vadiba.core.dto import DeadlineDTO, EventDTO, IndicatorDTO, ProjectDetail
from projektu_vadiba.core.messages import latvian
from projektu_vadiba.core.models import Activity, Attendance, AttendanceStatus, Event
from projektu_vadiba.core.services.activities import list_events
from projektu_vadiba.core.services.indicators import list_indicators
from projektu_vadiba.core.services.project_figures import ProjectFigures, figures, grant_spent, planned_by_source
from projektu_vadiba.core.services.projects import get_project

DUE_WITHIN_DAYS = 30
UPCOMING_EVENTS = 5


class WarningKind(StrEnum):
    PROJECT = "project"  # from the project itself (number pattern, grant above total)
    EVENT_OUTSIDE_PERIOD = "event_outside_period"
    INDICATOR_BEHIND = "indicator_behind"
    REPORT_DUE = "report_due"
    REPORT_OVERDUE = "report_overdue"
    MONEY = "money"  # the budget against the project's figures (subject: a project_figures.FigureWarningKind)


@dataclass(frozen=True)
class OverviewWarning:
    kind: WarningKind
    message: str  # Latvian
    subject_id: int | None = None  # the event, indicator or deadline it is about
    subject: str = ""  # its title / name / kind value
    on: date | None = None  # the event's day or the deadline's due date
    achieved: Decimal | None = None
    expected: Decimal | None = None
    planned: Decimal | None = None
    days: int | None = None  # days left (report due) or overdue
    code: str = ""
    values: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: IndicatorDTO
    expected: Decimal  # what should be achieved by now if progress were even over the period
    behind: bool


@dataclass(frozen=True)
class ProjectOverview:
    project: ProjectDetail
    today: date
    days_total: int
    days_elapsed: int
    next_deadlines: tuple[DeadlineDTO, ...]  # not submitted, by due date (overdue ones first)
    indicators: tuple[IndicatorProgress, ...]
    upcoming_events: tuple[EventDTO, ...]
    activity_count: int
    event_count: int
    participant_count: int  # distinct people who attended any of its events
    attendance_count: int
    warnings: tuple[OverviewWarning, ...]
    figures: ProjectFigures  # total cost, grant, co-financing: the same figures as the budget view and the report

    @property
    def elapsed_share(self) -> float:
        """0.0 before the start, 1.0 from the end on (for the progress bar; never for money)."""
        return self.days_elapsed / self.days_total if self.days_total else 1.0

    @property
    def days_left(self) -> int:
        return max(0, self.days_total - self.days_elapsed)


def elapsed_days(start: date, end: date, today: date) -> tuple[int, int]:
    """(days in the period, days of it gone by today), both counting the first and the last day."""
    total = (end - start).days + 1
    return total, min(total, max(0, (today - start).days + 1))


def expected_by_now(planned: Decimal, share: float) -> Decimal:
    """Planned × share of time gone, rounded down: a one-off result (1 guideline) is not "behind" half-way."""
    return (planned * Decimal(str(share))).to_integral_value(rounding=ROUND_FLOOR)


def project_overview(session: Session, project_id: int, due_within_days: int = DUE_WITHIN_DAYS) -> ProjectOverview:
    project = get_project(session, project_id)
    today = clock.today()
    total, elapsed = elapsed_days(project.start_date, project.end_date, today)
    share = elapsed / total if total else 1.0
    events = list_events(session, project_id)
    progress = tuple(_progress(i, share) for i in list_indicators(session, project_id))
    pending = tuple(d for d in project.deadlines if d.submitted_on is None)
    now = clock.now()
    upcoming = tuple(e for e in events if e.ends_at >= now)[:UPCOMING_EVENTS]  # not over yet
    participants, attendances = _attendance_counts(session, project_id)
    activity_count = session.scalar(select(func.count()).select_from(Activity).where(Activity.project_id == project_id))
    money = figures(
        project.total_cost,
        project.grant_amount,
        project.cofinancing,
        planned_by_source(session, project_id),
        grant_spent(session, project_id),
    )
    warnings = (
        [OverviewWarning(WarningKind.PROJECT, w) for w in project.warnings]
        + [
            OverviewWarning(
                WarningKind.MONEY,
                w.message,
                subject=str(w.kind),
                achieved=w.figure,
                expected=w.expected,
                code=w.code,
                values=w.values,
            )
            for w in money.warnings
        ]
        + _deadline_warnings(pending, today, due_within_days)
        + [_event_warning(e, project) for e in events if e.warnings]
        + [_indicator_warning(p) for p in progress if p.behind]
    )
    return ProjectOverview(
        project=project,
        today=today,
        days_total=total,
        days_elapsed=elapsed,
        next_deadlines=tuple(sorted(pending, key=lambda d: (d.due_date, d.id))),
        indicators=progress,
        upcoming_events=upcoming,
        activity_count=activity_count or 0,
        event_count=len(events),
        participant_count=participants,
        attendance_count=attendances,
        warnings=tuple(warnings),
        figures=money,
    )


def _progress(indicator: IndicatorDTO, share: float) -> IndicatorProgress:
    expected = expected_by_now(indicator.planned_value, share)
    return IndicatorProgress(indicator, expected, share > 0 and indicator.achieved_value < expected)


def _attendance_counts(session: Session, project_id: int) -> tuple[int, int]:
    row = session.execute(
        select(func.count(distinct(Attendance.person_id)), func.count(Attendance.id))
        .join(Event, Event.id == Attendance.event_id)
        .where(
            Event.project_id == project_id,
            Attendance.status == AttendanceStatus.ATTENDED,
            counted(project_counted_roles(session, project_id)),
        )
    ).one()
    return int(row[0] or 0), int(row[1] or 0) + unlisted(session, project_id)


def _deadline_warnings(pending: tuple[DeadlineDTO, ...], today: date, within: int) -> list[OverviewWarning]:
    out: list[OverviewWarning] = []
    for d in sorted(pending, key=lambda d: d.due_date):
        days = (d.due_date - today).days
        values = {"report": f"term.deadline.{d.kind.value}", "date": f"{d.due_date:%d.%m.%Y}", "days": abs(days)}
        if days < 0:
            kind, code = WarningKind.REPORT_OVERDUE, "overview.report_overdue"
        elif days <= within:
            kind, code = WarningKind.REPORT_DUE, "overview.report_due"
        else:
            continue
        message = latvian(code, **values)
        out.append(
            OverviewWarning(kind, message, d.id, d.kind.value, d.due_date, days=abs(days), code=code, values=values)
        )
    return out


def _event_warning(e: EventDTO, p: ProjectDetail) -> OverviewWarning:
    values = {
        "title": e.title,
        "date": f"{e.starts_at:%d.%m.%Y}",
        "start": f"{p.start_date:%d.%m.%Y}",
        "end": f"{p.end_date:%d.%m.%Y}",
    }
    code = "overview.event_outside_period"
    message = latvian(code, **values)
    return OverviewWarning(
        WarningKind.EVENT_OUTSIDE_PERIOD, message, e.id, e.title, e.starts_at.date(), code=code, values=values
    )


def _indicator_warning(p: IndicatorProgress) -> OverviewWarning:
    i = p.indicator
    code = "overview.indicator_behind"
    values = {
        "code": i.code,
        "name": i.name,
        "achieved": _n(i.achieved_value),
        "planned": _n(i.planned_value),
        "expected": _n(p.expected),
    }
    message = latvian(code, **values)
    return OverviewWarning(
        WarningKind.INDICATOR_BEHIND,
        message,
        i.id,
        f"{i.code} {i.name}",
        achieved=i.achieved_value,
        expected=p.expected,
        planned=i.planned_value,
        code=code,
        values=values,
    )


def _n(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
