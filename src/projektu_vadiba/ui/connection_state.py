"""When the team server goes away: a banner over the window says so (not a dialog: the user's open form stays as it
is, with what they typed), the app tries to reach the server again with growing pauses, and the banner says when
it is back, so the user can press Save again. Nothing is saved meanwhile: the use case that failed was rolled back
by the server and its undo step was never pushed (ui/workspace.py).

The probe runs off the UI thread (reaching a dead host takes seconds) and reports back through a queued signal.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from sqlalchemy import text

from projektu_vadiba.ui.workspace import Workspace

# Seconds between tries: soon at first (a server restart takes seconds), then every half minute.
BACKOFF = (1, 2, 4, 8, 15, 30)
RESTORED_SHOWN_MS = 6000

LOST_STYLE = "QFrame#connectionBanner { background: #fdecea; border-bottom: 1px solid #b3261e; }"
BACK_STYLE = "QFrame#connectionBanner { background: #e8f5e9; border-bottom: 1px solid #1b5e20; }"


class ConnectionMonitor(QObject):
    """Knows whether the server is reachable; after a loss, probes it until it answers."""

    lost = Signal()
    restored = Signal()
    retrying = Signal(int)  # seconds until the next try
    _answered = Signal(bool)

    def __init__(self, ws: Workspace, parent: QObject | None = None, *, backoff: tuple[int, ...] = BACKOFF) -> None:
        super().__init__(parent)
        self.ws = ws
        self.backoff = backoff
        self.offline = False
        self.tries = 0
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.try_now)
        self._answered.connect(self._on_answer)
        ws.connectionLost.connect(self.report_lost)

    def report_lost(self) -> None:
        if self.offline:
            return
        self.offline = True
        self.tries = 0
        self.lost.emit()
        self._schedule()

    def _schedule(self) -> None:
        delay = self.backoff[min(self.tries, len(self.backoff) - 1)]
        self.retrying.emit(delay)
        self._timer.start(delay * 1000)

    def try_now(self) -> None:
        if not self.offline or self._probing:
            return
        self._timer.stop()
        self._probing = True
        self.tries += 1
        engine = self.ws.db.engine
        threading.Thread(target=lambda: self._answered.emit(_reachable(engine)), daemon=True).start()

    def _on_answer(self, ok: bool) -> None:
        self._probing = False
        if not self.offline:
            return
        if ok:
            self.offline = False
            self.restored.emit()
            self.ws.dataChanged.emit()  # the views show what the server holds now (forms are left alone)
        else:
            self._schedule()

    def stop(self) -> None:
        self._timer.stop()
        self.offline = False


def _reachable(engine: object) -> bool:
    try:
        with engine.connect() as connection:  # type: ignore[attr-defined]
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure means "not yet"
        return False


class ConnectionBanner(QFrame):
    """The strip at the top of the window: red while the server is away, green for a moment when it is back."""

    def __init__(self, monitor: ConnectionMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.monitor = monitor
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Mēģināt tagad"), self)
        self.retry_button.clicked.connect(monitor.try_now)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        monitor.lost.connect(self.show_lost)
        monitor.retrying.connect(self._show_retry)
        monitor.restored.connect(self.show_restored)
        self.hide()

    def show_lost(self) -> None:
        self._hide_timer.stop()
        self.setStyleSheet(LOST_STYLE)
        self.label.setText(self.tr("Nav savienojuma ar serveri — mēģina vēlreiz…"))
        self.retry_button.show()
        self.show()

    def _show_retry(self, seconds: int) -> None:
        if self.monitor.tries:
            self.label.setText(
                self.tr("Nav savienojuma ar serveri — mēģina vēlreiz… (nākamais mēģinājums pēc %1 s)").replace(
                    "%1", str(seconds)
                )
            )

    def show_restored(self) -> None:
        self.setStyleSheet(BACK_STYLE)
        self.label.setText(self.tr("Savienojums ar serveri atjaunots. Nesaglabāto formu var saglabāt vēlreiz."))
        self.retry_button.hide()
        self.show()
        self._hide_timer.start(RESTORED_SHOWN_MS)
