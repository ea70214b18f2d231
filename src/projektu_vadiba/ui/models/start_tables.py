"""Lists of the start page, across all projects: report deadlines due soon and events coming up."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from projektu_vadiba.core.dto import EventDTO
from projektu_vadiba.core.services.deadlines import DueDeadline
from projektu_vadiba.ui.formatting import format_date, format_datetime
from projektu_vadiba.ui.labels import deadline_kind_label
from projektu_vadiba.ui.models.project_lists import OVERDUE, days_text
from projektu_vadiba.ui.models.project_tables import event_place
from projektu_vadiba.ui.models.rows_table import Column, RowsTableModel, natural_key


@dataclass(frozen=True)
class UpcomingEvent:
    event: EventDTO
    project_number: str

    @property
    def id(self) -> int:
        return self.event.id


def _event_text(u: UpcomingEvent) -> str:
    place = event_place(u.event)
    return f"{u.event.title} — {place}" if place else u.event.title


def due_soon_model(parent: QObject | None = None) -> RowsTableModel[DueDeadline]:
    model = RowsTableModel[DueDeadline](
        [
            Column(
                QCoreApplication.translate("StartTables", "Iesniegt līdz"),
                lambda d: format_date(d.deadline.due_date),
                lambda d: d.deadline.due_date,
            ),
            Column(
                QCoreApplication.translate("StartTables", "Atlicis"),
                lambda d: days_text(d.days_left),
                lambda d: d.days_left,
            ),
            Column(
                QCoreApplication.translate("StartTables", "Pārskats"), lambda d: deadline_kind_label(d.deadline.kind)
            ),
            Column(
                QCoreApplication.translate("StartTables", "Projekts"),
                lambda d: f"{d.project_number} {d.project_title}",
                tooltip=True,
            ),
        ],
        parent,
    )
    model.row_foreground = lambda d: OVERDUE if d.overdue else None
    return model


def upcoming_events_model(parent: QObject | None = None) -> RowsTableModel[UpcomingEvent]:
    return RowsTableModel[UpcomingEvent](
        [
            Column(
                QCoreApplication.translate("StartTables", "Laiks"),
                lambda u: format_datetime(u.event.starts_at),
                lambda u: u.event.starts_at,
            ),
            Column(QCoreApplication.translate("StartTables", "Pasākums"), _event_text, tooltip=True),
            Column(
                QCoreApplication.translate("StartTables", "Projekts"),
                lambda u: u.project_number,
                lambda u: natural_key(u.project_number),
            ),
        ],
        parent,
    )
