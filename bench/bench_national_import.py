"""A 100,000-row CSV import into a national registry (1,000,000 people), timed step by step (issue #19).

    python bench/bench_national_import.py sqlite:////tmp/national.sqlite            # imports into a copy
    python bench/bench_national_import.py postgresql+psycopg://u:pw@host/db --fill  # fill it first if empty
    python bench/bench_national_import.py URL --rows 10000 --repeat 3

The CSV is made as bench_people makes its 10,000-row one (Windows-1257, every 10th row a registered person). An
SQLite file is never written: each run imports into a copy made by SQLite's backup API. On PostgreSQL the run
commits like the app, then takes the import back (`undo_import`, not timed) so the next run meets the same
registry. `--fill` fills an empty database with bench/generate.py's "national" scale (projects and 1,000,000
people) and, on PostgreSQL, runs VACUUM ANALYZE as autovacuum would soon after; there the fill commits every
100,000 people and runs the app's upkeep after each, which decides people_words' common prefixes as the registry
grows (core.people_words_common; before session 8 only migration 0019 did). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))
import bench_people
import generate

from projektu_vadiba.core import search_upkeep
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.imports import apply, apply_plan, build_plan, plan, read_table, undo_import
from projektu_vadiba.core.models import Person
from projektu_vadiba.core.services import duplicates

SCALE = generate.SCALES["national"]
IN_PROJECTS = SCALE.people + (SCALE.projects - 1) * (SCALE.people // 20)

# (module, function, label): the steps inside the plan and the storing, timed where they are called
STEPS: list[tuple[Any, str, str]] = [
    (plan, "_parse_rows", "parse + validate"),
    (plan, "build_index", "registry look-up"),
    (duplicates.PartedLookup, "index", "registry look-up (wait for its parts)"),
    (apply, "_recheck", "second look-up"),
    (apply, "insert_people", "insert people + search index"),
    (apply, "_log_imported", "personal-data log"),
    (apply, "fill_empty", "fill linked people"),
    (apply, "write_prepared", "fill linked people (read ahead, written)"),
]


def timers() -> tuple[dict[str, float], list[Callable[..., Any]]]:
    """Wrap the STEPS functions in their modules; returns the dict their seconds add up in and the originals."""
    spent: dict[str, float] = {}
    originals: list[Callable[..., Any]] = []
    for module, name, label in STEPS:
        original: Callable[..., Any] = getattr(module, name)
        originals.append(original)

        def timed(*args: Any, _f: Callable[..., Any] = original, _label: str = label, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - began

        setattr(module, name, timed)
    return spent, originals


def registry_size(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


def size_of(url: str) -> int:
    """People in the database; an SQLite file is only read (it may be shared)."""
    if make_url(url).get_backend_name() == "sqlite":
        with sqlite3.connect(f"file:{make_url(url).database}?mode=ro", uri=True) as conn:
            size = int(conn.execute("SELECT count(*) FROM people").fetchone()[0])
        conn.close()
        return size
    db = open_database(url)
    size = registry_size(db)
    db.close()
    return size


def fill_national(url: str) -> None:
    db = open_database(url)
    if registry_size(db) == 0:
        began = time.perf_counter()
        generate.generate(db, SCALE)
        print(f"filled: {registry_size(db)} people in {time.perf_counter() - began:.1f} s", flush=True)
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
    db.close()


def run_once(url: str, csv: Path, rows: int, work: Path) -> None:
    target = url
    sqlite_copy: Path | None = None
    if make_url(url).get_backend_name() == "sqlite":
        sqlite_copy = work / "national-copy.sqlite"
        with sqlite3.connect(make_url(url).database or "") as source, sqlite3.connect(sqlite_copy) as copy:
            source.backup(copy)  # the backup API: the source may hold recent changes in its WAL file
        source.close()
        copy.close()
        # the copy's 600 MB written out first: its writeback otherwise ran during the import, and the import's
        # commit waited behind it (0.80-0.92 s instead of 0.40-0.48), which a user's settled file never does
        os.sync()
        target = f"sqlite:///{sqlite_copy}"
    db = open_database(target)
    spent, originals = timers()
    began = time.perf_counter()
    table = read_table(csv)
    read = time.perf_counter()
    with db.session() as s:
        planned = build_plan(s, table)
        made = time.perf_counter()
        result = apply_plan(s, planned)
        stored = time.perf_counter()
    done = time.perf_counter()
    for (module, name, _label), original in zip(STEPS, originals, strict=True):  # unwrapped for the next run
        setattr(module, name, original)
    steps = ", ".join(f"{label} {seconds:.2f}" for label, seconds in spent.items())
    print(f"import {rows} rows: total {done - began:.2f} s = read {read - began:.2f} + plan {made - read:.2f} + "
          f"store {stored - made:.2f} + commit {done - stored:.2f} | {steps} | created {result.created}, "
          f"linked {result.linked}", flush=True)  # fmt: skip
    began = time.perf_counter()
    steps = search_upkeep.run(db.engine)  # the app's background thread after the import (SQLite only)
    if steps or sqlite_copy is not None:
        upkeep = time.perf_counter() - began
        print(f"  then upkeep in the background: {upkeep:.2f} s ({steps} index/merge steps + checkpoint)", flush=True)
    if sqlite_copy is None:
        with db.session() as s:  # the same registry for the next run
            undo_import(s, None, result)
    db.close()
    if sqlite_copy is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_copy}{suffix}").unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="database URL: sqlite:///FILE (a copy is imported into) or postgresql+psycopg://…")
    parser.add_argument("--rows", type=int, default=100_000, help="CSV rows (default 100,000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs (default 1)")
    parser.add_argument("--fill", action="store_true", help="fill an empty database with the national scale first")
    args = parser.parse_args(argv)
    if args.fill:
        fill_national(args.url)
    size = size_of(args.url)
    print(f"registry: {size} people; {make_url(args.url).get_backend_name()}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        csv = work / "import.csv"
        bench_people.write_csv(csv, args.rows, size - IN_PROJECTS)
        for _ in range(args.repeat):
            run_once(args.url, csv, args.rows, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
