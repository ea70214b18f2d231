"""The scan review: each read page's straightened image beside the proposed ticks, uncertain rows highlighted;
"Apstiprināt" applies the checked rows of every page in one step, "Atsaukt" undoes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.scan.results import ApplyResult, ScannedRow, ScanReport
from projektu_vadiba.ui.screen import fit_window

UNCERTAIN = QColor("#fff3bf")
WALK_IN = QColor("#e7f5ff")


class ScanReviewDialog(QDialog):
    def __init__(self, db: Database, report: ScanReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.report = db, report
        self.applied: ApplyResult | None = None
        self.setWindowTitle(QCoreApplication.translate("scan_review", "Noskenēto lapu pārbaude"))
        fit_window(self, QSize(1200, 800))
        layout = QVBoxLayout(self)
        if report.errors:
            page_text = QCoreApplication.translate("scan_review", ", {page}. lpp.")
            lines = [f"{e.file}{page_text.format(page=e.page) if e.page else ''}: {e.message}" for e in report.errors]
            errors = QLabel("\n".join(lines))
            errors.setWordWrap(True)
            errors.setStyleSheet("color: #a61e4d;")
            layout.addWidget(errors)
        body = QHBoxLayout()
        layout.addLayout(body, 1)
        self.pages = QListWidget()
        self.pages.setMaximumWidth(220)
        for page in report.pages:
            self.pages.addItem(
                QCoreApplication.translate("scan_review", "{file}, {page}. lpp.").format(
                    file=page.file.rsplit("/", 1)[-1], page=page.page
                )
            )
        body.addWidget(self.pages)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        body.addWidget(scroll, 3)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("scan_review", "Nr."),
                QCoreApplication.translate("scan_review", "Vārds, uzvārds"),
                QCoreApplication.translate("scan_review", "Nolasīts"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        body.addWidget(self.table, 2)
        self.checks: dict[int, dict[int, bool]] = {i: {} for i in range(len(report.pages))}
        self.status = QLabel()
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.apply_button = QPushButton(QCoreApplication.translate("scan_review", "Apstiprināt atzīmes"))
        self.undo_button = QPushButton(QCoreApplication.translate("scan_review", "Atsaukt"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.setVisible(False)  # after addButton, which shows its button
        buttons.addButton(QCoreApplication.translate("scan_review", "Aizvērt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.apply_button.setEnabled(bool(report.pages))
        layout.addWidget(buttons)
        for index, page in enumerate(report.pages):
            for row in page.signed:
                self.checks[index][row.row] = True
            for row in page.uncertain:
                self.checks[index][row.row] = False
        self.table.itemChanged.connect(self._item_changed)
        self.pages.currentRowChanged.connect(self.show_page)
        if report.pages:
            self.pages.setCurrentRow(0)

    def show_page(self, index: int) -> None:
        if index < 0:
            return
        page = self.report.pages[index]
        pixmap = QPixmap()
        pixmap.loadFromData(page.image_png)
        self.image.setPixmap(pixmap.scaledToWidth(min(pixmap.width(), 540), Qt.TransformationMode.SmoothTransformation))
        rows: list[tuple[ScannedRow | None, int, str]] = [
            *((r, r.row, QCoreApplication.translate("scan_review", "parakstīts")) for r in page.signed),
            *((r, r.row, QCoreApplication.translate("scan_review", "neskaidrs — pārbaudiet")) for r in page.uncertain),
            *((r, r.row, QCoreApplication.translate("scan_review", "tukšs")) for r in page.empty),
            *(
                (None, n, QCoreApplication.translate("scan_review", "ierakstīts uz vietas — jāievada"))
                for n in page.walk_in_rows
            ),
        ]
        rows.sort(key=lambda item: item[1])
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, (row, number, state) in enumerate(rows):
            number_item = QTableWidgetItem(str(number))
            number_item.setData(Qt.ItemDataRole.UserRole, number)
            if row is not None and row.person_id is not None:
                number_item.setFlags(number_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = self.checks[index].get(number, False)
                number_item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            else:
                number_item.setFlags(number_item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            cells = [number_item, QTableWidgetItem(row.name if row else ""), QTableWidgetItem(state)]
            colour = UNCERTAIN if row is not None and row in page.uncertain else WALK_IN if row is None else None
            for column, item in enumerate(cells):
                if column:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)
        self._count()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0 and self.pages.currentRow() >= 0:
            number = int(item.data(Qt.ItemDataRole.UserRole))
            self.checks[self.pages.currentRow()][number] = item.checkState() == Qt.CheckState.Checked
            self._count()

    def chosen(self) -> dict[int, set[int]]:
        """Event id -> the people to tick: what the person left checked on every page."""
        out: dict[int, set[int]] = {}
        for index, page in enumerate(self.report.pages):
            people = {r.row: r.person_id for r in (*page.signed, *page.uncertain) if r.person_id is not None}
            ticked = {people[n] for n, on in self.checks[index].items() if on and n in people}
            out.setdefault(page.event_id, set()).update(ticked)
        return out

    def _count(self) -> None:
        total = sum(len(p) for p in self.chosen().values())
        self.status.setText(QCoreApplication.translate("scan_review", "Atzīmēs kā piedalījušos: {n}").format(n=total))

    def apply(self) -> None:
        from projektu_vadiba.core.scan.apply import apply_ticks

        try:
            with self.db.session() as s:
                self.applied = apply_ticks(s, self.report.pages, self.chosen())
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.apply_button.setEnabled(False)
        self.undo_button.setVisible(True)
        self.status.setText(
            QCoreApplication.translate(
                "scan_review", "Atzīmēti kā piedalījušies: {n}. Lapas saglabātas kā pasākuma pierādījumi."
            ).format(n=self.applied.attended)
        )

    def undo(self) -> None:
        from projektu_vadiba.core.scan.apply import undo

        if self.applied is None:
            return
        try:
            with self.db.session() as s:
                undo(s, self.applied.apply_ids)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        self.applied = None
        self.undo_button.setVisible(False)
        self.apply_button.setEnabled(True)
        self.status.setText(QCoreApplication.translate("scan_review", "Atzīmes atsauktas."))
