"""Draw the neutral placeholder emblems in resources/logos/ (run once; the PNGs are committed).

The funders' official logos are trademarks and cannot be fetched here: each placeholder shows the funder's short
name in a rounded rectangle. A coordinator replaces one with the official file (see resources/logos/README.md).

    QT_QPA_PLATFORM=offscreen python scripts/make_placeholder_logos.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "logos"
WIDTH, HEIGHT = 520, 220

# file name, big text, small text, colour
EMBLEMS = (
    ("sif.png", "SIF", "Sabiedrības integrācijas fonds", "#1f5f74"),
    ("eea_norway.png", "EEZ · NO", "EEZ un Norvēģijas granti", "#23408e"),
    ("lad.png", "LAD", "Lauku atbalsta dienests", "#2f6b35"),
    ("leader.png", "LEADER", "Vietējā attīstība", "#6b6a1f"),
    # The LEADER profile's EU emblem slot (EAFRD); the official emblem file replaces it (resources/logos/README.md).
    ("eu_eafrd.png", "ES · ELFLA", "Eiropas lauku attīstības fonds", "#003399"),
)


def draw(path: Path, big: str, small: str, colour: str, family: str) -> None:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    accent = QColor(colour)
    painter.setPen(QPen(accent, 10))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(8, 8, WIDTH - 16, HEIGHT - 16), 34, 34)

    big_font = QFont(family)
    big_font.setBold(True)
    big_font.setPixelSize(92 if len(big) <= 4 else 70)
    painter.setFont(big_font)
    painter.setPen(accent)
    painter.drawText(QRectF(20, 26, WIDTH - 40, 112), Qt.AlignmentFlag.AlignCenter, big)

    small_font = QFont(family)
    small_font.setPixelSize(30)
    painter.setFont(small_font)
    painter.setPen(QColor("#333333"))
    painter.drawText(QRectF(20, 140, WIDTH - 40, 50), Qt.AlignmentFlag.AlignCenter, small)
    painter.end()
    if not image.save(str(path)):
        raise SystemExit(f"could not write {path}")


def main() -> int:
    app = QGuiApplication(sys.argv)
    family = "DejaVu Sans"
    for font in sorted((ROOT / "resources" / "fonts").glob("DejaVuSans*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, big, small, colour in EMBLEMS:
        draw(OUT / name, big, small, colour, family)
        print(OUT / name)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
