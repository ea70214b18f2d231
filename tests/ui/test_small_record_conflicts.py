"""Two users on one database: Beate ticks a report deadline or saves a report text while Anna's window shows the
older state. Anna's Space over the deadline, or her Ctrl+S in the texts editor, shows what Beate saved and lets
her choose; nothing is overwritten unseen. Keys and clicks only, in the real main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import DeadlineDTO, SubmissionInput
from projektu_vadiba.core.services import projects, report_texts
from projektu_vadiba.ui.conflict_dialog import ConflictDialog
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.reports import ReportsView
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.views.reports import ReportsSection
from projektu_vadiba.ui.wiring import unwire_features, wire_features
from tests.reports.report_sample import make_report_project

from .helpers import activate, button, dialogs_closed, make_window, on_dialog
from .keys import CTRL, click, click_row, key, shortcut, tab_to, type_text

__all__ = ["dialogs_closed"]  # the fixture fails a test whose dialog had to be closed by force


@pytest.fixture(autouse=True)
def wired() -> Iterator[None]:
    wire_features()
    yield
    unwire_features()


@pytest.fixture
def beate(empty_db: Database) -> Iterator[Database]:
    other = open_database(empty_db.url)
    yield other
    other.close()


def _open_reports(qtbot: QtBot, db: Database, settings: Settings) -> tuple[MainWindow, ReportsSection, int]:
    with db.session() as s:
        pid = make_report_project(s, "sif_nvo_fonds", texts=True).project_id
    window = make_window(qtbot, db, settings)
    window.open_project(pid, "overview")
    shortcut(window, Qt.Key.Key_7, CTRL)  # Atskaites un termiņi
    [section] = window.project_page.findChildren(ReportsSection)
    qtbot.waitUntil(section.view.isVisible)
    return window, section, pid


def _deadlines(db: Database, pid: int) -> list[DeadlineDTO]:
    with db.session() as s:
        return sorted(projects.get_project(s, pid).deadlines, key=lambda d: (d.due_date, d.id))


def test_ticking_a_deadline_beate_has_ticked_shows_both(
    qtbot: QtBot, empty_db: Database, settings: Settings, beate: Database
) -> None:
    window, section, pid = _open_reports(qtbot, empty_db, settings)
    click_row(section.view, 0)
    shown = section.current()
    assert shown is not None and shown.submitted_on is None
    with beate.session() as s:
        projects.mark_deadline_submitted(s, shown.id, SubmissionInput(date(2026, 12, 1), shown.version))

    seen: list[str] = []

    def keep_theirs(dialog: object) -> None:
        assert isinstance(dialog, ConflictDialog)
        seen.extend(d.name for d in dialog.conflict.fields)
        click(button(dialog, "Paturēt viņu versiju"))

    on_dialog(keep_theirs)
    key(Qt.Key.Key_Space)  # "Atzīmēt kā iesniegtu", over the list as Anna saw it
    assert seen == ["submitted_on"]
    [kept] = [d for d in _deadlines(empty_db, pid) if d.id == shown.id]
    assert (kept.submitted_on, kept.version) == (date(2026, 12, 1), shown.version + 1)
    assert not section.ws.undo_stack.canUndo()
    # The list shows Beate's tick now; Space again clears it (at her version), Ctrl+Z brings her date back.
    qtbot.waitUntil(lambda: section.current() is not None and section.current().submitted_on is not None)
    assert section.submit_button.text() == "Atcelt atzīmi “iesniegts”"
    activate(window)  # the window manager's part: the main window active again once the dialog is gone
    assert QApplication.focusWidget() is section.view
    key(Qt.Key.Key_Space)
    [cleared] = [d for d in _deadlines(empty_db, pid) if d.id == shown.id]
    assert cleared.submitted_on is None
    shortcut(window, Qt.Key.Key_Z, CTRL)
    [back] = [d for d in _deadlines(empty_db, pid) if d.id == shown.id]
    assert back.submitted_on == date(2026, 12, 1)


def test_a_report_text_beate_saved_meanwhile_is_shown_and_kept_or_replaced(
    qtbot: QtBot, empty_db: Database, settings: Settings, beate: Database
) -> None:
    window, _section, pid = _open_reports(qtbot, empty_db, settings)
    [view] = window.project_page.findChildren(ReportsView)
    bar = view.tabs.tabBar()
    click(bar, bar.tabRect(view.tabs.indexOf(view.texts)).center())
    editor = view.texts
    qtbot.waitUntil(editor.report.isVisible)
    tab_to(editor.editors["changes"])
    key(Qt.Key.Key_A, CTRL)
    type_text("Annas izmaiņas: tikšanās Ķekavā pārcelta.")
    with beate.session() as s:
        report_texts.set_text(s, pid, None, "changes", "Beates izmaiņas: pievienota Baldone.")

    # Ctrl+S: a warning with Beate's text; Anna takes hers into the box, nothing of Anna's is saved.
    seen: list[str] = []

    def take_theirs(box: object) -> None:
        seen.extend([box.text(), box.informativeText(), box.detailedText()])  # type: ignore[attr-defined]
        click(button(box, "Ņemt cita lietotāja"))  # type: ignore[arg-type]

    on_dialog(take_theirs)
    key(Qt.Key.Key_S, CTRL)
    assert seen and "jau saglabāja kāds cits" in seen[0]
    assert "Beates izmaiņas: pievienota Baldone." in seen[2]
    assert editor.editors["changes"].toPlainText() == "Beates izmaiņas: pievienota Baldone."
    assert not editor.has_unsaved()
    with empty_db.session() as s:
        assert report_texts.texts_of(s, pid)["changes"] == "Beates izmaiņas: pievienota Baldone."

    # Beate saves again while Anna writes; this time Anna keeps hers, knowingly: it is saved, one undo step.
    activate(window)
    click(editor.editors["changes"].viewport())
    assert QApplication.focusWidget() is editor.editors["changes"]
    key(Qt.Key.Key_A, CTRL)
    type_text("Annas izmaiņas.")
    with beate.session() as s:
        report_texts.set_text(s, pid, None, "changes", "Beates otrais teksts.")
    on_dialog(lambda box: click(button(box, "Saglabāt manu")))  # type: ignore[arg-type]
    key(Qt.Key.Key_S, CTRL)
    with empty_db.session() as s:
        assert report_texts.texts_of(s, pid)["changes"] == "Annas izmaiņas."
    assert editor.ws.undo_stack.undoText().startswith("Atskaites teksts: ")
