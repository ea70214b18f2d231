"""Draws the read-back marks on a sheet page: four ArUco markers in the corner squares (vector squares from the patterns
in resources/marks, so printing needs no OpenCV) and the page's QR code in the footer's QR slot."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from projektu_vadiba.core.scan.marks import MARKER_IDS, MARKER_MM, QR_MM, PagePayload, marker_corners_mm
from projektu_vadiba.reports.common import QR_SLOT
from projektu_vadiba.reports.sheet_layout import MARGIN, MM
from projektu_vadiba.resources import resource

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas


@cache
def _patterns() -> dict[str, list[str]]:
    data: dict[str, Any] = json.loads(resource("marks", "aruco_4x4_50.json").read_text(encoding="utf-8"))
    return data["markers"]  # type: ignore[no-any-return]


def draw_marks(c: Canvas, page_width: float, page_height: float, payload: PagePayload) -> None:
    corners = marker_corners_mm(page_width / MM, page_height / MM)
    path = c.beginPath()
    for marker_id in MARKER_IDS:
        left_mm, top_mm = corners[marker_id][0]
        rows = _patterns()[str(marker_id)]
        cell = MARKER_MM * MM / len(rows)
        for r, bits in enumerate(rows):
            for col, bit in enumerate(bits):
                if bit == "1":
                    path.rect(left_mm * MM + col * cell, page_height - top_mm * MM - (r + 1) * cell, cell, cell)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
    _draw_qr(c, payload.encode(), page_width - MARGIN - QR_SLOT, MARGIN, QR_MM * MM)


def _draw_qr(c: Canvas, text: str, x: float, y: float, side: float) -> None:
    """The modules as one filled path (reportlab's QR widget would pull Helvetica into the page's fonts)."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.make()
    count = qr.getModuleCount()
    border = 2  # quiet zone, in modules, inside the slot
    module = side / (count + 2 * border)
    path = c.beginPath()
    for row in range(count):
        for col in range(count):
            if qr.isDark(row, col):
                path.rect(x + (col + border) * module, y + side - (row + border + 1) * module, module, module)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()
