"""Team mode's cost: the audit trigger on bulk writes, and row-level security on a staff member's reads.

    python bench/bench_team_rules.py [--scale quick|large] [--postgres URL]

Two fresh databases on the server (URL: a role that may create databases and roles; default PV_TEST_POSTGRES_URL):
a plain one and one set up by `admin init-server`, both filled by bench/generate.py (the same rows, bulk inserts
as in an import). Then the same reads as the administrator (owner: no row security) and as a staff member of the
largest project (row security on every table): median of 15 runs. Everything made is dropped at the end.
Figures go to docs/benchmarks.md by hand; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

sys.path.insert(0, str(Path(__file__).parent))
import generate

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.services import activities, attendance, people
from projektu_vadiba.core.team import users
from projektu_vadiba.core.team.server import init_server

PASSWORD = "bench-parole-1"
RUNS = 15


def _admin_engine(base: URL) -> Any:
    return create_engine(base, isolation_level="AUTOCOMMIT")


def _create(base: URL, name: str) -> str:
    engine = _admin_engine(base)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def _drop(base: URL, prefix: str) -> None:
    engine = _admin_engine(base)
    like = prefix.replace("_", r"\_") + "%"
    with engine.connect() as conn:
        for name in conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": like}).scalars():
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for role in list(
            conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolcanlogin DESC"), {"p": like}
            ).scalars()
        ):
            conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    engine.dispose()


def _as(url: str, user: str) -> Database:
    return open_database(make_url(url).set(username=user, password=PASSWORD).render_as_string(hide_password=False))


def _median_ms(db: Database, query: Callable[[Any], object]) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        with db.session() as s:
            query(s)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(generate.SCALES), default="quick")
    parser.add_argument("--postgres", default=os.environ.get("PV_TEST_POSTGRES_URL"))
    args = parser.parse_args(argv)
    if not args.postgres:
        parser.error("give --postgres URL or set PV_TEST_POSTGRES_URL")
    base = make_url(args.postgres)
    prefix = f"{base.username}_bench{secrets.token_hex(2)}_"
    scale = generate.SCALES[args.scale]
    try:
        plain_url = _create(base, f"{prefix}plain")
        team_url = _create(base, f"{prefix}team")
        init_server(team_url, f"{prefix}boss", PASSWORD, prefix=prefix)
        plain = open_database(plain_url)
        began = time.perf_counter()
        pid = generate.generate(plain, scale)
        plain_fill = time.perf_counter() - began
        admin = _as(team_url, f"{prefix}boss")
        began = time.perf_counter()
        generate.generate(admin, scale)
        team_fill = time.perf_counter() - began
        with admin.session() as s:
            audit_rows = s.execute(text("SELECT count(*) FROM audit_log")).scalar()
            users.add_user(s, f"{prefix}u_staff", "staff", PASSWORD)
            users.set_membership(s, f"{prefix}u_staff", pid, "staff")
            event = max(activities.list_events(s, pid), key=lambda e: e.id).id
        staff = _as(team_url, f"{prefix}u_staff")
        print(f"scale {args.scale}: {scale}")
        print(f"fill (bulk inserts): plain {plain_fill:.1f} s, team (audit trigger) {team_fill:.1f} s, "
              f"audit rows {audit_rows}")  # fmt: skip
        reads: dict[str, Callable[[Any], object]] = {
            "people search 'berz' (page of 100)": lambda s: people.search_people(s, "berz", limit=100),
            "events of the project": lambda s: activities.list_events(s, pid),
            "one event's list": lambda s: attendance.event_list(s, event),
            "project participants": lambda s: attendance.project_participants(s, pid),
        }
        for label, query in reads.items():
            figures = [_median_ms(db, query) for db in (plain, admin, staff)]
            print(f"{label}: plain {figures[0]:.1f} ms, team admin {figures[1]:.1f} ms, team staff {figures[2]:.1f} ms")
        for db in (plain, admin, staff):
            db.close()
    finally:
        _drop(base, prefix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
