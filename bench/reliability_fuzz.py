"""The fuzz corpus at the issue's counts (issue 18, item 8): damaged and hostile CSV, XLSX, bundle, scan and
database files, each pushed along the path a user's file takes; every outcome is counted.

Allowed outcomes: "ok" and "message:<code>" (a coded AppError). "traceback:<type>" (any other exception) and
"hang" (over fuzz.CASE_SECONDS) are failures; the script exits 1 when there is one.

    python bench/reliability_fuzz.py                 # 350 CSV, 360 XLSX, 340 bundles, 300 scans, 120 databases
    python bench/reliability_fuzz.py --quick         # a tenth of that
    python bench/reliability_fuzz.py --seed 7 --only csv,bundle
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tests.reliability import fuzz

COUNTS = {"csv": 350, "xlsx": 360, "bundle": 340, "scan": 300, "database": 120}
BOMBS = 3  # of the XLSX cases: zip bombs (a part unpacking beyond the limit)


def run(corpus: fuzz.Corpus, kind: str, count: int, r: random.Random) -> tuple[Counter[str], float]:
    outcomes: Counter[str] = Counter()
    started = time.perf_counter()
    for n in range(count):
        boundary: Path | None = None
        case: Callable[[], None]
        if kind == "csv":
            case = fuzz.csv_case(corpus, r)
        elif kind == "xlsx":
            from projektu_vadiba.core.imports import readers

            bomb = readers.MAX_XLSX_UNPACKED + 8 * 1024 * 1024 if n < BOMBS else 0
            case = fuzz.xlsx_case(corpus, r, bomb_bytes=bomb)
        elif kind == "bundle":
            case = fuzz.bundle_case(corpus, r)
        elif kind == "scan":
            case = fuzz.scan_case(corpus, r)
        else:
            boundary, case = fuzz.database_case(corpus, r)
        outcome = fuzz.outcome_of(case, boundary=boundary)
        outcomes[outcome] += 1
        if not fuzz.allowed(outcome):
            print(f"  {kind} case {n}: {outcome}", file=sys.stderr)
        for file in corpus.folder.glob("case-*"):  # keep the temporary folder small
            file.unlink()
    return outcomes, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--only", help="comma-separated kinds: " + ",".join(COUNTS))
    args = parser.parse_args()
    kinds = args.only.split(",") if args.only else list(COUNTS)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="pv-fuzz-") as folder:
        corpus = fuzz.make_corpus(Path(folder))
        try:
            print("| input | cases | ok | messages | tracebacks | hangs | s/case | most frequent messages |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
            for kind in kinds:
                count = max(1, COUNTS[kind] // 10) if args.quick else COUNTS[kind]
                outcomes, seconds = run(corpus, kind, count, random.Random(f"{args.seed}-{kind}"))
                ok = outcomes["ok"]
                messages = sum(v for k, v in outcomes.items() if k.startswith("message:"))
                tracebacks = sum(v for k, v in outcomes.items() if k.startswith("traceback:"))
                hangs = outcomes["hang"]
                failures += tracebacks + hangs
                top = ", ".join(
                    f"{k.removeprefix('message:')} {v}" for k, v in outcomes.most_common() if k.startswith("message:")
                )
                print(
                    f"| {kind} | {count} | {ok} | {messages} | {tracebacks} | {hangs} | {seconds / count:.3f} | "
                    f"{top} |",
                    flush=True,
                )
        finally:
            corpus.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
