"""A long preview (a project's sheets in one PDF) is navigable: type a page number, or pick an event, and the
view is there; scrolling moves the page number along."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.dto import EventInput
from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.services import activities
from projektu_vadiba.ui.actions.attendance_sheet import SheetChoice, SheetPreview, build_sheet_preview
from projektu_vadiba.ui.dialogs.pdf_preview import PdfPreviewDialog

from .conftest import Seeded
from .helpers import activate


@pytest.fixture
def batch(seeded: Seeded) -> SheetPreview:
    pid = seeded.ids["2023-NVO-07"]
    with seeded.db.session() as s:
        for day in range(1, 6):
            title = f"Darbnīca Nr. {day}"
            activities.create_event(s, pid, EventInput(title, datetime(2023, 5, day, 10), datetime(2023, 5, day, 12)))
    return build_sheet_preview(seeded.db, SheetChoice(SheetVariant.BLANK, blank_rows=40), project_id=pid)


def test_the_sheet_maker_says_where_each_event_starts(batch: SheetPreview) -> None:
    assert batch.pdf.page_count == 18  # six events, three pages each (40 empty rows + the two registered)
    assert batch.chapters[0] == ("22.04.2023 10:00 Stādīšanas talka Ķekavā", 0)
    assert [page for _label, page in batch.chapters] == [0, 3, 6, 9, 12, 15]
    assert batch.chapters[5][0] == "05.05.2023 10:00 Darbnīca Nr. 5"


def _type(text: str) -> None:
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)


def test_typing_a_page_number_and_picking_an_event_jump_there(
    qtbot: QtBot, batch: SheetPreview, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[bool] = []
    monkeypatch.setattr(PdfPreviewDialog, "print_dialog", lambda self: printed.append(True))
    dialog = PdfPreviewDialog(batch.pdf.data, batch.file_name, batch.title, chapters=batch.chapters)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(dialog)
    assert dialog.page_spin.isVisible() and dialog.page_spin.text() == "Lapa 1 no 18"
    assert dialog.chapter_combo.isVisible() and dialog.chapter_combo.count() == 6

    dialog.page_spin.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type("14")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.current_page() == 13
    assert printed == []  # Enter in the page field jumps; it does not press "Drukāt…" (the default button)
    assert dialog.chapter_combo.currentText() == "04.05.2023 10:00 Darbnīca Nr. 4"  # page 14 is the 5th event's

    dialog.chapter_combo.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)  # a closed combo box: Up picks the previous item
    assert dialog.current_page() == 9
    assert dialog.page_spin.value() == 10

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    assert dialog.current_page() == 0 and dialog.page_spin.text() == "Lapa 1 no 18"


def test_one_page_needs_no_navigation(qtbot: QtBot, seeded: Seeded) -> None:
    pid = seeded.ids["2023-NVO-07"]
    made = build_sheet_preview(seeded.db, SheetChoice(SheetVariant.BLANK, blank_rows=3), project_id=pid)
    dialog = PdfPreviewDialog(made.pdf.data, made.file_name, made.title)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count == 1
    assert not dialog.page_spin.isVisible() and not dialog.chapter_combo.isVisible()
    assert dialog.pages_label.isVisible() and dialog.pages_label.text() == "1 lapa"
