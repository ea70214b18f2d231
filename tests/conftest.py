"""Shared fixtures. The `db` fixture runs each test that uses it on SQLite and, when PV_TEST_POSTGRES_URL names a
server, on PostgreSQL too (CI always sets it; locally the PostgreSQL runs skip with the reason)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

# Qt aborts the whole run without a display unless this is set before the first Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import text

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.models import Base

POSTGRES_ENV = "PV_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def _real_clock() -> Iterator[None]:
    yield
    clock.set_clock(None)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrations run once; each test gets a copy of the migrated file."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(f"sqlite:///{path}").close()
    return path


@pytest.fixture(scope="session")
def postgres_db() -> Iterator[Database]:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("PV_REQUIRE_POSTGRES"):
            pytest.fail(f"PV_REQUIRE_POSTGRES is set but {POSTGRES_ENV} is not")
        pytest.skip(
            f"PostgreSQL not configured: set {POSTGRES_ENV} (e.g. postgresql+psycopg://pv:pv@127.0.0.1/pv_test)"
        )
    reset_postgres(url)
    db = open_database(url)
    yield db
    db.close()


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _truncate_all(db: Database) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "test.sqlite"
        shutil.copyfile(template, path)
        database = open_database(f"sqlite:///{path}")
        yield database
        database.close()
    else:
        database = request.getfixturevalue("postgres_db")
        _truncate_all(database)
        yield database


@pytest.fixture
def own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The user data folder in tmp: no coordinator's logo or profile from the developer's machine leaks in."""
    from projektu_vadiba.core import db as dbmod
    from projektu_vadiba.core import funders

    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path)
    funders.load_profile.cache_clear()
    yield tmp_path
    funders.load_profile.cache_clear()
