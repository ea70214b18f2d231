"""A generated PDF shown before it is printed or saved: pages fit to the window's width, Print and Save as PDF.

The PDF comes as bytes (reports build it in memory); QPdfDocument reads it from a QBuffer that lives as long as
the dialog. Printing renders each page to an image at the printer's resolution (capped at 300 dpi: enough for
text and signature lines, and a 500-page batch stays within memory).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

MAX_PRINT_DPI = 300


class PdfPreviewDialog(QDialog):
    def __init__(
        self, data: bytes, file_name: str = "dokuments.pdf", title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data = data
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
        top = QHBoxLayout()
        top.addWidget(self.pages_label)
        top.addStretch(1)
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
        self.resize(860, 980)
        self._show_page_count()

    @property
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _show_page_count(self) -> None:
        if self.document.status() != QPdfDocument.Status.Ready:
            self.pages_label.setText(self.tr("PDF neizdevās atvērt."))
            self.print_button.setEnabled(False)
            return
        n = self.page_count
        text = self.tr("1 lapa") if n == 1 else self.tr("Lapas: %1").replace("%1", str(n))
        self.pages_label.setText(text)

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
            target.write_bytes(self.data)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Saglabāt kā PDF"),
                self.tr("Neizdevās saglabāt failu %1: %2").replace("%1", str(target)).replace("%2", exc.strerror or ""),
            )
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
