"""What a project manager does all day, driven through the window: create a project, an activity, an event and an
indicator through their forms; edit and undo (Ctrl+Z) and redo; delete after a question that says what goes too.
The database is checked through the services afterwards."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.models.enums import DeadlineKind, EventType, IndicatorMethod
from projektu_vadiba.core.models.evidence import PrintPage, SheetPrint
from projektu_vadiba.core.services import activities, indicators, projects
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.widgets.choices import select_value
from projektu_vadiba.ui.widgets.table_view import column_texts

from .conftest import Seeded
from .helpers import activate, answer_message, button, dialogs_closed, make_window, on_dialog  # noqa: F401 (dialogs_closed: an autouse fixture)


def test_create_a_project_an_activity_an_event_and_an_indicator(
    qtbot: QtBot, empty_db: Database, settings: Settings
) -> None:
    clock.set_clock(datetime(2024, 6, 1, 9, 0))
    window = make_window(qtbot, empty_db, settings)

    def fill_project(form):  # type: ignore[no-untyped-def]
        form.number.setText("2024.LV/NVOF/MIC/017")
        form.title.setText("Ķekavas kopienu sarunas")
        form.funder.setCurrentText("Sabiedrības integrācijas fonds")
        form.implementer.setCurrentText("Biedrība “Zaļā Ķekava”")
        form.start.set_value(date(2024, 3, 1))
        form.end.set_value(date(2024, 12, 31))
        form.total_cost.setText("5 500")
        form.grant.setText("5 000,00")
        form.target_groups.setText("seniori, jaunieši")
        button(form, "Saglabāt").click()

    on_dialog(fill_project)
    window.new_project_action.trigger()
    with empty_db.session() as s:
        [summary] = projects.list_projects(s)
        project = projects.get_project(s, summary.id)
    assert (project.number, project.title) == ("2024.LV/NVOF/MIC/017", "Ķekavas kopienu sarunas")
    assert (project.grant_amount, project.total_cost) == (Decimal("5000.00"), Decimal("5500.00"))
    assert project.funder.profile_key == "sif_nvo_fonds"  # the known funder's profile was picked
    assert project.target_groups == ("seniori", "jaunieši")
    assert [(d.kind, d.due_date) for d in project.deadlines] == [
        (DeadlineKind.FINAL_REPORT, date(2025, 1, 29))
    ]  # 01.01 is a holiday
    assert window.current_project_id() == project.id
    assert window.project_page.title_label.text() == "Ķekavas kopienu sarunas"

    window.show_section("activities")
    section = window.project_page.activities

    def fill_activity(form):  # type: ignore[no-untyped-def]
        form.code.setText("1")
        form.title.setText("Sarunas ciemos")
        form.planned_start.set_value(date(2024, 4, 1))
        button(form, "Saglabāt").click()

    on_dialog(fill_activity)
    section.new_button.click()
    with empty_db.session() as s:
        [activity] = activities.list_activities(s, project.id)
    assert (activity.code, activity.title, activity.planned_start) == ("1", "Sarunas ciemos", date(2024, 4, 1))
    assert column_texts(section.view, 1) == ["Sarunas ciemos"]

    window.show_section("events")
    events = window.project_page.events

    def fill_event(form):  # type: ignore[no-untyped-def]
        form.title.setText("Saruna Daugmalē")
        select_value(form.type, EventType.DISCUSSION)
        select_value(form.activity, activity.id)
        form.starts_at.set_value(datetime(2024, 5, 10, 18, 0))  # the end moves along: two hours
        form.place.setText("Daugmales kopienu māja")
        form.municipality.setText("Ķekavas novads")
        form.planned.set_value(15)
        button(form, "Saglabāt").click()

    on_dialog(fill_event)
    events.new_button.click()
    with empty_db.session() as s:
        [event] = activities.list_events(s, project.id)
    assert (event.title, event.type, event.activity_id) == ("Saruna Daugmalē", EventType.DISCUSSION, activity.id)
    assert (event.starts_at, event.ends_at) == (datetime(2024, 5, 10, 18, 0), datetime(2024, 5, 10, 20, 0))
    assert event.planned_participants == 15
    assert column_texts(events.view, 1) == ["Saruna Daugmalē"]

    window.show_section("indicators")
    section_i = window.project_page.indicators

    def fill_indicator(form):  # type: ignore[no-untyped-def]
        form.code.setText("R1")
        form.name.setText("Sarunas ciemos")
        form.unit.setText("sarunas")
        form.planned.setText("6")
        select_value(form.method, IndicatorMethod.EVENTS)
        select_value(form.param_event_type, EventType.DISCUSSION)
        button(form, "Saglabāt").click()

    on_dialog(fill_indicator)
    section_i.new_button.click()
    with empty_db.session() as s:
        [indicator] = indicators.list_indicators(s, project.id)
    assert (indicator.code, indicator.planned_value, indicator.method) == ("R1", Decimal(6), IndicatorMethod.EVENTS)
    assert (indicator.method_param, indicator.achieved_value) == ("discussion", Decimal(1))  # counted from the event
    assert column_texts(section_i.view, 4) == ["1 sarunas"]


def test_edit_then_undo_and_redo(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    project_id = seeded.ids["2023-NVO-07"]
    window.open_project(project_id, "activities")
    section = window.project_page.activities
    section.view.setFocus()
    section.view.selectRow(0)
    assert not window.undo_action.isEnabled()

    def rename(form):  # type: ignore[no-untyped-def]
        form.title.setText("Ābeļdārza talka Ķekavā")
        button(form, "Saglabāt").click()

    on_dialog(rename)
    qtbot.keyClick(section.view, Qt.Key.Key_F2)

    def titles() -> list[str]:
        with seeded.db.session() as s:
            return [a.title for a in activities.list_activities(s, project_id)]

    assert titles() == ["Ābeļdārza talka Ķekavā"]
    assert window.undo_action.text() == "&Atsaukt: Aktivitātes “Ābeļdārza stādīšanas talka” labojums"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    activate(window)  # the form was the active window until it closed
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles() == ["Ābeļdārza stādīšanas talka"]
    assert column_texts(section.view, 1) == ["Ābeļdārza stādīšanas talka"]  # the view followed
    assert window.redo_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles() == ["Ābeļdārza talka Ķekavā"]
    window.undo_action.trigger()
    assert titles() == ["Ābeļdārza stādīšanas talka"]


def test_delete_asks_first_and_says_what_goes(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    project_id = seeded.ids["2023-NVO-07"]
    window.open_project(project_id, "events")
    section = window.project_page.events
    section.view.setFocus()
    section.view.selectRow(0)

    answer_message("Atcelt")
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    with seeded.db.session() as s:
        assert len(activities.list_events(s, project_id)) == 1  # cancelled: nothing went

    question: list[str] = []
    answer_message("Dzēst", question)
    section.delete_button.click()
    assert question[0] == "Dzēst pasākumu “Stādīšanas talka Ķekavā”?"
    assert "• 2 dalības ieraksti" in question[1]
    assert "Dzēšanu varēs atsaukt ar Ctrl+Z." in question[1]  # the event comes back with its list
    with seeded.db.session() as s:
        assert activities.list_events(s, project_id) == []
        assert projects.deletion_impact(s, project_id).attendances == 0
    assert section.empty.isVisible()
    window.undo_action.trigger()
    with seeded.db.session() as s:
        [event] = activities.list_events(s, project_id)
        assert projects.deletion_impact(s, project_id).attendances == 2
        # A printed sheet hangs on it now: its page records cannot be rebuilt, so the delete is final.
        stamp = SheetPrint(installation="test")
        s.add(stamp)
        s.flush()
        s.add(PrintPage(print_id=stamp.id, event_id=event.id, page=1, geometry="{}"))
    window.ws.dataChanged.emit()
    section.view.selectRow(0)
    question.clear()
    answer_message("Dzēst", question)
    section.delete_button.click()
    assert "Šo darbību nevarēs atsaukt." in question[1]
    with seeded.db.session() as s:
        assert activities.list_events(s, project_id) == []
    assert not window.undo_action.isEnabled()  # history cleared: it cannot come back


def test_deleting_an_indicator_can_be_undone(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    project_id = seeded.ids["2023-NVO-07"]
    window.open_project(project_id, "indicators")
    section = window.project_page.indicators
    section.view.selectRow(0)
    question: list[str] = []
    answer_message("Dzēst", question)
    section.delete_button.click()
    assert question == ["Dzēst rādītāju “R1 Iestādīti koki”?", "Dzēšanu varēs atsaukt ar Ctrl+Z."]
    with seeded.db.session() as s:
        assert indicators.list_indicators(s, project_id) == []
    window.undo_action.trigger()
    with seeded.db.session() as s:
        [back] = indicators.list_indicators(s, project_id)
    assert (back.code, back.name, back.planned_value, back.achieved_value) == ("R1", "Iestādīti koki", 120, 45)
    window.redo_action.trigger()
    with seeded.db.session() as s:
        assert indicators.list_indicators(s, project_id) == []


def test_deleting_the_open_project_goes_back_to_the_start(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    project_id = seeded.ids["2023-NVO-07"]
    window.open_project(project_id)
    question: list[str] = []
    answer_message("Dzēst", question)
    window.delete_project_action.trigger()
    assert question[0] == "Dzēst projektu 2023-NVO-07 “Ābeles”?"
    for line in ("• 1 aktivitāte", "• 1 pasākums", "• 2 dalības ieraksti", "• 1 rādītājs"):
        assert line in question[1]
    with seeded.db.session() as s:
        assert [p.number for p in projects.list_projects(s)] == ["EEZ-3", "LAD-19"]
    assert window.right.currentWidget() is window.start_page
    assert window.count_label.text() == "2 projekti"
