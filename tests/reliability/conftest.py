"""Fixtures of the reliability suite: an old (revision 0001) database with rows, on SQLite and PostgreSQL.

The PostgreSQL one lives in a schema of its own (search_path in the URL), so these tests may drop and remake it
without touching the schema the `db` fixture shares with the other tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import POSTGRES_ENV
from tests.reliability.upgrade_kill import make_revision_0001

PEOPLE = 300
SCHEMA = "pv_reliability_upgrade"


@pytest.fixture(scope="session")
def revision_0001_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("r0001") / "r0001.sqlite"
    make_revision_0001(path, PEOPLE)
    return path


def _schema_url(base: str) -> str:
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-csearch_path%3D{SCHEMA}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh revision-0001 database with PEOPLE people."""
    if request.param == "sqlite":
        import shutil

        template: Path = request.getfixturevalue("revision_0001_template")
        path = tmp_path / "old.sqlite"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV}")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    url = _schema_url(base)
    make_revision_0001(url, PEOPLE)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    admin.dispose()
