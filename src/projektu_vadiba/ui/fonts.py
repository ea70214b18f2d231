"""Fonts with every Latvian letter: a bundled font under resources/fonts/, else DejaVu Sans from the system.

Without fonts (a bare offscreen machine) every glyph is a box; on a desktop the native font usually covers
Latvian already, so it is replaced only where it lacks a Latvian letter, or on the offscreen platform
(so screenshots look the same everywhere).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication

from projektu_vadiba.resources import resource

SYSTEM_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
PREFERRED_FAMILY = "DejaVu Sans"
LATVIAN_LETTERS = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ€"


def font_files(bundled_dir: Path | None = None, system_dir: Path = SYSTEM_DEJAVU) -> list[Path]:
    """The bundled fonts if there are any, else the system's DejaVu Sans files that exist."""
    folder = bundled_dir if bundled_dir is not None else resource("fonts")
    bundled = sorted(p for p in folder.glob("*") if p.suffix.lower() in {".ttf", ".otf"}) if folder.is_dir() else []
    return bundled or [system_dir / name for name in DEJAVU_FILES if (system_dir / name).is_file()]


def covers_latvian(font: QFont) -> bool:
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in LATVIAN_LETTERS)


def register_fonts(files: Iterable[Path]) -> list[str]:
    """Make the fonts available to Qt; returns their families (a file that cannot be read is passed over)."""
    families: list[str] = []
    for path in files:
        # From bytes, not from the path: Qt's FreeType engine on Windows opens a font file through the ANSI code
        # page, so a font under "C:\\Program Files\\Projektu vadība" failed to load and every letter drew as a box.
        try:
            data = path.read_bytes()
        except OSError:
            continue
        font_id = QFontDatabase.addApplicationFontFromData(data)
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def is_slanted(path: Path) -> bool:
    """An italic or oblique face: nothing in the first window is slanted, so these are registered after it."""
    stem = path.stem.lower()
    return "oblique" in stem or "italic" in stem


def load_fonts(app: QGuiApplication, files: list[Path] | None = None) -> str | None:
    """Register the fonts; make one the application font when needed. Returns the family now in use, if set."""
    families = register_fonts(files if files is not None else font_files())
    if not families:
        return None
    family = PREFERRED_FAMILY if PREFERRED_FAMILY in families else families[0]
    if app.platformName() in {"offscreen", "minimal"} or not covers_latvian(app.font()):
        font = app.font()
        font.setFamily(family)
        app.setFont(font)
        return family
    return None
