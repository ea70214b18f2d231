"""The people registry and the people import as windows of their own, opened from the main window's menu. Both
change data only through the workspace; the registry reads itself again on its `dataChanged`."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from projektu_vadiba.ui.screen import fit_window
from projektu_vadiba.ui.workspace import Workspace


class PeopleRegistryWindow(QDialog):
    """Non-modal: the registry stays open beside the workspace while staff type in sheets."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from projektu_vadiba.ui.people.registry_view import PeopleRegistryView

        self.setWindowTitle(self.tr("Personu reģistrs"))
        self.view = PeopleRegistryView(ws, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        fit_window(self, QSize(1000, 640))
        # A window of its own: the main window's Ctrl+Z / Ctrl+Y do not reach it, so it has the same two.
        undo = QAction(self.tr("Atsaukt"), self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(lambda: ws.undo(self))
        redo = QAction(self.tr("Atcelt atsaukšanu"), self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])  # as the main window
        redo.triggered.connect(ws.redo)
        self.addActions([undo, redo])


def import_people(ws: Workspace, parent: QWidget | None = None, project_id: int | None = None) -> None:
    """The import dialog; with a project open, its events are offered as the list to import into."""
    from projektu_vadiba.ui.people.import_dialog import ImportDialog

    ImportDialog(ws, project_id, parent=parent).exec()
