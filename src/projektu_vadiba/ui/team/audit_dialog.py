"""Izmaiņu žurnāls: who changed what and when in a team database (core.team.audit), newest first, filtered by
project, user and dates, and exported to XLSX as it is filtered.

Row-level security decides which entries a user reads (an administrator all, a project manager their projects');
this window only asks. Personal data shows as the field's name, never its value: the trigger logged no more.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import as_app_error
from projektu_vadiba.core.services.projects import list_projects
from projektu_vadiba.core.team.audit import META_FIELDS, OPERATIONS, TABLES, AuditFilter, AuditRow, read_log
from projektu_vadiba.core.team.audit_export import PERSONAL
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.models.rows_table import Column, RowsTableModel
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.widgets.fields import OptionalDateEdit
from projektu_vadiba.ui.workspace import Workspace

SHOWN = 5000  # the newest entries the table holds; the export writes every entry the filter finds


def _value(value: Any) -> str:
    text = "—" if value is None or value == "" else str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def changes_text(row: AuditRow) -> str:
    """ "place: Tautas nams → Bibliotēka; email (personas dati)": what changed, personal data by name only."""
    parts = []
    for change in row.changes:
        if change.field in META_FIELDS or change.field == "id":  # the record number is in its own column
            continue
        if change.personal:
            parts.append(f"{change.field} {PERSONAL}")
        elif row.operation == "UPDATE":
            parts.append(f"{change.field}: {_value(change.old)} → {_value(change.new)}")
        else:
            parts.append(f"{change.field}: {_value(change.new if row.operation == 'INSERT' else change.old)}")
    return "; ".join(parts)


def choose_xlsx_file(parent: QWidget) -> str:
    """Asks where to write the XLSX; "" when the user cancels. (Tests replace it.)"""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AuditDialog", "Eksportēt izmaiņu žurnālu"),
        "izmainu-zurnals.xlsx",
        QCoreApplication.translate("AuditDialog", "Excel darbgrāmata (*.xlsx)"),
    )
    return path


class AuditDialog(QDialog):
    def __init__(self, ws: Workspace, project_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Izmaiņu žurnāls"))
        self.resize(1100, 620)  # fits 1366×768 with the window's frame
        self.rows: list[AuditRow] = []
        self.summary = QLabel(self)  # how many entries; a date's problem; where the export went

        self.project = QComboBox(self)
        self.project.addItem(self.tr("Visi projekti"), None)
        for p in ws.read(list_projects):
            self.project.addItem(f"{p.number} — {p.title}", p.id)
        self.project.setCurrentIndex(max(0, self.project.findData(project_id)))
        self.user = QComboBox(self)
        self.user.addItem(self.tr("Visi lietotāji"), None)
        self.date_from = OptionalDateEdit(None, self)
        self.date_to = OptionalDateEdit(None, self)
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(self.tr("dd.mm.gggg"))
            edit.valueChanged.connect(lambda _v: self.reload())
            edit.problem_changed.connect(lambda text: self.summary.setText(text) if text else None)  # "32.13.2026"
        self.project.currentIndexChanged.connect(lambda _i: self.reload())
        self.user.currentIndexChanged.connect(lambda _i: self.reload())

        self.model: RowsTableModel[AuditRow] = RowsTableModel(
            [
                Column(self.tr("Laiks"), lambda r: f"{r.at.astimezone():%d.%m.%Y %H:%M:%S}", sort_key=lambda r: r.at),
                Column(self.tr("Lietotājs"), lambda r: r.user),
                Column(self.tr("Ieraksts"), lambda r: f"{TABLES.get(r.table, r.table)} #{r.row_id}"),
                Column(self.tr("Darbība"), lambda r: OPERATIONS.get(r.operation, r.operation)),
                Column(self.tr("Izmaiņas"), changes_text, tooltip=True),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab goes on to the buttons, not through thousands of cells

        self.export_button = QPushButton(self.tr("Eksportēt XLSX…"), self)
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Aizvērt"))
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        for label, widget, stretch in (
            (self.tr("&Projekts"), self.project, 3),
            (self.tr("&Lietotājs"), self.user, 1),
            (self.tr("&No"), self.date_from, 0),
            (self.tr("Lī&dz"), self.date_to, 0),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, stretch)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.reload()

    def wanted(self, limit: int = 100_000) -> AuditFilter:
        start, end = self.date_from.value(), self.date_to.value()
        return AuditFilter(
            project_id=self.project.currentData(), user=self.user.currentData(), start=start, end=end, limit=limit
        )

    def reload(self) -> None:
        try:
            found = self.ws.read(lambda s: read_log(s, self.wanted()))
        except AppError as exc:
            self.summary.setText(text_of(exc))
            return
        self.rows = found
        self.model.set_rows(list(reversed(found[-SHOWN:])))  # newest first
        for column in range(self.model.columnCount() - 1):  # the changes take the rest
            self.view.resizeColumnToContents(column)
        self._fill_users(found)
        shown = count(len(found), self.tr("ieraksts"), self.tr("ieraksti"), self.tr("ierakstu"))
        if len(found) > SHOWN:
            shown += self.tr(" (tabulā jaunākie %1; eksportā visi)").replace("%1", str(SHOWN))
        self.summary.setText(shown)
        self.export_button.setEnabled(bool(found))

    def _fill_users(self, rows: list[AuditRow]) -> None:
        names = sorted({r.user for r in rows} | {self.user.itemData(i) for i in range(1, self.user.count())})
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("Visi lietotāji"), None)
        for name in names:
            self.user.addItem(name, name)
        self.user.setCurrentIndex(max(0, self.user.findData(current)))
        self.user.blockSignals(False)

    def export(self) -> None:
        from projektu_vadiba.core.team.audit_export import write_xlsx  # openpyxl: only when a file is written

        path = choose_xlsx_file(self)
        if not path:
            return
        target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        try:
            written = write_xlsx(self.rows, target)
        except (AppError, OSError) as exc:  # a full disk, a folder without rights: a sentence, nothing half-written
            QMessageBox.warning(self, self.tr("Izmaiņu žurnāls"), text_of(as_app_error(exc, path=str(target))))
            return
        self.summary.setText(self.tr("Ierakstīts %1: %2 rindas").replace("%1", str(target)).replace("%2", str(written)))
