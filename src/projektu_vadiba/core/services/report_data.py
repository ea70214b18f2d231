"""Everything a final or interim report holds, section by section, in the funder profile's structure.

The structure is data: the profile's "final_report" / "interim_report" (sections, their order, titles, which are
text the user writes and which of those are mandatory). A profile without one borrows the generic profile's.
For an interim report only the events, attendance, expenses and payments dated inside the period count."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import ActivityDTO, EventDTO, ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.models.enums import ActivityStatus
from projektu_vadiba.core.services import activities as activity_service
from projektu_vadiba.core.services import attendance_days, projects
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.report_dto import (
    BREAKDOWNS,
    FINAL,
    INTERIM,
    ActivityReport,
    AnnexItem,
    DocumentItem,
    MissingText,
    ReportData,
    ReportPart,
    ReportPeriod,
    ReportSection,
)
from projektu_vadiba.core.services.report_reach import attendee_counts, reach, report_indicators
from projektu_vadiba.core.services.report_texts import as_period, texts_of


def report_structure(profile: profiles.FunderProfile, kind: str = FINAL) -> dict[str, Any]:
    """The profile's report structure (raw), or the generic profile's when it has none."""
    key = "interim_report" if kind == INTERIM else "final_report"
    structure = profile.raw.get(key)
    if not structure and profile.key != "generic":
        return report_structure(profiles.load_profile("generic"), kind)
    if not structure or not structure.get("sections"):
        raise AppError.of("profile.no_report", profile=profiles.pick(profile.name), key=key)
    return dict(structure)


def report_sections(
    profile: profiles.FunderProfile, texts: dict[str, str], kind: str = FINAL, lang: str = "lv", year: int | None = None
) -> tuple[ReportSection, ...]:
    """`year`: the programme's call year (else the project's start), for the funder's year hashtag in the publicity
    section's hint."""
    structure = report_structure(profile, kind)
    rules = profile.publicity_rules(year, lang)
    numbered = bool(structure.get("numbered", True))
    out = []
    for n, raw in enumerate(structure["sections"], start=1):
        try:
            source = raw.get("source", "text")
            out.append(
                ReportSection(
                    key=raw["key"],
                    number=str(n) if numbered else "",
                    title=profiles.pick(raw["title"], lang),
                    source=source,
                    part=raw.get("part", ""),
                    mandatory=bool(raw.get("mandatory", False)) and source == "text",
                    hint=" ".join(
                        x
                        for x in (profiles.pick(raw.get("hint", ""), lang), rules if raw["key"] == "publicity" else "")
                        if x
                    ),
                    text=texts.get(raw["key"], ""),
                    breakdowns=tuple(b for b in raw.get("breakdowns", _default_breakdowns(raw)) if b in BREAKDOWNS),
                )
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise AppError.of("profile.broken_section", n=n, kind=kind) from exc
    return tuple(out)


def _hint(raw: dict[str, Any], rules: str, lang: str) -> str:
    """The section's hint; the publicity section's also says what the funder asks publications to carry."""
    own = profiles.pick(raw.get("hint", ""), lang)
    return " ".join(x for x in (own, rules if raw["key"] == "publicity" else "") if x)


def _default_breakdowns(raw: dict[str, Any]) -> tuple[str, ...]:
    return BREAKDOWNS if raw.get("key") == "target_groups" else ()


def missing_texts(
    session: Session, project_id: int, period: ReportPeriod | tuple[date, date] | None = None, lang: str = "lv"
) -> tuple[MissingText, ...]:
    """Mandatory text sections of the report that are still empty (cheap: no counting)."""
    period = as_period(period)
    project = projects.get_project(session, project_id)
    profile = profiles.load_profile(project.profile_key)
    kind = INTERIM if period is not None else FINAL
    texts = texts_of(session, project_id, period)
    return tuple(MissingText(s.key, s.title) for s in report_sections(profile, texts, kind, lang) if s.missing)


def missing_texts_message(missing: tuple[MissingText, ...] | list[MissingText]) -> str:
    """“Trūkst obligātā teksta: “Projekta mērķis un tā sasniegšana”. …” — names every missing section."""
    if not missing:
        return ""
    names = ", ".join(f"“{m.title}”" for m in missing)
    return Message("report.missing_texts", count=len(missing), names=names)


def final_report_data(
    session: Session, project_id: int, period: ReportPeriod | tuple[date, date] | None = None, lang: str = "lv"
) -> ReportData:
    """The final report's data; with `period` (ReportPeriod or (from, to)), the interim report's for that period.
    Each report prints its own texts (core.services.report_texts)."""
    period = as_period(period)
    kind = INTERIM if period is not None else FINAL
    project = projects.get_project(session, project_id)
    profile = profiles.load_profile(project.profile_key).for_project(project.publicity, project.logo)
    structure = report_structure(profile, kind)

    every_event = activity_service.list_events(session, project_id)
    events = [with_day_counts(session, e) for e in every_event if _in_period(e, period)]
    counts = attendee_counts(session, project_id, period)
    return ReportData(
        kind=kind,
        title=profiles.pick(structure.get("title", ""), lang) or _default_title(kind),
        lang=lang,
        generated_on=clock.today(),
        period=period,
        project=project,
        profile=profile,
        parts=tuple(ReportPart(p["key"], profiles.pick(p["title"], lang)) for p in structure.get("parts", [])),
        sections=report_sections(profile, texts_of(session, project_id, period), kind, lang),
        activities=_activities(session, project, events, every_event, period),
        indicators=report_indicators(session, project_id, events, period, counts),
        reach=reach(session, project_id, counts, events, lang),
        financial=money_summary(session, project_id, (period.date_from, period.date_to) if period else None, lang),
        annexes=tuple(AnnexItem(n, e) for n, e in enumerate((e for e in events if e.registered), start=1)),
        documents=_documents(session, project_id, period) if _wants_documents(structure) else (),
    )


def _wants_documents(structure: dict[str, Any]) -> bool:
    return any(s.get("key") == "annexes" and s.get("documents") is True for s in structure.get("sections", []))


def _documents(session: Session, project_id: int, period: ReportPeriod | None) -> tuple[DocumentItem, ...]:
    """The files filed with the project (in the period, by their date), with what each documents."""
    from sqlalchemy import select

    from projektu_vadiba.core.models import Attachment, Event, Expense

    stmt = (
        select(Attachment, Event.title, Expense.description, Expense.document_number)
        .outerjoin(Event, Event.id == Attachment.event_id)
        .outerjoin(Expense, Expense.id == Attachment.expense_id)
        .where(Attachment.project_id == project_id)
        .order_by(Attachment.date, Attachment.id)
    )
    if period is not None:
        stmt = stmt.where(Attachment.date >= period.date_from, Attachment.date <= period.date_to)
    out = []
    for n, (a, event, expense, number) in enumerate(session.execute(stmt), start=1):
        subject = event or " ".join(x for x in (number or "", expense or "") if x)
        out.append(DocumentItem(n, a.kind, a.date, a.original_name, a.description, subject))
    return tuple(out)


def interim_report_data(
    session: Session, project_id: int, date_from: date, date_to: date, lang: str = "lv"
) -> ReportData:
    return final_report_data(session, project_id, ReportPeriod(date_from, date_to), lang)


def _default_title(kind: str) -> str:
    return "Starpposma pārskats" if kind == INTERIM else "Noslēguma pārskats"


def with_day_counts(session: Session, event: EventDTO) -> EventDTO:
    """A multi-day event with its people per day (the sheet's day columns); the attended count stays people."""
    if event.starts_at.date() == event.ends_at.date():
        return event
    counts = attendance_days.day_counts(session, event.id)
    return replace(event, day_counts=tuple((c.day, c.attended) for c in counts))


def _in_period(event: EventDTO, period: ReportPeriod | None) -> bool:
    return period is None or period.contains(event.starts_at.date())


def as_of(activity: ActivityDTO, events: list[EventDTO], period: ReportPeriod | None) -> ActivityDTO:
    """The activity as an interim report for `period` must show it: its status and result are today's, so an
    activity planned after the period (or carried out only later) is not "done" in a report about the past, and a
    result written at the end is not yet there. Cancelled activities stay cancelled."""
    if period is None or activity.status is ActivityStatus.CANCELLED:
        return activity
    end = period.date_to
    started = any(e.starts_at.date() <= end for e in events) or (
        activity.planned_start is not None and activity.planned_start <= end
    )
    if not started:
        return replace(activity, status=ActivityStatus.PLANNED, result="")
    later = any(e.starts_at.date() > end for e in events) or (
        activity.planned_end is not None and activity.planned_end > end
    )
    if activity.status is ActivityStatus.DONE and later:
        return replace(activity, status=ActivityStatus.IN_PROGRESS, result="")
    return activity


def _activities(
    session: Session,
    project: ProjectDetail,
    events: list[EventDTO],
    every_event: list[EventDTO],
    period: ReportPeriod | None,
) -> tuple[ActivityReport, ...]:
    """Every planned activity (planned vs done), each with its events in the period; then events on none. An
    interim report shows each activity as it stood at the period's end (see `as_of`)."""
    out = []
    for activity in activity_service.list_activities(session, project.id):
        own = tuple(e for e in events if e.activity_id == activity.id)
        shown = as_of(activity, [e for e in every_event if e.activity_id == activity.id], period)
        out.append(ActivityReport(replace(shown, event_count=len(own)), own))
    loose = tuple(e for e in events if e.activity_id is None)
    if loose:
        out.append(ActivityReport(None, loose))
    return tuple(out)
