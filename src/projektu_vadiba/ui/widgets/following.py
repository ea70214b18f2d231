"""A view that follows the workspace's one "data changed" signal: reloads at once while visible; while hidden
(another section or project on screen) it reloads once when shown again, however many changes came meanwhile."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class FollowingView(QWidget):
    _stale = False

    def reload(self) -> None:
        raise NotImplementedError

    def _data_changed(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)
