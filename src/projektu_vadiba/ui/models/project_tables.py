"""Tables of a project's sections: activities, events (paged: there may be thousands), indicators."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from projektu_vadiba.core.dto import ActivityDTO, EventDTO, IndicatorDTO
from projektu_vadiba.ui.formatting import format_datetime, format_number, format_percent, format_period
from projektu_vadiba.ui.labels import activity_status_label, event_type_label, indicator_method_label
from projektu_vadiba.ui.models.paged_table import PagedRowsModel
from projektu_vadiba.ui.models.rows_table import RIGHT, Column, RowsTableModel, natural_key


def event_place(e: EventDTO) -> str:
    if e.online and not e.place:
        return QCoreApplication.translate("ProjectTables", "Tiešsaistē")
    return ", ".join(part for part in (e.place, e.municipality) if part)


class EventColumn(IntEnum):
    DATE = 0
    TITLE = 1
    TYPE = 2
    ACTIVITY = 3
    PLACE = 4
    REGISTERED = 5
    ATTENDED = 6


class IndicatorColumn(IntEnum):
    CODE = 0
    NAME = 1
    METHOD = 2
    PLANNED = 3
    ACHIEVED = 4
    PROGRESS = 5


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


def events_model(parent: QObject | None = None) -> PagedRowsModel[EventDTO]:
    columns = {
        EventColumn.DATE: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Datums"),
            lambda e: format_datetime(e.starts_at),
            lambda e: e.starts_at,
        ),
        EventColumn.TITLE: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Pasākums"), lambda e: e.title, tooltip=True
        ),
        EventColumn.TYPE: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Veids"), lambda e: event_type_label(e.type)
        ),
        EventColumn.ACTIVITY: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Aktivitāte"),
            lambda e: e.activity_code or "",
            lambda e: natural_key(e.activity_code or ""),
        ),
        EventColumn.PLACE: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Vieta"), event_place, tooltip=True
        ),
        EventColumn.REGISTERED: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Reģistrēti"),
            lambda e: str(e.registered),
            lambda e: e.registered,
            RIGHT,
        ),
        EventColumn.ATTENDED: Column[EventDTO](
            QCoreApplication.translate("ProjectTables", "Piedalījās"),
            lambda e: str(e.attended),
            lambda e: e.attended,
            RIGHT,
        ),
    }
    return PagedRowsModel[EventDTO]([columns[c] for c in EventColumn], parent)


def indicators_model(parent: QObject | None = None) -> RowsTableModel[IndicatorDTO]:
    columns = {
        IndicatorColumn.CODE: Column[IndicatorDTO](
            QCoreApplication.translate("ProjectTables", "Kods"), lambda i: i.code, lambda i: natural_key(i.code)
        ),
        IndicatorColumn.NAME: Column[IndicatorDTO](
            QCoreApplication.translate("ProjectTables", "Rādītājs"), lambda i: i.name, tooltip=True
        ),
        IndicatorColumn.METHOD: Column[IndicatorDTO](
            QCoreApplication.translate("ProjectTables", "Sasniegto nosaka"), lambda i: indicator_method_label(i.method)
        ),
        IndicatorColumn.PLANNED: Column[IndicatorDTO](
            QCoreApplication.translate("ProjectTables", "Plānots"),
            lambda i: _with_unit(i.planned_value, i.unit),
            lambda i: i.planned_value,
            RIGHT,
        ),
        IndicatorColumn.ACHIEVED: Column[IndicatorDTO](
            QCoreApplication.translate("ProjectTables", "Sasniegts"),
            lambda i: _with_unit(i.achieved_value, i.unit),
            lambda i: i.achieved_value,
            RIGHT,
        ),
        IndicatorColumn.PROGRESS: Column[IndicatorDTO](
            QCoreApplication.translate("ProjectTables", "Izpilde"),
            lambda i: format_percent(i.progress),
            lambda i: i.progress,
            RIGHT,
        ),
    }
    return RowsTableModel[IndicatorDTO]([columns[c] for c in IndicatorColumn], parent)


def _with_unit(value: object, unit: str) -> str:
    text = format_number(value)  # type: ignore[arg-type]
    return f"{text} {unit}" if unit else text
