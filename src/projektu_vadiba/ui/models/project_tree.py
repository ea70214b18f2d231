"""The navigation tree: the organisation's projects grouped by status, each with its sections.

Notiekošie (2)
  Ceļa karte kopienām            <- a project (its number shown under the title)
    Pārskats, Aktivitātes, Pasākumi, Dalībnieki, Rādītāji, Budžets, Pārskati
Plānotie (1)
Noslēgtie (1)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from projektu_vadiba.core.dto import ProjectSummary
from projektu_vadiba.core.models.enums import ProjectStatus
from projektu_vadiba.core.text import fold, lv_sort_key
from projektu_vadiba.ui.formatting import format_period
from projektu_vadiba.ui.labels import project_group_label
from projektu_vadiba.ui.models.rows_table import SEARCH_ROLE

KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 10  # "group", "project" or "section"
PROJECT_ROLE = int(Qt.ItemDataRole.UserRole) + 11
SECTION_ROLE = int(Qt.ItemDataRole.UserRole) + 12
NUMBER_ROLE = int(Qt.ItemDataRole.UserRole) + 13
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 14

GROUP_ORDER = (ProjectStatus.RUNNING, ProjectStatus.PLANNED, ProjectStatus.CLOSED)
SECTIONS = ("overview", "activities", "events", "participants", "indicators", "budget", "reports")


def section_label(key: str) -> str:
    labels = {
        "overview": QCoreApplication.translate("sections", "Pārskats"),
        "activities": QCoreApplication.translate("sections", "Aktivitātes"),
        "events": QCoreApplication.translate("sections", "Pasākumi"),
        "participants": QCoreApplication.translate("sections", "Dalībnieki"),
        "indicators": QCoreApplication.translate("sections", "Rādītāji"),
        "budget": QCoreApplication.translate("sections", "Budžets"),
        "reports": QCoreApplication.translate("sections", "Atskaites un termiņi"),
    }
    return labels.get(key, key)


class ProjectTreeModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._projects: dict[int, QStandardItem] = {}
        self._hidden: Callable[[int], frozenset[str]] = lambda _pid: frozenset()

    def set_projects(
        self, projects: Sequence[ProjectSummary], hidden: Callable[[int], frozenset[str]] | None = None
    ) -> None:
        """`hidden(project id)`: sections the user is not shown (team mode: the money for staff)."""
        self._hidden = hidden or (lambda _pid: frozenset())
        self.clear()
        self._projects.clear()
        root = self.invisibleRootItem()
        sections = self._section_items()
        for status in GROUP_ORDER:
            members = sorted((p for p in projects if p.status is status), key=lambda p: lv_sort_key(p.title))
            group = QStandardItem(f"{project_group_label(status)} ({len(members)})")
            group.setData("group", KIND_ROLE)
            group.setData(status.value, STATUS_ROLE)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            group.appendRows([self._project_item(p, sections) for p in members])
            root.appendRow(group)

    @staticmethod
    def _section_items() -> dict[str, QStandardItem]:
        """One item per section, cloned for each project: every project's seven rows are the same but for the id
        (the first window makes ~150 of them)."""
        items: dict[str, QStandardItem] = {}
        for key in SECTIONS:
            section = items[key] = QStandardItem(section_label(key))
            section.setData("section", KIND_ROLE)
            section.setData(key, SECTION_ROLE)
            section.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
            )
        return items

    def _project_item(self, p: ProjectSummary, sections: dict[str, QStandardItem]) -> QStandardItem:
        item = QStandardItem(p.title)
        item.setData("project", KIND_ROLE)
        item.setData(p.id, PROJECT_ROLE)
        item.setData(p.number, NUMBER_ROLE)
        item.setData(p.status.value, STATUS_ROLE)
        period = format_period(p.start_date, p.end_date)
        item.setData(fold(f"{p.number} {p.title} {p.funder_name} {period}"), SEARCH_ROLE)
        item.setToolTip(f"{p.number}\n{p.title}\n{p.funder_name}\n{period}")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        hidden = self._hidden(p.id)
        rows = [sections[k].clone() for k in SECTIONS if k not in hidden]
        for section in rows:
            section.setData(p.id, PROJECT_ROLE)
        item.appendRows(rows)
        self._projects[p.id] = item
        return item

    def project_index(self, project_id: int) -> QModelIndex:
        item = self._projects.get(project_id)
        return item.index() if item is not None else QModelIndex()

    def section_index(self, project_id: int, key: str) -> QModelIndex:
        item = self._projects.get(project_id)
        if item is None:
            return QModelIndex()
        for row in range(item.rowCount()):
            if item.child(row).data(SECTION_ROLE) == key:
                return item.child(row).index()
        return item.index()  # an unknown or hidden section: the project itself

    def group_index(self, status: ProjectStatus) -> QModelIndex:
        return self.index(GROUP_ORDER.index(status), 0)
