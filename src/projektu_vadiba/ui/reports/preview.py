"""The report preview: the shared PDF preview (Print, Save as PDF) that also says where a copy was saved, so the
Reports section can list it among the last files made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from projektu_vadiba.ui.dialogs.pdf_preview import PdfPreviewDialog
from projektu_vadiba.ui.reports.making import Made


class ReportPreviewDialog(PdfPreviewDialog):
    file_saved = Signal(Path)

    def __init__(self, made: Made, parent: QWidget | None = None) -> None:
        title = made.title + (" — " + self.tr("MELNRAKSTS") if made.draft else "")
        super().__init__(made.data, made.file_name, title, parent)

    def save_dialog(self) -> Path | None:
        path = super().save_dialog()
        if path is not None:
            self.file_saved.emit(path)
        return path
