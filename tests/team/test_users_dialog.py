"""The Lietotāji window of a team database, used as an administrator does: keys and clicks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.team import users
from projektu_vadiba.ui.team.users_dialog import UsersDialog
from projektu_vadiba.ui.workspace import Workspace
from tests.team.conftest import PASSWORD, Team
from tests.ui.helpers import activate, dialogs_closed, on_dialog  # noqa: F401  (dialogs_closed: an autouse fixture)
from tests.ui.keys import key, type_into, type_text


@pytest.fixture
def admin_db(team: Team) -> Iterator[Database]:
    db = team.server.open_as(team.server.admin)
    yield db
    db.close()


def _dialog(qtbot: QtBot, db: Database) -> UsersDialog:
    dialog = UsersDialog(Workspace(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _click_row(qtbot: QtBot, dialog: UsersDialog, name: str) -> None:
    row = [u.name for u in dialog.model.rows].index(name)
    rect = dialog.view.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current() is not None and dialog.current().name == name  # type: ignore[union-attr]


def _choose(combo: Any, text: str | None) -> None:
    """Focus the list and type the start of an item, as a user picks from a closed combo box (None: Home, the
    first item)."""
    activate(combo.window())
    combo.setFocus()
    if text is None:
        key(Qt.Key.Key_Home)
    else:
        type_text(text)


def _user(db: Database, name: str) -> users.UserDTO:
    with db.session() as s:
        return next(u for u in users.list_users(s) if u.name == name)


def test_an_administrator_gives_a_user_a_project_role(qtbot: QtBot, team: Team, admin_db: Database) -> None:
    dialog = _dialog(qtbot, admin_db)
    viewer = team.user("viewer")
    assert viewer in [u.name for u in dialog.model.rows]
    _click_row(qtbot, dialog, viewer)
    _choose(dialog.project, "B-2")
    _choose(dialog.project_role, "gr")  # grāmatvedis
    qtbot.mouseClick(dialog.member_button, Qt.MouseButton.LeftButton)
    assert ("B-2", "accountant") in {(m.project_number, m.project_role) for m in _user(admin_db, viewer).projects}
    _choose(dialog.project_role, None)  # "— nav projektā —": off the project again
    qtbot.mouseClick(dialog.member_button, Qt.MouseButton.LeftButton)
    assert "B-2" not in {m.project_number for m in _user(admin_db, viewer).projects}
    assert dialog.current() is not None and dialog.current().name == viewer  # type: ignore[union-attr]


def test_a_new_user_is_added_with_a_password_typed_twice(qtbot: QtBot, team: Team, admin_db: Database) -> None:
    dialog = _dialog(qtbot, admin_db)
    name = team.user("jauna")

    def fill(form: Any) -> None:
        type_into(form.name, name)
        type_into(form.full_name, "Zane Jaunā")
        _choose(form.role, "sk")  # skatītājs
        type_into(form.password, PASSWORD)
        type_into(form.again, PASSWORD)
        key(Qt.Key.Key_Return)

    on_dialog(fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = _user(admin_db, name)
    assert (added.full_name, added.role) == ("Zane Jaunā", "viewer")
    assert dialog.current() is not None and dialog.current().name == name  # type: ignore[union-attr]
    login = team.server.open_as(name)  # the password typed in the form is the one that works
    login.close()
