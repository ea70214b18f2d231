"""The scan review: each read page's straightened image beside the proposed ticks, uncertain rows highlighted;
"Apstiprināt" applies the checked rows of every page in one step: one undoable command on the workspace's stack
("Skenējuma atzīmes: 14 dalībnieki"); "Atsaukt" here is the workspace's undo of that command, as Ctrl+Z is."""

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
from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.scan.results import ApplyResult, ScannedPage, ScannedRow, ScanReport
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.screen import fit_window
from projektu_vadiba.ui.workspace import Command, Workspace

UNCERTAIN = QColor("#fff3bf")
WALK_IN = QColor("#e7f5ff")


class ScanApplyCommand(Command):
    """Ticks the confirmed people as attended; undo puts back the statuses before (the scans stay filed as
    evidence, so redo ticks again without filing them twice)."""

    def __init__(self, ws: Workspace, pages: tuple[ScannedPage, ...], chosen: dict[int, set[int]], text: str) -> None:
        super().__init__(ws, text)
        self.pages, self.chosen = pages, chosen
        self.result: ApplyResult | None = None

    def do(self, session: Session) -> ApplyResult:
        from projektu_vadiba.core.scan.apply import apply_ticks

        self.result = apply_ticks(session, self.pages, self.chosen, file_scans=self.result is None)
        return self.result

    def revert(self, session: Session) -> None:
        from projektu_vadiba.core.scan.apply import undo

        assert self.result is not None
        undo(session, self.result.apply_ids)


class ScanReviewDialog(QDialog):
    def __init__(self, ws: Workspace, report: ScanReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.report = ws, report
        self.applied: ApplyResult | None = None
        self.command: ScanApplyCommand | None = None
        self.setWindowTitle(QCoreApplication.translate("scan_review", "Noskenēto lapu pārbaude"))
        fit_window(self, QSize(1200, 800))
        layout = QVBoxLayout(self)
        if report.errors:
            page_text = QCoreApplication.translate("scan_review", ", {page}. lpp.")
            lines = [
                f"{e.file}{page_text.format(page=e.page) if e.page else ''}: {text_of(e.message)}"
                for e in report.errors
            ]
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
        ws.undo_stack.indexChanged.connect(self._follow_stack)
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
        chosen = self.chosen()
        people = sum(len(p) for p in chosen.values())
        text = QCoreApplication.translate("scan_review", "Skenējuma atzīmes: %1").replace(
            "%1",
            count(
                people,
                QCoreApplication.translate("scan_review", "dalībnieks"),
                QCoreApplication.translate("scan_review", "dalībnieki"),
                QCoreApplication.translate("scan_review", "dalībnieku"),
            ),
        )
        command = ScanApplyCommand(self.ws, self.report.pages, chosen, text)
        try:
            self.ws.execute(command)
        except AppError as exc:
            QMessageBox.warning(self, self.windowTitle(), text_of(exc))
            return
        self.command = command
        self._follow_stack()

    def undo(self) -> None:
        if self._command_done() and self.ws.undo_stack.command(self.ws.undo_stack.index() - 1) is self.command:
            self.ws.undo(self)

    def _command_done(self) -> bool:
        stack = self.ws.undo_stack
        return self.command is not None and any(stack.command(i) is self.command for i in range(stack.index()))

    def _follow_stack(self, _index: int = 0) -> None:
        """The apply may be undone or redone from here, by Ctrl+Z or from the Edit menu: show which it is now."""
        if self.command is None:
            return
        done = self._command_done() and not self.command.isObsolete()
        stack = self.ws.undo_stack
        self.applied = self.command.result if done else None
        self.apply_button.setEnabled(not done and bool(self.report.pages))
        self.undo_button.setVisible(done and stack.command(stack.index() - 1) is self.command)
        if done and self.applied is not None:
            self.status.setText(
                QCoreApplication.translate(
                    "scan_review", "Atzīmēti kā piedalījušies: {n}. Lapas saglabātas kā pasākuma pierādījumi."
                ).format(n=self.applied.attended)
            )
        else:
            self.status.setText(QCoreApplication.translate("scan_review", "Atzīmes atsauktas."))
