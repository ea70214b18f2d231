"""Pasākumi: the project's events as a list (searchable, sortable, fetched in chunks) or as a month calendar,
and one event's page."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import ActivityDTO, EventDTO
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.services.activities import list_activities, list_events
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.entities import EVENT
from projektu_vadiba.ui.models.project_tables import EventColumn, events_model
from projektu_vadiba.ui.operations import delete_record
from projektu_vadiba.ui.settings import EVENTS_VIEW, Settings
from projektu_vadiba.ui.views.event_page import EventPage
from projektu_vadiba.ui.views.section import Section, selected_id
from projektu_vadiba.ui.widgets.cards import SectionHeading, note
from projektu_vadiba.ui.widgets.month_view import MonthView
from projektu_vadiba.ui.widgets.table_view import fit_column, make_table_view, set_column_width
from projektu_vadiba.ui.workspace import Workspace

LIST, CALENDAR = "list", "calendar"


class EventsSection(Section):
    key = "events"
    eventShown = Signal(int)  # an event's page was opened (0: back to the list)

    def __init__(self, ws: Workspace, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.settings = settings
        self._month_shown = False  # the calendar opens on the project's current month once per project
        self.events: list[EventDTO] = []
        self.activities: list[ActivityDTO] = []

        self.heading = SectionHeading(self.tr("Pasākumi"), self)
        self.list_button = QPushButton(self.tr("Saraksts"), self.heading)
        self.calendar_button = QPushButton(self.tr("Kalendārs"), self.heading)
        self.mode = QButtonGroup(self)
        for button in (self.list_button, self.calendar_button):
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.mode.addButton(button)
            self.heading.add_widget(button)
        self.heading.row.addSpacing(16)
        self.new_button = self.heading.add_button(self.tr("Jauns pasākums…"), "Ctrl+Shift+N")
        self.edit_button = self.heading.add_button(self.tr("Labot…"), "F2")
        self.delete_button = self.heading.add_button(self.tr("Dzēst…"), "Delete")
        self.sheet_button = self.heading.add_button(self.tr("Reģistrācijas lapa…"))
        self.new_button.clicked.connect(lambda: self.new_event())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.sheet_button.clicked.connect(self._sheet)
        self.list_button.clicked.connect(lambda: self.set_mode(LIST))
        self.calendar_button.clicked.connect(lambda: self.set_mode(CALENDAR))

        # The list
        self.list_page = QWidget(self)
        self.search = QLineEdit(self.list_page)
        self.search.setPlaceholderText(self.tr("Meklēt pasākumu (nosaukums, vieta, datums)…"))
        self.search.setClearButtonEnabled(True)
        self.model = events_model(self)
        self.search.textChanged.connect(self.model.set_search)
        self.view = make_table_view(
            self.model, stretch_column=EventColumn.TITLE, parent=self.list_page, fit_contents=False
        )
        widths = {EventColumn.TYPE: 15, EventColumn.ACTIVITY: 11, EventColumn.PLACE: 24,
                  EventColumn.REGISTERED: 11, EventColumn.ATTENDED: 11}  # fmt: skip
        em = self.fontMetrics().averageCharWidth()
        for column, chars in widths.items():
            set_column_width(self.view, column, em * chars)
        fit_column(self.view, EventColumn.DATE, "30.11.2026 10:00")  # digits are wider than the average letter
        self.view.activated.connect(self._open_selected)
        self.model.modelReset.connect(self._update_count)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.count_label = note("", "muted", self.list_page)
        self.empty = note(
            self.tr("Pasākumu vēl nav. Pievienojiet pirmo ar pogu “Jauns pasākums”."), "muted", self.list_page
        )
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.search)
        list_layout.addWidget(self.view, 1)
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.count_label)

        # The calendar and the event's page
        self.calendar = MonthView(self)
        self.calendar.eventActivated.connect(self.open_event)
        self.calendar.dayActivated.connect(self._new_on_day)
        self.page = EventPage(ws, self)
        self.page.back.connect(self.close_event)
        self.page.editRequested.connect(self.edit_event)
        self.page.deleteRequested.connect(self.delete_event)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.calendar)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)

        self.shortcut(self.tr("Jauns pasākums"), "Ctrl+Shift+N", lambda: self.new_event())
        self.shortcut(self.tr("Labot pasākumu"), "F2", self.edit_selected, self.view)
        self.shortcut(self.tr("Dzēst pasākumu"), QKeySequence.StandardKey.Delete, self.delete_selected, self.view)
        self.shortcut(self.tr("Atpakaļ uz sarakstu"), "Alt+Left", self.close_event, self.page)
        self._mode = self.settings.get(EVENTS_VIEW) if self.settings.get(EVENTS_VIEW) in (LIST, CALENDAR) else LIST
        self.set_mode(self._mode, remember=False)

    # ---- modes ---------------------------------------------------------------------------------------------

    @property
    def mode_key(self) -> str:
        return self._mode

    def set_mode(self, mode: str, *, remember: bool = True) -> None:
        self._mode = mode
        (self.list_button if mode == LIST else self.calendar_button).setChecked(True)
        self.stack.setCurrentWidget(self.list_page if mode == LIST else self.calendar)
        self.heading.show()
        if remember:
            self.settings.set(EVENTS_VIEW, mode)
        self._update_buttons()

    def project_changed(self) -> None:
        self.search.clear()
        self.page.current_event = None
        if self.stack.currentWidget() is self.page:
            self.set_mode(self._mode, remember=False)
        self._month_shown = False

    # ---- data ----------------------------------------------------------------------------------------------

    def reload(self) -> None:
        assert self.project_id is not None
        pid = self.project_id
        current = self.current_id()

        def query(s):  # type: ignore[no-untyped-def]
            return list_events(s, pid), list_activities(s, pid)

        self.events, self.activities = self.ws.read(query)
        self.model.set_rows(self.events)
        self.calendar.set_events(self.events)
        if not self._month_shown:
            self._month_shown = True
            self.calendar.show_day(self._month_to_show())
        n = len(self.events)
        self.heading.title_label.setText(self.tr("Pasākumi") + (f" ({n})" if n else ""))
        self.empty.setVisible(n == 0)
        self.view.setVisible(n > 0)
        self.count_label.setVisible(n > 0)
        self._update_count()
        if current is not None:
            self.select(current)
        if self.stack.currentWidget() is self.page and not self.page.reload():
            self.close_event()
        self._update_buttons()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Rādīti %1 no %2.")
            .replace("%1", str(self.model.match_count))
            .replace("%2", str(self.model.total_count))
        )

    def _month_to_show(self) -> date:
        """Today's month while the project runs; otherwise the month of its nearest event."""
        today = clock.today()
        if not self.events:
            return today
        upcoming = [e for e in self.events if e.ends_at.date() >= today]
        if not upcoming:
            return self.events[-1].starts_at.date()
        first = upcoming[0].starts_at.date()
        return today if (first - today).days < 45 else first

    def current_id(self) -> int | None:
        if self.stack.currentWidget() is self.page and self.page.current_event is not None:
            return self.page.current_event.id
        return selected_id(self.view)

    def current(self) -> EventDTO | None:
        eid = self.current_id()
        return next((e for e in self.events if e.id == eid), None)

    def select(self, event_id: int) -> bool:
        row = next((i for i, e in enumerate(self.model.rows) if e.id == event_id), None)
        if row is None:
            return False
        self.model.ensure_fetched(row)
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        on_list = self.stack.currentWidget() is self.list_page
        has = self.current() is not None and on_list
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.sheet_button.setEnabled(has)
        self.sheet_button.setVisible(hooks.sheet_action is not None)
        for button in (self.edit_button, self.delete_button, self.sheet_button):
            button.setVisible(on_list and (button is not self.sheet_button or hooks.sheet_action is not None))

    # ---- the event's page ------------------------------------------------------------------------------

    def open_event(self, event_id: int) -> None:
        try:
            self.page.show_event(event_id)
        except NotFoundError:
            self.ws.dataChanged.emit()
            return
        self.stack.setCurrentWidget(self.page)
        self.heading.hide()
        self.page.back_button.setFocus()
        self.eventShown.emit(event_id)

    def close_event(self) -> None:
        shown = self.page.current_event.id if self.page.current_event else None
        self.set_mode(self._mode, remember=False)
        if shown is not None and self._mode == LIST:
            self.select(shown)
            self.view.setFocus()
        self.eventShown.emit(0)

    def _open_selected(self) -> None:
        eid = selected_id(self.view)
        if eid is not None:
            self.open_event(eid)

    # ---- actions -------------------------------------------------------------------------------------------

    def new_event(self, starts_at: datetime | None = None) -> None:
        if self.project_id is None:
            return
        form = EventForm(self.ws, self.project_id, self.activities, parent=self, starts_at=starts_at)
        if form.exec() and form.result_value is not None:
            self.select(form.result_value.id)
            self.calendar.show_day(form.result_value.starts_at.date())

    def _new_on_day(self, day: date) -> None:
        self.new_event(datetime(day.year, day.month, day.day, 10, 0))

    def edit_selected(self) -> None:
        eid = self.current_id()
        if eid is not None:
            self.edit_event(eid)

    def edit_event(self, event_id: int) -> None:
        event = next((e for e in self.events if e.id == event_id), None)
        if event is not None and self.project_id is not None:
            EventForm(self.ws, self.project_id, self.activities, event, parent=self).exec()

    def delete_selected(self) -> None:
        eid = self.current_id()
        if eid is not None:
            self.delete_event(eid)

    def delete_event(self, event_id: int) -> None:
        event = next((e for e in self.events if e.id == event_id), None)
        if event is None:
            return
        what = self.tr("pasākumu “%1”").replace("%1", event.title)
        if delete_record(self, self.ws, EVENT, event.id, what) and self.stack.currentWidget() is self.page:
            self.close_event()

    def _sheet(self) -> None:
        eid = self.current_id()
        if eid is not None and hooks.sheet_action is not None:
            hooks.sheet_action(self, self.ws.db, event_id=eid)
