"""Windows that fit the screen they open on (the usual NGO laptop is 1366×768, less a taskbar).

Every size decision asks `available_geometry` (one function: tests replace it with a laptop's screen, which the
offscreen platform cannot have). `fit_window` sizes a window before it is shown; `ScreenFit`, installed on the
application, keeps every window that is shown — message boxes and file dialogs too — inside that rectangle.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Before a window is shown, frameGeometry() does not know the window manager's title bar and borders yet.
FRAME = QSize(16, 40)
LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar: used when no screen is known


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of `widget`'s screen (else the primary screen) that windows may use: no taskbar, no dock."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(LAPTOP)


def fitting_size(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted` (a window's size without its frame), made small enough for the screen, frame included."""
    room = available_geometry(widget).size() - FRAME
    return wanted.boundedTo(room)


def fit_window(widget: QWidget, wanted: QSize, *, share: float = 1.0) -> None:
    """Give a top-level window `wanted`, but at most `share` of the screen (frame included)."""
    room = available_geometry(widget).size()
    cap = QSize(int(room.width() * share), int(room.height() * share)) - FRAME
    widget.resize(wanted.boundedTo(cap).expandedTo(widget.minimumSize()))


def keep_inside(widget: QWidget) -> None:
    """Shrink a shown window that is larger than the screen (as far as its minimum size allows) and move it so
    that its frame, title bar included, lies on the screen."""
    area = available_geometry(widget)
    frame = widget.frameGeometry()
    extra = frame.size() - widget.size()  # the frame, once the window manager has drawn it
    room = area.size() - extra
    if widget.width() > room.width() or widget.height() > room.height():
        widget.resize(widget.size().boundedTo(room).expandedTo(widget.minimumSize()))
        frame = widget.frameGeometry()
    x = min(max(frame.left(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.top(), area.top()), area.bottom() + 1 - frame.height())
    if QPoint(x, y) != frame.topLeft():
        widget.move(max(x, area.left()), max(y, area.top()))


class ScreenFit(QObject):
    """Application-wide: each window, when shown, is kept inside the available screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and _is_window(watched):
            keep_inside(watched)
        return False


def _is_window(widget: QWidget) -> bool:
    kind = widget.windowType()
    return widget.isWindow() and kind in (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)


def install_screen_fit(app: QObject) -> ScreenFit:
    """Keep every window of `app` on the screen until `remove_screen_fit` (run_gui's lifetime)."""
    fit = ScreenFit(app)
    app.installEventFilter(fit)
    return fit


def remove_screen_fit(app: QObject, fit: ScreenFit) -> None:
    app.removeEventFilter(fit)
    fit.deleteLater()
