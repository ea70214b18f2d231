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
        for ch in set(line):
            code = assigned.get(ord(ch))
            if code is not None and code < 256:
                self.first[ord(ch)] = self.escape(bytes((code,)))
                self.known.add(ch)
        return tuple((subset, self.escape(part)) for subset, part in parts)


class _DocText:
    """What TextCellTable learns about a document while drawing it (gone with the document)."""

    def __init__(self) -> None:
        self.fonts: dict[str, _FontText] = {}
        self.numbers: dict[float, str] = {}  # column and row positions recur on every row and page


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


class TextCellTable(Table):  # type: ignore[misc]
    def _drawBkgrnd(self) -> None:
        super()._drawBkgrnd()  # the first thing Table.draw draws: backgrounds, then cells, then rules
        self._cell_text: Any = self.canv.beginText()
        self._cell_state: tuple[Any, ...] | None = None
        self._cell_doc = _DOCS.setdefault(self.canv._doc, _DocText())
        self._cell_font: _FontText | None = None
        self._cell_switch = ""  # the font operators after a subset's name: "7.8 Tf 9.36 TL"

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
            or not self.canv.bottomup
            or not _embedded(cellstyle.fontname)
        ):
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return  # reportlab writes an empty string: nothing to see
        text = self._cell_text
        fontname, fontsize, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        state = (cellstyle.color, fontname, fontsize, leading)
        if state != self._cell_state:
            if self._cell_state is None or state[0] != self._cell_state[0]:
                text.setFillColor(cellstyle.color)
            text.setFont(fontname, fontsize, leading)  # a TrueType font: no operator until a line selects a subset
            self._cell_state = state
            self._font_changed(fontname, fontsize, leading)
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
        right = cellstyle.alignment == "RIGHT"
        x = colpos + colwidth - cellstyle.rightPadding if right else colpos + cellstyle.leftPadding
        code, numbers, font = text._code, self._cell_doc.numbers, self._cell_font
        assert font is not None
        for line in lines:
            left = x - text_width(line, fontname, fontsize) if right else x
            # PDFTextObject.setTextOrigin, then textLine
            where = f"1 0 0 1 {numbers.get(left) or _number(numbers, left)} {numbers.get(y) or _number(numbers, y)} Tm"
            parts = font.runs(line)
            if len(parts) == 1 and parts[0][0] == text._curSubset:
                code.append(f"{where} ({parts[0][1]}) Tj T*")
                y -= leading
                continue
            out = [where]
            for subset, escaped in parts:  # a subset's font is selected where the line changes to it
                if subset != text._curSubset:
                    out.append(f"{font.font.getSubsetInternalName(subset, self.canv._doc)} {self._cell_switch}")
                    text._curSubset = subset
                out.append(f"({escaped}) Tj")
            code.append(" ".join(out) + " T*")
            y -= leading

    def _font_changed(self, fontname: str, fontsize: float, leading: float) -> None:
        fonts = self._cell_doc.fonts
        if fontname not in fonts:
            fonts[fontname] = _FontText(getFont(fontname), self.canv._doc, self.canv._escape)
        self._cell_font = fonts[fontname]
        self._cell_switch = f"{fp(fontsize)} Tf {fp(leading)} TL"


def _number(numbers: dict[float, str], value: float) -> str:
    numbers[value] = written = fp(value)
    return written
