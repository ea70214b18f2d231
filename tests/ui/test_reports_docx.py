"""The Reports section makes the final and interim report as an editable DOCX: chosen with the mouse and the keys
as a person does, made on the same background path as the PDF, written where the file dialog says, listed with
the last files made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.ui.reports import making
from tests.reports.docx_text import docx_body_text
from tests.reports.report_sample import fill_texts
from tests.ui.keys import click, key, tab_to
from tests.ui.test_reports_view import make_view, qsettings

__all__ = ["qsettings"]  # the settings fixture, shared


def test_docx_is_chosen_saved_and_listed(
    qtbot: QtBot, empty_db: Database, qsettings: QSettings, tmp_path: Path
) -> None:
    view = make_view(qtbot, empty_db, qsettings, texts=True)
    chosen: list[tuple[str, str]] = []

    def choose(name: str, suffix: str) -> Path:
        chosen.append((name, suffix))
        return tmp_path / name

    view.choose_path = choose
    click(view.with_lists)
    assert view.with_lists.isChecked()
    # The format box: opened with the mouse, DOCX clicked in its list.
    click(view.file_format)
    items = view.file_format.view()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None and items.isVisible())
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a release this soon would count as the opening click's
    row = items.visualRect(items.model().index(1, 0))
    QTest.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, row.center())
    qtbot.waitUntil(lambda: view.file_format.currentData() == "docx")
    assert view.request().docx and view.request().suffix == ".docx"
    assert not view.with_lists.isEnabled() and not view.request().with_lists  # the lists are PDF sheets
    assert not view.preview_button.isEnabled() and "Word" in view.preview_button.toolTip()

    click(view.save_button)
    qtbot.waitUntil(lambda: len(chosen) == 1)
    [(name, suffix)] = chosen
    assert (name, suffix) == ("nosleguma-parskats-2023-lv-nvof-mac-041-58.docx", ".docx")
    written = tmp_path / name
    qtbot.waitUntil(written.is_file)
    text = docx_body_text(written)
    assert "Projekta noslēguma pārskats" in text and "Ceļa karte iedzīvotāju kopienām Ķekavas novadā" in text
    assert view.status.text() == f"Saglabāts: {written}"
    first = view.recent.list.item(0).text()
    assert first.split("\n")[0] == written.name and "Noslēguma pārskats" in first

    # The interim report keeps the choice; the financial report has no format to choose (always XLSX).
    click(view.kind_buttons[making.INTERIM])
    assert view.kind() == making.INTERIM and view.request().suffix == ".docx"
    click(view.kind_buttons[making.FINANCIAL])
    assert not view.file_format.isEnabled() and view.request().suffix == ".xlsx"
    assert view.preview_button.isEnabled() is False and "XLSX" in view.preview_button.toolTip()
    click(view.kind_buttons[making.FINAL])
    assert view.file_format.isEnabled() and view.request().docx
    # By the keyboard alone: Tab to the box, the arrow key goes back to PDF.
    tab_to(view.file_format)
    key(Qt.Key.Key_Up)
    assert view.file_format.currentData() == "pdf" and view.with_lists.isEnabled() and view.request().with_lists
    assert view.preview_button.isEnabled() and view.request().suffix == ".pdf"


def test_docx_of_an_interim_period_is_made_like_its_pdf(empty_db: Database, qtbot: QtBot, qsettings: QSettings) -> None:
    view = make_view(qtbot, empty_db, qsettings, texts=True)
    start = view.project.start_date
    request = making.Request(making.INTERIM, start.replace(month=6, day=1), start.replace(month=7, day=19), docx=True)
    assert request.period is not None
    with empty_db.session() as s:  # the interim report prints the texts of its own period
        fill_texts(s, view.project_id, view.project.profile_key, request.period)
    made = making.make(view.ws.db, view.project_id, request)
    assert made.data[:2] == b"PK" and made.file_name.endswith("2023-06-01-2023-07-19.docx") and made.pages == 0
    pdf = making.make(view.ws.db, view.project_id, making.Request(making.INTERIM, request.date_from, request.date_to))
    assert pdf.title == made.title
