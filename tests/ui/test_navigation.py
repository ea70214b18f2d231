"""Getting around with the keyboard and the mouse: the project tree, section shortcuts, an event's page and back,
the calendar, and the start page's lists."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.ui.models.month import DATE_ROLE
from projektu_vadiba.ui.models.project_tree import KIND_ROLE, SECTION_ROLE
from projektu_vadiba.ui.settings import EVENTS_VIEW, Settings

from .conftest import Seeded
from .helpers import make_window


def test_arrow_keys_in_the_tree_open_projects_and_sections(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    tree = window.navigator.tree
    assert window.right.currentWidget() is window.start_page
    tree.setFocus()
    model = tree.model()
    running = model.index(0, 0)
    tree.setCurrentIndex(model.index(0, 0, running))  # "Ābeles", the one running project
    assert window.current_project_id() == seeded.ids["2023-NVO-07"]
    assert window.project_page.current_section() == "overview"
    current = tree.currentIndex()
    assert (current.data(KIND_ROLE), current.data(SECTION_ROLE)) == ("section", "overview")  # its "Pārskats"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.project_page.current_section() == "activities"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.project_page.current_section() == "events"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Ctrl+5: indicators
    assert window.project_page.current_section() == "indicators"
    assert tree.currentIndex().data(SECTION_ROLE) == "indicators"  # the tree follows
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.right.currentWidget() is window.start_page
    assert not window.section_actions["events"].isEnabled()  # no project open


def test_the_tree_search_ignores_diacritics(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    nav = window.navigator
    qtbot.keyClicks(nav.search, "berz")
    model = nav.tree.model()
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert groups == ["Plānotie (1)"]
    assert model.index(0, 0, model.index(0, 0)).data() == "Bērzi"
    nav.search.clear()
    assert model.rowCount() == 3


def test_an_events_page_and_back(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids["2023-NVO-07"], "events")
    section = window.project_page.events
    section.view.setFocus()
    section.view.setCurrentIndex(section.model.index(0, 0))
    qtbot.keyClick(section.view, Qt.Key.Key_Return)
    page = section.page
    assert section.stack.currentWidget() is page
    assert page.title.text() == "Stādīšanas talka Ķekavā"
    assert page.facts.values["when"].text() == "22.04.2023 10:00–14:00"
    assert page.facts.values["type"].text() == "Talka"
    assert page.facts.values["place"].text() == "Ķekavas parks"
    assert page.attendance_summary.text() == "Sarakstā 2 personas, piedalījās 1."
    rows = page.attendance_widget.model.rows  # type: ignore[union-attr]
    assert [(a.person.surname, a.status.value) for a in rows] == [("Bērziņš", "attended"), ("Ozoliņa", "registered")]
    assert not page.sheet_button.isVisible()  # no attendance-sheet maker plugged in (ui/hooks.py)
    qtbot.keyClick(page.back_button, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert section.stack.currentWidget() is section.list_page
    assert section.current_id() == page.current_event.id  # type: ignore[union-attr]


def test_calendar_shows_the_month_and_opens_events(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    clock.set_clock(datetime(2023, 4, 10, 9, 0))
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids["2023-NVO-07"], "events")
    section = window.project_page.events
    section.calendar_button.click()
    calendar = section.calendar
    assert section.stack.currentWidget() is calendar
    assert calendar.title.text() == "2023. gada aprīlis"
    grid = calendar.grid
    day = calendar.model.index_of(date(2023, 4, 22))
    grid.setFocus()
    grid.setCurrentIndex(day)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert section.stack.currentWidget() is section.page
    section.close_event()
    assert section.stack.currentWidget() is calendar  # back to where the user came from
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert calendar.title.text() == "2023. gada maijs"
    assert grid.currentIndex().data(DATE_ROLE) == date(2023, 5, 22)
    assert settings.get(EVENTS_VIEW) == "calendar"  # remembered for next time


def test_the_window_reopens_where_the_user_was(qtbot: QtBot, seeded: Seeded, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ini = str(tmp_path / "where.ini")
    first = make_window(qtbot, seeded.db, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    first.open_project(seeded.ids["EEZ-3"], "indicators")
    first.close()
    second = make_window(qtbot, seeded.db, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    assert second.current_project_id() == seeded.ids["EEZ-3"]
    assert second.project_page.current_section() == "indicators"
    assert second.navigator.tree.currentIndex().data(SECTION_ROLE) == "indicators"


def test_start_page_names_the_next_deadline_and_the_project_of_a_coming_event(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    """Nothing due within the window: the next deadline is named (read only then); an event coming up shows its
    project's number (the project list is read only when there is one)."""
    clock.set_clock(datetime(2023, 4, 10, 9, 0))  # the talka on 22.04.2023 is 12 days away; the report in 2024
    window = make_window(qtbot, seeded.db, settings)
    start = window.start_page
    assert not start.due_view.isVisible() and start.due_empty.isVisible()
    assert start.due_empty.text() == (
        "Tuvāko 60 dienu laikā pārskatu termiņu nav. Nākamais: 30.01.2024 — Noslēguma pārskats, projekts 2023-NVO-07."
    )
    assert start.events_view.isVisible()
    events = start.events_view.model()
    assert [events.index(0, c).data() for c in (1, 2)] == [
        "Stādīšanas talka Ķekavā — Ķekavas parks, Ķekavas novads",
        "2023-NVO-07",
    ]
    clock.set_clock(datetime(2024, 1, 20, 9, 0))  # the report is due: no next one is told, no event is coming
    window.refresh_action.trigger()
    assert start.due_view.isVisible() and not start.due_empty.isVisible()
    assert not start.events_view.isVisible() and start.events_empty.isVisible()


def test_start_page_lists_deadlines_due_soon_and_opens_them(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    clock.set_clock(datetime(2024, 1, 20, 9, 0))  # "Ābeles" ended 31.12.2023: its report is due in 30 days
    window = make_window(qtbot, seeded.db, settings)
    start = window.start_page
    assert start.today_label.text() == "Šodien sestdiena, 20.01.2024"
    assert start.due_card.title_label.text() == "Pārskatu termiņi tuvākajās 60 dienās"
    view = start.due_view
    assert view.model().rowCount() == 1
    texts = [view.model().index(0, c).data() for c in range(4)]
    assert texts == ["30.01.2024", "pēc 10 dienām", "Noslēguma pārskats", "2023-NVO-07 Ābeles"]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_project_id() == seeded.ids["2023-NVO-07"]
    assert window.project_page.current_section() == "reports"
