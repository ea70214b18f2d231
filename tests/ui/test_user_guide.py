"""Help → the user guide opens with F1, in the UI's language, and fits the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.ui.dialogs.user_guide import UserGuideDialog, guide_text
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.translations import switch_language

from .conftest import Seeded
from .helpers import make_window


def test_f1_opens_the_latvian_guide_and_esc_closes_it(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide_dialog
    qtbot.waitUntil(guide.isVisible)
    text = guide.browser.toPlainText()
    for heading in ("Projekta vadītājs", "Grāmatvedis", "Darbinieks", "Tastatūra"):
        assert heading in text
    assert "30.11.2026" in text  # how to type dates
    screen = guide.screen().availableGeometry()
    assert screen.contains(guide.frameGeometry()) or guide.width() <= screen.width()
    QTest.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_the_guide_follows_the_language(qtbot: QtBot, seeded: Seeded, settings: Settings, qapp: QApplication) -> None:
    window = make_window(qtbot, seeded.db, settings)
    try:
        window.apply_language("en")
        QTest.keyClick(window, Qt.Key.Key_F1)
        guide = window.guide_dialog
        qtbot.waitUntil(guide.isVisible)
        assert guide.windowTitle() == "User guide"
        assert "Accountant" in guide.browser.toPlainText() and "Grāmatvedis" not in guide.browser.toPlainText()
        guide.close()
    finally:
        switch_language(qapp, "lv")


def test_both_guides_cover_the_same_sections() -> None:
    def headings(lang: str) -> int:
        return sum(1 for line in guide_text(lang).splitlines() if line.startswith("#"))

    assert headings("lv") == headings("en") >= 6
    assert guide_text("xx") == guide_text("lv")  # an unknown language falls back to Latvian


def test_the_guide_is_never_taller_than_its_screen(qtbot: QtBot) -> None:
    guide = UserGuideDialog()
    qtbot.addWidget(guide)
    room = guide.screen().availableGeometry()
    assert guide.width() <= room.width() and guide.height() <= room.height()
