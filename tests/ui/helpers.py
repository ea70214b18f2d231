"""Driving modal dialogs and the main window from tests, the way a user does: a callback runs once the dialog
is on screen (QDialog.exec blocks the test until the dialog closes)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings


def make_window(qtbot: QtBot, db: Database, settings: Settings) -> MainWindow:
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    activate(window)
    return window


def activate(window: QWidget) -> None:
    """Keyboard shortcuts go to the active window; offscreen, activateWindow() alone does not make it active."""
    window.activateWindow()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)


_generation = [0]  # bumped when a test ends: its pending callbacks must not touch the next test's dialogs


def on_dialog(action: Callable[[Any], None], seen: list[Any] | None = None, tries: int = 50) -> None:
    """Run `action(dialog)` on the next modal dialog to appear (polls until it is there); a modal widget that
    is already open (left over elsewhere) is not it."""
    generation = _generation[0]
    before = QApplication.activeModalWidget()

    def attempt(left: int) -> None:
        if generation != _generation[0]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is before:
            if left > 0:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        if seen is not None:
            seen.append(dialog)
        try:
            action(dialog)
        finally:
            if QApplication.activeModalWidget() is dialog and dialog.isVisible():
                # Still open (a form that refused its input): close it, or exec() would wait for ever.
                stuck.append(_texts(dialog))
                dialog.reject() if not hasattr(dialog, "done") else dialog.done(0)

    QTimer.singleShot(0, lambda: attempt(tries))


stuck: list[str] = []  # what dialogs that had to be closed by force said


@pytest.fixture(autouse=True)
def dialogs_closed() -> Iterator[None]:
    """Imported by the tests that drive dialogs: a form the test meant to save but that refused (closed by force)
    fails the test with its texts; callbacks still waiting for a dialog stop with the test."""
    stuck.clear()
    yield
    _generation[0] += 1
    found = list(stuck)
    stuck.clear()
    assert not found, found


def _texts(dialog: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return " | ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text())


def button(widget: QWidget, text: str) -> QAbstractButton:
    found = [b for b in widget.findChildren(QAbstractButton) if b.text().replace("&", "") == text]
    assert found, f"no button “{text}” in {widget!r}: {[b.text() for b in widget.findChildren(QAbstractButton)]}"
    return found[0]


def answer_message(text: str, seen: list[str] | None = None) -> None:
    """Click the button `text` in the next message box; `seen` collects its question and details."""

    def click(box: Any) -> None:
        assert isinstance(box, QMessageBox), box
        if seen is not None:
            seen.extend([box.text(), box.informativeText()])
        button(box, text).click()

    on_dialog(click)


def acknowledge_message(seen: list[str] | None = None) -> None:
    """Press Enter on the next message box (its default button, whatever language Qt's own buttons speak)."""

    def press(box: Any) -> None:
        assert isinstance(box, QMessageBox), box
        if seen is not None:
            seen.extend([box.text(), box.informativeText()])
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(box, Qt.Key.Key_Return)

    on_dialog(press)
