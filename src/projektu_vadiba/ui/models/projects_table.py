"""The project list: one row per ProjectSummary from core.services.projects.list_projects."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from projektu_vadiba.core.dto import ProjectSummary
from projektu_vadiba.core.models.enums import ProjectStatus
from projektu_vadiba.ui.formatting import format_period
from projektu_vadiba.ui.labels import project_status_label
from projektu_vadiba.ui.models.rows_table import Column, RowsTableModel, natural_key

_STATUS_ORDER = {status: i for i, status in enumerate(ProjectStatus)}


class ProjectColumn(IntEnum):
    NUMBER = 0
    TITLE = 1
    FUNDER = 2
    STATUS = 3
    PERIOD = 4


def project_columns() -> list[Column[ProjectSummary]]:
    columns = {
        ProjectColumn.NUMBER: Column[ProjectSummary](
            QCoreApplication.translate("ProjectsTableModel", "Numurs"),
            lambda p: p.number,
            sort_key=lambda p: natural_key(p.number),
        ),
        ProjectColumn.TITLE: Column[ProjectSummary](
            QCoreApplication.translate("ProjectsTableModel", "Nosaukums"), lambda p: p.title, tooltip=True
        ),
        ProjectColumn.FUNDER: Column[ProjectSummary](
            QCoreApplication.translate("ProjectsTableModel", "Finansētājs"), lambda p: p.funder_name, tooltip=True
        ),
        ProjectColumn.STATUS: Column[ProjectSummary](
            QCoreApplication.translate("ProjectsTableModel", "Statuss"),
            lambda p: project_status_label(p.status),
            sort_key=lambda p: _STATUS_ORDER[p.status],
        ),
        ProjectColumn.PERIOD: Column[ProjectSummary](
            QCoreApplication.translate("ProjectsTableModel", "Periods"),
            lambda p: format_period(p.start_date, p.end_date),
            sort_key=lambda p: (p.start_date, p.end_date),
        ),
    }
    return [columns[c] for c in ProjectColumn]


class ProjectsTableModel(RowsTableModel[ProjectSummary]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(project_columns(), parent)

    def row_of(self, project_id: int) -> int | None:
        return next((i for i, p in enumerate(self.rows) if p.id == project_id), None)
