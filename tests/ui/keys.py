"""Typing and clicking as a person does, for the acceptance tests: keys go where the keyboard focus is (or to an
open popup, as on a desktop), each character is one key event with its text (QTest's key table has no ā, ņ, “),
a click is a mouse event at a point of the widget."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from .helpers import activate

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def target() -> QWidget:
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_text(text: str) -> None:
    for ch in text:
        code = ord(ch.upper()) if ch.isascii() and ch.isalnum() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target(), QKeyEvent(kind, code, NONE, ch))


def key(k: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(target(), k, modifiers)


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    activate(widget.window())
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, NONE, pos or QPoint(8, widget.height() // 2))


def type_into(widget: QWidget, text: str) -> None:
    """Click into a field, select what is there and type over it."""
    click(widget)
    focused = QApplication.focusWidget()
    # An editable combo box keeps the focus itself and hands the keys to its line edit.
    assert focused is widget or (focused is not None and focused.isAncestorOf(widget)), (focused, widget)
    key(Qt.Key.Key_A, CTRL)
    type_text(text)


def tab_to(widget: QWidget, limit: int = 40) -> None:
    """Tab through the focus chain until `widget` has the focus."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}")


def click_row(view: QAbstractItemView, row: int, column: int = 1, double: bool = False) -> None:
    rect = view.visualRect(view.model().index(row, column))
    activate(view.window())
    if double:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, rect.center())
    else:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, NONE, rect.center())


def shortcut(window: QWidget, k: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """A window shortcut (Ctrl+Z, Ctrl+N …) typed while the window is active."""
    activate(window)
    QTest.keyClick(QApplication.focusWidget() or window, k, modifiers)
