"""The server going away in the middle of a use case, on the real PostgreSQL: the use case fails with the coded
"connection lost" error, nothing of it stays in the database, and the next use case works once the server is back.

Two ways to lose it: the backend terminated from another connection (pg_terminate_backend, as an administrator or
a server restart does) and a proxy in front of the server that drops every connection and refuses new ones."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Connection, create_engine, event, func, select, text
from sqlalchemy.engine import make_url

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import as_app_error
from projektu_vadiba.core.models import Base
from tests.conftest import POSTGRES_ENV, _truncate_all
from tests.pg_proxy import Proxy

pytestmark = pytest.mark.postgres


@pytest.fixture
def database(postgres_db: Database) -> Iterator[Database]:
    """An empty database at head, with an engine of its own (listeners added here do not outlive the test)."""
    _truncate_all(postgres_db)
    db = open_database(postgres_db.url)
    yield db
    db.close()


@pytest.fixture
def proxied(postgres_db: Database) -> Iterator[tuple[Database, Proxy]]:
    _truncate_all(postgres_db)
    target = make_url(os.environ[POSTGRES_ENV])
    proxy = Proxy(target.host or "127.0.0.1", target.port or 5432)
    db = open_database(target.set(port=proxy.port).render_as_string(hide_password=False))
    yield db, proxy
    db.close()
    proxy.close()


def row_counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {
            t.name: s.execute(select(func.count()).select_from(t)).scalar_one() for t in Base.metadata.sorted_tables
        }


def after_statements(db: Database, n: int, action: Callable[[Connection], None]) -> None:
    """Run `action` once, just before the n-th statement of the engine (in the middle of a use case)."""
    seen = [0]

    def before(conn: Connection, *_args: object) -> None:
        seen[0] += 1
        if seen[0] == n:
            action(conn)

    event.listen(db.engine, "before_cursor_execute", before)


def terminate(url: str) -> Callable[[Connection], None]:
    def kill(conn: Connection) -> None:
        pid = conn.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
        killer = create_engine(url)
        with killer.connect() as other:  # waits (PostgreSQL 14+) until the backend is gone
            assert other.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid}).scalar()
        killer.dispose()

    return kill


def test_a_backend_killed_mid_use_case_leaves_the_database_as_before(database: Database) -> None:
    before = row_counts(database)
    assert sum(before.values()) == 0
    after_statements(database, 40, terminate(database.url))  # the demo organisation is hundreds of statements
    with pytest.raises(AppError) as caught, database.session() as s:
        fill_demo(s)
    assert caught.value.code == "db.connection_lost"
    assert "Savienojums ar serveri pārtrūka" in caught.value.message
    assert row_counts(database) == before  # nothing of the half-done use case was kept

    with database.session() as s:  # the pool replaced the dead connection: the same use case now goes through
        summary = fill_demo(s)
    assert summary.projects > 0 and row_counts(database)["projects"] == summary.projects


def test_a_server_gone_and_back(proxied: tuple[Database, Proxy]) -> None:
    db, proxy = proxied
    assert row_counts(db)["projects"] == 0  # a pooled connection exists now
    proxy.cut()
    with pytest.raises(AppError) as caught:
        row_counts(db)
    assert caught.value.code == "db.connection_lost"
    with pytest.raises(AppError) as again:  # still gone: a new connection is refused, the same message
        row_counts(db)
    assert again.value.code == "db.connection_lost"
    proxy.restore()
    assert row_counts(db)["projects"] == 0


def test_a_network_cut_mid_use_case_saves_nothing(proxied: tuple[Database, Proxy]) -> None:
    db, proxy = proxied
    before = row_counts(db)
    after_statements(db, 60, lambda _conn: proxy.cut())
    with pytest.raises(AppError) as caught, db.session() as s:
        fill_demo(s)
    assert caught.value.code == "db.connection_lost"
    proxy.restore()
    assert row_counts(db) == before


def test_a_lost_connection_that_escapes_a_session_still_reads_as_one(proxied: tuple[Database, Proxy]) -> None:
    """Code that used the engine directly (not Database.session) reaches the last boundary with the driver's
    error: it becomes the same sentence, not "unexpected error"."""
    db, proxy = proxied
    proxy.cut()
    with pytest.raises(Exception) as caught, db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    assert as_app_error(caught.value, log=False).code == "db.connection_lost"
