"""Opening a database: where it lives, connection settings, migrations applied on open, sessions.

SQLite (a file in the user's data folder) is the embedded default; a PostgreSQL URL works through the same code.
"""

from __future__ import annotations

import contextlib
import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.search_upkeep import CHECKPOINT_LATER

ENV_VAR = "PROJEKTU_VADIBA_DB"
APP_NAME = "projektu-vadiba"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_url() -> str:
    return f"sqlite:///{default_data_dir() / 'projektu-vadiba.sqlite'}"


def resolve_url(explicit: str | None = None) -> str:
    """--db beats the environment variable beats the default file. A bare path means an SQLite file."""
    raw = explicit or os.environ.get(ENV_VAR) or default_url()
    if "://" not in raw:
        raw = f"sqlite:///{Path(raw).expanduser().resolve()}"
    try:
        make_url(raw)
    except (ArgumentError, ValueError) as exc:
        raise AppError.of("db.invalid_url", url=raw) from exc
    return raw


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _postgresql_on_connect(dbapi_connection: Any, _record: Any) -> None:
    """No JIT: the app's statements take milliseconds, and PostgreSQL compiled the search's recursive walk whenever
    its estimate passed jit_above_cost ('janis.berzins1@ex' at 1,000,000 people: 14 ms compiling, 7 ms of work).
    Committed at once, so the pool's rollback on return keeps it."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # journal_mode=WAL is set once by open_database after the version check: a database refused as newer is left
    # exactly as it was (the mode is stored in the file).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted names are overwritten, not left in free pages
    cursor.close()


def _sqlite_on_checkin(dbapi_connection: Any, record: Any) -> None:
    """Automatic checkpoints on again (SQLite's default) on a connection a bulk import turned them off on."""
    if record.info.pop(CHECKPOINT_LATER, False) and dbapi_connection is not None:
        dbapi_connection.execute("PRAGMA wal_autocheckpoint = 1000")


def _prepare_private_file(path: Path) -> None:
    """The folder (when made here, or the app's own data folder) only for its owner, and a new database file
    created 0600 before SQLite opens it: SQLite gives its WAL, SHM and journal files the database's permissions."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        folder.chmod(0o700)  # mkdir's mode is filtered by the umask
    elif folder == default_data_dir():
        folder.chmod(0o700)
    if not path.exists():
        from projektu_vadiba.core.db_backup import create_private

        with contextlib.suppress(FileExistsError):  # another process made it first
            create_private(path)


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        _prepare_private_file(path)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "checkin", _sqlite_on_checkin)
        return engine
    if make_url(url).get_backend_name() == "sqlite":  # in-memory: one shared connection
        from sqlalchemy.pool import StaticPool

        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "checkin", _sqlite_on_checkin)
        return engine
    from projektu_vadiba.core.connection import CONNECT_ARGS

    # pre_ping: a pooled connection whose server went away (restart, killed backend) is replaced before a use case
    # gets it; connect_timeout and keepalives: an unreachable server is reported in seconds, not minutes.
    engine = create_engine(url, pool_pre_ping=True, connect_args=dict(CONNECT_ARGS))
    if make_url(url).get_backend_name() == "postgresql":
        from projektu_vadiba.core.live_changes import tag_connection

        event.listen(engine, "connect", tag_connection)  # other users' listeners tell our changes apart
        event.listen(engine, "connect", _postgresql_on_connect)
    return engine


@dataclass
class Database:
    """An open database: the engine and a session factory. One per process, made by the composition root."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One use case, one transaction: commit on success, roll back everything on any error. A row someone
        else saved between this transaction's read and its write is a coded conflict (core/concurrency.py); a server
        that went away mid-way gives the coded "connection lost" error (the server dropped the unfinished
        transaction)."""
        try:
            with self.sessions.begin() as session:
                yield session
        except StaleDataError as exc:
            from projektu_vadiba.core.concurrency import stale_write

            raise stale_write() from exc
        except DBAPIError as exc:
            from projektu_vadiba.core.connection import connection_lost, lost_error

            if connection_lost(exc):
                raise lost_error() from exc
            raise

    def close(self) -> None:
        self.engine.dispose()

    @property
    def display_name(self) -> str:
        path = sqlite_path(self.url)
        return str(path) if path else make_url(self.url).render_as_string(hide_password=True)


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and create or upgrade) the database; an SQLite file is copied aside before any migration."""
    resolved = resolve_url(url)
    try:
        engine = make_engine(resolved)
    except (OSError, ArgumentError, NoSuchModuleError, ImportError) as exc:  # ImportError: driver not installed
        raise _open_error(exc, resolved) from exc
    if engine.dialect.name == "postgresql":
        from projektu_vadiba.core.connection import ensure_openable

        try:  # a team server: reachable, new enough, a schema this app and this role can use (core/connection.py)
            ensure_openable(engine, migrate=migrate)
        except AppError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise _open_error(exc, resolved) from exc
    if migrate:
        from projektu_vadiba.core import migrations

        try:
            migrations.upgrade(engine, backup=_backup_sqlite)
        except AppError:
            engine.dispose()
            raise
        except Exception as exc:
            engine.dispose()
            raise _open_error(exc, resolved) from exc
    try:
        _after_open(engine)
    except Exception as exc:
        engine.dispose()
        raise _open_error(exc, resolved) from exc
    return Database(resolved, engine, sessionmaker(engine, expire_on_commit=False))


def _after_open(engine: Engine) -> None:
    path = sqlite_path(str(engine.url))
    if path is None:
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    from projektu_vadiba.core.db_backup import remove_leftovers
    from projektu_vadiba.core.models import AppMeta
    from projektu_vadiba.core.services import installation

    remove_leftovers(path)
    for attempt in (1, 2):  # two processes opening a copied file at once: the second finds the first's claim
        try:
            with sessionmaker(engine).begin() as session:
                if session.get_bind().dialect.has_table(session.connection(), AppMeta.__tablename__):
                    installation.claim_installation(session, str(path.resolve()))
            return
        except IntegrityError:
            if attempt == 2:
                raise


def _open_error(exc: BaseException, url: str) -> AppError:
    """A damaged, locked or unreachable database in words of the catalogue (not the driver's English)."""
    from projektu_vadiba.core.failures import database_error

    path = sqlite_path(url)
    name = str(path) if path else make_url(url).render_as_string(hide_password=True)
    known = database_error(exc, path=name)
    if known is not None:
        return known
    if isinstance(exc, OSError):
        return AppError.of("db.no_access", path=name)
    if isinstance(exc, ArgumentError | NoSuchModuleError | ImportError):
        return AppError.of("db.unknown_backend", url=name, backend=make_url(url).drivername)
    if type(getattr(exc, "orig", None)).__name__ == "OperationalError":  # PostgreSQL: no server, wrong password
        from projektu_vadiba.core.connection import address_of, failure_of

        address = address_of(url)
        return failure_of(exc, address) if address is not None else AppError.of("db.unreachable", url=name)
    return AppError.of("db.open_failed", url=name, reason=type(exc).__name__)


def _backup_sqlite(engine: Engine, revision: str) -> Path | None:
    path = sqlite_path(str(engine.url))
    if path is None or not path.exists():
        return None
    from projektu_vadiba.core.db_backup import backup_before_upgrade

    return backup_before_upgrade(path, revision)


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "nezināms"
