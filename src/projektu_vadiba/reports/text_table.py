"""A platypus Table whose plain-text cells are written into one PDF text object per table (per page part),
instead of reportlab's text object, font and colour settings per cell line.

The report's tables are thousands of short cells (a 180-event project's report: 2,500): reportlab's per-cell
drawString was the larger part of their drawing. Positions are computed exactly as Table._drawCell computes them,
so the page looks the same; the text goes in right before the table's rules, as reportlab draws it.
Anything but a plain left- or right-aligned string (flowables, centred or decimal cells, links) is left to
reportlab.

Each line's operators are the very text reportlab's PDFTextObject writes for setTextOrigin + textLine (a test
compares the page streams byte for byte), made here without its per-line cost: reportlab's pure-Python number
formatting (its C accelerator is a separate package), and its font-subset splitting and escaping character by
character, which is needed only for characters the document has not used yet.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from projektu_vadiba.reports.text import text_width

_OWN_ALIGNMENTS = ("LEFT", "RIGHT")
_FORMATS = ("%.0f", "%.1f", "%.2f", "%.3f", "%.4f", "%.5f", "%.6f")
_LOG_10 = math.log(10.0)


class _FontText:
    """One font's lines in one document as the text object writes them: (subset, escaped codes) runs. A line
    whose characters all have codes in the first subset already (nearly every line after the first few) is
    translated in one step; any other goes through reportlab, which gives new characters their codes in order."""

    def __init__(self, font: Any, doc: Any, escape: Callable[[bytes], str]) -> None:
        self.font, self.doc, self.escape = font, doc, escape
        self.first: dict[int, str] = {}  # character -> its escaped code in subset 0
        self.known: set[str] = set()

    def runs(self, line: str) -> tuple[tuple[int, str], ...]:
        if self.known.issuperset(line):
            return ((0, line.translate(self.first)),)
        parts = self.font.splitString(line, self.doc)
        assigned = self.font.state[self.doc].assignments
        for ch in set(line) - self.known:
            code = assigned.get(32 if ch == "\xa0" else ord(ch))  # splitString writes a no-break space as a space
            if code is not None and code < 256:
                self.first[ord(ch)] = self.escape(bytes((code,)))
                self.known.add(ch)
        return tuple((subset, self.escape(part)) for subset, part in parts)


class _DocText:
    """What a LineWriter learns about a document while drawing it (gone with the document)."""

    def __init__(self) -> None:
        self.fonts: dict[str, _FontText] = {}
        self.numbers: dict[float, str] = {}  # column and row positions recur on every row and page
        self.switches: dict[tuple[float, float], str] = {}


_DOCS: WeakKeyDictionary[Any, _DocText] = WeakKeyDictionary()


def fp(value: float) -> str:
    """One number as reportlab.lib.rl_accel.fp_str writes it (the same digits, tested against it)."""
    size = abs(value)
    if size <= 1e-7:
        return "0"
    places = 6 if size <= 1 else min(max(0, 6 - int(math.log(size) / _LOG_10)), 6)
    text = _FORMATS[places] % value
    if places:
        text = text.rstrip("0").rstrip(".")  # one "." always there: what fp_str's loop strips
    return text[1:] if text[0] == "0" and len(text) > 1 else text


@lru_cache(maxsize=64)
def _embedded(fontname: str) -> bool:
    """A TrueType font (subset per document), the only kind written here; the 14 standard fonts go to reportlab."""
    return bool(getFont(fontname)._dynamicFont)


class LineWriter:
    """Lines into a reportlab text object, each placed at its origin: what `text.setTextOrigin(x, y)` followed by
    `text.textLine(line)` writes, byte for byte, at a fraction of the cost. Fonts are set through `set_font` (it
    calls the text object's own); a standard (non-embedded) font or a top-down canvas is left to reportlab."""

    def __init__(self, text: Any) -> None:
        self.text = text
        canvas = text._canvas
        self.doc = canvas._doc
        self.state = _DOCS.setdefault(self.doc, _DocText())
        self.escape: Callable[[bytes], str] = canvas._escape
        self.own = bool(canvas.bottomup)
        self.font: _FontText | None = None
        self.switch = ""  # the font operators after a subset's name: "7.8 Tf 9.36 TL"

    def set_font(self, fontname: str, size: float, leading: float | None = None) -> None:
        self.text.setFont(fontname, size, leading)  # a TrueType font: no operator until a line selects a subset
        if not (self.own and _embedded(fontname)):
            self.font = None
            return
        fonts = self.state.fonts
        if fontname not in fonts:
            fonts[fontname] = _FontText(getFont(fontname), self.doc, self.escape)
        self.font = fonts[fontname]
        key = (size, self.text._leading)
        switch = self.state.switches.get(key)
        if switch is None:
            switch = self.state.switches[key] = f"{fp(size)} Tf {fp(self.text._leading)} TL"
        self.switch = switch

    def line(self, x: float, y: float, line: str) -> None:
        text, font = self.text, self.font
        if font is None:
            text.setTextOrigin(x, y)
            text.textLine(line)
            return
        numbers = self.state.numbers
        where = f"1 0 0 1 {numbers.get(x) or _number(numbers, x)} {numbers.get(y) or _number(numbers, y)} Tm"
        if not line:
            text._code += (where, " T*")  # textLine("") writes no string, as reportlab does
            return
        parts = font.runs(line)
        if len(parts) == 1 and parts[0][0] == text._curSubset:
            text._code.append(f"{where} ({parts[0][1]}) Tj T*")
            return
        out = [where]
        for subset, escaped in parts:  # a subset's font is selected where the line changes to it
            if subset != text._curSubset:
                out.append(f"{font.font.getSubsetInternalName(subset, self.doc)} {self.switch}")
                text._curSubset = subset
            out.append(f"({escaped}) Tj")
        text._code.append(" ".join(out) + " T*")


class LineCanvas(Canvas):  # type: ignore[misc]
    """A Canvas whose `line` writes what Canvas.line writes, its numbers by `fp`: tables rule a line under every
    row, and reportlab's pure-Python fp_str was a tenth of drawing a report."""

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._code.append(f"n {fp(x1)} {fp(y1)} m {fp(x2)} {fp(y2)} l S")


def _number(numbers: dict[float, str], value: float) -> str:
    numbers[value] = written = fp(value)
    return written


class TextCellTable(Table):  # type: ignore[misc]
    def _drawBkgrnd(self) -> None:
        super()._drawBkgrnd()  # the first thing Table.draw draws: backgrounds, then cells, then rules
        self._cell_text: Any = self.canv.beginText()
        self._cell_writer = LineWriter(self._cell_text)
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
        writer = self._cell_writer
        fontname, fontsize, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        state = (cellstyle.color, fontname, fontsize, leading)
        if state != self._cell_state:
            if self._cell_state is None or state[0] != self._cell_state[0]:
                self._cell_text.setFillColor(cellstyle.color)
            writer.set_font(fontname, fontsize, leading)
            self._cell_state = state
        (colpos, rowpos), (colwidth, rowheight) = pos, size
        lines = cellval.split("\n")
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "MIDDLE":
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + len(lines) * leading) / 2.0
            y -= fontsize
        else:
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        if cellstyle.alignment == "RIGHT":
            x = colpos + colwidth - cellstyle.rightPadding
            for line in lines:
                writer.line(x - text_width(line, fontname, fontsize), y, line)
                y -= leading
        else:
            x = colpos + cellstyle.leftPadding
            for line in lines:
                writer.line(x, y, line)
                y -= leading
