"""What the workspace can create, edit and delete: for each kind of record, the service calls, the ids inside its
input that point at other records, what else goes when it is deleted, and its DTO turned back into an input
(the "old values" an undo restores)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import (
    CofinancingDTO,
    CofinancingInput,
    IndicatorDTO,
    IndicatorInput,
    PartnerDTO,
    PartnerInput,
)
from projektu_vadiba.core.models import Activity
from projektu_vadiba.core.models.enums import (
    DeadlineKind,
    IndicatorMethod,
)
from projektu_vadiba.core.services import activities, deadlines, indicators, own_organisation, projects
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.ui.plural import count


@dataclass(frozen=True)
class DeadlineInput:
    kind: DeadlineKind
    due_date: date
    period_start: date | None = None
    period_end: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Entity:
    key: str
    create: Callable[[Session, int, Any], Any]  # (session, parent id, input) -> DTO
    update: Callable[[Session, int, Any], Any]  # (session, id, input) -> DTO
    delete: Callable[[Session, int], object]
    impact: Callable[[Session, int], list[str]] = lambda _s, _id: []  # what else goes, as text lines
    refs: tuple[tuple[str, str], ...] = ()  # (input field, entity key) of ids the input holds
    parent: str | None = "project"


def project_impact(session: Session, project_id: int) -> list[str]:
    i = projects.deletion_impact(session, project_id)
    counts = [
        (
            i.activities,
            QCoreApplication.translate("Entities", "aktivitāte"),
            QCoreApplication.translate("Entities", "aktivitātes"),
            QCoreApplication.translate("Entities", "aktivitāšu"),
        ),
        (
            i.events,
            QCoreApplication.translate("Entities", "pasākums"),
            QCoreApplication.translate("Entities", "pasākumi"),
            QCoreApplication.translate("Entities", "pasākumu"),
        ),
        (
            i.attendances,
            QCoreApplication.translate("Entities", "dalības ieraksts"),
            QCoreApplication.translate("Entities", "dalības ieraksti"),
            QCoreApplication.translate("Entities", "dalības ierakstu"),
        ),
        (
            i.indicators,
            QCoreApplication.translate("Entities", "rādītājs"),
            QCoreApplication.translate("Entities", "rādītāji"),
            QCoreApplication.translate("Entities", "rādītāju"),
        ),
        (
            i.budget_lines,
            QCoreApplication.translate("Entities", "budžeta pozīcija"),
            QCoreApplication.translate("Entities", "budžeta pozīcijas"),
            QCoreApplication.translate("Entities", "budžeta pozīciju"),
        ),
        (
            i.expenses,
            QCoreApplication.translate("Entities", "izdevumu ieraksts"),
            QCoreApplication.translate("Entities", "izdevumu ieraksti"),
            QCoreApplication.translate("Entities", "izdevumu ierakstu"),
        ),
        (
            i.payments,
            QCoreApplication.translate("Entities", "maksājums"),
            QCoreApplication.translate("Entities", "maksājumi"),
            QCoreApplication.translate("Entities", "maksājumu"),
        ),
    ]
    return [count(n, *forms) for n, *forms in counts if n]


def activity_impact(session: Session, activity_id: int) -> list[str]:
    project_id = activities_project(session, activity_id)
    events = [e for e in activities.list_events(session, project_id) if e.activity_id == activity_id]
    attendance = sum(e.registered for e in events)
    lines = (
        [
            count(
                len(events),
                QCoreApplication.translate("Entities", "pasākums"),
                QCoreApplication.translate("Entities", "pasākumi"),
                QCoreApplication.translate("Entities", "pasākumu"),
            )
        ]
        if events
        else []
    )
    if attendance:
        lines.append(
            count(
                attendance,
                QCoreApplication.translate("Entities", "dalības ieraksts"),
                QCoreApplication.translate("Entities", "dalības ieraksti"),
                QCoreApplication.translate("Entities", "dalības ierakstu"),
            )
        )
    return lines


def activities_project(session: Session, activity_id: int) -> int:
    return get_or_404(session, Activity, activity_id, "Aktivitāte").project_id


def event_impact(session: Session, event_id: int) -> list[str]:
    registered = activities.get_event(session, event_id).registered
    return (
        [
            count(
                registered,
                QCoreApplication.translate("Entities", "dalības ieraksts"),
                QCoreApplication.translate("Entities", "dalības ieraksti"),
                QCoreApplication.translate("Entities", "dalības ierakstu"),
            )
        ]
        if registered
        else []
    )


PROJECT = Entity(
    "project",
    create=lambda s, _parent, data: projects.create_project(s, data),
    update=projects.update_project,
    delete=projects.delete_project,
    impact=project_impact,
    parent=None,
)
ACTIVITY = Entity(
    "activity",
    create=activities.create_activity,
    update=activities.update_activity,
    delete=activities.delete_activity,
    impact=activity_impact,
)
EVENT = Entity(
    "event",
    create=activities.create_event,
    update=activities.update_event,
    delete=activities.delete_event,
    impact=event_impact,
    refs=(("activity_id", "activity"),),
)
INDICATOR = Entity(
    "indicator",
    create=indicators.create_indicator,
    update=indicators.update_indicator,
    delete=indicators.delete_indicator,
    refs=(("activity_id", "activity"),),
)
PARTNER = Entity(
    "partner",
    create=lambda s, pid, d: projects.add_partner(s, pid, d.organisation_name, d.kind, d.role, d.description),
    update=lambda s, id_, d: projects.update_partner(
        s, id_, d.organisation_name, d.kind, d.role, d.description, version=d.version
    ),
    delete=projects.remove_partner,
)
COFINANCING = Entity(
    "cofinancing",
    create=lambda s, pid, d: projects.add_cofinancing(s, pid, d.source, d.amount, d.organisation_name, d.note),
    update=lambda s, id_, d: projects.update_cofinancing(
        s, id_, d.source, d.amount, d.organisation_name, d.note, version=d.version
    ),
    delete=projects.remove_cofinancing,
)

DEADLINE = Entity(
    "deadline",
    create=lambda s, pid, d: projects.add_deadline(s, pid, d.kind, d.due_date, d.period_start, d.period_end, d.note),
    update=lambda s, id_, d: projects.mark_deadline_submitted(s, id_, d),  # the only edit: SubmissionInput
    delete=deadlines.delete_deadline,
)

OWN_ORGANISATION = Entity(  # one row: its edit saves over the version the form was loaded with
    "own_organisation",
    create=lambda s, _parent, d: own_organisation.save_own(s, d),
    update=lambda s, _id, d: own_organisation.save_own(s, d),
    delete=lambda s, _id: own_organisation.forget_own(s),
    parent=None,
)


# ---- DTO -> input: the values an edit starts from and an undo restores ---------------------------------------


def indicator_input(i: IndicatorDTO) -> IndicatorInput:
    manual = i.achieved_value if i.method is IndicatorMethod.MANUAL else None
    return IndicatorInput(
        code=i.code,
        name=i.name,
        planned_value=i.planned_value,
        unit=i.unit,
        method=i.method,
        method_param=i.method_param,
        achieved_manual=manual,
        activity_id=i.activity_id,
        comment=i.comment,
        version=i.version,
    )


def partner_input(p: PartnerDTO) -> PartnerInput:
    return projects.partner_input(p)


def cofinancing_input(c: CofinancingDTO) -> CofinancingInput:
    return projects.cofinancing_input(c)
