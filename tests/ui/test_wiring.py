"""The composition root plugs the feature packages into the workspace: the event page gets the attendance
checklist, the Budget section the accountant's view, and the sheet buttons appear."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.services import activities, attendance, people, projects
from projektu_vadiba.ui.budget import BudgetView
from projektu_vadiba.ui.people.event_attendance import EventAttendanceWidget
from projektu_vadiba.ui.people_window import PeopleRegistryWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.wiring import unwire_features, wire_features
from tests.core.factories import project_input
from tests.ui.helpers import make_window


@pytest.fixture
def wired() -> Iterator[None]:
    wire_features()
    yield
    unwire_features()


@pytest.fixture
def filled(tmp_path) -> Iterator[tuple[Database, int, int]]:  # type: ignore[no-untyped-def]
    db = open_database(f"sqlite:///{tmp_path / 'w.sqlite'}")
    with db.session() as s:
        p = projects.create_project(s, project_input())
        ev = activities.create_event(
            s,
            p.id,
            EventInput(title="Tikšanās Ķekavā", starts_at=datetime(2023, 5, 2, 18), ends_at=datetime(2023, 5, 2, 20)),
        )
        who = people.create_person(s, PersonInput(given_name="Ģirts", surname="Ēriņš"))
        attendance.register(s, ev.id, who.id)
    yield db, p.id, ev.id
    db.close()


def test_features_plug_into_the_workspace(
    qtbot: QtBot, wired: None, filled: tuple[Database, int, int], settings: Settings
) -> None:
    db, project_id, event_id = filled
    window = make_window(qtbot, db, settings)
    window.open_event(project_id, event_id)
    page = window.project_page
    checklist = page.findChild(EventAttendanceWidget)
    assert checklist is not None and checklist.isVisibleTo(window)
    assert checklist.model.rowCount() == 1
    sheet_buttons = [b for b in page.findChildren(QPushButton) if b.text() == "Reģistrācijas lapa…"]
    assert any(b.isVisibleTo(window) for b in sheet_buttons)
    assert window.evidence_action.isEnabled() and window.scan_action.isEnabled()
    window.show_section("budget")
    assert page.findChild(BudgetView) is not None
    window.registry_action.trigger()
    registry = window.findChild(PeopleRegistryWindow)
    assert registry is not None and registry.isVisible()
    registry.close()


def test_budget_and_reports_parts_are_made_when_their_section_is_shown(
    qtbot: QtBot, wired: None, filled: tuple[Database, int, int], settings: Settings
) -> None:
    from projektu_vadiba.ui.reports.view import ReportsView

    db, project_id, _ = filled
    with db.session() as s:
        other = projects.create_project(s, project_input(number="2024.LV/NVOF/MIC/002")).id
    window = make_window(qtbot, db, settings)
    window.open_project(project_id, "overview")
    page = window.project_page
    # A hidden section reads nothing: opening a project with 1,000 expenses must not build the money view.
    assert page.findChild(BudgetView) is None and page.findChild(ReportsView) is None
    window.show_section("budget")
    first = page.findChild(BudgetView)
    assert first is not None and first.project_id == project_id
    window.show_section("reports")
    assert page.findChild(ReportsView) is not None
    window.open_project(other, "budget")
    qtbot.waitUntil(lambda: [v.project_id for v in page.findChildren(BudgetView)] == [other])
