"""The people registry and the people import as windows of their own, opened from the main window's menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.ui.screen import fit_window


class PeopleRegistryWindow(QDialog):
    """Non-modal: the registry stays open beside the workspace while staff type in sheets."""

    def __init__(self, db: Database, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from projektu_vadiba.ui.people.registry_view import PeopleRegistryView

        self.setWindowTitle(self.tr("Personu reģistrs"))
        self.view = PeopleRegistryView(db, self)
        self.view.dataChanged.connect(on_change)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        fit_window(self, QSize(1000, 640))


def import_people(db: Database, on_change: Callable[[], None], parent: QWidget | None = None) -> None:
    from projektu_vadiba.ui.people.import_dialog import ImportDialog

    dialog = ImportDialog(db, parent=parent)
    dialog.dataChanged.connect(on_change)
    dialog.exec()
