"""The core's messages in the UI's language: in the English UI the project form says in English why a typed date
is not one and that the title is required; in the Latvian UI the same form says it in Latvian. Typed and saved
with real key events through the focus chain."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventInput
from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.ui.dialogs.form import Unsaved
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.translations import switch_language
from projektu_vadiba.ui.workspace import Workspace

from .conftest import Seeded
from .helpers import activate, dialogs_closed, make_window  # noqa: F401 (dialogs_closed: an autouse fixture)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    switch_language(qapp, "en")
    yield
    switch_language(qapp, "lv")


def _type(text: str) -> None:
    """One key event per character with its text (QTest.keyClick garbles non-Latin-1 letters)."""
    for ch in text:
        target = QApplication.focusWidget()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _tab_into(widget: QWidget) -> None:
    """Focus the widget before `widget` in the chain and press Tab, as a user moving through the form."""
    before = widget.previousInFocusChain()
    while not (before.focusPolicy() & Qt.FocusPolicy.TabFocus and before.isVisible() and before.isEnabled()):
        before = before.previousInFocusChain()
    before.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget


def _fill_badly_and_press_enter(qtbot: QtBot, seeded: Seeded) -> ProjectForm:
    form = ProjectForm(Workspace(seeded.db))
    qtbot.addWidget(form)
    form.ask_unsaved = lambda: Unsaved.DISCARD  # type: ignore[method-assign]  # closing at the test's end
    form.show()
    qtbot.waitExposed(form)
    activate(form)
    assert QApplication.focusWidget() is form.number  # the form opens on its first field
    _type("2026-EN-01")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.title  # left empty
    start = form.field_widget("start_date")
    _tab_into(start)
    QTest.keyClick(start, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type("31.02.2026")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert form.result() != QDialog.DialogCode.Accepted  # refused: nothing saved
    with seeded.db.session() as s:
        assert "2026-EN-01" not in {p.number for p in projects.list_projects(s)}
    return form


def test_the_english_ui_shows_the_cores_messages_in_english(qtbot: QtBot, seeded: Seeded, english: None) -> None:
    assert language() == "en"
    form = _fill_badly_and_press_enter(qtbot, seeded)
    assert form.error_text("start_date") == "“31.02.2026” is not a date: February 2026 has 28 days."
    assert form.error_text("title") == "“Title” is required."
    assert form.error_text("funder_name") == "“Funder” is required."
    for field in ("start_date", "title", "funder_name", "implementer_name"):
        text = form.error_text(field)
        assert "nav" not in text.split() and "Lauks" not in text and "obligāts" not in text, text


def test_the_latvian_ui_shows_the_same_messages_in_latvian(qtbot: QtBot, seeded: Seeded) -> None:
    assert language() == "lv"
    form = _fill_badly_and_press_enter(qtbot, seeded)
    assert form.error_text("start_date") == "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."
    assert form.error_text("title") == "Lauks “Nosaukums” ir obligāts."
    assert form.error_text("funder_name") == "Lauks “Finansētājs” ir obligāts."


def test_the_overview_warnings_follow_the_ui_language(
    qtbot: QtBot, seeded: Seeded, settings: Settings, english: None
) -> None:
    pid = seeded.ids["2023-NVO-07"]
    with seeded.db.session() as s:
        activities.create_event(
            s, pid, EventInput("Ievadsanāksme", datetime(2023, 2, 20, 18), datetime(2023, 2, 20, 20))
        )
    clock.set_clock(datetime(2023, 8, 1, 9, 0))
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(pid)
    warnings = window.project_page.overview.warnings.text()
    assert "Ievadsanāksme</a> (20.02.2023) is outside the project period." in warnings
    assert "Iestādīti koki</a> is behind: 45 of 120 achieved, by today it should be 60." in warnings
    assert "ārpus" not in warnings and "atpaliek" not in warnings
    event_id = int(warnings.split("event:")[1].split("'")[0])
    window.project_page.overview._link(f"event:{event_id}")  # the warning's link opens the event
    shown = window.project_page.events.page.warnings.text()
    assert shown == "⚠ The event is outside the project period (01.03.2023–31.12.2023)."
