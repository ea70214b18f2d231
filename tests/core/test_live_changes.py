"""Live refresh on PostgreSQL: migration 0014's triggers NOTIFY after each committed change, the listener thread
hears other connections' changes and skips this app's own."""

from __future__ import annotations

import json
import queue
from collections.abc import Iterator
from datetime import datetime

import psycopg
import pytest

from projektu_vadiba.core import live_changes
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.live_changes import Change, ListenerThread, parse_payload
from projektu_vadiba.core.services import activities, attendance, people

WAIT = 5.0  # generous: the promise is a second, the test only must not hang


def test_payloads_are_parsed_and_anything_else_is_ignored() -> None:
    change = parse_payload(json.dumps({"t": "events", "p": 7, "c": "abc", "x": 912}), received=1.5)
    assert change == Change("events", 7, "abc", 912, 1.5)
    shared = parse_payload(json.dumps({"t": "people", "p": None, "c": None, "x": 3}))
    assert shared is not None and (shared.project_id, shared.client) == (None, None)
    for junk in ("", "not json", "[1, 2]", json.dumps({"p": 1}), json.dumps({"t": 5})):
        assert parse_payload(junk) is None


def test_sqlite_has_nothing_to_listen_to() -> None:
    assert not live_changes.is_postgres("sqlite:///x.sqlite")
    assert live_changes.is_postgres("postgresql+psycopg://u:p@127.0.0.1/db")
    assert live_changes.conninfo("postgresql+psycopg://u:p%40x@127.0.0.1/db") == "postgresql://u:p%40x@127.0.0.1/db"


@pytest.fixture
def pg(db: Database) -> Database:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("LISTEN/NOTIFY: PostgreSQL only")
    return db


@pytest.fixture
def heard(pg: Database) -> Iterator[queue.Queue[Change]]:
    """Every change the listener hears, this app's own included (own_client=None)."""
    changes: queue.Queue[Change] = queue.Queue()
    thread = ListenerThread(pg.url, lambda batch: [changes.put(c) for c in batch], own_client=None, poll=0.2)
    thread.start()
    assert thread.ready.wait(WAIT)
    yield changes
    thread.stop()


def _next(changes: queue.Queue[Change]) -> Change:
    return changes.get(timeout=WAIT)


def test_a_committed_change_reaches_the_listener(
    pg: Database, heard: queue.Queue[Change], project: ProjectDetail
) -> None:
    _drain(heard)
    with pg.session() as s:
        event = activities.create_event(
            s, project.id, EventInput("Talka", datetime(2023, 5, 2, 10), datetime(2023, 5, 2, 14))
        )
    change = _next(heard)
    assert (change.table, change.project_id, change.client) == ("events", project.id, live_changes.CLIENT_ID)
    with pg.session() as s:  # an attendance row names its project through its event
        person = people.create_person(s, PersonInput("Ilze", "Ozola"))
        attendance.register(s, event.id, person.id)
    tables = {_next(heard).table for _ in range(2)}
    assert tables == {"people", "attendance"}


def test_a_rolled_back_change_is_never_announced(pg: Database, heard: queue.Queue[Change]) -> None:
    _drain(heard)
    with pytest.raises(RuntimeError), pg.session() as s:
        people.create_person(s, PersonInput("Jānis", "Kalns"))
        raise RuntimeError("the use case fails after the insert")
    with pg.session() as s:
        people.create_person(s, PersonInput("Anna", "Kalna"))
    change = _next(heard)  # the first thing heard is the committed one
    assert change.table == "people"
    assert heard.empty()


def test_people_are_announced_once_a_statement_as_once_a_row(pg: Database, heard: queue.Queue[Change]) -> None:
    """Migration 0018 notifies `people` per statement: a transaction of many rows still makes one notice with the
    row trigger's payload (the same text as 0014's pv_notify_change builds), a statement that changed nothing none."""
    _drain(heard)
    raw: list[str] = []
    with psycopg.connect(live_changes.conninfo(pg.url), autocommit=True) as conn:
        conn.execute("SELECT set_config('pv.client', 'importer', false)")
        conn.execute("LISTEN pv_changes")
        columns = "given_name, surname, municipality, email, phone, age_group, target_group, notes, search_text, "
        columns += "name_key, phone_key, sort_key, created_at, updated_at"
        values = "%s, %s, '', '', '', '', '', '', '', '', '', '', now(), now()"
        with conn.transaction():
            ids = []
            for name in ("Anna", "Ilze", "Juris"):  # three statements, three rows
                row = conn.execute(f"INSERT INTO people ({columns}) VALUES ({values}) RETURNING id", (name, "Bērziņa"))
                ids.append(row.fetchone()[0])  # type: ignore[index]
            conn.execute("UPDATE people SET notes = 'x' WHERE id = ANY(%s)", (ids,))
            txid = conn.execute("SELECT txid_current()").fetchone()[0]  # type: ignore[index]
        with conn.transaction():  # changes no row: nothing to announce
            conn.execute("UPDATE people SET notes = 'y' WHERE id < 0")
            conn.execute("DELETE FROM people WHERE id < 0")
        with conn.transaction():
            conn.execute("DELETE FROM people WHERE id = ANY(%s)", (ids,))
        raw = [n.payload for n in conn.notifies(timeout=WAIT, stop_after=2)]
    expected = {"t": "people", "p": None, "c": "importer", "x": txid}
    assert raw[0] == json.dumps(expected, separators=(", ", " : "))  # json_build_object's own spacing
    later = json.loads(raw[1])
    assert later["x"] > txid and {**later, "x": txid} == expected  # the deleting transaction's
    changes = [_next(heard), _next(heard)]
    assert [(c.table, c.project_id, c.client, c.txid) for c in changes] == [
        ("people", None, "importer", txid),
        ("people", None, "importer", later["x"]),
    ]
    _drain(heard)
    assert heard.empty()


def test_the_app_skips_its_own_changes_and_hears_other_connections(pg: Database, project: ProjectDetail) -> None:
    changes: queue.Queue[Change] = queue.Queue()
    thread = ListenerThread(pg.url, lambda batch: [changes.put(c) for c in batch], poll=0.2)  # skips CLIENT_ID
    thread.start()
    try:
        assert thread.ready.wait(WAIT)
        with pg.session() as s:  # this app's own write: the workspace refreshed for it already
            people.create_person(s, PersonInput("Pēteris", "Lācis"))
        with psycopg.connect(live_changes.conninfo(pg.url), autocommit=True) as conn:  # another user's app
            conn.execute("SELECT set_config('pv.client', 'someone-else', false)")
            conn.execute("UPDATE projects SET title = 'Cits nosaukums' WHERE id = %s", (project.id,))
        change = changes.get(timeout=WAIT)
        assert (change.table, change.project_id, change.client) == ("projects", project.id, "someone-else")
        assert changes.empty()
    finally:
        thread.stop()


def _drain(changes: queue.Queue[Change]) -> None:
    """Forget what earlier set-up wrote (it arrives asynchronously): read until half a second passes quietly."""
    while True:
        try:
            changes.get(timeout=0.5)
        except queue.Empty:
            return
