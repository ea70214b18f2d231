"""The texts editor writes the texts of one report at a time: "Pārskats:" chooses the final report or an interim
period, only that report's sections are shown, typing and saving go to that report alone (one undo step, Ctrl+Z),
and the interim report made afterwards prints its own text. Keys and clicks only, in the real main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.models import DeadlineKind
from projektu_vadiba.core.services import projects, report_texts
from projektu_vadiba.ui.reports import ReportsView, making
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.wiring import unwire_features, wire_features
from tests.reports.pdftools import pdftotext_pages
from tests.reports.report_sample import make_report_project

from .helpers import make_window
from .keys import CTRL, SHIFT, click, key, shortcut, tab_to, type_text

SPRING = (date(2023, 3, 1), date(2023, 6, 30))  # the interim report's period (from its deadline)
TYPED = "Martā–jūnijā divas tikšanās Baldonē un Ķekavā; vadlīniju melnraksts gatavs."


@pytest.fixture(autouse=True)
def wired() -> Iterator[None]:
    wire_features()
    yield
    unwire_features()


def _texts(db: Database, pid: int, period: tuple[date, date] | None) -> dict[str, str]:
    with db.session() as s:
        return report_texts.texts_of(s, pid, period)


def _open_texts(qtbot: QtBot, db: Database, settings: Settings) -> tuple[ReportsView, int]:
    with db.session() as s:
        pid = make_report_project(s, "sif_nvo_fonds", texts=True).project_id
        projects.add_deadline(s, pid, DeadlineKind.INTERIM_REPORT, date(2023, 7, 15), *SPRING)
    window = make_window(qtbot, db, settings)
    window.open_project(pid, "overview")
    shortcut(window, Qt.Key.Key_7, CTRL)  # Atskaites un termiņi
    [view] = window.project_page.findChildren(ReportsView)
    qtbot.waitUntil(view.tabs.isVisible)
    bar = view.tabs.tabBar()
    click(bar, bar.tabRect(view.tabs.indexOf(view.texts)).center())
    qtbot.waitUntil(view.texts.report.isVisible)
    return view, pid


def test_interim_texts_are_written_for_the_chosen_report(qtbot: QtBot, empty_db: Database, settings: Settings) -> None:
    view, pid = _open_texts(qtbot, empty_db, settings)
    editor, combo = view.texts, view.texts.report
    final_before = _texts(empty_db, pid, None)
    assert set(final_before) == {"aim_reached", "publicity", "changes"}
    # The final report first, with its own sections; then each interim period.
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Noslēguma pārskats",
        "Starpposma pārskats 01.03.2023–30.06.2023",
    ]
    assert list(editor.editors) == ["aim_reached", "publicity", "changes"]
    assert editor.editors["aim_reached"].toPlainText() == final_before["aim_reached"]

    # The interim report chosen by the keyboard: Tab to the box, the arrow key down.
    tab_to(combo)
    key(Qt.Key.Key_Down)
    assert combo.currentText() == "Starpposma pārskats 01.03.2023–30.06.2023"
    assert list(editor.editors) == ["interim_progress", "interim_changes"]  # only the sections it has
    qtbot.waitUntil(editor.editors["interim_changes"].isVisible)  # new boxes show on the event loop's next turn
    assert all(box.toPlainText() == "" for box in editor.editors.values())  # it borrows no final text

    # Typed into its first box and saved with Ctrl+S: the interim report has it, the final report is as it was.
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.editors["interim_progress"]
    type_text(TYPED)
    assert editor.has_unsaved() and editor.status.text() == "Nesaglabātas izmaiņas"
    key(Qt.Key.Key_S, CTRL)
    assert _texts(empty_db, pid, SPRING) == {"interim_progress": TYPED}
    assert _texts(empty_db, pid, None) == final_before
    assert not editor.has_unsaved() and editor.status.text() == "Visi teksti saglabāti"
    stack = view.ws.undo_stack
    expected = "Starpposma pārskata (01.03.2023–30.06.2023) teksts: Virzība uz projekta mērķi pārskata periodā"
    assert stack.undoText() == expected

    # The interim report made now prints its own text, not the final report's.
    request = making.Request(making.INTERIM, *SPRING, draft=True)
    text = " ".join(" ".join(page.split()) for page in pdftotext_pages(making.make(empty_db, pid, request).data))
    assert TYPED in text and final_before["aim_reached"] not in text

    # Ctrl+Z (from the report box: inside a text box it would undo the typing) takes the text away again.
    key(Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is combo
    shortcut(view.window(), Qt.Key.Key_Z, CTRL)
    assert _texts(empty_db, pid, SPRING) == {} and _texts(empty_db, pid, None) == final_before
    assert editor.editors["interim_progress"].toPlainText() == "" and not editor.has_unsaved()
    assert combo.currentText() == "Starpposma pārskats 01.03.2023–30.06.2023"  # still the report being written
    shortcut(view.window(), Qt.Key.Key_Z, CTRL | SHIFT)  # and redo puts it back
    assert _texts(empty_db, pid, SPRING) == {"interim_progress": TYPED}
    assert editor.editors["interim_progress"].toPlainText() == TYPED

    # Back to the final report: its sections and texts.
    key(Qt.Key.Key_Up)
    assert combo.currentText() == "Noslēguma pārskats"
    assert list(editor.editors) == ["aim_reached", "publicity", "changes"]
    assert {k: box.toPlainText() for k, box in editor.editors.items()} == final_before


def test_typed_text_goes_to_the_report_it_was_typed_for(qtbot: QtBot, empty_db: Database, settings: Settings) -> None:
    """Leaving for another report saves what was typed into the report being left, never into the next one."""
    view, pid = _open_texts(qtbot, empty_db, settings)
    editor, combo = view.texts, view.texts.report
    final_before = _texts(empty_db, pid, None)
    tab_to(combo)
    key(Qt.Key.Key_Down)
    qtbot.waitUntil(editor.editors["interim_changes"].isVisible)
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.editors["interim_changes"]
    type_text("Viena tikšanās pārcelta uz jūliju.")
    key(Qt.Key.Key_Tab, SHIFT)
    key(Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is combo
    key(Qt.Key.Key_Up)
    assert combo.currentText() == "Noslēguma pārskats" and not editor.has_unsaved()
    assert _texts(empty_db, pid, SPRING) == {"interim_changes": "Viena tikšanās pārcelta uz jūliju."}
    assert _texts(empty_db, pid, None) == final_before


def test_fill_texts_opens_the_interim_report_being_made(qtbot: QtBot, empty_db: Database, settings: Settings) -> None:
    """An interim report of a period no deadline names: "Aizpildīt tekstus…" opens that period's texts."""
    view, pid = _open_texts(qtbot, empty_db, settings)
    bar = view.tabs.tabBar()
    click(bar, bar.tabRect(0).center())
    click(view.kind_buttons[making.INTERIM])
    period = (date(2023, 6, 1), date(2023, 7, 19))
    for field, typed in ((view.date_from, "01.06.2023"), (view.date_to, "19.07.2023")):
        tab_to(field)
        for ch in typed:  # key by key, as the date tests type
            QTest.keyClick(QApplication.focusWidget(), ch)
        key(Qt.Key.Key_Tab)
    assert (view.date_from.value(), view.date_to.value()) == period
    qtbot.waitUntil(view.fill_button.isVisible)
    click(view.fill_button)
    assert view.tabs.currentWidget() is view.texts
    assert view.texts.report.currentText() == "Starpposma pārskats 01.06.2023–19.07.2023"
    assert QApplication.focusWidget() is view.texts.editors["interim_progress"]
    type_text("Jūnijā un jūlijā divas tikšanās.")
    key(Qt.Key.Key_S, CTRL)
    assert _texts(empty_db, pid, period) == {"interim_progress": "Jūnijā un jūlijā divas tikšanās."}
    assert _texts(empty_db, pid, SPRING) == {}  # the deadline's period has none: texts are per period
    combo = view.texts.report
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Noslēguma pārskats",
        "Starpposma pārskats 01.03.2023–30.06.2023",
        "Starpposma pārskats 01.06.2023–19.07.2023",
    ]
