"""Run a slow job (a 540-page batch of sheets, a report with every list appended) off the UI thread, so the
window keeps painting. A job longer than a moment gets a modal "please wait" dialog that also keeps the user from
changing the data the job is reading; the caller gets the result (or the job's exception) back as if the call
had been direct.

Jobs open their own database session (SQLAlchemy gives the thread its own connection) and must not touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import as_app_error
from projektu_vadiba.ui.error_hook import database_file

T = TypeVar("T")

SHOW_AFTER_MS = 400  # shorter jobs only show the wait cursor: a dialog flashing by is worse than none


def run_in_background(parent: QWidget | None, label: str, job: Callable[[], T]) -> T:
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def work() -> None:
        try:
            outcome["value"] = job()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc
        finally:
            finished.set()

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    dialog: QProgressDialog | None = None
    clock = QElapsedTimer()
    clock.start()
    try:
        threading.Thread(target=work, name="projektu-vadiba-job", daemon=True).start()
        while not finished.wait(0.015):
            if dialog is None and clock.elapsed() >= SHOW_AFTER_MS:
                dialog = _wait_dialog(parent, label)
            # Until the modal dialog is up, clicks and keys wait in the queue (as they would behind a busy thread).
            flags = QEventLoop.ProcessEventsFlag.AllEvents
            if dialog is None:
                flags |= QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
            QCoreApplication.processEvents(flags, 15)
    finally:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        QApplication.restoreOverrideCursor()
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, Exception) and not isinstance(error, AppError):
            # callers show AppError: a damaged file or locked database met in the job becomes one (bugs logged)
            raise as_app_error(error, sqlite_file=database_file()) from error
        raise error
    return outcome["value"]  # type: ignore[no-any-return]


def _wait_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "", 0, 0, parent)  # 0..0: a busy bar, no percentage to make up
    dialog.setWindowTitle(QCoreApplication.translate("background", "Lūdzu, uzgaidiet"))
    dialog.setCancelButton(None)  # reportlab cannot be stopped half-way; nothing is saved until it is done
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    return dialog
