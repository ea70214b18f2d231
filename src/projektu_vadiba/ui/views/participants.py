"""Dalībnieki: who took part in the project's events. A frame: the people registry (ui/people) plugs in its own
widget through `hooks.participants_factory`; until then a read-only list built from the events' lists."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from projektu_vadiba.core.services import attendance
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.models.attendance_tables import ParticipantRow, participants_model
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.views.event_page import forward_changes
from projektu_vadiba.ui.views.section import Section
from projektu_vadiba.ui.widgets.cards import SectionHeading, note
from projektu_vadiba.ui.widgets.table_view import make_table_view
from projektu_vadiba.ui.workspace import Workspace


def project_participants(ws: Workspace, project_id: int) -> list[ParticipantRow]:
    rows = ws.read(lambda s: attendance.project_participants(s, project_id))
    return [ParticipantRow(person, lists, came) for person, lists, came in rows]


class ReadOnlyParticipants(QWidget):
    def __init__(self, ws: Workspace, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.project_id = ws, project_id
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Meklēt dalībnieku…"))
        self.search.setClearButtonEnabled(True)
        self.model = participants_model(self)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.view = make_table_view(self.proxy, stretch_column=2, parent=self)
        self.summary = note("", "muted", self)
        self.info = note(
            self.tr(
                "Šeit redzami visi, kas ir kāda šī projekta pasākuma sarakstā. Dalībniekus pievieno pasākuma lapā."
            ),
            "info",
            self,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def reload(self) -> None:
        rows = project_participants(self.ws, self.project_id)
        self.model.set_rows(rows)
        came = sum(1 for r in rows if r.attended)
        self.summary.setText(
            self.tr("%1, no tiem piedalījās %2.")
            .replace(
                "%1",
                count(
                    len(rows), self.tr("persona sarakstos"), self.tr("personas sarakstos"), self.tr("personu sarakstos")
                ),
            )
            .replace("%2", str(came))
        )


class ParticipantsSection(Section):
    key = "participants"

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.heading = SectionHeading(self.tr("Dalībnieki"), self)
        self.content: QWidget | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.heading)

    def project_changed(self) -> None:
        assert self.project_id is not None
        factory = hooks.participants_factory
        widget = factory(self.ws.db, self.project_id) if factory else ReadOnlyParticipants(self.ws, self.project_id)
        self.set_participants_widget(widget)

    def set_participants_widget(self, widget: QWidget) -> None:
        """The place where the people registry's participants view goes."""
        if self.content is not None:
            self.box.removeWidget(self.content)
            self.content.deleteLater()
        self.content = widget
        forward_changes(widget, self.ws.dataChanged.emit)
        widget.setParent(self)
        self.box.addWidget(widget, 1)

    def reload(self) -> None:
        reload = getattr(self.content, "reload", None)
        if callable(reload):
            reload()
