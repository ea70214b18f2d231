"""bench/run_all.py stays runnable: one benchmark on a tiny generated database (no timing assertion)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _run_all() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("run_all", BENCH / "run_all.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quick_benchmarks_run_on_a_tiny_database(tmp_path: Path) -> None:
    run_all = _run_all()
    from projektu_vadiba.core.db import open_database

    db = open_database(f"sqlite:///{tmp_path / 'tiny.sqlite'}")
    pid = run_all.generate.generate(db, run_all.generate.SCALES["tiny"])
    lines = run_all.bench_search(db, tmp_path / "tiny.sqlite", 1)
    lines += run_all.bench_import(tmp_path / "tiny.sqlite", 20, 100, tmp_path)
    db.close()
    assert pid == 1
    assert len(lines) == len(run_all.bench_people.QUERIES) + 3
    assert all("ratio" in line for line in lines[:-2]) and "upkeep in the background" in lines[-1]
    assert lines[-2].split()[-1].replace(".", "").isdigit()  # the one import's milliseconds, made in a child


def test_team_benchmark_proves_no_lost_update_on_a_short_run() -> None:
    """bench/bench_team.py stays runnable: two clients for two seconds on the test PostgreSQL (no timing asserted)."""
    import os

    import pytest

    url = os.environ.get("PV_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set PV_TEST_POSTGRES_URL")
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_team", BENCH / "bench_team.py")
    assert spec is not None and spec.loader is not None
    bench_team = importlib.util.module_from_spec(spec)
    sys.modules["bench_team"] = bench_team  # its dataclasses and the spawned clients look it up by name
    spec.loader.exec_module(bench_team)
    result = bench_team.run(url, seconds=2, clients=2, n_events=2, n_people=3, n_expenses=2)
    assert result["lost"] == [] and result["errors"] == []
    assert result["saves"] + result["ticks"] > 0
