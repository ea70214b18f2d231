"""Draws the read-back marks on a sheet page: four ArUco markers in the corner squares (vector squares from the patterns
in resources/marks, so printing needs no OpenCV) and the page's QR code in the footer's QR slot."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from projektu_vadiba.core.scan.marks import MARKER_IDS, MARKER_MM, QR_MM, PagePayload, marker_corners_mm
from projektu_vadiba.reports.common import QR_SLOT
from projektu_vadiba.reports.qr_matrix import qr_modules
from projektu_vadiba.reports.sheet_layout import MARGIN, MM
from projektu_vadiba.resources import resource

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

MARKERS_FORM = "sheet_markers"
QR_BORDER = 2  # quiet zone, in modules, inside the slot


@cache
def _patterns() -> dict[str, list[str]]:
    data: dict[str, Any] = json.loads(resource("marks", "aruco_4x4_50.json").read_text(encoding="utf-8"))
    return data["markers"]  # type: ignore[no-any-return]


class PageMarks:
    """The markers are the same on every page of a document: drawn once as a form, placed on each page. Define it
    before any other form begins (forms do not nest)."""

    def __init__(self, c: Canvas, page_width: float, page_height: float) -> None:
        self.page_width, self.page_height = page_width, page_height
        corners = marker_corners_mm(page_width / MM, page_height / MM)
        c.beginForm(MARKERS_FORM)
        path = c.beginPath()
        for marker_id in MARKER_IDS:
            left_mm, top_mm = corners[marker_id][0]
            rows = _patterns()[str(marker_id)]
            cell = MARKER_MM * MM / len(rows)
            for r, bits in enumerate(rows):
                for col, bit in enumerate(bits):
                    if bit == "1":
                        path.rect(left_mm * MM + col * cell, page_height - top_mm * MM - (r + 1) * cell, cell, cell)
        c.setFillColorRGB(0, 0, 0)
        c.drawPath(path, stroke=0, fill=1)
        c.endForm()

    def draw(self, c: Canvas, payload: PagePayload) -> None:
        c.doForm(MARKERS_FORM)
        draw_qr(c, payload.encode(), self.page_width - MARGIN - QR_SLOT, MARGIN, QR_MM * MM)


def draw_qr(c: Canvas, text: str, x: float, y: float, side: float) -> None:
    """The dark modules as one filled path, each run of a row one rectangle, in module units (reportlab's QR widget
    would pull Helvetica into the page's fonts, and a rectangle per module made printing a big project slow)."""
    modules = qr_modules(text)
    count = len(modules)
    ops: list[str] = []
    for row, line in enumerate(modules):
        top = count + QR_BORDER - row - 1  # y of the module's bottom edge, counted from the slot's bottom
        col = 0
        while col < count:
            if line[col]:
                start = col
                while col < count and line[col]:
                    col += 1
                ops.append(f"{start + QR_BORDER} {top} {col - start} 1 re")
            col += 1
    module = side / (count + 2 * QR_BORDER)
    c.saveState()
    c.translate(x, y)
    c.scale(module, module)
    c.setFillColorRGB(0, 0, 0)
    c.addLiteral("\n".join(ops) + "\nf")
    c.restoreState()
