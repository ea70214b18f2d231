"""Reading signed sheets back and the evidence pack, for the workspace's buttons (wired through ui.hooks):

open_scan_review(parent, ws, files)      # read scans, show the review, apply on the person's confirmation
                                         # (an undoable command on the workspace's stack)
export_evidence(parent, db, project_id)  # ask where, write the evidence ZIP
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.workspace import Workspace


def open_scan_review(parent: QWidget | None, ws: Workspace, files: Sequence[Path] | None = None) -> int:
    """Asks for files when none are given; returns the dialog's result (0 when nothing was read)."""
    from projektu_vadiba.core.scan.service import read_scans
    from projektu_vadiba.ui.scan.review import ScanReviewDialog

    if not files:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("scan", "Noskenētās reģistrācijas lapas"),
            "",
            QCoreApplication.translate("scan", "Skeni un foto (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"),
        )
        files = [Path(n) for n in names]
        if not files:
            return 0
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = ws.read(lambda s: read_scans(s, list(files), keep_images=True))
    finally:
        QApplication.restoreOverrideCursor()
    return ScanReviewDialog(ws, report, parent).exec()


def export_evidence(parent: QWidget | None, db: Database, project_id: int, target: Path | None = None) -> Path | None:
    from projektu_vadiba.core.models import Project
    from projektu_vadiba.reports.evidence_zip import write_evidence_zip

    title = QCoreApplication.translate("scan", "Pierādījumu arhīvs")
    if target is None:
        with db.session() as s:
            project = s.get(Project, project_id)
            number = project.number if project else str(project_id)
        suggested = "pieradijumi-" + "".join(c if c.isalnum() else "-" for c in number) + ".zip"
        name, _ = QFileDialog.getSaveFileName(
            parent, title, suggested, QCoreApplication.translate("scan", "ZIP arhīvs (*.zip)")
        )
        if not name:
            return None
        target = Path(name)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with db.session() as s:
            result = write_evidence_zip(s, project_id, target)
    except AppError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, text_of(exc))
        return None
    QApplication.restoreOverrideCursor()
    text = QCoreApplication.translate("scan", "Arhīvs saglabāts: {path}\nPielikumi: {files}.").format(
        path=result.path, files=result.files
    )
    if result.missing_sheets or result.missing_invoices:
        text += "\n" + QCoreApplication.translate(
            "scan", "Trūkst: {s} pasākumiem parakstītas lapas, {i} izdevumiem rēķina."
        ).format(s=result.missing_sheets, i=result.missing_invoices)
    QMessageBox.information(parent, title, text)
    return result.path
