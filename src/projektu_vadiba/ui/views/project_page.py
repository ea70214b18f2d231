"""One open project: its number, title and status over the section being shown (Overview, Activities, Events,
Participants, Indicators, Budget, Reports), with the project's own actions (edit, delete, attendance sheet)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.models.enums import ProjectStatus
from projektu_vadiba.core.services.projects import get_project
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.entities import PROJECT
from projektu_vadiba.ui.labels import project_status_label
from projektu_vadiba.ui.models.project_tree import SECTIONS
from projektu_vadiba.ui.operations import delete_record
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.views.activities import ActivitiesSection
from projektu_vadiba.ui.views.budget import BudgetSection
from projektu_vadiba.ui.views.events import EventsSection
from projektu_vadiba.ui.views.indicators import IndicatorsSection
from projektu_vadiba.ui.views.overview import OverviewSection
from projektu_vadiba.ui.views.participants import ParticipantsSection
from projektu_vadiba.ui.views.reports import ReportsSection
from projektu_vadiba.ui.views.section import Section
from projektu_vadiba.ui.widgets.cards import scaled_font, text_label
from projektu_vadiba.ui.workspace import Workspace

STATUS_COLOURS = {
    ProjectStatus.PLANNED: ("#e8f0fe", "#174ea6"),
    ProjectStatus.RUNNING: ("#e6f4ea", "#0d652d"),
    ProjectStatus.CLOSED: ("#f1f3f4", "#3c4043"),
}


class ProjectPage(QWidget):
    sectionChanged = Signal(str)
    projectDeleted = Signal(int)

    def __init__(self, ws: Workspace, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.project: ProjectDetail | None = None

        self.number_label = text_label("", self, wrap=False)
        self.number_label.setStyleSheet("color: palette(dark);")
        self.status_label = QLabel(self)
        self.title_label = text_label("", self)
        self.title_label.setFont(scaled_font(self, 1.45, bold=True))
        self.edit_button = QPushButton(self.tr("Labot projektu…"), self)
        self.delete_button = QPushButton(self.tr("Dzēst projektu…"), self)
        self.sheet_button = QPushButton(self.tr("Reģistrācijas lapa…"), self)
        for button in (self.edit_button, self.delete_button, self.sheet_button):
            button.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_project)
        self.delete_button.clicked.connect(self.delete_project)
        self.sheet_button.clicked.connect(self._sheet)

        self.overview = OverviewSection(ws, self)
        self.activities = ActivitiesSection(ws, self)
        self.events = EventsSection(ws, settings, self)
        self.participants = ParticipantsSection(ws, self)
        self.indicators = IndicatorsSection(ws, self)
        self.budget = BudgetSection(ws, self)
        self.reports = ReportsSection(ws, self)
        self.sections: dict[str, Section] = {
            s.key: s
            for s in (
                self.overview,
                self.activities,
                self.events,
                self.participants,
                self.indicators,
                self.budget,
                self.reports,
            )
        }
        assert tuple(self.sections) == SECTIONS
        self.stack = QStackedWidget(self)
        # Each section scrolls when the window is smaller than its content (a 1366×768 laptop): nothing is cut off.
        self.pages: dict[str, QScrollArea] = {}
        for key, section in self.sections.items():
            self.pages[key] = scrolling(section, self.stack)
            self.stack.addWidget(self.pages[key])
        self.overview.openSection.connect(self.show_section)
        self.overview.openEvent.connect(self.open_event)
        self.activities.openEvent.connect(self.open_event)

        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.status_label)
        top.addStretch(1)
        top.addWidget(self.sheet_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        layout.addSpacing(4)
        layout.addWidget(self.stack, 1)
        ws.dataChanged.connect(self._data_changed)

    # ---- showing -----------------------------------------------------------------------------------------

    def show_project(self, project_id: int, section: str | None = None) -> None:
        """Read the project (NotFoundError if it is gone) and hand it to every section; only the one on screen
        (`section`, if given, is put there first) reads its data now, the others when they are shown."""
        project = self.ws.read(lambda s: get_project(s, project_id))
        self.project = project
        self._fill(project)
        if section in self.ws.hidden_sections(project_id):
            section = "overview"
        elif section is None and self.current_section() in self.ws.hidden_sections(project_id):
            section = "overview"  # the previous project's budget is open; this one's is not for this user
        if section is not None:
            self.stack.setCurrentWidget(self.pages.get(section, self.pages["overview"]))
        for each in self.sections.values():
            each.set_project(project_id)

    def current_section(self) -> str:
        widget = self.stack.currentWidget()
        section = widget.widget() if isinstance(widget, QScrollArea) else widget
        return section.key if isinstance(section, Section) else "overview"

    def show_section(self, key: str) -> None:
        if self.project is not None and key in self.ws.hidden_sections(self.project.id):
            key = "overview"
        section = self.sections.get(key, self.overview)
        if section is self.events and self.current_section() == "events":
            self.events.set_mode(self.events.mode_key, remember=False)  # back from an event's page to the list
        self.stack.setCurrentWidget(self.pages[section.key])
        self.sectionChanged.emit(section.key)

    def open_event(self, event_id: int) -> None:
        self.show_section("events")
        self.events.open_event(event_id)

    def _fill(self, p: ProjectDetail) -> None:
        self.number_label.setText(self.tr("Nr. %1").replace("%1", p.number))
        background, colour = STATUS_COLOURS.get(p.status, ("#f1f3f4", "#3c4043"))
        self.status_label.setText(project_status_label(p.status))
        self.status_label.setStyleSheet(
            f"QLabel {{ background: {background}; color: {colour}; border-radius: 8px; padding: 1px 8px; }}"
        )
        self.title_label.setText(p.title)
        self.sheet_button.setVisible(hooks.sheet_action is not None)
        # Team mode: what the database would refuse is not offered (a project is deleted by an administrator).
        self.edit_button.setVisible(self.ws.access.manages(p.id))
        self.delete_button.setVisible(self.ws.access.is_admin)

    def _data_changed(self) -> None:
        if self.project is None:
            return
        pid = self.project.id
        try:
            self.project = self.ws.read(lambda s: get_project(s, pid))
        except NotFoundError:  # gone: the main window notices and shows the start page
            return
        self._fill(self.project)

    # ---- actions -----------------------------------------------------------------------------------------

    def edit_project(self) -> None:
        if self.project is not None:
            from projektu_vadiba.ui.dialogs.project_form import ProjectForm  # loaded when first asked for

            ProjectForm(self.ws, self.project, self).exec()

    def delete_project(self) -> None:
        p = self.project
        if p is None:
            return
        what = self.tr("projektu %1 “%2”").replace("%1", p.number).replace("%2", p.title)
        if delete_record(self, self.ws, PROJECT, p.id, what):
            self.project = None
            self.projectDeleted.emit(p.id)

    def _sheet(self) -> None:
        if self.project is not None and hooks.sheet_action is not None:
            hooks.sheet_action(self, self.ws.db, project_id=self.project.id)


def scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    """`widget` at the full size of the area, with scroll bars only when the area is smaller than its minimum."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
