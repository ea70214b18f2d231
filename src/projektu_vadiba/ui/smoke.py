"""A started window that closes itself: proof that a build (the frozen bundle above all) really opens its window.

With PROJEKTU_VADIBA_SMOKE_QUIT_MS=N in the environment the app prints what a person would look at first (the
window title, the About dialog's text with the version, the Qt platform and font) N milliseconds after the main
window is shown, then quits; PROJEKTU_VADIBA_SMOKE_SCREENSHOT=FILE.png also saves a picture of the window, and one of
the About dialog as FILE-about.png (a Windows GUI program has no stdout to print the version to).
scripts/smoke_frozen.sh and scripts/windows_setup_under_wine.sh use them; without the variables nothing changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TextIO

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from projektu_vadiba.ui.main_window import MainWindow

ENV_VAR = "PROJEKTU_VADIBA_SMOKE_QUIT_MS"
SCREENSHOT_VAR = "PROJEKTU_VADIBA_SMOKE_SCREENSHOT"


def smoke_delay_ms(environ: dict[str, str] | os._Environ[str] = os.environ) -> int | None:
    raw = environ.get(ENV_VAR, "").strip()
    if not raw:
        return None
    try:
        return max(0, int(raw))
    except ValueError:
        return None


def about_screenshot_path(screenshot: str) -> str:
    """FILE.png -> FILE-about.png: where the About dialog's picture goes, beside the window's."""
    stem, suffix = os.path.splitext(screenshot)
    return f"{stem}-about{suffix or '.png'}"


def smoke_report(window: MainWindow, about_screenshot: str | None = None) -> list[str]:
    """The lines printed: title, every line of the About dialog, platform and application font."""
    about = window.about_dialog()
    try:
        if about_screenshot:
            about.adjustSize()  # never shown: lay it out at its own size before painting it
            about.grab().save(about_screenshot)
        lines = [f"window: {window.windowTitle()}", f"visible: {window.isVisible()}"]
        lines += [f"about: {line}" for line in about.text().splitlines()]
    finally:
        about.deleteLater()
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        from projektu_vadiba.ui.fonts import covers_latvian

        # False: the window draws boxes for ā…ž (the installed Windows copy did, while its fonts failed to load).
        lines += [f"platform: {app.platformName()}", f"font: {app.font().family()}"]
        lines += [f"latvian letters: {covers_latvian(app.font())}"]
    return lines


def arm_smoke_quit(window: MainWindow, quit_app: Callable[[], None], out: TextIO | None = None) -> bool:
    """Schedule the report and the quit when the environment asks for it. Returns whether it was armed."""
    delay = smoke_delay_ms()
    if delay is None:
        return False

    def report_and_quit() -> None:
        screenshot = os.environ.get(SCREENSHOT_VAR)
        if screenshot:
            window.grab().save(screenshot)
        lines = smoke_report(window, about_screenshot_path(screenshot) if screenshot else None)
        stream = out if out is not None else sys.stdout  # None in a Windows GUI executable: nothing to print to
        if stream is not None:
            for line in lines:
                print(f"smoke: {line}", file=stream)
            stream.flush()
        quit_app()

    QTimer.singleShot(delay, report_and_quit)
    return True
