"""A generated PDF shown before it is printed or saved: pages fit to the window's width, Print and Save as PDF.
The dialog is as tall as the screen allows (its buttons always visible); a page number field and, for a batch of
attendance sheets, a list of the events jump straight to a page of a long PDF (555 pages).

The PDF comes as bytes (reports build it in memory); QPdfDocument reads it from a QBuffer that lives as long as
the dialog. Printing renders each page to an image at the printer's resolution (capped at 300 dpi: enough for
text and signature lines, and a 500-page batch stays within memory).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.screen import fit_window

MAX_PRINT_DPI = 300


class PageSpinBox(QSpinBox):
    """Enter jumps to the typed page; it must not also press the dialog's default button (Print)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


Chapter = tuple[str, int]  # a label ("22.04.2023 10:00 Talka") and its first page, 0-based


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        data: bytes,
        file_name: str = "dokuments.pdf",
        title: str = "",
        parent: QWidget | None = None,
        *,
        chapters: Sequence[Chapter] = (),
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.chapters = tuple(chapters)
        self.file_name = file_name
        self.setWindowTitle(title or self.tr("Priekšskatījums"))
        self.setModal(True)

        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self)
        self.fit_width_button = QPushButton(self.tr("Pēc platuma"), self)
        self.fit_width_button.setCheckable(True)
        self.fit_width_button.setChecked(True)
        self.fit_width_button.clicked.connect(lambda: self._zoom(QPdfView.ZoomMode.FitToWidth))
        self.whole_page_button = QPushButton(self.tr("Visa lapa"), self)
        self.whole_page_button.setCheckable(True)
        self.whole_page_button.clicked.connect(lambda: self._zoom(QPdfView.ZoomMode.FitInView))
        self.page_spin = PageSpinBox(self)  # "Lapa [12] no 555": Enter jumps there
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setAccelerated(True)
        self.page_spin.setPrefix(self.tr("Lapa "))
        self.page_spin.valueChanged.connect(lambda n: self.go_to_page(n - 1))
        self.chapter_combo = QComboBox(self)
        self.chapter_combo.setMinimumContentsLength(28)
        self.chapter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chapter_combo.setToolTip(self.tr("Pāriet uz pasākuma pirmo lapu"))
        for label, page in self.chapters:
            self.chapter_combo.addItem(label, page)
        self.chapter_combo.activated.connect(lambda i: self.go_to_page(int(self.chapter_combo.itemData(i))))
        self.chapter_combo.setVisible(bool(self.chapters))
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        top = QHBoxLayout()
        top.addWidget(self.page_spin)
        top.addWidget(self.pages_label)
        top.addWidget(self.chapter_combo, 1)
        top.addStretch(0 if self.chapters else 1)  # the list of events takes the room when there is one
        top.addWidget(self.fit_width_button)
        top.addWidget(self.whole_page_button)

        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("Drukāt…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Saglabāt kā PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Aizvērt"))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        # A4 fitted to the width wants 860×980; a laptop gets the screen's height, its buttons stay on screen.
        fit_window(self, QSize(860, 980))
        self._show_page_count()

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _show_page_count(self) -> None:
        if self.document.status() != QPdfDocument.Status.Ready:
            self.pages_label.setText(self.tr("PDF neizdevās atvērt."))
            self.print_button.setEnabled(False)
            self.page_spin.hide()
            return
        n = self.page_count
        text = self.tr("1 lapa") if n == 1 else self.tr("Lapas: %1").replace("%1", str(n))
        self.pages_label.setText(text)
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(n, 1))
        self.page_spin.setSuffix(self.tr(" no %1").replace("%1", str(n)))
        self.page_spin.blockSignals(False)
        self.page_spin.setVisible(n > 1)
        self.pages_label.setVisible(n == 1)  # otherwise the spin box says it: "Lapa 1 no 555"

    # ---- moving around ----------------------------------------------------------------------------------------

    def current_page(self) -> int:
        """0-based, the page at the top of the view."""
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, index: int) -> None:
        if 0 <= index < self.page_count and index != self.current_page():
            self.view.pageNavigator().jump(index, QPointF(), self.view.pageNavigator().currentZoom())

    def _page_changed(self, index: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        chapter = max((i for i, (_label, first) in enumerate(self.chapters) if first <= index), default=-1)
        if chapter >= 0:
            self.chapter_combo.setCurrentIndex(chapter)

    def _zoom(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self.fit_width_button.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.whole_page_button.setChecked(mode == QPdfView.ZoomMode.FitInView)

    # ---- saving -----------------------------------------------------------------------------------------------

    def save_dialog(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Saglabāt kā PDF"), self.file_name, self.tr("PDF dokumenti (*.pdf)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            atomic_files.write_bytes(target, self.data)  # a failed save leaves the previous file whole
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Saglabāt kā PDF"), text_of(exc))
            return None
        return target

    # ---- printing ---------------------------------------------------------------------------------------------

    def print_dialog(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        self._match_page_layout(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Drukāt"))
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def _match_page_layout(self, printer: QPrinter) -> None:
        """The printer's paper and orientation as in the PDF (A4 portrait or landscape), no extra margins."""
        if self.page_count == 0:
            return
        size = self.document.pagePointSize(0)
        orientation = (
            QPageLayout.Orientation.Landscape if size.width() > size.height() else QPageLayout.Orientation.Portrait
        )
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0)))

    def print_to(self, printer: QPrinter) -> bool:
        """Render the pages (or the range chosen in the print dialog) onto the printer."""
        count = self.page_count
        first = max(printer.fromPage(), 1) if printer.fromPage() else 1
        last = min(printer.toPage(), count) if printer.toPage() else count
        if count == 0 or first > last:
            return False
        self.setCursor(Qt.CursorShape.WaitCursor)
        painter = QPainter()
        try:
            if not painter.begin(printer):
                QMessageBox.warning(self, self.tr("Drukāt"), self.tr("Printeri neizdevās sagatavot drukai."))
                return False
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for index in range(first - 1, last):
                if index > first - 1:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                image = self.document.render(
                    index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                )
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.x(), target.y(), scaled.width(), scaled.height()), image)
            return True
        finally:
            if painter.isActive():
                painter.end()
            self.unsetCursor()
