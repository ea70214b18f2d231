"""PostgreSQL tests: an engine that works as a team member would, a role of this run's own (roles are the
cluster's) without any right unless given, taken by every connection of the engine (SET ROLE)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event

from projektu_vadiba.core.db import Database


@contextmanager
def member_engine(db: Database, name: str, grants: tuple[str, ...] = ()) -> Iterator[Engine]:
    """`grants`: statements run for the role ({role} in them is its name), e.g. "GRANT SELECT ON people TO {role}".
    Leaving drops the role and what was granted to it."""
    role = f"{name}_{os.getpid()}"
    with db.engine.begin() as c:
        c.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        c.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
        c.exec_driver_sql(f"GRANT {role} TO CURRENT_USER")
        for grant in grants:
            c.exec_driver_sql(grant.format(role=role))
    member = create_engine(db.engine.url)

    @event.listens_for(member, "connect")
    def _as_member(dbapi: Any, _record: object) -> None:
        dbapi.cursor().execute(f"SET ROLE {role}")
        dbapi.commit()  # (a rolled-back SET is undone)

    try:
        yield member
    finally:
        member.dispose()
        with db.engine.begin() as c:
            c.exec_driver_sql(f"DROP OWNED BY {role}")  # (its rights too)
            c.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
