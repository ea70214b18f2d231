"""Connecting to a team server, against the real PostgreSQL (PV_TEST_POSTGRES_URL): each failure gets its own
message, the schema's revision decides who may open it, and only a role that owns the schema migrates.

Scratch schemas (search_path in the URL) stand in for scratch databases: CI's role may not create databases."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from projektu_vadiba.core import connection, migrations
from projektu_vadiba.core.connection import ServerAddress, address_of, check
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.errors import AppError
from tests.conftest import POSTGRES_ENV

pytestmark = pytest.mark.postgres

SCHEMA = "pv_connection_check"


@pytest.fixture
def url() -> str:
    value = os.environ.get(POSTGRES_ENV)
    if not value:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV}")
    return value


def with_schema(base: str, schema: str) -> str:
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-csearch_path%3D{schema}"


def execute(base: str, *statements: str) -> None:
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


@pytest.fixture
def scratch(url: str) -> Iterator[str]:
    """An empty schema of its own; the URL that works in it."""
    execute(url, f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE", f"CREATE SCHEMA {SCHEMA}")
    yield with_schema(url, SCHEMA)
    execute(url, f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")


@pytest.fixture
def reader(url: str) -> Iterator[str]:
    """A second login role that owns nothing (prefixed with the test role's name: it cannot collide), as a URL."""
    engine = create_engine(url)
    with engine.connect() as conn:
        me, may = conn.execute(text("SELECT current_user, rolsuper OR rolcreaterole FROM pg_roles "
                                    "WHERE rolname = current_user")).one()  # fmt: skip
    engine.dispose()
    if not may:
        pytest.skip(f"the role {me} may not create roles")
    role = f"{me}_reader"
    # DROP OWNED needs the role's privileges: a test role that is no superuser (CI's) is made a member first.
    if _role_exists(url, role):
        execute(url, f"GRANT {role} TO current_user", f"DROP OWNED BY {role}", f"DROP ROLE {role}")
    execute(
        url,
        f"CREATE ROLE {role} LOGIN PASSWORD 'lasa'",
        f"GRANT {role} TO current_user",
        f"GRANT CONNECT ON DATABASE {make_url(url).database} TO {role}",
    )
    yield make_url(url).set(username=role, password="lasa").render_as_string(hide_password=False)
    execute(url, f"DROP OWNED BY {role}", f"DROP ROLE IF EXISTS {role}")


def _role_exists(url: str, role: str) -> bool:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    engine.dispose()
    return found is not None


def grant_read(url: str, role_url: str) -> None:
    role = make_url(role_url).username
    execute(
        url, f"GRANT USAGE ON SCHEMA {SCHEMA} TO {role}", f"GRANT SELECT ON ALL TABLES IN SCHEMA {SCHEMA} TO {role}"
    )


def revision(url: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar()
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if found else None
    engine.dispose()
    return value


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---- failures to connect ---------------------------------------------------------------------------------------


def test_a_wrong_password_says_so(url: str) -> None:
    result = check(make_url(url).set(password="nepareiza").render_as_string(hide_password=False))
    assert not result.ok and result.code == "connection.bad_password"
    assert "parole nav pareiza" in result.message


def test_a_missing_database_is_named(url: str) -> None:
    result = check(make_url(url).set(database="pv_nav_tadas").render_as_string(hide_password=False))
    assert (result.ok, result.code) == (False, "connection.no_database")
    assert "“pv_nav_tadas”" in result.message


def test_a_refused_port_says_the_server_cannot_be_reached(url: str) -> None:
    port = unused_port()
    result = check(make_url(url).set(port=port).render_as_string(hide_password=False))
    assert (result.ok, result.code) == (False, "connection.refused")
    assert f"ports {port}" in result.message


def test_a_host_name_that_cannot_exist_is_unknown(url: str) -> None:
    result = check(make_url(url).set(host="nav..serveris").render_as_string(hide_password=False))
    assert (result.ok, result.code) == (False, "connection.unknown_host")
    assert "“nav..serveris” nav atrasts" in result.message


def test_opening_gives_the_same_messages_as_the_check(url: str) -> None:
    with pytest.raises(AppError) as caught:
        open_database(make_url(url).set(password="nepareiza").render_as_string(hide_password=False))
    assert caught.value.code == "connection.bad_password"


def test_a_server_older_than_the_minimum_is_refused(url: str) -> None:
    result = check(url, minimum=990000)  # the real server (13 or newer) against a minimum it cannot meet
    assert (result.ok, result.code) == (False, "connection.server_too_old")
    assert result.server_version in result.message and "PostgreSQL 99 vai jaunāku" in result.message
    assert check(url).server_version == result.server_version


# ---- the schema against the app --------------------------------------------------------------------------------


def test_an_up_to_date_database_is_ready(url: str) -> None:
    open_database(url).close()  # the shared test schema, at head
    result = check(url)
    assert (result.ok, result.code, result.revision, result.may_migrate) == (
        True,
        "connection.ok",
        migrations.HEAD,
        True,
    )


def test_a_schema_newer_than_the_app_is_refused_untouched(scratch: str) -> None:
    open_database(scratch).close()
    execute(scratch, "UPDATE alembic_version SET version_num = 'ffff_future'")
    result = check(scratch)
    assert (result.ok, result.code) == (False, "connection.app_too_old")
    assert "Šī lietotnes versija ir par vecu šai datubāzei" in result.message
    with pytest.raises(AppError) as caught:
        open_database(scratch)
    assert caught.value.code == "connection.app_too_old"
    assert revision(scratch) == "ffff_future"


def test_an_empty_database_points_to_init_server(scratch: str) -> None:
    result = check(scratch)
    assert result.code == "connection.empty" and result.ok  # this role could create the schema itself
    assert "projektu-vadiba admin init-server postgresql+psycopg://" in result.message
    assert f":{make_url(scratch).password}@" not in result.message  # the command is shown without the password


def test_tables_of_another_program_are_not_taken_for_ours(scratch: str) -> None:
    execute(scratch, "CREATE TABLE cita_programma (id int)")
    assert check(scratch).code == "connection.foreign_schema"


# ---- who migrates ------------------------------------------------------------------------------------------------


def test_an_older_schema_waits_for_the_administrator(url: str, scratch: str, reader: str) -> None:
    from tests.reliability.upgrade_kill import make_revision_0001

    make_revision_0001(scratch, 3)
    grant_read(url, reader)
    as_reader = with_schema(reader, SCHEMA)

    result = check(as_reader)
    assert (result.ok, result.code, result.may_migrate) == (False, "connection.wait_for_admin", False)
    assert result.message.startswith("Datubāzi jāatjaunina administratoram; lūdzu, uzgaidiet")
    with pytest.raises(AppError) as caught:
        open_database(as_reader)
    assert caught.value.code == "connection.wait_for_admin"
    assert revision(scratch) == "0001"

    # The owner of the schema may: the check says it will upgrade, and opening does.
    owner = check(scratch)
    assert (owner.ok, owner.code, owner.may_migrate) == (True, "connection.will_upgrade", True)
    open_database(scratch).close()
    assert revision(scratch) == migrations.HEAD
    assert check(as_reader).code == "connection.ok"
    open_database(as_reader).close()  # now the reader opens it as it is


def test_the_upgrade_itself_refuses_a_role_that_owns_nothing(url: str, scratch: str, reader: str) -> None:
    """The last guard sits in the migration runner, under its lock: a caller that skipped the check still waits."""
    from tests.reliability.upgrade_kill import make_revision_0001

    make_revision_0001(scratch, 3)
    grant_read(url, reader)
    engine = create_engine(with_schema(reader, SCHEMA))
    with pytest.raises(AppError) as caught:
        migrations.upgrade(engine)
    engine.dispose()
    assert caught.value.code == "connection.wait_for_admin"
    assert revision(scratch) == "0001"


def test_a_role_that_may_not_create_the_schema_is_sent_to_init_server(url: str, scratch: str, reader: str) -> None:
    grant_read(url, reader)
    result = check(with_schema(reader, SCHEMA))
    assert (result.ok, result.code) == (False, "connection.empty")
    with pytest.raises(AppError) as caught:
        open_database(with_schema(reader, SCHEMA))
    assert caught.value.code == "connection.empty"


# ---- addresses -----------------------------------------------------------------------------------------------


def test_an_address_round_trips_through_its_url_with_odd_characters() -> None:
    address = ServerAddress("db.biedriba.lv", 5433, "projekti", "līga")
    url = address.url("p@ss:w/rd")
    assert address_of(url) == address
    assert make_url(url).password == "p@ss:w/rd"
    assert address_of("sqlite:///x.sqlite") is None
    assert connection.check("sqlite:///x.sqlite").code == "connection.not_postgres"
