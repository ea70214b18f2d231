"""A team database of its own per test run: a fresh PostgreSQL database named <prefix>db, set up by
`init_server`, with group and login roles under a run-specific prefix, all dropped afterwards.

The prefix is PV_TEST_ROLE_PREFIX (default: the test server's user name and "_") plus a random part, so runs and
helpers sharing one server never touch each other's roles.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from projektu_vadiba.core.db import Database, open_database
from tests.conftest import POSTGRES_ENV

PASSWORD = "parole-123"


@dataclass(frozen=True)
class TeamServer:
    base: URL  # the test server's own (superuser or CREATEROLE) connection
    url: str  # the team database, connecting as the base user
    prefix: str
    admin: str

    def url_as(self, user: str, password: str = PASSWORD) -> str:
        return make_url(self.url).set(username=user, password=password).render_as_string(hide_password=False)

    def open_as(self, user: str, password: str = PASSWORD) -> Database:
        return open_database(self.url_as(user, password))


def base_url() -> URL:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("PV_REQUIRE_POSTGRES"):
            pytest.fail(f"PV_REQUIRE_POSTGRES is set but {POSTGRES_ENV} is not")
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV} to run the team-mode tests")
    return make_url(url)


def run_prefix(base: URL) -> str:
    stem = os.environ.get("PV_TEST_ROLE_PREFIX") or f"{base.username}_"
    return f"{stem}{secrets.token_hex(3)}_"


def create_database(base: URL, name: str) -> str:
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def drop_everything(base: URL, prefix: str) -> None:
    """Every database and role of the run, whatever state a failed test left."""
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    like = prefix.replace("_", r"\_") + "%"
    with engine.connect() as conn:
        for name in conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": like}).scalars():
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        roles = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolcanlogin DESC"), {"p": like}
        ).scalars()
        for role in list(roles):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    engine.dispose()


@pytest.fixture(scope="module")
def team_server() -> Iterator[TeamServer]:
    from projektu_vadiba.core.team.server import init_server

    base = base_url()
    prefix = run_prefix(base)
    try:
        url = create_database(base, f"{prefix}db")
        init_server(url, f"{prefix}boss", PASSWORD, prefix=prefix)
        yield TeamServer(base, url, prefix, f"{prefix}boss")
    finally:
        drop_everything(base, prefix)
