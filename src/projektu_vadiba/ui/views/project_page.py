"""One project's page: its key facts and read-only lists of activities, events and indicators."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.services.activities import list_activities, list_events
from projektu_vadiba.core.services.indicators import list_indicators
from projektu_vadiba.core.services.projects import get_project
from projektu_vadiba.ui.formatting import format_money, format_period
from projektu_vadiba.ui.labels import project_status_label
from projektu_vadiba.ui.models.project_tables import activities_model, events_model, indicators_model
from projektu_vadiba.ui.widgets.table_view import make_table_view, set_column_width

FACTS = ("funder", "programme", "implementer", "period", "status", "total_cost", "grant", "cofinancing")


class ProjectPage(QWidget):
    """Shows the project given to `show_project`; `reload()` reads it again (after a data change)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.project: ProjectDetail | None = None

        self.number_label = QLabel(self)
        self.number_label.setTextFormat(Qt.TextFormat.PlainText)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.warnings_label = QLabel(self)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 6px; }")

        self.facts: dict[str, QLabel] = {key: self._value_label() for key in FACTS}
        facts_grid = QGridLayout()  # label, value | label, value; long values wrap within their column
        facts_grid.setHorizontalSpacing(12)
        facts_grid.setColumnStretch(1, 3)
        facts_grid.setColumnMinimumWidth(2, 12)
        facts_grid.setColumnStretch(4, 2)
        left_facts = [
            (self.tr("Finansētājs:"), "funder"),
            (self.tr("Programma:"), "programme"),
            (self.tr("Īstenotājs:"), "implementer"),
            (self.tr("Periods:"), "period"),
        ]
        right_facts = [
            (self.tr("Statuss:"), "status"),
            (self.tr("Kopējās izmaksas:"), "total_cost"),
            (self.tr("Piešķirtais finansējums:"), "grant"),
            (self.tr("Līdzfinansējums:"), "cofinancing"),
        ]
        for column, rows in ((0, left_facts), (3, right_facts)):
            for row, (caption, key) in enumerate(rows):
                facts_grid.addWidget(QLabel(caption, self), row, column, Qt.AlignmentFlag.AlignTop)
                facts_grid.addWidget(self.facts[key], row, column + 1, Qt.AlignmentFlag.AlignTop)

        self.activities = activities_model(self)
        self.events = events_model(self)
        self.indicators = indicators_model(self)
        self.activities_view = make_table_view(self.activities, stretch_column=1, parent=self)
        self.events_view = make_table_view(self.events, stretch_column=1, parent=self)
        self.indicators_view = make_table_view(self.indicators, stretch_column=1, parent=self)
        set_column_width(self.events_view, 2, self.fontMetrics().horizontalAdvance("M" * 11))  # place
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.activities_view, "")
        self.tabs.addTab(self.events_view, "")
        self.tabs.addTab(self.indicators_view, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.warnings_label)
        layout.addSpacing(6)
        layout.addLayout(facts_grid)
        layout.addSpacing(6)
        layout.addWidget(self.tabs, 1)
        self.warnings_label.hide()

    def _value_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_project(self, project_id: int) -> None:
        """Read the project and its lists in one transaction; raises NotFoundError if it is gone."""
        with self._db.session() as session:
            project = get_project(session, project_id)
            activities = list_activities(session, project_id)
            events = list_events(session, project_id)
            indicators = list_indicators(session, project_id)
        self.project = project
        self.activities.set_rows(activities)
        self.events.set_rows(events)
        self.indicators.set_rows(indicators)
        self._fill(project)
        self.tabs.setTabText(0, self.tr("Aktivitātes (%1)").replace("%1", str(len(activities))))
        self.tabs.setTabText(1, self.tr("Pasākumi (%1)").replace("%1", str(len(events))))
        self.tabs.setTabText(2, self.tr("Rādītāji (%1)").replace("%1", str(len(indicators))))

    def reload(self) -> None:
        if self.project is not None:
            self.show_project(self.project.id)

    def _fill(self, p: ProjectDetail) -> None:
        self.number_label.setText(self.tr("Projekts Nr. %1").replace("%1", p.number))
        self.title_label.setText(p.title)
        programme = p.programme
        values = {
            "funder": p.funder.name,
            "programme": " — ".join(x for x in (programme.name, programme.strand) if x) if programme else "—",
            "implementer": p.implementer.name,
            "period": format_period(p.start_date, p.end_date),
            "status": project_status_label(p.status),
            "total_cost": format_money(p.total_cost),
            "grant": format_money(p.grant_amount),
            "cofinancing": format_money(p.cofinancing_total),
        }
        for key, text in values.items():
            self.facts[key].setText(text)
        self.warnings_label.setText("\n".join(f"⚠ {w}" for w in p.warnings))
        self.warnings_label.setVisible(bool(p.warnings))
