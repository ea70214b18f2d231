"""Live refresh: on PostgreSQL another user's change becomes one `dataChanged` of the workspace; an open form keeps
what was typed. On SQLite nothing listens."""

from __future__ import annotations

from datetime import datetime

import psycopg
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import live_changes
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, ProjectDetail
from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.live_refresh import start_live_refresh
from projektu_vadiba.ui.workspace import Workspace
from tests.core.factories import project_input

from . import keys


def test_another_users_change_reloads_the_views_but_not_the_open_form(qtbot: QtBot, db: Database) -> None:
    ws = Workspace(db)
    live = start_live_refresh(ws)
    if db.engine.dialect.name != "postgresql":
        assert live is None  # one user: nothing to listen to
        return
    assert live is not None
    try:
        with db.session() as s:
            project: ProjectDetail = projects.create_project(s, project_input())
            event = activities.create_event(
                s, project.id, EventInput("Talka", datetime(2023, 5, 2, 10), datetime(2023, 5, 2, 14))
            )
        assert live.listener.ready.wait(5)
        form = EventForm(ws, project.id, [], event)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        keys.type_into(form.place, "Ķekavas parks")
        changes: list[bool] = []
        ws.dataChanged.connect(lambda: changes.append(True))
        with (
            qtbot.waitSignal(ws.dataChanged, timeout=5000),
            psycopg.connect(live_changes.conninfo(db.url), autocommit=True) as other,
        ):
            other.execute("SELECT set_config('pv.client', 'beate', false)")
            with other.transaction():  # one save of three rows: one reload
                for title in ("Talka 1", "Talka 2", "Talka 3"):
                    other.execute("UPDATE events SET title = %s WHERE id = %s", (title, event.id))
        qtbot.wait(600)  # longer than the coalescing window: a second reload would have come by now
        assert len(changes) == 1
        assert [c.table for c in live.changes] == ["events"]
        assert form.place.text() == "Ķekavas parks" and form.title.text() == "Talka"
        form.done(0)
    finally:
        live.stop()
