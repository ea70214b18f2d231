"""scripts/screenshots.py makes a readable PNG of each main view, in Latvian and in English."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
VIEWS = [
    "01-start", "02-overview", "03-activities", "04-events", "05-calendar", "06-event", "07-indicators",
    "08-form-errors", "09-settings", "10-participants", "11-reports", "12-budget", "13-organisation", "14-guide",
]  # fmt: skip


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_screenshot_script_saves_every_main_view(tmp_path: Path, lang: str) -> None:
    out = tmp_path / lang
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(out), "--lang", lang],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in out.glob("*.png")) == VIEWS
    for name in VIEWS:
        image = QImage(str(out / f"{name}.png"))
        assert (image.width(), image.height()) == (1366, 700), name  # a window on a 1366×768 laptop
        colours = {image.pixel(x, y) for x in range(0, 1366, 16) for y in range(0, 700, 16)}
        assert len(colours) > 12, f"{name} looks empty"
