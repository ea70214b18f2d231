"""Quick mode of the kill -9 harness (bench/reliability_outputs.py; the full run is 100 kills per output): the CLI
killed at a random moment and the moment its write begins, over an existing good file, leaves the previous file or
the complete new one, and the next start removes every temporary the kills left."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SRC = Path(__file__).resolve().parents[2] / "src"
KILLS = 3  # per output: at a random moment, as the write begins, somewhere in the write window


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reliability_outputs", BENCH / "reliability_outputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    return _harness()


@pytest.fixture(scope="module")
def setup(harness: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> object:
    return harness.prepare(tmp_path_factory.mktemp("kill"), src=SRC, attachment_mb=1)


@pytest.mark.parametrize("kind", list(_harness().OUTPUTS))
def test_a_killed_write_leaves_the_previous_or_the_complete_file(harness: ModuleType, setup: object, kind: str) -> None:
    result = harness.series(setup, kind, KILLS)
    assert result.broken == []
    assert result.outcomes["broken"] == 0
    assert result.outcomes["previous"] + result.outcomes["new"] == KILLS
    assert result.temps_after_next_start == 0
