"""Other users' changes reach the open views: the core's listener (core/live_changes.py) runs on its own thread;
here its batches become one `Workspace.dataChanged`, coalesced (several changes within `delay_ms` are one reload).

Only views reload on it: an open form keeps what the user typed (forms read their record once, when opened; a
save over a newer version is a conflict, ui/conflict_dialog.py). On SQLite nothing is started.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.engine import make_url

from projektu_vadiba.ui.workspace import Workspace

if TYPE_CHECKING:  # the listener is loaded only for PostgreSQL: a start on SQLite does not import it
    from projektu_vadiba.core.live_changes import Change

DELAY_MS = 250  # changes of one save arrive together; a second is the promise, this leaves room for the reload


class LiveRefresh(QObject):
    arrived = Signal(int)  # emitted on the listener's thread, delivered queued on the GUI thread

    def __init__(self, ws: Workspace, delay_ms: int = DELAY_MS) -> None:
        super().__init__(ws)
        self.ws = ws
        self.changes: list[Change] = []  # the last batch (for the status bar and tests)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(ws.dataChanged.emit)
        self.arrived.connect(self._schedule)
        from projektu_vadiba.core.live_changes import ListenerThread

        self.listener = ListenerThread(ws.db.url, self._heard)
        ws.destroyed.connect(self.listener.stop)

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self._timer.stop()
        self.listener.stop()

    def _heard(self, changes: list[Change]) -> None:  # listener thread
        self.changes = changes
        self.arrived.emit(len(changes))

    def _schedule(self, _count: int) -> None:
        if not self._timer.isActive():  # the first change starts the clock; later ones ride along
            self._timer.start()


def start_live_refresh(ws: Workspace) -> LiveRefresh | None:
    """Listen when the database is PostgreSQL (several users); None on SQLite."""
    if make_url(ws.db.url).get_backend_name() != "postgresql":  # core.live_changes.is_postgres, not imported
        return None
    live = LiveRefresh(ws)
    live.start()
    return live
