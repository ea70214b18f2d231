"""Runs the Alembic migrations that ship inside the package (src/projektu_vadiba/migrations).

Opening an up-to-date database must stay cheap: the version is read with one query and compared with HEAD; Alembic
itself (~0.15 s to import) loads only when there is something to migrate.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect, text

from projektu_vadiba.core.errors import AppError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# The newest revision; tests/core/test_db.py fails when a new revision file is added without updating it.
HEAD = "0025"


# Search structures that migrations create by hand (SQLite FTS5 tables, a PostgreSQL GIN index): not models, so
# autogenerate and the schema comparison must not propose dropping them.
UNMODELLED_PREFIXES = (
    "people_fts",
    "ix_people_search_tsv",
    "ix_people_sort_search",
    "ix_people_dup_",
    "people_words",
)


def include_name(name: str | None, _type: str, _parent: Any) -> bool:
    return not str(name).startswith(UNMODELLED_PREFIXES)


# Model constraints that one back-end keeps by other means: PostgreSQL's personal-data log lets go of a deleted person
# by a statement trigger (migration 0024), SQLite's by the foreign key the model declares.
NOT_EVERYWHERE = ("fk_personal_data_log_person_id_people",)


def include_object(_object: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any) -> bool:
    return not (type_ == "foreign_key_constraint" and name in NOT_EVERYWHERE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revision(revision: str) -> bool:
    """Whether this version of the app knows the revision (an unknown one was written by a newer app)."""
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, backup: Callable[[Engine, str], Any] | None = None) -> bool:
    """Bring the schema to head in ONE transaction: a failure or a kill at any moment leaves the database exactly at
    its old revision (SQLite and PostgreSQL both have transactional DDL). Returns True when something was migrated.
    `backup(engine, revision)` runs inside the upgrade's write lock, before the first change."""
    current = current_revision(engine)
    if current == HEAD:
        return False
    if current is not None and not known_revision(current):
        raise AppError.of("db.newer_version")
    migrating = _migration_engine(engine)
    try:
        with migrating.connect() as connection:
            _lock(connection)  # the first statement: it opens the transaction and takes the write lock
            current = connection.execute(text(_VERSION_SQL)).scalar() if _has_version(connection) else None
            if current == HEAD:  # another process upgraded it while this one waited for the lock
                connection.rollback()
                return False
            _refuse_unless_allowed(connection, current)
            if current is not None and backup is not None:
                backup(engine, current)
            run_in(connection)
            connection.commit()
    except AppError:
        raise
    except Exception as exc:
        from projektu_vadiba.core.failures import database_error

        # A lock held by another program or a damaged file has its own message; anything else names the step's error.
        known = database_error(exc, path=engine.url.database)
        if known is not None:
            raise known from exc
        reason = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
        raise AppError.of("db.upgrade_failed", revision=current or "-", head=HEAD, reason=reason) from exc
    finally:
        if migrating is not engine:
            migrating.dispose()
    return True


_VERSION_SQL = "SELECT version_num FROM alembic_version"


def _has_version(connection: Connection) -> bool:
    return inspect(connection).has_table("alembic_version")


def _migration_engine(engine: Engine) -> Engine:
    """SQLite: a connection of its own whose transaction WE open (pysqlite would otherwise commit before every DDL
    statement and run them outside any transaction) and whose foreign keys are off (a batch rebuild of a parent
    table would cascade-delete its children; the pragma only works outside a transaction, so it is set on connect).
    """
    if engine.dialect.name != "sqlite":
        return engine
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool, StaticPool

    if engine.url.database in (None, "", ":memory:"):  # the one shared in-memory connection
        return engine
    migrating = create_engine(engine.url, poolclass=NullPool)
    assert not isinstance(migrating.pool, StaticPool)

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT: the transaction is ours
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    event.listen(migrating, "connect", on_connect)
    return migrating


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        if connection.engine.url.database in (None, "", ":memory:"):
            return
        # BEGIN IMMEDIATE: the write lock now, so two processes opening an old file do not upgrade it twice.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(7316290)"))  # one upgrader at a time


def run_in(connection: Connection) -> None:
    """Migrate inside the caller's transaction; in a team database as the administrators' group role, giving new
    tables their grants, row security and audit trigger (core/team/server.py)."""
    from projektu_vadiba.core.team import server

    groups = server.before_migration(connection)
    _run_alembic(connection)
    server.after_migration(connection, groups)


def _refuse_unless_allowed(connection: Connection, current: str | None) -> None:
    """On a team server only a role that owns the schema (or a superuser) migrates; everyone else waits for it."""
    if connection.dialect.name != "postgresql":
        return
    from projektu_vadiba.core import connection as team

    if team.may_migrate(connection):
        return
    connection.rollback()
    if current is None:
        address = team.address_of(connection.engine.url.render_as_string(hide_password=False))
        assert address is not None
        command = team.init_command(address.url())
        raise AppError.of("connection.empty", server=address.name, database=address.database, command=command)
    raise AppError.of("connection.wait_for_admin", revision=current, head=HEAD)


def _run_alembic(connection: Connection) -> None:
    from alembic import command

    cfg = alembic_config(connection.engine)
    # migrations/env.py sees a connection already in a transaction and leaves committing to us.
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")
