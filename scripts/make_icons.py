"""Render the application icon (resources/icons/projektu-vadiba.svg) into the files installers need.

    QT_QPA_PLATFORM=offscreen python scripts/make_icons.py

Writes resources/icons/projektu-vadiba.ico (Windows: exe, installer, shortcuts) with the sizes Explorer asks for,
and projektu-vadiba-{48,128,256}.png (Linux desktop menus). The outputs are committed; run this again only when
the SVG changes.

Qt's ICO writer stores one image per file, so the multi-size container is written here: an ICO is a 6-byte
header, one 16-byte directory entry per image, then the images; since Windows Vista an entry may be a whole PNG
file, which keeps this simple and the edges anti-aliased.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "projektu-vadiba.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZES = (48, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs want bytes, Qt wants str
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_container(pngs: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding each (size, PNG bytes) as one 32-bit entry."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, blob in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    ico = ICONS / "projektu-vadiba.ico"
    ico.write_bytes(ico_container([(size, png_bytes(render(renderer, size))) for size in ICO_SIZES]))
    print(f"wrote {ico.relative_to(ROOT)} ({', '.join(map(str, ICO_SIZES))} px)")
    for size in PNG_SIZES:
        out = ICONS / f"projektu-vadiba-{size}.png"
        out.write_bytes(png_bytes(render(renderer, size)))
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
