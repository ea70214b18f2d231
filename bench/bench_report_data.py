"""How long the final report's data and the financial XLSX of a big project take.

One SIF project of a five-year regional initiative's scale: 180 events, 6,000 people from 300 organisations
(every one attended at least once, 7,200 attendances), 8 indicators, 30 budget lines and 1,000 expenses, put into
a fresh SQLite file with bulk inserts. Then, best of --repeat runs:
  money    services.money_summary.money_summary
  report   services.report_data.final_report_data (money included)
  interim  the same for one year
  xlsx     reports.financial_xlsx.write_financial_xlsx

    python bench/bench_report_data.py
    python bench/bench_report_data.py --quick    # 30 events, 1,000 people, one run
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import generate

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.core.services.report_dto import ReportPeriod


def fill(db: Database, events: int, people: int, orgs: int) -> int:
    """The large project of bench/generate.py (shared with bench_final_report.py)."""
    return generate.fill_project(db, events, people, orgs)


def best(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    events, people, orgs, repeat = (30, 1000, 50, 1) if args.quick else (180, 6000, 300, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        pid = fill(db, events, people, orgs)

        def report() -> None:
            with db.session() as s:
                final_report_data(s, pid)

        def interim() -> None:
            with db.session() as s:
                final_report_data(s, pid, ReportPeriod(date(2022, 1, 1), date(2022, 12, 31)))

        def money() -> None:
            with db.session() as s:
                money_summary(s, pid)

        with db.session() as s:
            data = final_report_data(s, pid)
        from projektu_vadiba.reports.financial_xlsx import write_financial_xlsx

        rows = {
            "money": best(repeat, money),
            "report": best(repeat, report),
            "interim": best(repeat, interim),
            "xlsx": best(repeat, lambda: write_financial_xlsx(data, Path(folder) / "f.xlsx")),
        }
        print(f"{events} events, {data.reach.unique_people} people, {data.reach.attendances} attendances, "
              f"{data.reach.organisations} organisations, {len(data.financial.ledger)} expenses")  # fmt: skip
        for name, seconds in rows.items():
            print(f"{name:8} {seconds * 1000:7.0f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
