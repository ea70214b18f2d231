"""Live refresh on PostgreSQL: other users' committed changes, heard through LISTEN/NOTIFY. No Qt here (the Qt
adapter is ui/live_refresh.py).

Migration 0014's triggers send `pv_changes` a small JSON payload per changed row: t = table, p = project id (None
for shared records such as people), c = the writing app's client id, x = its transaction id. PostgreSQL sends
them at commit only, and merges identical ones of one transaction. Each app tags its connections with its own
client id (`tag_connection`, the setting `pv.client`), so a listener can skip the changes it made itself: the
workspace already refreshed for those.

The listener has its own connection (autocommit, never the pool's): it waits on the socket without holding a
transaction open. SQLite (one user) has nothing to listen to.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import make_url

CHANNEL = "pv_changes"
# This process's id in the payloads of its own writes.
CLIENT_ID = uuid.uuid4().hex[:16]


@dataclass(frozen=True)
class Change:
    table: str
    project_id: int | None
    client: str | None
    txid: int | None
    received: float  # time.time() when this process read it (the benchmark measures the refresh delay with it)


def parse_payload(payload: str, received: float | None = None) -> Change | None:
    """A trigger's payload; None for anything else sent on the channel (never an exception in the listener)."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("t"), str):
        return None
    project, client, txid = data.get("p"), data.get("c"), data.get("x")
    return Change(
        data["t"],
        project if isinstance(project, int) else None,
        client if isinstance(client, str) and client else None,
        txid if isinstance(txid, int) else None,
        time.time() if received is None else received,
    )


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def tag_connection(dbapi_connection: Any, _record: Any) -> None:
    """Engine "connect" hook: name this app in the payloads of its writes (committed at once, so the pool's
    rollback on return does not undo it)."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pv.client', %s, false)", (CLIENT_ID,))
    dbapi_connection.commit()


def conninfo(url: str) -> str:
    """A SQLAlchemy URL (postgresql+psycopg://…) as libpq connection string for a plain psycopg connection."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """One LISTENing connection. `wait(timeout)` returns the changes that arrived (possibly none)."""

    def __init__(self, url: str, *, connect_timeout: int = 5) -> None:
        import psycopg

        self.connection = psycopg.connect(conninfo(url), autocommit=True, connect_timeout=connect_timeout)
        self.connection.execute(f"LISTEN {CHANNEL}")

    def wait(self, timeout: float) -> list[Change]:
        """Block up to `timeout` seconds for the first notification, then return it with any already queued."""
        changes: list[Change] = []
        for notify in self.connection.notifies(timeout=timeout, stop_after=1):
            change = parse_payload(notify.payload)
            if change is not None:
                changes.append(change)
        return changes

    def close(self) -> None:
        self.connection.close()


class ListenerThread(threading.Thread):
    """Listens in the background and hands each batch of other clients' changes to `on_changes` (called on this
    thread: the caller moves it to its own). A lost connection is retried every `retry` seconds; what changed
    meanwhile is announced as one change of an unknown table, so views reload once it is back."""

    def __init__(
        self,
        url: str,
        on_changes: Callable[[list[Change]], None],
        *,
        own_client: str | None = CLIENT_ID,
        poll: float = 0.5,
        retry: float = 2.0,
    ) -> None:
        super().__init__(name="pv-live-changes", daemon=True)
        self.url, self.on_changes, self.own_client = url, on_changes, own_client
        self.poll, self.retry = poll, retry
        self._stop_event = threading.Event()
        self.ready = threading.Event()  # set once LISTEN is in place (tests wait for it)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop_event.set()
        if self.is_alive():
            self.join(timeout)

    def run(self) -> None:
        listener: ChangeListener | None = None
        missed = False
        while not self._stop_event.is_set():
            try:
                if listener is None:
                    listener = ChangeListener(self.url)
                    self.ready.set()
                    if missed:  # changes made while we were away were never heard: reload everything once
                        self.on_changes([Change("", None, None, None, time.time())])
                        missed = False
                changes = [c for c in listener.wait(self.poll) if c.client is None or c.client != self.own_client]
                if changes:
                    self.on_changes(changes)
            except Exception:  # a dropped server or network: wait, then connect again
                if listener is not None:
                    _close_quietly(listener)
                listener, missed = None, True
                self._stop_event.wait(self.retry)
        if listener is not None:
            _close_quietly(listener)


def _close_quietly(listener: ChangeListener) -> None:
    with contextlib.suppress(Exception):  # already broken
        listener.close()
