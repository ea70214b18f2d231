from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core import migrations
from projektu_vadiba.core.db import Database, open_database, resolve_url
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Base


def test_migrations_produce_exactly_the_models_schema(db: Database) -> None:
    with db.engine.connect() as conn:
        # The people search index (migration 0002) is not a model: SQLite FTS5 tables, a PostgreSQL GIN index.
        opts = {
            "compare_type": True,
            "include_name": migrations.include_name,
            "include_object": migrations.include_object,
        }
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
        # the one constraint left out above: kept by SQLite, replaced by a trigger on PostgreSQL (migration 0024)
        keys = {fk["name"] for fk in inspect(conn).get_foreign_keys("personal_data_log")}
    assert diff == []
    assert ("fk_personal_data_log_person_id_people" in keys) is (db.engine.dialect.name == "sqlite")
    assert migrations.current_revision(db.engine) == migrations.script_head()


def test_head_constant_names_the_newest_revision_file() -> None:
    assert migrations.script_head() == migrations.HEAD, "update core/migrations.py HEAD to the newest revision"


def test_sqlite_connection_settings(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_url_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(dbmod.ENV_VAR, raising=False)
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    assert resolve_url() == f"sqlite:///{tmp_path / 'data' / 'projektu-vadiba.sqlite'}"
    monkeypatch.setenv(dbmod.ENV_VAR, "postgresql+psycopg://u:p@127.0.0.1/x")
    assert resolve_url().startswith("postgresql+psycopg://")
    assert resolve_url("sqlite:///a.sqlite") == "sqlite:///a.sqlite"  # --db beats the environment
    assert resolve_url(str(tmp_path / "b.sqlite")) == f"sqlite:///{tmp_path / 'b.sqlite'}"
    with pytest.raises(AppError, match="Nederīga datubāzes adrese"):
        resolve_url("nav://adrese::")


def test_default_file_is_created_on_first_open(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(dbmod.ENV_VAR, raising=False)
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "nested" / "data")
    database = open_database()
    database.close()
    assert (tmp_path / "nested" / "data" / "projektu-vadiba.sqlite").is_file()


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    database = open_database(f"sqlite:///{path}")
    with database.session() as s:
        s.execute(text("INSERT INTO funders (name, name_key, profile_key) VALUES ('Ā fonds', 'ā fonds', 'generic')"))
    copy = dbmod._backup_sqlite(database.engine, "0001")
    database.close()
    assert copy is not None and copy.name.startswith("a.sqlite.pirms-0001-")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT name FROM funders").fetchall() == [("Ā fonds",)]


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    with pytest.raises(AppError, match="jaunāku Projektu vadības versiju"):
        open_database(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("ffff_future",)]
    assert not list(tmp_path.glob("*.bak"))


def test_unreachable_server_gives_a_latvian_message() -> None:
    with pytest.raises(AppError, match="Neizdevās atvērt datubāzi"):
        open_database("postgresql+psycopg://nobody:x@127.0.0.1:1/none")


def test_uncreatable_folder_and_unknown_backend_give_messages(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(AppError, match="Neizdevās atvērt datubāzi"):
        open_database(f"sqlite:///{blocker}/sub/db.sqlite")
    with pytest.raises(AppError, match="Neizdevās atvērt datubāzi"):
        open_database("nosuchdb://host/db")


def test_a_driver_that_is_not_installed_gives_a_message() -> None:
    with pytest.raises(AppError, match="Neizdevās atvērt datubāzi"):
        open_database("mysql://user:pw@127.0.0.1/db")


def test_postgresql_connections_run_without_jit(db: Database) -> None:
    """PostgreSQL: JIT off on the app's connections (its compiling cost more than the search's walk itself)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's JIT")
    with db.session() as s:
        assert s.execute(text("SHOW jit")).scalar() == "off"
