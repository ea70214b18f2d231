"""Team mode in the window: the UI shows and hides by the same rules the database enforces (core.team.access).
The user's access is given to the workspace as the database would report it for a staff member."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.team.access import Access
from projektu_vadiba.ui.models.project_tree import SECTION_ROLE
from projektu_vadiba.ui.settings import Settings

from .conftest import Seeded
from .helpers import make_window


def _staff_window(qtbot: QtBot, seeded: Seeded, settings: Settings, role: str):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, seeded.db, settings)
    pid = seeded.ids["2023-NVO-07"]
    window.ws.set_access(Access("janis", team=True, is_admin=False, project_roles={pid: role}))
    window.navigator.reload()
    window._update_project_actions()
    return window, pid


def test_staff_walk_the_tree_and_meet_no_budget(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window, pid = _staff_window(qtbot, seeded, settings, "staff")
    tree = window.navigator.tree
    tree.setFocus()
    model = tree.model()
    tree.setCurrentIndex(model.index(0, 0, model.index(0, 0)))  # the running project: its overview
    assert window.current_project_id() == pid
    seen = [window.project_page.current_section()]
    for _ in range(7):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        if tree.currentIndex().data(SECTION_ROLE) is None:
            break
        seen.append(window.project_page.current_section())
    assert seen == ["overview", "activities", "events", "participants", "indicators", "reports"]
    assert not window.section_actions["budget"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # Ctrl+6 would be the budget
    assert window.project_page.current_section() == "reports"
    window.project_page.show_section("budget")  # asked for by a link: the overview instead
    assert window.project_page.current_section() == "overview"
    page = window.project_page
    assert not page.edit_button.isVisible() and not page.delete_button.isVisible()
    assert not window.edit_project_action.isEnabled() and not window.new_project_action.isEnabled()
    assert not page.overview.cofinancing_card.isVisible()
    assert page.overview.facts.values["cofinancing"].text() == "—"


def test_an_accountant_keeps_the_budget_and_a_manager_edits(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window, pid = _staff_window(qtbot, seeded, settings, "accountant")
    window.open_project(pid)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.project_page.current_section() == "budget"
    assert not window.project_page.edit_button.isVisible()
    window.ws.set_access(Access("janis", team=True, is_admin=False, project_roles={pid: "manager"}))
    window.ws.dataChanged.emit()  # the page reads the project again, as after any change
    assert window.project_page.edit_button.isVisible() and not window.project_page.delete_button.isVisible()


def test_one_person_sees_everything(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    assert not window.ws.access.team and window.ws.access.is_admin
    window.open_project(seeded.ids["2023-NVO-07"])
    assert window.project_page.edit_button.isVisible() and window.project_page.delete_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.project_page.current_section() == "budget"
