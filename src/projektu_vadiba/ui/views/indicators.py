"""Rādītāji: planned and achieved values; computed ones follow the events and attendance, manual ones carry a
comment saying where the number comes from."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from projektu_vadiba.core.dto import ActivityDTO, IndicatorDTO, ProjectDetail
from projektu_vadiba.core.models.enums import EventType, IndicatorMethod, OrganisationKind
from projektu_vadiba.core.services.activities import list_activities, list_events
from projektu_vadiba.core.services.overview import ProjectOverview, project_overview
from projektu_vadiba.ui.dialogs.indicator_form import IndicatorForm
from projektu_vadiba.ui.entities import INDICATOR, indicator_input
from projektu_vadiba.ui.formatting import format_number
from projektu_vadiba.ui.labels import event_type_label, indicator_method_label, organisation_kind_label
from projektu_vadiba.ui.models.project_tables import IndicatorColumn, indicators_model
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.models.rows_table import ID_ROLE
from projektu_vadiba.ui.operations import delete_record
from projektu_vadiba.ui.views.section import Section, select_id, selected_id
from projektu_vadiba.ui.widgets.bars import ProgressDelegate
from projektu_vadiba.ui.widgets.cards import Card, SectionHeading, note, text_label
from projektu_vadiba.ui.widgets.table_view import make_table_view, set_column_width
from projektu_vadiba.ui.workspace import Workspace


class IndicatorsSection(Section):
    key = "indicators"

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.overview: ProjectOverview | None = None
        self.activities: list[ActivityDTO] = []
        self.municipalities: tuple[str, ...] = ()
        self.heading = SectionHeading(self.tr("Rādītāji"), self)
        self.new_button = self.heading.add_button(self.tr("Jauns rādītājs…"), "Ctrl+Shift+N")
        self.edit_button = self.heading.add_button(self.tr("Labot…"), "F2")
        self.delete_button = self.heading.add_button(self.tr("Dzēst…"), "Delete")
        self.new_button.clicked.connect(self.new_indicator)
        self.edit_button.clicked.connect(self.edit_indicator)
        self.delete_button.clicked.connect(self.delete_indicator)

        self.model = indicators_model(self)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table_view(self.proxy, stretch_column=IndicatorColumn.NAME, parent=self)
        set_column_width(self.view, IndicatorColumn.PROGRESS, self.fontMetrics().averageCharWidth() * 22)
        self.view.setItemDelegateForColumn(IndicatorColumn.PROGRESS, ProgressDelegate(self._progress_of, self.view))
        self.view.activated.connect(self.edit_indicator)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)
        self.empty = note(
            self.tr("Rādītāju vēl nav. Pievienojiet projekta pieteikumā apsolītos rezultātus ar plānotajām vērtībām."),
            "muted",
            self,
        )
        self.detail = Card(self.tr("Kā iegūta sasniegtā vērtība"), self)
        self.detail_text = text_label("", self.detail)
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.add(self.detail_text, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail)
        self.shortcut(self.tr("Jauns rādītājs"), "Ctrl+Shift+N", self.new_indicator)
        self.shortcut(self.tr("Labot rādītāju"), "F2", self.edit_indicator, self.view)
        self.shortcut(self.tr("Dzēst rādītāju"), QKeySequence.StandardKey.Delete, self.delete_indicator, self.view)

    def reload(self) -> None:
        assert self.project_id is not None
        pid = self.project_id
        current = selected_id(self.view)

        def query(s):  # type: ignore[no-untyped-def]
            events = list_events(s, pid)
            return project_overview(s, pid), list_activities(s, pid), tuple(e.municipality for e in events)

        self.overview, self.activities, self.municipalities = self.ws.read(query)
        rows = [p.indicator for p in self.overview.indicators]
        self.model.set_rows(rows)
        self.heading.title_label.setText(self.tr("Rādītāji") + (f" ({len(rows)})" if rows else ""))
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        if current is not None:
            self.select(current)
        elif rows:
            self.view.selectRow(0)
        self._show_detail()

    def select(self, indicator_id: int) -> None:
        select_id(self.view, indicator_id)

    def _progress_of(self, index: QModelIndex | QPersistentModelIndex) -> tuple[float, float | None, bool] | None:
        if self.overview is None:
            return None
        iid = index.sibling(index.row(), 0).data(ID_ROLE)
        p = next((p for p in self.overview.indicators if p.indicator.id == iid), None)
        if p is None:
            return None
        planned = p.indicator.planned_value
        expected = float(p.expected / planned) if planned and 0 < self.overview.elapsed_share < 1 else None
        return p.indicator.progress, expected, p.behind

    def current(self) -> IndicatorDTO | None:
        iid = selected_id(self.view)
        return next((i for i in self.model.rows if i.id == iid), None)

    def _project(self) -> ProjectDetail | None:
        return self.overview.project if self.overview else None

    def method_text(self, i: IndicatorDTO) -> str:
        """What the achieved value counts, in words."""
        if i.method is IndicatorMethod.MANUAL:
            return self.tr("Ievadīts ar roku.")
        what = indicator_method_label(i.method)
        param = i.method_param
        if i.method is IndicatorMethod.EVENTS and param in set(EventType):
            what += f" ({event_type_label(EventType(param)).lower()})"
        elif i.method is IndicatorMethod.ORGANISATIONS and param in set(OrganisationKind):
            what += f" ({organisation_kind_label(OrganisationKind(param)).lower()})"
        elif param:
            what += f" ({param})"
        scope = ""
        if i.activity_id is not None:
            a = next((a for a in self.activities if a.id == i.activity_id), None)
            scope = self.tr(" Tikai aktivitātē %1.").replace("%1", f"{a.code} {a.title}" if a else "?")
        return (
            self.tr("Aprēķina no datiem: %1.").replace("%1", what)
            + scope
            + " "
            + self.tr("Vērtība mainās līdz ar pasākumiem un dalībnieku sarakstiem.")
        )

    def _show_detail(self) -> None:
        i = self.current()
        self.edit_button.setEnabled(i is not None)
        self.delete_button.setEnabled(i is not None)
        if i is None or self.overview is None:
            self.detail_text.setText("")
            return
        p = next(p for p in self.overview.indicators if p.indicator.id == i.id)
        lines = [
            f"{i.code} {i.name}",
            self.method_text(i),
            self.tr("Plānots %1, sasniegts %2, līdz šodienai būtu jābūt %3.")
            .replace("%1", format_number(i.planned_value))
            .replace("%2", format_number(i.achieved_value))
            .replace("%3", format_number(p.expected)),
        ]
        if i.comment:
            lines.append(self.tr("Komentārs: %1").replace("%1", i.comment))
        self.detail_text.setText("\n".join(lines))

    # ---- actions -------------------------------------------------------------------------------------------

    def _form(self, indicator: IndicatorDTO | None) -> IndicatorForm:
        assert self.project_id is not None
        project = self._project()
        return IndicatorForm(
            self.ws,
            self.project_id,
            self.activities,
            indicator,
            parent=self,
            target_groups=project.target_groups if project else (),
            municipalities=tuple(m for m in dict.fromkeys(self.municipalities) if m),
        )

    def new_indicator(self) -> None:
        if self.project_id is None:
            return
        form = self._form(None)
        if form.exec() and form.result_value is not None:
            self.select(form.result_value.id)

    def edit_indicator(self) -> None:
        i = self.current()
        if i is not None:
            self._form(i).exec()

    def delete_indicator(self) -> None:
        i = self.current()
        if i is not None:
            what = self.tr("rādītāju “%1 %2”").replace("%1", i.code).replace("%2", i.name)
            delete_record(self, self.ws, INDICATOR, i.id, what, parent_id=self.project_id, data=indicator_input(i))
