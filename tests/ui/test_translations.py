"""The English translation: every string of the UI is in the .ts and translated, the committed .qm is built from
it, and the language can be switched while the window is open."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.ui.plural import count, language
from projektu_vadiba.ui.settings import LANGUAGE, Settings
from projektu_vadiba.ui.translations import switch_language

from .conftest import Seeded
from .helpers import dialogs_closed, make_window  # noqa: F401 (dialogs_closed: an autouse fixture)

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def english(qapp: QApplication):  # type: ignore[no-untyped-def]
    switch_language(qapp, "en")
    yield
    switch_language(qapp, "lv")


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_every_ui_string_is_translated_and_the_qm_is_current() -> None:
    problems = _script().check()
    assert problems == [], "run scripts/update_translations.py and translate:\n" + "\n".join(problems)


def test_the_ts_file_is_english_from_latvian() -> None:
    ts = (ROOT / "resources" / "translations" / "projektu_vadiba_en.ts").read_text(encoding="utf-8")
    assert 'language="en" sourcelanguage="lv"' in ts
    assert "<source>&amp;Fails</source>" in ts and "<translation>&amp;File</translation>" in ts


def test_english_plurals_have_two_forms(english: None) -> None:
    assert language() == "en"
    forms = ("projekts", "projekti", "projektu")  # as translated: project / projects / projects
    assert [count(n, *forms) for n in (1, 2, 11, 21)] == ["1 projekts", "2 projektu", "11 projektu", "21 projektu"]


def test_switching_the_language_rebuilds_the_window(
    qtbot: QtBot, seeded: Seeded, settings: Settings, qapp: QApplication
) -> None:
    clock.set_clock(datetime(2023, 8, 1, 9, 0))
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids["2023-NVO-07"], "indicators")
    try:
        window.apply_language("en")
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Edit", "&View", "&Project", "P&eople", "&Help"]
        assert window.count_label.text() == "3 projects"
        page = window.project_page
        assert window.current_project_id() == seeded.ids["2023-NVO-07"]  # still where the user was
        assert page.current_section() == "indicators"
        assert page.indicators.heading.title_label.text() == "Indicators (1)"
        assert page.indicators.new_button.text() == "New indicator…"
        window.show_section("overview")
        text = page.overview.elapsed_label.text()
        assert text == "50 % of the project period has passed; 152 days to go."
        assert "Indicator <a href='section:indicators'>R1 Iestādīti koki</a> is behind" in page.overview.warnings.text()
        window.show_start()
        assert window.start_page.title.text() == "Home"
        assert window.start_page.today_label.text() == "Today is Tuesday, 01.08.2023"
        window.show_section("overview")
    finally:
        switch_language(qapp, "lv")
    window.rebuild()
    assert window.menuBar().actions()[0].text() == "&Fails"
    assert window.count_label.text() == "3 projekti"


def test_the_settings_dialog_switches_the_language(
    qtbot: QtBot, seeded: Seeded, settings: Settings, qapp: QApplication
) -> None:
    from .helpers import on_dialog

    window = make_window(qtbot, seeded.db, settings)

    def choose_english(dialog):  # type: ignore[no-untyped-def]
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()

    try:
        on_dialog(choose_english)
        window.settings_action.trigger()
        assert settings.get(LANGUAGE) == "en"
        assert language() == "en"
        assert window.menuBar().actions()[0].text() == "&File"
    finally:
        switch_language(qapp, "lv")
