"""Keyboard shortcuts survive a language switch: real key events reach each action exactly once, and no two
actions that could take the same keys at the same time share them (Qt then calls them ambiguous and runs none)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.translations import switch_language

from .conftest import Seeded
from .helpers import activate, dialogs_closed, make_window, on_dialog  # noqa: F401 (dialogs_closed: autouse)


@pytest.fixture
def back_to_latvian(qapp: QApplication) -> Iterator[None]:
    yield
    switch_language(qapp, "lv")


def _live_actions(window: MainWindow) -> list[QAction]:
    """Enabled actions with keys that Qt could match now: the window's own, and those of visible widgets."""
    found: list[QAction] = []
    for action in window.findChildren(QAction):
        if not action.isEnabled() or action.shortcut().isEmpty():
            continue
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        on_window = action.shortcutContext() == Qt.ShortcutContext.WindowShortcut and window in owners
        if on_window or any(w.isVisible() and w is not window for w in owners):
            found.append(action)
    return found


def assert_no_shared_keys(window: MainWindow) -> None:
    by_keys: dict[str, list[str]] = defaultdict(list)
    for action in _live_actions(window):
        for keys in action.shortcuts():
            by_keys[keys.toString()].append(action.text())
    shared = {keys: texts for keys, texts in by_keys.items() if len(texts) > 1}
    assert shared == {}


def _press(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    activate(window)
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key, modifiers)


def _count_triggers(window: MainWindow, qtbot: QtBot) -> dict[str, int]:
    """Press each window shortcut once (dialogs it opens are closed) and count how often each action ran."""
    counts: dict[str, int] = defaultdict(int)
    probes = {
        "undo": (window.undo_action, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        "refresh": (window.refresh_action, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
        "new project": (window.new_project_action, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
        "events": (window.section_actions["events"], Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier),
    }
    for name, (action, key, modifiers) in probes.items():
        action.triggered.connect(lambda _=False, n=name: counts.__setitem__(n, counts[n] + 1))
        if action is window.new_project_action:
            on_dialog(lambda dialog: dialog.reject())
        _press(window, key, modifiers)
        qtbot.wait(1)
    return dict(counts)


def test_every_shortcut_runs_once_before_and_after_a_language_switch(
    qtbot: QtBot, seeded: Seeded, settings: Settings, back_to_latvian: None
) -> None:
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids["2023-NVO-07"], "overview")
    window.undo_action.setEnabled(True)  # nothing to undo yet: enabled only so the key press can be counted
    expected = {"undo": 1, "refresh": 1, "new project": 1, "events": 1}
    assert_no_shared_keys(window)
    assert _count_triggers(window, qtbot) == expected

    for language in ("en", "lv"):  # there and back: the second switch must not add a third set of actions
        on_dialog(lambda dialog, code=language: _choose_language(dialog, code))
        _press(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)  # Iestatījumi
        qtbot.wait(1)
        QApplication.sendPostedEvents(None, 0)  # the old window contents are deleted later
        window.open_project(seeded.ids["2023-NVO-07"], "overview")
        window.undo_action.setEnabled(True)
        assert_no_shared_keys(window)
        assert _count_triggers(window, qtbot) == expected
    assert window.menuBar().actions()[0].text() == "&Fails"


def _choose_language(dialog: QWidget, code: str) -> None:
    combo = dialog.language  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(code))
    dialog.accept()  # type: ignore[attr-defined]


def test_section_shortcuts_are_not_shared_on_any_section(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    for key in window.section_actions:
        window.open_project(seeded.ids["2023-NVO-07"], key)
        assert_no_shared_keys(window)


def test_a_section_key_opens_its_form_once_after_a_language_switch(
    qtbot: QtBot, seeded: Seeded, settings: Settings, back_to_latvian: None
) -> None:
    window = make_window(qtbot, seeded.db, settings)
    on_dialog(lambda dialog: _choose_language(dialog, "en"))
    _press(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendPostedEvents(None, 0)
    window.open_project(seeded.ids["2023-NVO-07"], "events")
    view = window.project_page.events.view
    view.selectRow(0)
    activate(window)
    view.setFocus()
    opened: list[str] = []
    on_dialog(lambda dialog: (opened.append(dialog.windowTitle()), dialog.done(0)))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # "Labot pasākumu"
    assert opened == ["Event"]
    assert_no_shared_keys(window)
