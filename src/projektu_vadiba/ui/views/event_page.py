"""One event: its details and its attendance list.

The attendance part is a frame: by default a read-only list (core.services.attendance.event_list); the people
registry plugs its checklist in through `hooks.event_attendance_factory` or `set_attendance_widget(widget)`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from projektu_vadiba.core.dto import EventDTO
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.services.activities import get_event
from projektu_vadiba.core.services.attendance import event_list
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.labels import event_type_label
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.models.attendance_tables import attendance_model
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.widgets.cards import Card, FactsGrid, note, scaled_font, text_label
from projektu_vadiba.ui.widgets.table_view import make_sorted_view
from projektu_vadiba.ui.workspace import Workspace


def event_when(e: EventDTO) -> str:
    """'17.10.2020 10:00–14:00' or, over several days, '17.10.2020 10:00 – 18.10.2020 16:00'."""
    if e.starts_at.date() == e.ends_at.date():
        return f"{format_date(e.starts_at.date())} {e.starts_at:%H:%M}–{e.ends_at:%H:%M}"
    return f"{format_date(e.starts_at.date())} {e.starts_at:%H:%M} – {format_date(e.ends_at.date())} {e.ends_at:%H:%M}"


def forward_changes(widget: QWidget, slot: Callable[[], None]) -> None:
    """A plugged-in widget that changes data itself tells so with a `dataChanged` signal (no arguments)."""
    signal = getattr(widget, "dataChanged", None)
    if signal is not None and hasattr(signal, "connect") and not isinstance(widget, QAbstractItemModel):
        signal.connect(slot)


class ReadOnlyAttendance(QWidget):
    """Who is on the event's list (surname order, as on the printed sheet). Editing comes with the people module."""

    def __init__(self, ws: Workspace, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.event_id = ws, event_id
        self.model = attendance_model(self)
        self.view = make_sorted_view(self.model, stretch_column=2, parent=self)
        self.empty = note(self.tr("Sarakstā vēl neviena nav."), "muted", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def reload(self) -> None:
        rows = self.ws.read(lambda s: event_list(s, self.event_id))
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))


class EventPage(QWidget):
    back = Signal()
    editRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current_event: EventDTO | None = None
        self.attendance_widget: QWidget | None = None
        self._own_change = False

        self.back_button = QPushButton(self.tr("← Visi pasākumi"), self)
        self.back_button.setFlat(True)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.title = text_label("", self)
        self.title.setFont(scaled_font(self, 1.3, bold=True))
        self.edit_button = QPushButton(self.tr("Labot…"), self)
        self.delete_button = QPushButton(self.tr("Dzēst…"), self)
        self.sheet_button = QPushButton(self.tr("Reģistrācijas lapa…"), self)
        for button in (self.edit_button, self.delete_button, self.sheet_button):
            button.setAutoDefault(False)
        self.edit_button.clicked.connect(lambda: self.current_event and self.editRequested.emit(self.current_event.id))
        self.delete_button.clicked.connect(
            lambda: self.current_event and self.deleteRequested.emit(self.current_event.id)
        )
        self.sheet_button.clicked.connect(self._sheet)

        self.details = Card(self.tr("Pasākums"), self)
        self.facts = FactsGrid(
            [
                ("when", self.tr("Laiks")),
                ("type", self.tr("Veids")),
                ("activity", self.tr("Aktivitāte")),
                ("planned", self.tr("Plānotie dalībnieki")),
            ],
            [
                ("place", self.tr("Vieta")),
                ("address", self.tr("Adrese")),
                ("municipality", self.tr("Pašvaldība")),
                ("online", self.tr("Tiešsaistē")),
            ],
            self.details,
        )
        self.details.add(self.facts)
        self.description = text_label("", self.details)
        self.details.add(self.description)
        self.warnings = note("", "warning", self)

        self.attendance_card = Card(self.tr("Dalībnieki"), self)
        self.attendance_summary = text_label("", self.attendance_card)
        self.attendance_card.add(self.attendance_summary)
        self.attendance_box = QVBoxLayout()
        self.attendance_card.add(self.attendance_box, 1)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.sheet_button)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.title)
        column.addWidget(self.warnings)
        column.addWidget(self.details)
        column.addWidget(self.attendance_card, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    def show_event(self, event_id: int) -> EventDTO:
        """Read the event (NotFoundError if it is gone) and, for another event, build its attendance part."""
        event = self.ws.read(lambda s: get_event(s, event_id))
        if self.current_event is None or self.current_event.id != event.id or self.attendance_widget is None:
            factory = hooks.event_attendance_factory
            widget = factory(self.ws, event.id) if factory is not None else ReadOnlyAttendance(self.ws, event.id)
            self.set_attendance_widget(widget)
        self.current_event = event
        self._fill(event)
        reload = getattr(self.attendance_widget, "reload", None)
        if (
            callable(reload)
            and not self._own_change
            and not getattr(self.attendance_widget, "follows_workspace", False)
        ):
            reload()
        return event

    def set_attendance_widget(self, widget: QWidget) -> None:
        """The place where the people registry's attendance checklist goes."""
        if self.attendance_widget is not None:
            self.attendance_box.removeWidget(self.attendance_widget)
            self.attendance_widget.deleteLater()
        self.attendance_widget = widget
        # A plugged-in checklist shows its own counts; the page's line would say the same twice.
        self.attendance_summary.setVisible(isinstance(widget, ReadOnlyAttendance))
        forward_changes(widget, self._widget_changed)
        widget.setParent(self.attendance_card)
        widget.setMinimumHeight(240)
        self.attendance_box.addWidget(widget)

    def _widget_changed(self) -> None:
        """The attendance list changed (a tick, a walk-in): computed indicators and counts everywhere follow.
        The list itself is not read again: it already shows the change and keeps its selection."""
        self._own_change = True
        try:
            self.ws.dataChanged.emit()
        finally:
            self._own_change = False

    def reload(self) -> bool:
        """After a data change: False if the event is gone."""
        if self.current_event is None:
            return False
        try:
            self.show_event(self.current_event.id)
        except NotFoundError:
            self.current_event = None
            return False
        return True

    def _fill(self, e: EventDTO) -> None:
        self.title.setText(e.title)
        link = e.online_link or (self.tr("jā") if e.online else self.tr("nē"))
        unlisted = self.tr("bez saraksta")
        values = {
            "when": event_when(e),
            "type": event_type_label(e.type),
            "activity": e.activity_code or "—",
            "planned": (str(e.planned_participants) if e.planned_participants is not None else "—")
            + (f" · {unlisted}: {e.unlisted}" if e.unlisted else ""),
            "place": e.place or "—",
            "address": e.address or "—",
            "municipality": e.municipality or "—",
            "online": link,
        }
        for key, text in values.items():
            self.facts.values[key].setText(text)
        self.description.setText(e.description)
        self.description.setVisible(bool(e.description))
        self.warnings.setText("\n".join(f"⚠ {self._warning(w)}" for w in e.warnings))
        self.warnings.setVisible(bool(e.warnings))
        self.attendance_summary.setText(
            self.tr("Sarakstā %1, piedalījās %2.")
            .replace("%1", count(e.registered, self.tr("persona"), self.tr("personas"), self.tr("personu")))
            .replace("%2", str(e.attended))
        )
        self.sheet_button.setVisible(hooks.sheet_action is not None)

    def _warning(self, message: str) -> str:
        return text_of(message)  # the core's sentence (a catalogue Message) in the UI language

    def _sheet(self) -> None:
        if self.current_event is not None and hooks.sheet_action is not None:
            hooks.sheet_action(self, self.ws.db, event_id=self.current_event.id)
