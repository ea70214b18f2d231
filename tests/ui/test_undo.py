"""The undo history: commands call the services; undo and redo keep working when records are created again with
new ids; undoing a "create" asks before it deletes what was added since; a step that cannot be done any more
says why and leaves the history."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from projektu_vadiba.core.dto import ActivityInput, EventInput, ProjectInput
from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.core.services.event_delete import activity_input
from projektu_vadiba.core.services.projects import project_input
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.entities import ACTIVITY, EVENT, PROJECT
from projektu_vadiba.ui.workspace import Workspace

from .conftest import Seeded


@pytest.fixture
def ws(seeded: Seeded) -> Workspace:
    return Workspace(seeded.db)


def _events(ws: Workspace, pid: int) -> list[tuple[str, int | None]]:
    return ws.read(lambda s: [(e.title, e.activity_id) for e in activities.list_events(s, pid)])


def test_redo_recreates_records_and_keeps_their_links(ws: Workspace, seeded: Seeded) -> None:
    pid = seeded.ids["EEZ-3"]
    changed: list[bool] = []
    ws.dataChanged.connect(lambda: changed.append(True))
    act = ws.execute(CreateCommand(ws, ACTIVITY, pid, ActivityInput("2", "Kopienu darbnīcas"), "a"))
    event = EventInput("Darbnīca Baldonē", datetime(2024, 6, 1, 10), datetime(2024, 6, 1, 13), activity_id=act.id)
    ws.execute(CreateCommand(ws, EVENT, pid, event, "e"))
    assert len(changed) == 2  # one signal per change
    assert _events(ws, pid) == [("Darbnīca Baldonē", act.id)]
    ws.undo()
    ws.undo()
    assert _events(ws, pid) == []
    assert ws.read(lambda s: activities.list_activities(s, pid)) == []
    with seeded.db.session() as s:  # someone takes the freed id meanwhile
        other = activities.create_activity(s, seeded.ids["LAD-19"], ActivityInput("9", "Cits"))
    assert other.id == act.id
    ws.redo()
    ws.redo()
    [again] = ws.read(lambda s: activities.list_activities(s, pid))
    assert again.id != act.id  # a new record ...
    assert _events(ws, pid) == [("Darbnīca Baldonē", again.id)]  # ... and the event points at it
    old = activity_input(again)
    ws.execute(EditCommand(ws, ACTIVITY, again.id, old, ActivityInput("2", "Darbnīcas kopienām"), "edit"))
    ws.undo()
    assert ws.read(lambda s: activities.list_activities(s, pid))[0].title == "Kopienu darbnīcas"


def test_undoing_a_project_edit_moves_its_deadlines_back(ws: Workspace, seeded: Seeded) -> None:
    pid = seeded.ids["EEZ-3"]
    before = ws.read(lambda s: projects.get_project(s, pid))
    longer = ProjectInput(**{**project_input(before).__dict__, "end_date": date(2025, 6, 30)})
    ws.execute(EditCommand(ws, PROJECT, pid, project_input(before), longer, "edit"))
    moved = ws.read(lambda s: projects.get_project(s, pid))
    assert [d.due_date for d in moved.deadlines] == [date(2025, 7, 30)]
    ws.undo()
    back = ws.read(lambda s: projects.get_project(s, pid))
    assert (back.end_date, [d.due_date for d in back.deadlines]) == (date(2025, 4, 30), [date(2025, 5, 30)])


def test_undoing_a_create_asks_when_things_were_added_since(
    ws: Workspace, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = seeded.ids["EEZ-3"]
    act = ws.execute(CreateCommand(ws, ACTIVITY, pid, ActivityInput("3", "Tikšanās"), "Jauna aktivitāte “Tikšanās”"))
    with seeded.db.session() as s:  # added outside the history (as an import would)
        activities.create_event(
            s, pid, EventInput("Tikšanās", datetime(2024, 7, 1, 18), datetime(2024, 7, 1, 20), activity_id=act.id)
        )
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer)
    ws.undo()
    assert "• 1 pasākums" in asked[0] and "Jauna aktivitāte “Tikšanās”" in asked[0]
    assert len(ws.read(lambda s: activities.list_activities(s, pid))) == 1  # "No": kept
    answer = QMessageBox.StandardButton.Yes
    ws.undo()
    assert ws.read(lambda s: activities.list_activities(s, pid)) == []
    assert _events(ws, pid) == []


def test_a_step_that_cannot_be_undone_says_why(ws: Workspace, seeded: Seeded) -> None:
    pid = seeded.ids["EEZ-3"]
    act = ws.execute(CreateCommand(ws, ACTIVITY, pid, ActivityInput("4", "Izstāde"), "a"))
    with seeded.db.session() as s:  # deleted meanwhile (another user, another window)
        activities.delete_activity(s, act.id)
    problems: list[str] = []
    ws.problem.connect(problems.append)
    ws.undo()
    assert problems == [f"Aktivitāte (nr. {act.id}) nav atrasts — iespējams, to jau izdzēsa."]
    assert not ws.undo_stack.canUndo()  # the step left the history
