"""The window's last boundary (issue 18, item 4): an exception no action caught becomes a message box in the UI's
language, and its traceback goes to the support log (core/failures.py); the window stays open."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from projektu_vadiba.core.failures import as_app_error
from projektu_vadiba.ui.messages import text_of

_database: list[Path | None] = [None]
# Who hears of a team server gone away (the main window's connection banner): that is no error to click away.
_connection_lost: list[Callable[[], None]] = []


def show_unexpected(exc: BaseException) -> None:
    """Tell the user what happened, in a sentence (logged first when it is a bug)."""
    error = as_app_error(exc, sqlite_file=_database[0])
    if error.code == "db.connection_lost" and _connection_lost:
        _connection_lost[-1]()
        return
    title = QCoreApplication.translate("error_hook", "Projektu vadība")
    QMessageBox.critical(QApplication.activeWindow(), title, text_of(error))


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt | SystemExit):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    try:
        show_unexpected(exc)
    except Exception:  # no window to show it in (shutting down): the standard report on stderr
        sys.__excepthook__(kind, exc, tb)


def install_error_hook(sqlite_file: Path | None = None) -> None:
    """Qt calls sys.excepthook for an exception that leaves a slot; ours shows it instead of printing it.
    `sqlite_file`: the open database, checked for damage when something unexpected happens."""
    _database[0] = sqlite_file
    sys.excepthook = _hook


def on_connection_lost(callback: Callable[[], None] | None) -> None:
    """Let `callback` (the window's banner) tell of a lost server instead of a message box; None: stop."""
    _connection_lost.clear()
    if callback is not None:
        _connection_lost.append(callback)


def database_file() -> Path | None:
    return _database[0]
