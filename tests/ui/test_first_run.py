"""First run on an empty database: the demo organisation from the window, its dates around today."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.models import ProjectStatus
from projektu_vadiba.core.services import projects
from projektu_vadiba.ui.settings import Settings

from .helpers import dialogs_closed, make_window, on_dialog

__all__ = ["dialogs_closed"]


def _click(widget) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))


def _key_on_question(key: Qt.Key, seen: list[str]) -> None:
    def press(box: QMessageBox) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        QTest.keyClick(box, key)

    on_dialog(press)


def test_demo_from_the_start_page_lands_around_today(qtbot: QtBot, empty_db: Database, settings: Settings) -> None:
    clock.set_clock(datetime(2026, 12, 4, 9, 30))
    window = make_window(qtbot, empty_db, settings)
    panel = window.project_list
    asked: list[str] = []
    _key_on_question(Qt.Key.Key_Escape, asked)  # changed my mind: nothing is added
    _click(panel.demo_button)
    assert asked and "demonstrācijas organizāciju" in asked[0]
    assert window.count_label.text() == "0 projektu"

    _key_on_question(Qt.Key.Key_Return, asked)  # Yes is the default button
    _click(panel.demo_button)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.view)
    assert window.count_label.text() == "3 projekti"
    with empty_db.session() as s:
        listed = projects.list_projects(s)
    running = [p for p in listed if p.status is ProjectStatus.RUNNING]
    assert running and all(p.start_date <= date(2026, 12, 4) <= p.end_date for p in running)
    # The start page now shows deadlines or events near today, not a year-old story.
    assert window.start_page.events_view.isVisible() or window.start_page.due_view.isVisible()


def test_new_project_from_the_empty_start_page_opens_the_form(
    qtbot: QtBot, empty_db: Database, settings: Settings
) -> None:
    window = make_window(qtbot, empty_db, settings)
    titles: list[str] = []

    def cancel(dialog) -> None:  # type: ignore[no-untyped-def]
        titles.append(dialog.windowTitle())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    on_dialog(cancel)
    _click(window.project_list.new_button)
    assert titles == ["Jauns projekts"]
