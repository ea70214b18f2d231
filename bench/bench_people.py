"""People registry benchmark: as-you-type search at 100,000 people and a 10,000-row CSV import.

    python bench/bench_people.py [--quick] [--postgres URL]

Search: median and p95 of `people.search_people` (one page of 100, what the registry shows per keystroke) for
queries with and without diacritics, against the floor: the bare FTS5 MATCH on the same file (sqlite3).
Import: read + validate + dedup + insert of a 10,000-row Windows-1257 CSV through core.imports, against raw
sqlite3 executemany of the same rows. Figures go to docs/people.md by hand; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parent))
import generate
from generate import person, registry

from projektu_vadiba.core import person_keys
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.imports import apply_plan, build_plan, read_table
from projektu_vadiba.core.models import Gender
from projektu_vadiba.core.services import people

QUERIES = ["b", "be", "berz", "berzins", "Bērziņš", "jan berz", "kekava", "Ķekava", "zanna ab", "udris 12",
           "janis.berzins1@ex", "xyz"]  # fmt: skip


def fill(db: Database, n: int) -> float:
    return generate.fill_registry(db, n)


FLOOR_SQL = "SELECT rowid FROM people_fts WHERE people_fts MATCH ? LIMIT 100"


def timed(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def bench_search(db: Database, sqlite_path: Path | None, repeat: int) -> None:
    print(f"{'query':<20} {'matches':>8} {'median ms':>10} {'p95 ms':>8} {'FTS5 floor ms':>14}")
    raw = sqlite3.connect(sqlite_path) if sqlite_path else None
    with db.session() as s:
        for q in QUERIES:
            n = people.count_people(s, q)
            med, p95 = timed(lambda q=q: people.search_people(s, q, limit=100), repeat)
            floor = ""
            if raw is not None:
                fts = " ".join(f'"{w}"*' for w in person_keys.search_words(q))
                floor = f"{timed(lambda fts=fts: raw.execute(FLOOR_SQL, (fts,)).fetchall(), repeat)[0]:.2f}"
            print(f"{q!r:<20} {n:>8} {med:>10.2f} {p95:>8.2f} {floor:>14}")


def write_csv(path: Path, n: int, existing: int) -> None:
    rnd = random.Random(7)
    known = registry(existing)
    lines = ["Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Dzimšanas gads"]
    for i in range(n):
        # every 10th row is a person already registered (same name and e-mail): it links instead of creating
        p = known[i] if i % 10 == 0 else person(rnd, existing + i)
        sex = "s" if p.gender == Gender.FEMALE else "v"
        lines.append(f"{p.given};{p.surname};{p.email};{p.phone};{p.place};{sex};{rnd.randint(1940, 2010)}")
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1257"))


def bench_import(db: Database, path: Path, n: int) -> None:
    start = time.perf_counter()
    table = read_table(path)
    read = time.perf_counter()
    with db.session() as s:
        plan = build_plan(s, table)
        planned = time.perf_counter()
        result = apply_plan(s, plan)
        applied = time.perf_counter()
    total = time.perf_counter() - start
    print(f"import {n} rows: read {read - start:.3f} s, validate+dedup {planned - read:.3f} s, "
          f"insert {applied - planned:.3f} s, total with commit {total:.3f} s "
          f"(created {result.created}, linked {result.linked})")  # fmt: skip


def bench_raw_insert(path: Path, rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.sqlite")
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, given TEXT, surname TEXT, email TEXT, phone TEXT,"
                     " municipality TEXT, gender TEXT, birth_year INTEGER)")  # fmt: skip
        data = [tuple(line.split(";")) for line in path.read_text(encoding="cp1257").splitlines()[1:]]
        start = time.perf_counter()
        conn.executemany("INSERT INTO people (given, surname, email, phone, municipality, gender, birth_year) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", data)  # fmt: skip
        conn.commit()
        print(f"raw sqlite3 executemany of the same {rows} rows (no validation, no indexes): "
              f"{time.perf_counter() - start:.3f} s")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10,000 people, 1,000-row import, few repeats")
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL database (it is wiped!)")
    args = parser.parse_args(argv)
    n, rows, repeat = (10_000, 1_000, 5) if args.quick else (100_000, 10_000, 30)
    with tempfile.TemporaryDirectory() as tmp:
        targets: list[tuple[str, str]] = [("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite'}")]
        if args.postgres:
            engine = create_engine(args.postgres)
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            engine.dispose()
            targets.append(("PostgreSQL", args.postgres))
        csv_path = Path(tmp) / "import.csv"
        write_csv(csv_path, rows, n)
        for name, url in targets:
            db = open_database(url)
            print(f"== {name}: {n} people")
            print(f"fill (bulk insert): {fill(db, n):.2f} s")
            if name == "PostgreSQL":
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.execute(text("VACUUM ANALYZE people"))  # what autovacuum does soon after a bulk load
            bench_search(db, Path(tmp) / "bench.sqlite" if name == "SQLite" else None, repeat)
            bench_import(db, csv_path, rows)
            db.close()
        bench_raw_insert(csv_path, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
