"""Full kill -9 runs of the upgrade harness (tests/reliability/upgrade_kill.py); the figures go to
docs/reliability.md.

    python bench/reliability_upgrade.py                 # N=100 per mode, 3 000 people, SQLite
    python bench/reliability_upgrade.py --runs 10       # a quicker look
    PV_TEST_POSTGRES_URL=postgresql+psycopg://... python bench/reliability_upgrade.py   # + PostgreSQL upgrades

Modes: `upgrade` kills a process while it opens (and so upgrades) a revision-0001 file, `backup` kills it while it
makes the pre-upgrade backup, `postgres` kills an upgrade of a revision-0001 PostgreSQL schema. After each kill the
database must open at the old or the new revision with every row, every backup under its final name must be whole,
and the next start must bring it to head without piling up backups.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.reliability.upgrade_kill import Outcome, kill_runs, kill_runs_postgres, make_revision_0001

SCHEMA = "pv_bench_reliability_upgrade"


def report(mode: str, result: Outcome, seconds: float) -> str:
    outcomes = ", ".join(f"{name}: {count}" for name, count in sorted(result.outcomes.items()))
    line = f"{mode:<9} runs {result.runs}, killed mid-work {result.killed}, {outcomes} ({seconds:.0f} s)"
    return line + "".join(f"\n    {problem}" for problem in result.problems[:5])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    broken = 0
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template = work / "r0001.sqlite"
        make_revision_0001(template, args.people)
        for mode in ("upgrade", "backup"):
            start = time.perf_counter()
            result = kill_runs(mode, template, work, args.runs, args.people, args.seed)
            print(report(mode, result, time.perf_counter() - start), flush=True)
            broken += result.outcomes["broken"]
    url = os.environ.get("PV_TEST_POSTGRES_URL")
    if url:
        joiner = "&" if "?" in url else "?"
        start = time.perf_counter()
        result = kill_runs_postgres(
            f"{url}{joiner}options=-csearch_path%3D{SCHEMA}", SCHEMA, args.runs, args.people, args.seed
        )
        print(report("postgres", result, time.perf_counter() - start), flush=True)
        broken += result.outcomes["broken"]
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
