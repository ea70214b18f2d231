"""User operations that need a question first: deleting asks, and says what else goes with the record and
whether Ctrl+Z can bring it back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services import event_delete, project_restore
from projektu_vadiba.ui.commands import ActivityDeleteCommand, DeleteCommand, EventDeleteCommand, ProjectDeleteCommand
from projektu_vadiba.ui.entities import Entity
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.workspace import Workspace

# Records nothing else hangs on: undo can create them again exactly as they were.
UNDOABLE_DELETES = {"indicator", "partner", "cofinancing", "deadline"}


def delete_question(what: str, lines: list[str], undoable: bool) -> tuple[str, str]:
    """The question and the explanation under it."""
    question = QCoreApplication.translate("operations", "Dzēst %1?").replace("%1", what)
    parts = []
    if lines:
        parts.append(
            QCoreApplication.translate("operations", "Kopā ar to tiks dzēsti arī šie dati:")
            + "\n"
            + "\n".join(f"• {line}" for line in lines)
        )
    parts.append(
        QCoreApplication.translate("operations", "Dzēšanu varēs atsaukt ar Ctrl+Z.")
        if undoable
        else QCoreApplication.translate("operations", "Šo darbību nevarēs atsaukt.")
    )
    return question, "\n\n".join(parts)


def ask_delete(parent: QWidget | None, what: str, lines: list[str], undoable: bool) -> bool:
    question, details = delete_question(what, lines, undoable)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("operations", "Dzēšana"))
    box.setText(question)
    box.setInformativeText(details)
    delete = box.addButton(QCoreApplication.translate("operations", "Dzēst"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("operations", "Atcelt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def delete_record(
    parent: QWidget | None,
    ws: Workspace,
    entity: Entity,
    id_: int,
    what: str,
    *,
    parent_id: int | None = None,
    data: Any = None,
) -> bool:
    """Ask, then delete. Returns whether it was deleted."""
    try:
        lines = ws.read(lambda s: entity.impact(s, id_))
        undoable = entity.key in UNDOABLE_DELETES and data is not None and not lines
        # An event comes back with its attendance list, unless printed sheets, scans or documents hang on it.
        event_undo = entity.key == "event" and ws.read(lambda s: event_delete.restorable(s, id_))
        activity_undo = entity.key == "activity" and ws.read(lambda s: event_delete.activity_restorable(s, id_))
        project_undo = entity.key == "project" and ws.read(lambda s: project_restore.restorable(s, id_))
        if not ask_delete(parent, what, lines, undoable or event_undo or activity_undo or project_undo):
            return False
        text = QCoreApplication.translate("operations", "Dzēsts: %1").replace("%1", what)
        if event_undo:
            ws.execute(EventDeleteCommand(ws, id_, text))
        elif activity_undo:
            ws.execute(ActivityDeleteCommand(ws, id_, text))
        elif project_undo:
            ws.execute(ProjectDeleteCommand(ws, id_, text))
        elif undoable:
            ws.execute(DeleteCommand(ws, entity, id_, parent_id, data, text))
        else:
            ws.execute_irreversibly(lambda s: entity.delete(s, id_))
    except AppError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("operations", "Dzēšana"), text_of(exc))
        ws.dataChanged.emit()  # it may be gone already: let the views show what is there
        return False
    return True
