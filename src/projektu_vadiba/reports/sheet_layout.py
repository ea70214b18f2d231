"""Rows of a sheet's table (text wrapped and sized to its cell), page breaks, and where every row lands.

The geometry is the contract for reading signed sheets back from scans: `PagePlan` says, per PDF page, which
person stands on which row and where that row and the signature cells are, in millimetres from the page's
top-left corner. The page margins keep CORNER_CLEAR free at every corner for alignment markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.fonts import Fonts
from projektu_vadiba.reports.sheet_columns import Column
from projektu_vadiba.reports.text import wrap

MM = st.MM
MARGIN = 18 * MM  # every side: content never enters the corner squares
CORNER_CLEAR = 15 * MM  # corner squares kept empty for alignment markers
PAD_X, PAD_Y = 1.4 * MM, 1.0 * MM
HEAD_PAD_X = 0.8 * MM  # column titles may use more of a narrow column than its cells do
MIN_ROW_MM = 9.0  # a hand signature needs at least this much height
HEAD_ROW = 8 * MM


@dataclass(frozen=True)
class Cell:
    size: float
    lines: tuple[str, ...]


@dataclass(frozen=True)
class TableRow:
    number: int | None  # the printed number; None for the table's header row and the "nobody" message
    person_id: int | None  # None for blank rows
    cells: tuple[Cell, ...]
    height: float
    message: str = ""  # a full-width text instead of cells


@dataclass(frozen=True)
class RowBox:
    number: int | None
    person_id: int | None
    top_mm: float
    bottom_mm: float


@dataclass(frozen=True)
class PagePlan:
    """One PDF page of a sheet; every position in mm from the page's top-left corner."""

    index: int  # 0-based page of the whole PDF
    event_id: int
    page: int  # 1-based within the event's sheet ("Lapa page no pages")
    pages: int
    width_mm: float
    height_mm: float
    header_row: tuple[float, float]  # the table's column-title row: top, bottom
    rows: tuple[RowBox, ...]
    columns: tuple[tuple[str, float, float], ...]  # key, left, right of every column
    signature_columns: tuple[tuple[float, float], ...]  # left, right of each signature column


@lru_cache(maxsize=50_000)  # the same people come to many events: each name is measured once
def _fit(text: str, font: str, width: float, min_height: float, max_height: float) -> Cell:
    """The largest size at which the text fits the row without cutting a word; else without growing the row;
    else the smallest size, the row growing (up to `max_height`, then the text ends with "…")."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, st.CELL_SIZES[0]) <= width:  # most cells: one line at full size
        return Cell(st.CELL_SIZES[0], (text,))
    widest_word = max(stringWidth(w, font, 1.0) for w in text.split(" ") if w)
    fallback: Cell | None = None
    lines: list[str] = []
    for size in st.CELL_SIZES:
        lines = wrap(text, font, size, width)
        if len(lines) * size * st.LEADING + 2 * PAD_Y <= min_height:
            if widest_word * size <= width:
                return Cell(size, tuple(lines))
            if fallback is None or len(lines) < len(fallback.lines):  # a word must be cut: cut it fewest times
                fallback = Cell(size, tuple(lines))
    if fallback is not None:
        return fallback
    size = st.CELL_SIZES[-1]
    cap = max(1, int((max_height - 2 * PAD_Y) // (size * st.LEADING)))
    if len(lines) > cap:
        lines = [*lines[: cap - 1], lines[cap - 1][:-1] + "…"]
    return Cell(size, tuple(lines))


@lru_cache(maxsize=1_000)
def _head_cell(label: str, font: str, width: float) -> Cell:
    """A column title shrinks until no word of it is cut ("Pašvaldīb-a" reads badly)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max((stringWidth(w, font, 1.0) for w in label.split(" ") if w), default=0.0)
    for size in st.HEAD_SIZES:
        if widest * size <= width:
            break
    return Cell(size, tuple(wrap(label, font, size, width)))


def header_row(columns: Sequence[Column], fonts: Fonts) -> TableRow:
    cells = tuple(_head_cell(c.label, fonts.bold, c.width - 2 * HEAD_PAD_X) for c in columns)
    needed = max((len(c.lines) * c.size * st.LEADING + 2 * PAD_Y for c in cells), default=0.0)
    return TableRow(None, None, cells, max(HEAD_ROW, needed))


def text_row(
    number: int,
    person_id: int | None,
    texts: Sequence[str],
    columns: Sequence[Column],
    font: str,
    min_height: float,
    max_height: float,
) -> TableRow:
    cells = tuple(
        _fit(text, font, col.width - 2 * PAD_X, min_height, max_height) if text else Cell(st.CELL_SIZES[0], ())
        for text, col in zip(texts, columns, strict=True)
    )
    needed = max((len(c.lines) * c.size * st.LEADING + 2 * PAD_Y for c in cells), default=0.0)
    return TableRow(number, person_id, cells, max(min_height, needed))


def message_row(text: str, height: float) -> TableRow:
    return TableRow(None, None, (), height, message=text)


def rows_that_fit(available: float, head: float, row_height: float) -> int:
    return max(1, int((available - head) // row_height))


def paginate(rows: Sequence[TableRow], head: float, available: float, tail: float = 0.0) -> list[list[TableRow]]:
    """Rows per page under a repeated header row; `tail` is room the last page keeps below the table."""
    pages: list[list[TableRow]] = []
    current: list[TableRow] = []
    used = head
    last = len(rows) - 1
    for i, row in enumerate(rows):
        need = row.height + (tail if i == last else 0.0)
        if current and used + need > available:
            pages.append(current)
            current, used = [], head
        current.append(row)
        used += row.height
    pages.append(current)
    return pages
