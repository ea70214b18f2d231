"""Slow jobs run off the UI thread: the caller gets the result or the job's error, and a job longer than a moment
shows a modal wait dialog while the window keeps processing events."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.background import run_in_background


def _wait_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_the_result_comes_back_and_a_quick_job_shows_no_dialog(qtbot: QtBot) -> None:
    assert run_in_background(None, "Gatavo…", lambda: sum(range(10))) == 45
    assert _wait_dialogs() == []


def test_the_jobs_error_is_raised_in_the_callers_thread(qtbot: QtBot) -> None:
    def job() -> None:
        raise AppError("Projekts nav atrasts.")

    with pytest.raises(AppError, match="Projekts nav atrasts"):
        run_in_background(None, "Gatavo…", job)
    assert QApplication.overrideCursor() is None  # the wait cursor is gone after an error too


def test_a_slow_job_runs_off_the_ui_thread_behind_a_wait_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[bool] = []
    seen: list[list[str]] = []
    ticks: list[int] = []

    def job() -> str:
        threads.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.9)
        return "gatavs"

    # Timers fire while the job runs: the UI thread is free.
    QTimer.singleShot(100, lambda: ticks.append(1))
    QTimer.singleShot(700, lambda: seen.append([d.labelText() for d in _wait_dialogs()]))
    assert run_in_background(parent, "Gatavo reģistrācijas lapas…", job) == "gatavs"
    assert threads == [False]
    assert ticks == [1]
    assert seen == [["Gatavo reģistrācijas lapas…"]]
    assert _wait_dialogs() == []
