"""As-you-type search on a national registry (1,000,000 people, issue #19), on any database URL.

    python bench/generate.py --scale national /tmp/national.sqlite          # once, ~1-2 min
    python bench/bench_national_search.py sqlite:////tmp/national.sqlite [--repeat 15]
    su postgres -c "createdb -O pv_ci pv_national"                          # once
    python bench/generate.py --scale national --url postgresql+psycopg://pv_ci:pv_ci@127.0.0.1/pv_national
    python bench/bench_national_search.py postgresql+psycopg://pv_ci:pv_ci@127.0.0.1/pv_national

Per query of bench/bench_people.QUERIES: the matches (`people.count_people`), then the median and p95 of
`people.search_people(query, limit=100)` (one page, what the registry shows per keystroke) over `--repeat` runs
after one warm-up run; the last line gives the worst median. Reads only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_people

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services import people


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url", help="the database (made by bench/generate.py)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    db = open_database(args.url, migrate=False)
    worst = ("", 0.0)
    with db.session() as s:
        total = people.count_people(s)
        print(f"{db.engine.dialect.name}, {total:,} people, page of 100, {args.repeat} runs")
        print(f"{'query':<22} {'matches':>9} {'median ms':>10} {'p95 ms':>8}")
        for q in bench_people.QUERIES:
            n = people.count_people(s, q)
            people.search_people(s, q, limit=100)  # warm-up: pages in the cache, statements compiled
            med, p95 = bench_people.timed(lambda q=q: people.search_people(s, q, limit=100), args.repeat)
            worst = max(worst, (q, med), key=lambda x: x[1])
            print(f"{q!r:<22} {n:>9,} {med:>10.2f} {p95:>8.2f}", flush=True)
    db.close()
    print(f"worst median: {worst[1]:.2f} ms ({worst[0]!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
