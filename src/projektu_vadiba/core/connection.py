"""Connecting to a team server (PostgreSQL): what went wrong, in words of the catalogue, and whether the app may
open the database as it is.

`check(url)` is the "test connection" button: it connects once (no pool), reads the server's version, the schema's
revision and whether the connected role may run migrations, and returns a `ConnectionCheck` with a coded message.
`ensure_openable(engine)` runs the same rules when the app opens the database and raises the coded error instead.
`connection_lost(exc)` recognises a server that went away in the middle of a use case. No Qt here.

The driver's messages are libpq's (English: the client's own) and the server's (in the server's `lc_messages`,
English on Debian's default cluster); an unrecognised one becomes `connection.failed` with the driver's first line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import latvian

# PostgreSQL 13 is the oldest release still supported upstream when this was written (2026); the migrations use
# nothing newer than 12 needs, but nobody tests older servers.
MIN_SERVER_VERSION = 130000
MIN_SERVER_LABEL = "13"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: libpq's own limit for reaching the server (its minimum is 2)
# TCP keepalives: a server whose network disappears (no reset) is noticed in ~25 s instead of the OS's two hours.
CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}
INIT_COMMAND = "projektu-vadiba admin init-server"


def init_command(url: str) -> str:
    """The set-up command to show for an empty database (cli/admin.py: the first administrator's name is required)."""
    return f"{INIT_COMMAND} {url} --admin VĀRDS"


# The connected role may migrate when it is a superuser, or may create in the schema and owns (itself or through a
# role it inherits) every table and sequence in it: a check of privileges, never of role names.
_MAY_MIGRATE_SQL = """
SELECT COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
    OR COALESCE(
        has_schema_privilege(current_schema(), 'CREATE')
        AND NOT EXISTS (
            SELECT 1 FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace
              AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND NOT pg_has_role(current_user, c.relowner, 'USAGE')
        ),
        false)
"""
_TABLES_SQL = """
SELECT count(*) FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
"""


@dataclass(frozen=True)
class ServerAddress:
    """Where a team database lives; the password is not part of it (it lives in the passfile or in memory)."""

    host: str
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    def url(self, password: str | None = None) -> str:
        url = URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.database or None,
        )
        return url.render_as_string(hide_password=False)

    @property
    def name(self) -> str:
        """`user@host:port/database`, for messages (never the password)."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def address_of(url: str) -> ServerAddress | None:
    """The server address of a PostgreSQL URL, None for anything else."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return None
    return ServerAddress(parsed.host or "", parsed.port or DEFAULT_PORT, parsed.database or "", parsed.username or "")


@dataclass(frozen=True)
class ConnectionCheck:
    """The answer of the "test connection" button: `ok` when the app can open the database now; `code`/`values`
    say why in the catalogue's words (a warning may come with ok, e.g. an empty database an administrator opens)."""

    ok: bool
    code: str
    values: dict[str, Any] = field(default_factory=dict)
    server_version: str = ""
    revision: str | None = None
    may_migrate: bool = False

    @property
    def message(self) -> str:
        return latvian(self.code, **self.values)


def failure_of(exc: BaseException, address: ServerAddress) -> AppError:
    """A failed connection attempt as a coded error: unknown host, refused port, wrong password, no database."""
    original = getattr(exc, "orig", None) or exc
    reason = str(original)
    lower = reason.lower()
    values = {"server": address.name, "host": address.host, "port": address.port}
    if "failed to resolve host" in lower or "could not translate host name" in lower or "'idna' codec" in lower:
        return AppError.of("connection.unknown_host", **values)
    if "connection refused" in lower:
        return AppError.of("connection.refused", **values)
    if "timeout expired" in lower:
        return AppError.of("connection.timeout", **values)
    if "password authentication failed" in lower or "no password supplied" in lower:
        return AppError.of("connection.bad_password", user=address.user, **values)
    if "role" in lower and "does not exist" in lower:  # trust/peer authentication of an unknown user
        return AppError.of("connection.bad_password", user=address.user, **values)
    if "database" in lower and "does not exist" in lower:
        return AppError.of("connection.no_database", database=address.database, **values)
    first = next((line.strip() for line in reason.splitlines() if line.strip()), type(original).__name__)
    return AppError.of("connection.failed", reason=first[:300], **values)


def _engine(url: str) -> Engine:
    return create_engine(url, poolclass=NullPool, connect_args=dict(CONNECT_ARGS))


def may_migrate(connection: Connection) -> bool:
    return bool(connection.execute(text(_MAY_MIGRATE_SQL)).scalar())


def _state(connection: Connection) -> tuple[int, str, str | None, bool, int]:
    """(server version number, its text, the schema's revision, may migrate, tables in the schema)."""
    number = int(connection.execute(text("SHOW server_version_num")).scalar() or 0)
    label = str(connection.execute(text("SHOW server_version")).scalar() or "")
    has_version = connection.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar()
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_version else None
    tables = int(connection.execute(text(_TABLES_SQL)).scalar() or 0)
    return number, label.split(" ")[0], revision, may_migrate(connection), tables


def judge(
    address: ServerAddress,
    number: int,
    label: str,
    revision: str | None,
    admin: bool,
    tables: int,
    *,
    minimum: int = MIN_SERVER_VERSION,
) -> ConnectionCheck:
    """The rules, apart from the connecting: which state of the server the app can open."""
    from projektu_vadiba.core import migrations

    common = {"server": address.name, "database": address.database, "version": label}

    def verdict(ok: bool, code: str, values: dict[str, Any]) -> ConnectionCheck:
        return ConnectionCheck(ok, code, values, server_version=label, revision=revision, may_migrate=admin)

    if number < minimum:
        minimum_label = MIN_SERVER_LABEL if minimum == MIN_SERVER_VERSION else str(minimum // 10000)
        return verdict(False, "connection.server_too_old", {**common, "minimum": minimum_label})
    if revision is None:
        if tables:
            return verdict(False, "connection.foreign_schema", common)
        command = init_command(address.url())
        return verdict(admin, "connection.empty", {**common, "command": command})
    if revision == migrations.HEAD:
        return verdict(True, "connection.ok", common)
    if not migrations.known_revision(revision):
        return verdict(False, "connection.app_too_old", {**common, "revision": revision})
    values = {**common, "revision": revision, "head": migrations.HEAD}
    if admin:
        return verdict(True, "connection.will_upgrade", values)
    return verdict(False, "connection.wait_for_admin", values)


def check(url: str, *, minimum: int = MIN_SERVER_VERSION) -> ConnectionCheck:
    """Connect once and say whether the app can open this database (the "Pārbaudīt savienojumu" button)."""
    address = address_of(url)
    if address is None:
        return ConnectionCheck(False, "connection.not_postgres", {"url": url})
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            state = _state(connection)
    except (DBAPIError, OSError, UnicodeError) as exc:  # UnicodeError: a host name no resolver can take
        error = failure_of(exc, address)
        return ConnectionCheck(False, error.code, error.values)
    finally:
        engine.dispose()
    return judge(address, *state, minimum=minimum)


def ensure_openable(engine: Engine, *, migrate: bool = True) -> None:
    """Refuse to open a PostgreSQL database the app cannot use as it is (raises the check's coded error). An older
    schema is refused only when this role may not upgrade it and the caller wants it upgraded; an empty one when
    this role could not create it."""
    address = address_of(engine.url.render_as_string(hide_password=False))
    assert address is not None
    try:
        with engine.connect() as connection:
            state = _state(connection)
    except (DBAPIError, OSError, UnicodeError) as exc:
        raise failure_of(exc, address) from exc
    verdict = judge(address, *state)
    if verdict.ok or (not migrate and verdict.code == "connection.wait_for_admin"):
        return
    raise AppError(code=verdict.code, values=verdict.values)


# ---- a server gone in the middle of a session ------------------------------------------------------------------

# SQLSTATE classes of a connection that ended: 08 (connection exception) and 57P01-57P03 (the server shut down,
# crashed or is starting); libpq's own words when the socket just went away.
_LOST_STATES = ("08", "57P01", "57P02", "57P03")
_LOST_WORDS = (
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection refused",
    "could not receive data",
    "could not send data",
    "connection timed out",
    "timeout expired",
    "consuming input failed",
    "the connection is lost",
    "the database system is",
    "ssl syscall error",
    "no connection to the server",
)


def connection_lost(exc: BaseException) -> bool:
    """Whether `exc` says the PostgreSQL server went away (killed backend, server stopped, network gone)."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    original = getattr(exc, "orig", None) or exc
    if type(original).__module__.split(".")[0] not in ("psycopg", "psycopg2"):
        return False
    state = getattr(original, "sqlstate", None) or ""
    if state.startswith(_LOST_STATES):
        return True
    lower = str(original).lower()
    return type(original).__name__ in ("OperationalError", "InterfaceError") and any(w in lower for w in _LOST_WORDS)


def lost_error() -> AppError:
    return AppError.of("db.connection_lost")
