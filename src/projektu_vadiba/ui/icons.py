"""The application icon (resources/icons/): an SVG for any size plus a 256 px PNG rendered from it; at start, PNGs of
three sizes rendered from it."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from projektu_vadiba.resources import resource

SCALABLE = ("projektu-vadiba.svg", "projektu-vadiba-256.png")
# Without the SVG: drawing it needs Qt's SVG library and its icon plugin (~3 ms to load), which the start leaves
# until after the first paint (ui/app.py).
PIXMAPS = ("projektu-vadiba-48.png", "projektu-vadiba-128.png", "projektu-vadiba-256.png")


def app_icon(*, scalable: bool = True) -> QIcon:
    icon = QIcon()
    for name in SCALABLE if scalable else PIXMAPS:
        path = resource("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon
