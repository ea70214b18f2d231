"""Izmaiņu žurnāls in the window: a manager reads who changed what in their project, filters by user and dates by
keyboard, and exports what is shown to XLSX; staff have no such menu entry. On a real PostgreSQL team database."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services import activities
from projektu_vadiba.core.services.event_delete import event_input
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.team import audit_dialog
from projektu_vadiba.ui.team.audit_dialog import AuditDialog
from projektu_vadiba.ui.workspace import Workspace
from tests.team.conftest import Team
from tests.ui.helpers import activate, dialogs_closed  # noqa: F401  (dialogs_closed: an autouse fixture)
from tests.ui.keys import key, tab_to, type_text


@pytest.fixture
def manager_db(team: Team) -> Iterator[Database]:
    db = team.server.open_as(team.user("manager"))
    yield db
    db.close()


def _staff_renames_the_event(team: Team, title: str) -> None:
    staff = team.server.open_as(team.user("staff"))
    try:
        with staff.session() as s:
            loaded = event_input(activities.get_event(s, team.event_a))
            activities.update_event(s, team.event_a, replace(loaded, title=title, version=None))
    finally:
        staff.close()


def test_a_manager_reads_filters_and_exports_the_log(
    qtbot: QtBot, team: Team, manager_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _staff_renames_the_event(team, "Seminārs Ķekavā")
    dialog = AuditDialog(Workspace(manager_db), team.project_a)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    rows = dialog.model.rows
    assert rows and all(a.at >= b.at for a, b in itertools.pairwise(rows))  # newest first
    renamed = rows[0]
    assert (renamed.user, renamed.table, renamed.operation) == (team.user("staff"), "events", "UPDATE")
    assert "title: Seminārs a → Seminārs Ķekavā" in audit_dialog.changes_text(renamed)
    assert all(r.project_id in (team.project_a, None) for r in rows)  # project B's rows are not this manager's
    assert dialog.summary.text().startswith(f"{len(rows)} ieraks")

    # By keyboard: the user box, the staff member's name typed; then a "from" date after today finds nothing.
    tab_to(dialog.user)
    type_text(team.user("staff"))
    assert dialog.user.currentData() == team.user("staff")
    assert {r.user for r in dialog.model.rows} == {team.user("staff")}
    staff_rows = list(dialog.model.rows)
    tab_to(dialog.date_from)
    type_text("32.13.2026")  # no such day: said in a sentence, the list stays as it was
    key(Qt.Key.Key_Tab)
    assert dialog.model.rows == staff_rows
    assert dialog.summary.text() and "ierakst" not in dialog.summary.text()
    tab_to(dialog.date_from)  # round the dialog: Tab leaves the table instead of walking its cells
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("31.12.2030")  # after every entry of this run
    key(Qt.Key.Key_Tab)
    assert dialog.model.rows == [] and not dialog.export_button.isEnabled()
    assert dialog.summary.text() == "0 ierakstu"
    tab_to(dialog.date_from)
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Delete)
    key(Qt.Key.Key_Tab)
    shown = list(dialog.model.rows)
    assert shown and dialog.export_button.isEnabled()

    # The export writes what the filter found, one line per changed field, personal data by name only.
    target = tmp_path / "žurnāls"
    monkeypatch.setattr(audit_dialog, "choose_xlsx_file", lambda _parent: str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "žurnāls.xlsx").active
    values = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=2)]
    assert values and {v[1] for v in values} == {team.user("staff")}
    assert ("title", "Seminārs a", "Seminārs Ķekavā") in {v[6:9] for v in values}
    assert "ierakstīts" in dialog.summary.text().lower()


def test_the_menu_entry_is_there_for_managers_not_for_staff(
    qtbot: QtBot, team: Team, manager_db: Database, tmp_path: Path
) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(manager_db, settings)
    qtbot.addWidget(window)
    assert window.audit_action.isVisible() and not window.users_action.isVisible()
    staff = team.server.open_as(team.user("staff"))
    try:
        other = MainWindow(staff, settings)
        qtbot.addWidget(other)
        assert not other.audit_action.isVisible()
        other.close()
    finally:
        staff.close()
    window.close()
    assert QApplication.activeModalWidget() is None
