"""The application icon (resources/icons/): an SVG for any size plus a 256 px PNG rendered from it."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from projektu_vadiba.resources import resource


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("projektu-vadiba.svg", "projektu-vadiba-256.png"):
        path = resource("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon
