"""Where the bundled files (fonts, funder profiles, logos, translations) live.

A wheel and a PyInstaller bundle carry them inside the package as `projektu_vadiba/resources`;
a source checkout (editable install, tests) has them in the top-level `resources/` folder.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    packaged = Path(__file__).with_name("resources")
    if packaged.is_dir():
        return packaged
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "projektu_vadiba" / "resources").is_dir():
        return Path(frozen) / "projektu_vadiba" / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
