"""Aktivitātes: the project's planned activities; the selected one's description, result and events below."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget

from projektu_vadiba.core.dto import ActivityDTO, EventDTO
from projektu_vadiba.core.services.activities import list_activities, list_events
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.dialogs.activity_form import ActivityForm
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.entities import ACTIVITY
from projektu_vadiba.ui.formatting import format_period
from projektu_vadiba.ui.labels import activity_status_label
from projektu_vadiba.ui.models.project_tables import EventColumn, activities_model, events_model
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.models.rows_table import ID_ROLE
from projektu_vadiba.ui.operations import delete_record
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.views.section import Section, select_id, selected_id
from projektu_vadiba.ui.widgets.cards import Card, SectionHeading, note, text_label
from projektu_vadiba.ui.widgets.table_view import make_table_view
from projektu_vadiba.ui.workspace import Workspace


class ActivitiesSection(Section):
    key = "activities"
    openEvent = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.activities: list[ActivityDTO] = []
        self.events: list[EventDTO] = []
        self.heading = SectionHeading(self.tr("Aktivitātes"), self)
        self.new_button = self.heading.add_button(self.tr("Jauna aktivitāte…"), "Ctrl+Shift+N")
        self.edit_button = self.heading.add_button(self.tr("Labot…"), "F2")
        self.delete_button = self.heading.add_button(self.tr("Dzēst…"), "Delete")
        self.sheet_button = self.heading.add_button(self.tr("Reģistrācijas lapa…"))
        self.new_button.clicked.connect(self.new_activity)
        self.edit_button.clicked.connect(self.edit_activity)
        self.delete_button.clicked.connect(self.delete_activity)
        self.sheet_button.clicked.connect(self._sheet)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Meklēt aktivitāti…"))
        self.search.setClearButtonEnabled(True)
        self.model = activities_model(self)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.view = make_table_view(self.proxy, stretch_column=1, parent=self)
        self.view.activated.connect(self.edit_activity)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)
        self.empty = note(
            self.tr("Aktivitāšu vēl nav. Pievienojiet tās, kā tās aprakstītas projekta pieteikumā."), "muted", self
        )

        self.detail = Card(self.tr("Izvēlētā aktivitāte"), self)
        self.detail_text = text_label("", self.detail)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.new_event_button = self.detail.add_button(QPushButton(self.tr("Jauns pasākums šai aktivitātei…")))
        self.new_event_button.clicked.connect(self.new_event)
        self.events_model = events_model(self)
        self.events_view = make_table_view(self.events_model, stretch_column=EventColumn.TITLE, parent=self.detail)
        for column in (EventColumn.ACTIVITY, EventColumn.TYPE):
            self.events_view.hideColumn(column)
        self.events_view.activated.connect(self._open_event)
        self.detail.add(self.detail_text)
        self.detail.add(self.events_view, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.empty)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)

        self.shortcut(self.tr("Jauna aktivitāte"), "Ctrl+Shift+N", self.new_activity)
        self.shortcut(self.tr("Labot aktivitāti"), "F2", self.edit_activity, self.view)
        self.shortcut(self.tr("Dzēst aktivitāti"), QKeySequence.StandardKey.Delete, self.delete_activity, self.view)

    def project_changed(self) -> None:
        self.search.clear()

    def reload(self) -> None:
        assert self.project_id is not None
        pid = self.project_id
        current = selected_id(self.view)

        def query(s):  # type: ignore[no-untyped-def]
            return list_activities(s, pid), list_events(s, pid)

        self.activities, self.events = self.ws.read(query)
        self.model.set_rows(self.activities)
        self.heading.title_label.setText(
            self.tr("Aktivitātes") + f" ({len(self.activities)})" if self.activities else self.tr("Aktivitātes")
        )
        self.empty.setVisible(not self.activities)
        self.sheet_button.setVisible(hooks.sheet_action is not None)
        if current is not None:
            self.select(current)
        elif self.activities:
            self.view.selectRow(0)
        self._show_detail()

    def select(self, activity_id: int) -> None:
        select_id(self.view, activity_id)

    def current(self) -> ActivityDTO | None:
        aid = selected_id(self.view)
        return next((a for a in self.activities if a.id == aid), None)

    def _show_detail(self) -> None:
        a = self.current()
        enabled = a is not None
        for button in (self.edit_button, self.delete_button, self.sheet_button, self.new_event_button):
            button.setEnabled(enabled)
        if a is None:
            self.detail.title_label.setText(self.tr("Izvēlētā aktivitāte"))
            self.detail_text.setText(self.tr("Izvēlieties aktivitāti sarakstā."))
            self.events_model.set_rows([])
            return
        self.detail.title_label.setText(f"{a.code} {a.title}")
        events = [e for e in self.events if e.activity_id == a.id]
        lines = [
            f"{activity_status_label(a.status)} · {format_period(a.planned_start, a.planned_end) or '—'} · "
            + count(len(events), self.tr("pasākums"), self.tr("pasākumi"), self.tr("pasākumu"))
        ]
        if a.description:
            lines.append(a.description)
        if a.result:
            lines.append(self.tr("Rezultāts: %1").replace("%1", a.result))
        self.detail_text.setText("\n\n".join(lines))
        self.events_model.set_rows(events)

    # ---- actions -----------------------------------------------------------------------------------------

    def new_activity(self) -> None:
        if self.project_id is None:
            return
        form = ActivityForm(self.ws, self.project_id, parent=self)
        if form.exec() and form.result_value is not None:
            self.select(form.result_value.id)

    def edit_activity(self) -> None:
        a = self.current()
        if a is not None and self.project_id is not None:
            ActivityForm(self.ws, self.project_id, a, parent=self).exec()

    def delete_activity(self) -> None:
        a = self.current()
        if a is not None:
            what = self.tr("aktivitāti “%1 %2”").replace("%1", a.code).replace("%2", a.title)
            delete_record(self, self.ws, ACTIVITY, a.id, what)

    def new_event(self) -> None:
        a = self.current()
        if a is not None and self.project_id is not None:
            EventForm(self.ws, self.project_id, self.activities, parent=self, activity_id=a.id).exec()

    def _open_event(self) -> None:
        index = self.events_view.currentIndex()
        if index.isValid():
            self.openEvent.emit(int(index.siblingAtColumn(0).data(ID_ROLE)))

    def _sheet(self) -> None:
        a = self.current()
        if a is not None and hooks.sheet_action is not None:
            hooks.sheet_action(self, self.ws.db, activity_id=a.id)
