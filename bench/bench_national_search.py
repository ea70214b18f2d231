"""As-you-type search on a national registry (1,000,000 people, issue #19), on any database URL.

    python bench/generate.py --scale national /tmp/national.sqlite          # once, ~1-2 min
    python bench/bench_national_search.py sqlite:////tmp/national.sqlite [--repeat 15]
    su postgres -c "createdb -O pv_ci pv_national"                          # once
    python bench/generate.py --scale national --url postgresql+psycopg://pv_ci:pv_ci@127.0.0.1/pv_national
    python bench/bench_national_search.py postgresql+psycopg://pv_ci:pv_ci@127.0.0.1/pv_national

Per query of bench/bench_people.QUERIES: the matches (`people.count_people`), then the median and p95 of
`people.search_people(query, limit=100)` (one page, what the registry shows per keystroke) over `--repeat` runs
after one warm-up run; the last line gives the worst median. `--count` also times the count the people window
asks with each keystroke: `capped` as the window asks it (`cap=people.COUNT_CAP`: "more than 1000" above it),
`exact` without a cap (the count before session 8). `--after-undo ROWS` imports ROWS rows, takes them back and
times each query's first page and count: the keystrokes before autovacuum has analysed the table again. Nothing
here asserts a time; only --after-undo writes (and takes its import back).
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_people

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services import people


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="the database (made by bench/generate.py)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--count", choices=("capped", "exact"), help="time the count per keystroke too")
    parser.add_argument("--after-undo", type=int, metavar="ROWS", default=0,
                        help="first import ROWS rows and take them back (PostgreSQL), then time each query's first "
                        "page and count in a fresh session: what a user meets before autovacuum has been")  # fmt: skip
    parser.add_argument("--upkeep", action="store_true",
                        help="with --after-undo: run the upkeep the app starts after the undo (core.search_upkeep) "
                        "before the queries, and time it")  # fmt: skip
    args = parser.parse_args(argv)
    if args.after_undo:
        return after_undo(args.url, args.after_undo, args.upkeep)
    db = open_database(args.url, migrate=False)
    cap: int | None = people.COUNT_CAP if args.count == "capped" else None
    # (without a cap as before session 8, so that the older code can be timed by this script too)
    count = people.count_people if cap is None else partial(people.count_people, cap=cap)
    worst = ("", 0.0)
    worst_count = ("", 0.0)
    with db.session() as s:
        total = people.count_people(s)
        print(f"{db.engine.dialect.name}, {total:,} people, page of 100, {args.repeat} runs")
        counted = f" {'count':>7} {'count ms':>9} {'p95 ms':>8}" if args.count else ""
        print(f"{'query':<22} {'matches':>9} {'median ms':>10} {'p95 ms':>8}{counted}")
        for q in bench_people.QUERIES:
            n = people.count_people(s, q)
            people.search_people(s, q, limit=100)  # warm-up: pages in the cache, statements compiled
            med, p95 = bench_people.timed(lambda q=q: people.search_people(s, q, limit=100), args.repeat)
            worst = max(worst, (q, med), key=lambda x: x[1])
            line = f"{q!r:<22} {n:>9,} {med:>10.2f} {p95:>8.2f}"
            if args.count:
                shown = count(s, q)  # (warm-up)
                c_med, c_p95 = bench_people.timed(lambda q=q: count(s, q), args.repeat)
                worst_count = max(worst_count, (q, c_med), key=lambda x: x[1])
                line += f" {'>' if cap is not None and shown > cap else ' '}{min(shown, cap or shown):>6} "
                line += f"{c_med:>9.2f} {c_p95:>8.2f}"
            print(line, flush=True)
    db.close()
    print(f"worst median: {worst[1]:.2f} ms ({worst[0]!r})")
    if args.count:
        print(f"worst count median ({args.count}): {worst_count[1]:.2f} ms ({worst_count[0]!r})")
    return 0


def after_undo(url: str, rows: int, upkeep: bool = False) -> int:
    """Import `rows` CSV rows (bench_people.write_csv), undo the import, then each query's page and capped count
    once, each in a new session: the first keystrokes after a large import was taken back, when the table's
    statistics still describe it with the imported people (session 10: 8.6-8.9 s for a look-up before the fix)."""
    import tempfile
    import time

    from projektu_vadiba.core.imports import apply_plan, build_plan, read_table, undo_import

    db = open_database(url, migrate=False)
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "import.csv"
        with db.session() as s:
            bench_people.write_csv(csv, rows, people.count_people(s))
        began = time.perf_counter()
        with db.session() as s:
            result = apply_plan(s, build_plan(s, read_table(csv)))
        with db.session() as s:
            undo_import(s, None, result)
        print(f"{db.engine.dialect.name}: imported {rows:,} rows and took them back in "
              f"{time.perf_counter() - began:.1f} s; first page + count per query, a new session each")  # fmt: skip
    if upkeep:  # what the app's background thread does after the undo (ui.workspace)
        from projektu_vadiba.core import search_upkeep

        began = time.perf_counter()
        search_upkeep.run(db.engine)
        print(f"then the upkeep: {(time.perf_counter() - began) * 1000:.0f} ms")
    worst = ("", 0.0)
    for q in [*bench_people.QUERIES, "zanna", "ozols", "lace"]:
        with db.session() as s:
            began = time.perf_counter()
            people.search_people(s, q, limit=100)
            people.count_people(s, q, cap=people.COUNT_CAP)
            spent = (time.perf_counter() - began) * 1000
        worst = max(worst, (q, spent), key=lambda x: x[1])
        print(f"{q!r:<22} {spent:>10.1f} ms", flush=True)
    db.close()
    print(f"worst: {worst[1]:.1f} ms ({worst[0]!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
