"""A team database of its own per test run: a fresh PostgreSQL database named <prefix>db, set up by
`init_server`, with group and login roles under a run-specific prefix, all dropped afterwards.

The prefix is PV_TEST_ROLE_PREFIX (default: the test server's user name and "_") plus a random part, so runs and
helpers sharing one server never touch each other's roles.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import BudgetLineInput, EventInput, ExpenseInput, PersonInput
from projektu_vadiba.core.models import FundingSource
from projektu_vadiba.core.services import activities, attendance, finance, people, projects
from projektu_vadiba.core.team import users
from tests.conftest import POSTGRES_ENV
from tests.core.factories import project_input

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
        # A CREATEROLE user (CI's) may end other roles' sessions only as their member: DROP DATABASE ... WITH
        # (FORCE) would be refused while a test's user still holds a connection.
        if not conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
            logins = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p AND rolcanlogin"), {"p": like}
            ).scalars()
            for role in list(logins):
                conn.exec_driver_sql(f'GRANT "{role}" TO CURRENT_USER')
        for name in conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": like}).scalars():
            _drop_database(conn, name)
        roles = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolcanlogin DESC"), {"p": like}
        ).scalars()
        for role in list(roles):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    engine.dispose()


def _drop_database(conn: Connection, name: str) -> None:
    """DROP DATABASE ... WITH (FORCE), again after a moment while an autovacuum worker is in the database: a
    non-superuser may not end that worker (it has no role to be a member of), and PostgreSQL refuses the FORCE for
    it (seen in CI at the end of a team test). A worker on a test's small database is done within a moment."""
    for attempt in range(40):
        try:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except DBAPIError as exc:
            if not isinstance(exc.orig, psycopg.errors.InsufficientPrivilege) or attempt == 39:
                raise
            time.sleep(0.25)


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


@dataclass(frozen=True)
class Team:
    server: TeamServer
    project_a: int
    project_b: int
    event_a: int
    event_b: int
    person_a: int  # on event A's list only
    person_b: int  # on event B's list only

    def user(self, role: str) -> str:
        return f"{self.server.prefix}u_{role}"  # not prefix+role: that is the group role's name


def event_input(title: str) -> EventInput:
    return EventInput(title=title, starts_at=datetime(2023, 5, 2, 10), ends_at=datetime(2023, 5, 2, 12))


def line_input() -> BudgetLineInput:
    return BudgetLineInput(
        category_key="services", code="3.1", name="Kafijas pauzes", amounts={FundingSource.GRANT: Decimal("300.00")}
    )


@pytest.fixture(scope="module")
def team(team_server: TeamServer) -> Iterator[Team]:
    """Two projects with an event, a person, a budget line and an expense each; a user per role in project A and a
    staff member of project B, all made through the services by the administrator."""
    admin = team_server.open_as(team_server.admin)
    try:
        with admin.session() as s:
            a = projects.create_project(s, project_input(number="A-1")).id
            b = projects.create_project(s, project_input(number="B-2", title="Otrs projekts")).id
            ids = {}
            for key, pid, surname in (("a", a, "Ābele"), ("b", b, "Bērziņa")):
                event = activities.create_event(s, pid, event_input(f"Seminārs {key}")).id
                person = people.create_person(s, PersonInput("Ilze", surname, email=f"{key}@example.lv")).id
                attendance.register(s, event, person)
                line = finance.create_budget_line(s, pid, line_input()).id
                finance.add_expense(
                    s, pid, ExpenseInput(date=date(2023, 5, 2), amount=Decimal("12.50"), budget_line_id=line)
                )
                ids[key] = (event, person)
            for role in ("manager", "accountant", "staff", "viewer"):
                users.add_user(s, f"{team_server.prefix}u_{role}", role, PASSWORD)
                users.set_membership(s, f"{team_server.prefix}u_{role}", a, role)
            users.add_user(s, f"{team_server.prefix}u_staff_b", "staff", PASSWORD)
            users.set_membership(s, f"{team_server.prefix}u_staff_b", b, "staff")
    finally:
        admin.close()
    yield Team(team_server, a, b, ids["a"][0], ids["b"][0], ids["a"][1], ids["b"][1])
