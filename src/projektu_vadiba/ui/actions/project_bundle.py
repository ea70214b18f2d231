"""File → Eksportēt projektu / Importēt projektu: the whole project with its attachments as one `.pvz` file (the
version 2 bundle, docs/bundle.md), and back in from such a file or an older `.json` bundle.

    export_project_bundle(parent, db, project_id)   # asks where, writes, says where it went
    import_project_bundle(parent, ws)               # asks which file, imports, returns the new project's id
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.workspace import Workspace

SUFFIX = ".pvz"


def export_project_bundle(parent: QWidget | None, db: Database, project_id: int) -> Path | None:
    from projektu_vadiba.core.bundle import write_bundle
    from projektu_vadiba.core.models import Project

    title = QCoreApplication.translate("project_bundle", "Eksportēt projektu")
    with db.session() as s:
        project = s.get(Project, project_id)
        if project is None:
            return None
        number, funder = project.number, project.funder.name
    suggested = "".join(c if c.isalnum() or c in "-_" else "-" for c in number) + SUFFIX
    name, _ = QFileDialog.getSaveFileName(
        parent, title, suggested, QCoreApplication.translate("project_bundle", "Projekta pakete (*.pvz)")
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() in ("", ".json"):  # the JSON alone cannot carry the files: always the ZIP's name
        target = target.with_suffix(SUFFIX)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with db.session() as s:
            bundle = write_bundle(s, number, target, funder)
    except AppError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, text_of(exc))
        return None
    QApplication.restoreOverrideCursor()
    text = QCoreApplication.translate(
        "project_bundle",
        "Projekts saglabāts: {path}\nPielikumi: {files}. Citā datorā to atver ar “Fails → Importēt projektu”.",
    )
    QMessageBox.information(parent, title, text.format(path=target, files=len(bundle["attachments"])))
    return target


def import_project_bundle(parent: QWidget | None, ws: Workspace) -> int | None:
    """The id of the imported project, or None (cancelled or refused with a message)."""
    from projektu_vadiba.core.bundle import import_bundle, open_bundle_file

    title = QCoreApplication.translate("project_bundle", "Importēt projektu")
    name, _ = QFileDialog.getOpenFileName(
        parent,
        title,
        "",
        QCoreApplication.translate("project_bundle", "Projekta pakete (*.pvz *.json);;Visi faili (*)"),
    )
    if not name:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        with open_bundle_file(name) as opened:
            # A new project is not an undo step: the history is cleared, as after filling in demo data.
            summary = ws.execute_irreversibly(lambda s: import_bundle(s, opened.data, files=opened.archive))
    except AppError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, text_of(exc))
        return None
    QApplication.restoreOverrideCursor()
    text = QCoreApplication.translate(
        "project_bundle", "Projekts {number} importēts: pasākumi {events}, personas {people}, pielikumi {files}."
    ).format(
        number=summary.number,
        events=summary.events,
        people=summary.people_created + summary.people_matched,
        files=summary.attachments,
    )
    if summary.warnings:
        text += "\n\n" + "\n".join(text_of(w) for w in summary.warnings)
    QMessageBox.information(parent, title, text)
    return summary.project_id
