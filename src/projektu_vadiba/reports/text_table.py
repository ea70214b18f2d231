"""A platypus Table whose plain-text cells are written into one PDF text object per table (per page part),
instead of reportlab's text object, font and colour settings per cell line.

The report's tables are thousands of short cells (a 180-event project's report: 2,500): reportlab's per-cell
drawString was the larger part of their drawing. Positions are computed exactly as Table._drawCell computes them,
so the page looks the same; the text goes in right before the table's rules, as reportlab draws it.
Anything but a plain left- or right-aligned string (flowables, centred or decimal cells, links) is left to
reportlab.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table

_OWN_ALIGNMENTS = ("LEFT", "RIGHT")


class TextCellTable(Table):  # type: ignore[misc]
    def _drawBkgrnd(self) -> None:
        super()._drawBkgrnd()  # the first thing Table.draw draws: backgrounds, then cells, then rules
        self._cell_text: Any = self.canv.beginText()
        self._cell_state: tuple[Any, ...] | None = None

    def _drawLines(self) -> None:
        self.canv.drawText(self._cell_text)
        super()._drawLines()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]) -> None:
        if (
            not isinstance(cellval, str)
            or cellstyle.alignment not in _OWN_ALIGNMENTS
            or cellstyle.href
            or cellstyle.destination
            or cellstyle.direction
            or cellstyle.shaping
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return  # reportlab writes an empty string: nothing to see
        text = self._cell_text
        state = (cellstyle.color, cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        if state != self._cell_state:
            if self._cell_state is None or state[0] != self._cell_state[0]:
                text.setFillColor(cellstyle.color)
            text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._cell_state = state
        (colpos, rowpos), (colwidth, rowheight) = pos, size
        lines = cellval.split("\n")
        leading, fontsize = cellstyle.leading, cellstyle.fontsize
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "MIDDLE":
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + len(lines) * leading) / 2.0
            y -= fontsize
        else:
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        right = cellstyle.alignment == "RIGHT"
        x = colpos + colwidth - cellstyle.rightPadding if right else colpos + cellstyle.leftPadding
        for line in lines:
            if right:
                text.setTextOrigin(x - self.canv.stringWidth(line, cellstyle.fontname, fontsize), y)
            else:
                text.setTextOrigin(x, y)
            text.textLine(line)
            y -= leading
