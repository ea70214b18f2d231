"""The window's last boundary: an exception no action caught becomes a message box (its traceback goes to the
support log), and a background job's database or file error comes back as a coded AppError the caller shows."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.background import run_in_background
from projektu_vadiba.ui.error_hook import install_error_hook


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a: shown.append(text))
    return shown


@pytest.mark.qt_no_exception_capture
def test_an_exception_leaving_a_slot_is_shown_and_logged_not_printed(
    qtbot: QtBot, critical: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook()
    button = QPushButton("Darīt")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    logs = list(tmp_path.rglob("errors.log"))
    assert len(critical) == 1 and len(logs) == 1
    assert "neparedzēta kļūda (ZeroDivisionError)" in critical[0] and str(logs[0]) in critical[0]
    assert "ZeroDivisionError: a bug" in logs[0].read_text(encoding="utf-8")


def test_a_background_jobs_damaged_database_comes_back_as_a_coded_error(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"not a database " * 100)

    def job() -> None:
        with sqlite3.connect(path) as conn:
            conn.execute("SELECT * FROM sqlite_master").fetchall()

    with pytest.raises(AppError) as caught:
        run_in_background(None, "Gatavo…", job)
    assert caught.value.code == "db.damaged"
