"""Setting up a team database (`admin init-server`) and keeping its rules after each migration.

init_server runs in ONE transaction (PostgreSQL creates roles transactionally too): the group roles, the schema
(migrations run as the administrators' group role, which so owns every table), the rules of core/team/policies.py,
the role prefix in app_meta and the first administrator. Any failure leaves the server as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.team import policies
from projektu_vadiba.core.team.roles import (
    DEFAULT_PREFIX,
    PREFIX_KEY,
    Groups,
    check_name,
    check_password,
    check_prefix,
    quoted,
    scram_verifier,
)

_INSUFFICIENT_PRIVILEGE = "42501"
_DUPLICATE_OBJECT = "42710"


@dataclass(frozen=True)
class ServerSetup:
    database: str
    groups: tuple[str, ...]
    administrator: str
    tables: int


def init_server(url: str, administrator: str, password: str, *, prefix: str = DEFAULT_PREFIX) -> ServerSetup:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise AppError.of("team.needs_postgresql", url=parsed.render_as_string(hide_password=True))
    check_name(administrator)
    groups = Groups(check_prefix(prefix))
    check_password(password)
    if administrator in groups.all:
        raise AppError.of("team.role_exists", name=administrator)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _check_can_create_roles(conn)
            _check_empty(conn, parsed.database or "")
            _check_free(conn, [*groups.all, administrator])
            _create_groups(conn, groups)
            conn.exec_driver_sql(f"SET LOCAL ROLE {quoted(groups.admin)}")
            from projektu_vadiba.core import migrations

            migrations.run_in(conn)
            policies.apply(conn, groups)
            conn.execute(text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"), {"k": PREFIX_KEY, "v": prefix})
            tables = len(policies.public_tables(conn))
            conn.exec_driver_sql("RESET ROLE")
            create_login(conn, administrator, password, "admin", groups)
            conn.commit()
    except DBAPIError as exc:
        raise server_error(exc) from exc
    finally:
        engine.dispose()
    return ServerSetup(parsed.database or "", groups.all, administrator, tables)


def server_error(exc: DBAPIError) -> AppError:
    """PostgreSQL's refusals during the set-up and user management in words of the catalogue."""
    state = getattr(exc.orig, "sqlstate", None)
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    if state == _INSUFFICIENT_PRIVILEGE:
        return AppError.of("team.no_privilege", reason=reason)
    if state == _DUPLICATE_OBJECT:
        return AppError.of("team.role_exists", name=reason)
    if type(exc.orig).__name__ == "OperationalError":
        return AppError.of("db.unreachable", url="?")
    return AppError.of("team.server_failed", reason=reason)


def _check_can_create_roles(conn: Connection) -> None:
    row = conn.execute(
        text("SELECT rolsuper, rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user")
    ).one()
    if not (row.rolsuper or row.rolcreaterole):
        user = conn.execute(text("SELECT current_user")).scalar()
        raise AppError.of("team.no_privilege", reason=f"{user}: CREATEROLE")


def _check_empty(conn: Connection, database: str) -> None:
    count = conn.execute(
        text(
            "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
        )
    ).scalar()
    if count:
        raise AppError.of("team.not_empty", database=database, count=count)


def _check_free(conn: Connection, names: list[str]) -> None:
    taken = conn.execute(
        text("SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY(:names) ORDER BY rolname"), {"names": names}
    ).scalars()
    found = list(taken)
    if found:
        raise AppError.of("team.role_exists", name=", ".join(found))


def _create_groups(conn: Connection, groups: Groups) -> None:
    for group in groups.all:
        conn.exec_driver_sql(f"CREATE ROLE {quoted(group)} NOLOGIN")
    conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA public TO {quoted(groups.admin)}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {', '.join(quoted(g) for g in groups.all)}")
    # The set-up role must be able to become the administrators' group to create the tables as theirs.
    if not conn.execute(text("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")).scalar():
        conn.exec_driver_sql(f"GRANT {quoted(groups.admin)} TO current_user")


def create_login(conn: Connection, name: str, password: str, role: str, groups: Groups) -> None:
    """A login role for one person with the password's SCRAM verifier (the password itself is never sent)."""
    verifier = scram_verifier(check_password(password))
    extra = " CREATEROLE" if role == "admin" else ""
    conn.exec_driver_sql(f"CREATE ROLE {quoted(check_name(name))} LOGIN{extra} PASSWORD '{verifier}'")
    conn.execute(
        text("INSERT INTO public.team_users (role_name, role, full_name) VALUES (:n, :r, '')"), {"n": name, "r": role}
    )
    grant_groups(conn, name, {role}, groups)


def grant_groups(conn: Connection, name: str, roles: set[str], groups: Groups) -> None:
    """Make the user's group memberships exactly those of `roles` (an administrator: every group, with the right
    to grant them on, so they can manage users)."""
    user = quoted(name)
    for group in groups.all:
        conn.exec_driver_sql(f"REVOKE {quoted(group)} FROM {user}")
    if "admin" in roles:
        everyone = ", ".join(quoted(g) for g in groups.all)
        conn.exec_driver_sql(f"GRANT {everyone} TO {user} WITH ADMIN OPTION")
        conn.exec_driver_sql(f"ALTER ROLE {user} CREATEROLE")
        return
    conn.exec_driver_sql(f"ALTER ROLE {user} NOCREATEROLE")
    if roles:
        conn.exec_driver_sql(f"GRANT {', '.join(quoted(groups.group(r)) for r in sorted(roles))} TO {user}")


def team_groups(conn: Connection) -> Groups | None:
    """The group roles of a team database; None for a one-person database (SQLite or a plain PostgreSQL)."""
    if conn.dialect.name != "postgresql":
        return None
    if conn.execute(text("SELECT to_regclass('public.app_meta')")).scalar() is None:
        return None
    prefix = conn.execute(text("SELECT value FROM public.app_meta WHERE key = :k"), {"k": PREFIX_KEY}).scalar()
    return Groups(str(prefix)) if prefix is not None else None


def before_migration(conn: Connection) -> Groups | None:
    """In a team database the tables are the administrators' group's: migrate as that group (a user who is not an
    administrator is refused here by PostgreSQL)."""
    groups = team_groups(conn)
    if groups is not None:
        conn.exec_driver_sql(f"SET LOCAL ROLE {quoted(groups.admin)}")
    return groups


def after_migration(conn: Connection, groups: Groups | None) -> None:
    """New tables and columns get their grants, row security and audit trigger in the same transaction."""
    if groups is not None:
        policies.apply(conn, groups)
