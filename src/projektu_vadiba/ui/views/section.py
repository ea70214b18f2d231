"""The base of a project's sections: it knows its project, reloads itself after a data change when it is on
screen, and otherwise remembers to reload when it is shown next (so a change costs one reload, not seven)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QLayout, QTableView, QWidget

from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.ui.models.rows_table import ID_ROLE
from projektu_vadiba.ui.workspace import Workspace


class Section(QWidget):
    key = ""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.project_id: int | None = None
        self._stale = True
        ws.dataChanged.connect(self._data_changed)

    def set_project(self, project_id: int) -> None:
        changed = project_id != self.project_id
        self.project_id = project_id
        self._stale = True
        if changed:
            self.project_changed()
        if self.on_screen():
            self.refresh()

    def project_changed(self) -> None:
        """Another project is shown: forget per-project state (selection, open event)."""

    def on_screen(self) -> bool:
        window = self.window()
        return window is self or self.isVisibleTo(window)

    def refresh(self) -> None:
        if self.project_id is None:
            return
        self._stale = False
        with suppress(NotFoundError):  # the project went away: the window shows the start page instead
            self.reload()
        # Reloading changes what the section shows (a part built on first show, notes): its scroll area
        # (ProjectPage) reads the section's minimum height again only when asked.
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QAbstractScrollArea):
            QCoreApplication.postEvent(area, QEvent(QEvent.Type.LayoutRequest))

    def reload(self) -> None:
        raise NotImplementedError

    def _data_changed(self) -> None:
        self._stale = True
        if self.on_screen():
            self.refresh()

    def minimumSizeHint(self) -> QSize:
        # A section scrolls (ProjectPage) once the area is smaller than this; wrapped notes need more height on a
        # narrow laptop screen than Qt's estimate, which let the layout squeeze buttons into each other.
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            hint.setHeight(max(hint.height(), column_height(layout, self.width())))
        return hint

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def shortcut(
        self,
        text: str,
        keys: QKeySequence | QKeySequence.StandardKey | str,
        slot: Callable[[], object],
        target: QWidget | None = None,
    ) -> QAction:
        """A keyboard action that works while the focus is inside `target` (the section by default)."""
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        (target or self).addAction(action)
        return action


def column_height(layout: QLayout, width: int) -> int:
    """The least height of a vertical box layout at `width`: each item's minimum, wrapped text at its height for
    that width, the spacing and the margins."""
    margins = layout.contentsMargins()
    inner = width - margins.left() - margins.right()
    items = [layout.itemAt(i) for i in range(layout.count())]
    shown = [item for item in items if item is not None and not item.isEmpty()]
    heights = [
        max(item.minimumSize().height(), item.heightForWidth(inner) if item.hasHeightForWidth() else 0)
        for item in shown
    ]
    spacing = max(layout.spacing(), 0) * max(len(shown) - 1, 0)
    return sum(heights) + spacing + margins.top() + margins.bottom()


def selected_id(view: QAbstractItemView) -> int | None:
    """The id of the selected row (None when nothing is selected)."""
    index = view.currentIndex()
    if not index.isValid() or not view.selectionModel().isSelected(index):
        return None
    value = index.siblingAtColumn(0).data(ID_ROLE)
    return int(value) if value is not None else None


def select_id(view: QTableView, id_: int) -> bool:
    """Select the row whose id is `id_` (whatever the sorting); False if it is not listed."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == id_:
            view.setCurrentIndex(index)
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False
