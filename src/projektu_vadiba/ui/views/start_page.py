"""Sākums: what needs doing across all projects — report deadlines due soon (overdue first) and events coming
up — and every project in one table."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.activities import events_between
from projektu_vadiba.core.services.deadlines import due_soon, next_deadline
from projektu_vadiba.core.services.projects import list_projects
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.labels import deadline_kind_label
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.models.month import weekday_name
from projektu_vadiba.ui.models.rows_table import ID_ROLE
from projektu_vadiba.ui.models.start_tables import UpcomingEvent, due_soon_model, upcoming_events_model
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.settings import DUE_SOON_DAYS, Settings
from projektu_vadiba.ui.views.project_list import ProjectListPanel
from projektu_vadiba.ui.widgets.cards import Card, note, scaled_font, text_label
from projektu_vadiba.ui.widgets.table_view import make_sorted_view, set_column_width
from projektu_vadiba.ui.workspace import Workspace

UPCOMING_DAYS = 30


class StartPage(QWidget):
    openProject = Signal(int, str)  # project id, section key
    openEvent = Signal(int, int)  # project id, event id
    newProject = Signal()

    def __init__(self, ws: Workspace, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.settings = ws, settings
        self._stale = True
        self.title = text_label(self.tr("Sākums"), self, wrap=False)
        self.title.setFont(scaled_font(self, 1.45, bold=True))
        self.today_label = text_label("", self, wrap=False)
        self.today_label.setStyleSheet("color: palette(dark);")
        self.new_button = QPushButton(self.tr("Jauns projekts…"), self)
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.newProject)

        self.due_card = Card("", self)
        self.due_model = due_soon_model(self)
        self.due_view = make_sorted_view(self.due_model, stretch_column=3, parent=self.due_card)
        self.due_view.activated.connect(self._open_deadline)
        self.due_empty = note("", "muted", self.due_card)
        self.due_card.add(self.due_view, 1)
        self.due_card.add(self.due_empty)

        self.events_card = Card(self.tr("Pasākumi tuvākajās %1 dienās").replace("%1", str(UPCOMING_DAYS)), self)
        self.events_model = upcoming_events_model(self)
        self.events_view = make_sorted_view(self.events_model, stretch_column=1, parent=self.events_card)
        self.events_view.activated.connect(self._open_event)
        set_column_width(self.events_view, 2, self.fontMetrics().averageCharWidth() * 14)  # project number
        self.events_empty = note(self.tr("Tuvākajā mēnesī pasākumu nav."), "muted", self.events_card)
        self.events_card.add(self.events_view, 1)
        self.events_card.add(self.events_empty)

        self.projects_card = Card(self.tr("Visi projekti"), self)
        self.project_list = ProjectListPanel(ws.db, self.projects_card)
        inner = self.project_list.layout()
        if inner is not None:
            inner.setContentsMargins(0, 0, 0, 0)
        self.project_list.projectActivated.connect(lambda pid: self.openProject.emit(pid, "overview"))
        self.project_list.newProjectRequested.connect(self.newProject)
        self.project_list.demoRequested.connect(self.fill_demo)
        self.project_list.organisationRequested.connect(self.edit_organisation)
        self.projects_card.add(self.project_list, 1)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.today_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        row = QHBoxLayout()
        row.addWidget(self.due_card, 5)  # wide enough to say which project a deadline is for
        row.addWidget(self.events_card, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addLayout(row, 2)
        layout.addWidget(self.projects_card, 3)
        ws.dataChanged.connect(self._data_changed)

    def _data_changed(self) -> None:
        self._stale = True
        if self.isVisibleTo(self.window()):
            self.reload()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        days = max(1, self.settings.get(DUE_SOON_DAYS))
        now = clock.now()
        start = datetime.combine(now.date(), time.min)

        def query(s):  # type: ignore[no-untyped-def]
            window = events_between(s, start, start + timedelta(days=UPCOMING_DAYS + 1))
            coming = [e for e in window if e.ends_at >= now]
            numbers = {p.id: p.number for p in list_projects(s)} if coming else {}
            events = [UpcomingEvent(e, numbers.get(e.project_id, "")) for e in coming]
            due = due_soon(s, days)
            return due, None if due else next_deadline(s), events  # the next one is told only when none is due

        due, nearest, events = self.ws.read(query)
        today = clock.today()
        weekday = weekday_name(today.weekday())
        weekday = weekday.lower() if language() == "lv" else weekday  # "Šodien otrdiena" / "Today is Tuesday"
        self.today_label.setText(self.tr("Šodien %1, %2").replace("%1", weekday).replace("%2", format_date(today)))
        self.due_card.title_label.setText(self.tr("Pārskatu termiņi tuvākajās %1 dienās").replace("%1", str(days)))
        self.due_model.set_rows(due)
        self.due_view.setVisible(bool(due))
        self.due_empty.setVisible(not due)
        if not due:
            text = self.tr("Tuvāko %1 dienu laikā pārskatu termiņu nav.").replace("%1", str(days))
            if nearest is not None:
                text += " " + (
                    self.tr("Nākamais: %1 — %2, projekts %3.")
                    .replace("%1", format_date(nearest.deadline.due_date))
                    .replace("%2", deadline_kind_label(nearest.deadline.kind))
                    .replace("%3", nearest.project_number)
                )
            self.due_empty.setText(text)
        self.events_model.set_rows(events)
        self.events_view.setVisible(bool(events))
        self.events_empty.setVisible(not events)
        self.project_list.reload()

    def edit_organisation(self) -> None:
        from projektu_vadiba.ui.dialogs.organisation_form import edit_organisation

        edit_organisation(self.ws, self)

    def fill_demo(self) -> None:
        """The demo organisation, its dates around today, into an empty database (asked first: no undo)."""
        answer = QMessageBox.question(
            self,
            self.tr("Demonstrācijas dati"),
            self.tr(
                "Ielikt datubāzē demonstrācijas organizāciju? Tie ir trīs izdomāti projekti ar aktivitātēm, "
                "pasākumiem, ap 300 izdomātām personām, budžetu un izdevumiem; datumi ir ap šodienu.\n\n"
                "To nevarēs atsaukt ar Ctrl+Z, bet demonstrācijas projektus var izdzēst tāpat kā citus."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from projektu_vadiba.core.demo import fill_demo  # large: loaded only when asked for

        today = clock.today()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ws.execute_irreversibly(lambda s: fill_demo(s, around=today))
        except AppError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Demonstrācijas dati"), text_of(exc))
            return
        QApplication.restoreOverrideCursor()

    def _open_deadline(self) -> None:
        index = self.due_view.currentIndex()
        if index.isValid():
            deadline_id = int(index.siblingAtColumn(0).data(ID_ROLE))
            row = next(d for d in self.due_model.rows if d.id == deadline_id)
            self.openProject.emit(row.deadline.project_id, "reports")

    def _open_event(self) -> None:
        index = self.events_view.currentIndex()
        if index.isValid():
            event_id = int(index.siblingAtColumn(0).data(ID_ROLE))
            upcoming = next(u for u in self.events_model.rows if u.id == event_id)
            self.openEvent.emit(upcoming.event.project_id, event_id)
