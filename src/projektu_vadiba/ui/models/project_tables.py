"""Read-only tables shown on a project's page: activities, events, indicators."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from projektu_vadiba.core.dto import ActivityDTO, EventDTO, IndicatorDTO
from projektu_vadiba.ui.formatting import format_datetime, format_number, format_percent, format_period
from projektu_vadiba.ui.labels import activity_status_label, event_type_label
from projektu_vadiba.ui.models.rows_table import RIGHT, Column, RowsTableModel, natural_key


def _place(e: EventDTO) -> str:
    if e.online and not e.place:
        return QCoreApplication.translate("ProjectTables", "Tiešsaistē")
    return ", ".join(part for part in (e.place, e.municipality) if part)


def _event_title(e: EventDTO) -> str:
    return f"{e.title} ({event_type_label(e.type).lower()})"


def activities_model(parent: QObject | None = None) -> RowsTableModel[ActivityDTO]:
    return RowsTableModel[ActivityDTO](
        [
            Column(
                QCoreApplication.translate("ProjectTables", "Kods"), lambda a: a.code, lambda a: natural_key(a.code)
            ),
            Column(QCoreApplication.translate("ProjectTables", "Aktivitāte"), lambda a: a.title, tooltip=True),
            Column(
                QCoreApplication.translate("ProjectTables", "Periods"),
                lambda a: format_period(a.planned_start, a.planned_end),
                lambda a: (a.planned_start is None, a.planned_start),
            ),
            Column(QCoreApplication.translate("ProjectTables", "Statuss"), lambda a: activity_status_label(a.status)),
            Column(
                QCoreApplication.translate("ProjectTables", "Pasākumi"),
                lambda a: str(a.event_count),
                lambda a: a.event_count,
                RIGHT,
            ),
        ],
        parent,
    )


def events_model(parent: QObject | None = None) -> RowsTableModel[EventDTO]:
    return RowsTableModel[EventDTO](
        [
            Column(
                QCoreApplication.translate("ProjectTables", "Datums"),
                lambda e: format_datetime(e.starts_at),
                lambda e: e.starts_at,
            ),
            Column(QCoreApplication.translate("ProjectTables", "Pasākums"), _event_title, tooltip=True),
            Column(QCoreApplication.translate("ProjectTables", "Vieta"), _place, tooltip=True),
            Column(
                QCoreApplication.translate("ProjectTables", "Reģistrēti"),
                lambda e: str(e.registered),
                lambda e: e.registered,
                RIGHT,
            ),
            Column(
                QCoreApplication.translate("ProjectTables", "Piedalījās"),
                lambda e: str(e.attended),
                lambda e: e.attended,
                RIGHT,
            ),
        ],
        parent,
    )


def indicators_model(parent: QObject | None = None) -> RowsTableModel[IndicatorDTO]:
    return RowsTableModel[IndicatorDTO](
        [
            Column(
                QCoreApplication.translate("ProjectTables", "Kods"), lambda i: i.code, lambda i: natural_key(i.code)
            ),
            Column(QCoreApplication.translate("ProjectTables", "Rādītājs"), lambda i: i.name, tooltip=True),
            Column(QCoreApplication.translate("ProjectTables", "Mērvienība"), lambda i: i.unit),
            Column(
                QCoreApplication.translate("ProjectTables", "Plānots"),
                lambda i: format_number(i.planned_value),
                lambda i: i.planned_value,
                RIGHT,
            ),
            Column(
                QCoreApplication.translate("ProjectTables", "Sasniegts"),
                lambda i: format_number(i.achieved_value),
                lambda i: i.achieved_value,
                RIGHT,
            ),
            Column(
                QCoreApplication.translate("ProjectTables", "Izpilde"),
                lambda i: format_percent(i.progress),
                lambda i: i.progress,
                RIGHT,
            ),
        ],
        parent,
    )
