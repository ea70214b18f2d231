"""The automatic upgrade is one transaction: a failure at its very end leaves the database at its old revision
with every row, the user gets a coded message, and the next open upgrades it (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text

from projektu_vadiba.core import db_backup, migrations
from projektu_vadiba.core.db import open_database, sqlite_path
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import text_of
from tests.reliability.conftest import PEOPLE


def _state(url: str) -> tuple[str, int, set[str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            people = conn.execute(text("SELECT count(*) FROM people")).scalar()
            columns = {c["name"] for c in inspect(conn).get_columns("people")}
    finally:
        engine.dispose()
    return str(revision), int(people or 0), columns


def test_a_failure_after_the_last_step_leaves_the_old_revision(
    old_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = migrations._run_alembic

    def upgrade_then_fail(connection: object) -> None:
        real(connection)  # type: ignore[arg-type]
        raise RuntimeError("disk full (simulated)")

    monkeypatch.setattr(migrations, "_run_alembic", upgrade_then_fail)
    with pytest.raises(AppError) as caught:
        open_database(old_database)
    assert caught.value.code == "db.upgrade_failed"
    assert "0001" in text_of(caught.value, "lv") and "disk full" in text_of(caught.value, "en")
    revision, people, columns = _state(old_database)
    assert (revision, people) == ("0001", PEOPLE)
    assert "name_key" not in columns  # 0002's column went with the rolled-back transaction
    monkeypatch.setattr(migrations, "_run_alembic", real)
    open_database(old_database).close()
    assert _state(old_database)[:2] == (migrations.HEAD, PEOPLE)


def test_an_upgrade_keeps_every_row_and_makes_one_backup(old_database: str) -> None:
    open_database(old_database).close()
    assert _state(old_database)[:2] == (migrations.HEAD, PEOPLE)
    path = sqlite_path(old_database)
    if path is not None:
        (backup,) = db_backup.backups_of(path)
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
            assert conn.execute("SELECT count(*) FROM people").fetchone() == (PEOPLE,)


def test_two_openers_at_once_upgrade_once(old_database: str) -> None:
    """The second waits for the first's lock, then finds the database at head."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        for database in pool.map(lambda _: open_database(old_database), range(2)):
            database.close()
    assert _state(old_database)[:2] == (migrations.HEAD, PEOPLE)


def test_a_newer_database_is_refused_without_switching_it_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('ffff_future')")
    with pytest.raises(AppError) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.code == "db.newer_version"
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not list(tmp_path.glob("newer.sqlite-*")) and not list(tmp_path.glob("*.bak"))


def _engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}")


def test_sqlite_connections_overwrite_deleted_data(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'a.sqlite'}")
    try:
        with database.engine.connect() as conn:
            assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        database.close()
