"""The upkeep a bulk import leaves (core.search_upkeep: indexing its people and merging the full-text index, then
the write-ahead log copied into the database), done on a background thread while the user goes on: the import's own
wait ends at its commit, and searches find the imported people meanwhile (by LIKE, services.people_search).

Each step is a short transaction on the thread's own connection, so a save made meanwhile waits at most one step;
closing the window or switching the database stops it between two steps (the next start resumes). PostgreSQL:
the GIN index's pending list moved into the index, the people_words rows a bulk import left written
(core.people_words), its common prefixes decided again when the registry has doubled (core.people_words_common).
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.pool import StaticPool

from projektu_vadiba.core import search_upkeep
from projektu_vadiba.core.db import Database

log = logging.getLogger(__name__)


class Upkeep:
    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._again = threading.Event()  # asked for again while running: what was added meanwhile

    def start(self, db: Database) -> None:
        """Do the pending upkeep of `db` now, off the UI thread (SQLite with nothing to do: one small read; PostgreSQL
        checks on the thread, its check being a count of people)."""
        engine = db.engine
        if engine.dialect.name not in ("sqlite", "postgresql"):
            return
        if self.running:
            self._again.set()
            return
        if engine.dialect.name == "sqlite" and not self._sqlite_needs_thread(db):
            return
        self._stop.clear()
        self._again.clear()
        self._thread = threading.Thread(target=self._work, args=(db,), name="projektu-vadiba-upkeep", daemon=True)
        self._thread.start()

    @staticmethod
    def _sqlite_needs_thread(db: Database) -> bool:
        engine = db.engine
        try:
            with engine.connect() as connection:  # usually nothing is pending: no thread then
                if not search_upkeep.pending(connection):
                    return False
            if isinstance(engine.pool, StaticPool):  # one shared in-memory connection: no second thread on it
                search_upkeep.run(engine)
                return False
        except Exception:  # upkeep only: never a message to the user; the next start tries again
            log.exception("search index upkeep could not start")
            return False
        return True

    def _work(self, db: Database) -> None:
        try:
            while not self._stop.is_set():
                search_upkeep.run(db.engine, self._stop)
                if not self._again.is_set():
                    return
                self._again.clear()
        except Exception:  # upkeep only: searches stay right without it, and the next start tries again
            log.exception("search index upkeep failed")

    def stop(self, wait: float = 5.0) -> None:
        """Stop between two steps and wait for the thread (before its database is closed)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(wait)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
