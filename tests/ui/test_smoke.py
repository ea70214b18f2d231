"""The self-closing window that proves a build starts (scripts/smoke_frozen.sh), in the source tree."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba import __version__
from projektu_vadiba.ui.app import run_gui
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.smoke import ENV_VAR, SCREENSHOT_VAR, about_screenshot_path, arm_smoke_quit, smoke_delay_ms

from .conftest import Seeded


@pytest.mark.parametrize(
    ("value", "expected"), [(None, None), ("", None), ("250", 250), (" 0 ", 0), ("-5", 0), ("drīz", None)]
)
def test_the_delay_comes_from_the_environment(value: str | None, expected: int | None) -> None:
    assert smoke_delay_ms({} if value is None else {ENV_VAR: value}) == expected


@pytest.mark.parametrize(
    ("window", "about"), [("logs.png", "logs-about.png"), (r"C:\t\ekrāns", r"C:\t\ekrāns-about.png")]
)
def test_the_about_picture_goes_beside_the_window_picture(window: str, about: str) -> None:
    assert about_screenshot_path(window) == about


def test_without_the_variable_nothing_is_armed(
    qtbot: QtBot, seeded: Seeded, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    window = MainWindow(seeded.db, settings)
    qtbot.addWidget(window)
    assert arm_smoke_quit(window, lambda: pytest.fail("quit without the variable")) is False


def test_the_armed_window_reports_title_and_version_then_quits(
    qtbot: QtBot, seeded: Seeded, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shot = tmp_path / "logs.png"
    monkeypatch.setenv(ENV_VAR, "10")
    monkeypatch.setenv(SCREENSHOT_VAR, str(shot))
    window = MainWindow(seeded.db, settings)
    qtbot.addWidget(window)
    window.show()
    out = io.StringIO()
    quits: list[bool] = []
    assert arm_smoke_quit(window, lambda: quits.append(True), out) is True
    qtbot.waitUntil(lambda: bool(quits), timeout=5000)

    lines = out.getvalue().splitlines()
    assert f"smoke: window: Projektu vadība — {seeded.db.display_name}" in lines
    assert "smoke: visible: True" in lines
    assert f"smoke: about: Versija {__version__}" in lines
    assert "smoke: platform: offscreen" in lines
    assert "smoke: latvian letters: True" in lines  # the window's font draws ā…ž, not boxes
    assert not QImage(str(shot)).isNull()
    about = QImage(str(tmp_path / "logs-about.png"))
    assert not about.isNull()
    assert about.width() < QImage(str(shot)).width()  # the dialog, not the window again


def test_run_gui_quits_by_itself_when_asked(
    qapp: QApplication, seeded: Seeded, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_VAR, "0")
    monkeypatch.delenv(SCREENSHOT_VAR, raising=False)
    safety_net = QTimer()  # never hang the test run if the window does not quit
    safety_net.setSingleShot(True)
    safety_net.timeout.connect(lambda: QCoreApplication.exit(3))
    safety_net.start(5000)
    # The window stays open when the loop ends; closing it afterwards must not leave a quit pending that would
    # end the next test's modal dialogs at once.
    qapp.setQuitOnLastWindowClosed(False)
    try:
        assert run_gui(seeded.db.url) == 0
    finally:
        safety_net.stop()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
        qapp.setQuitOnLastWindowClosed(True)
    assert f"smoke: about: Versija {__version__}" in capsys.readouterr().out
