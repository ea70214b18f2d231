"""Quick mode of the kill harness (bench/reliability_upgrade.py runs N=100): kill -9 at random moments while a
revision-0001 database upgrades and while its backup is made; every file must open at the old or the new revision
with every row, every backup under its final name must be whole, and the next start must finish the job."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import PEOPLE
from tests.reliability.upgrade_kill import kill_runs

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

QUICK_RUNS = 6


@pytest.mark.parametrize("mode", ["upgrade", "backup"])
def test_kill_9_leaves_an_openable_file_at_the_old_or_new_revision(
    mode: str, revision_0001_template: Path, tmp_path: Path
) -> None:
    result = kill_runs(mode, revision_0001_template, tmp_path, QUICK_RUNS, PEOPLE)
    assert result.runs == QUICK_RUNS
    assert result.outcomes["broken"] == 0, result.problems
    assert sum(result.outcomes.values()) == QUICK_RUNS
