"""Building blocks of the report's story: paragraph styles, headings that become bookmarks, and tables whose
cells are wrapped to their column once (plain strings, no Paragraph per cell: a 180-event report stays fast),
with a title row repeated on every page. Everything is set in DejaVu Sans (Latvian letters)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.final_blocks import KEEP_ROWS, Block, Form, Gap, Grid, Heading, Keep, Pairs, Para
from projektu_vadiba.reports.fonts import Fonts
from projektu_vadiba.reports.text import text_width, wrap
from projektu_vadiba.reports.text_table import TextCellTable

MM = st.MM
BODY_SIZE = 9.0
CELL_SIZE = 7.8
PAD_X, PAD_Y = 1.3 * MM, 0.9 * MM
FRESH_PAGE = 200 * MM  # room of a page with nothing on it yet (the A4 frame is about 244 mm tall)
_keys = itertools.count(1)


@dataclass(frozen=True)
class Styles:
    fonts: Fonts
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    part: ParagraphStyle
    section: ParagraphStyle
    sub: ParagraphStyle
    body: ParagraphStyle
    muted: ParagraphStyle
    placeholder: ParagraphStyle
    warning: ParagraphStyle


def make_styles(fonts: Fonts) -> Styles:
    def style(name: str, font: str, size: float, colour: str = st.INK, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, textColor=HexColor(colour), **kw)

    return Styles(
        fonts=fonts,
        title=style("title", fonts.bold, 16, alignment=TA_CENTER, spaceAfter=3 * MM),
        subtitle=style("subtitle", fonts.bold, 11, alignment=TA_CENTER, spaceAfter=1.5 * MM),
        meta=style("meta", fonts.regular, 8.5, alignment=TA_CENTER),
        part=style(
            "part",
            fonts.bold,
            12.5,
            spaceBefore=5 * MM,
            spaceAfter=2.5 * MM,
            backColor=HexColor(st.HEADER_FILL),
            borderPadding=(1.6 * MM, 2 * MM, 1.6 * MM, 2 * MM),
            keepWithNext=1,
        ),
        section=style("section", fonts.bold, 11, spaceBefore=4.5 * MM, spaceAfter=2 * MM, keepWithNext=1),
        sub=style("sub", fonts.bold, 9, spaceBefore=2.5 * MM, spaceAfter=1.2 * MM, keepWithNext=1),
        body=style("body", fonts.regular, BODY_SIZE, spaceAfter=1.5 * MM),
        muted=style("muted", fonts.italic, 8, st.MUTED, spaceAfter=1.2 * MM),
        placeholder=style(
            "placeholder",
            fonts.bold,
            BODY_SIZE,
            spaceAfter=1.5 * MM,
            backColor=HexColor("#fdecea"),
            borderPadding=1.2 * MM,
        ),
        warning=style(
            "warning",
            fonts.regular,
            8.3,
            spaceAfter=1 * MM,
            backColor=HexColor("#fff4ce"),
            borderPadding=1.2 * MM,
        ),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """User text as written: markup characters escaped, line breaks kept."""
    return Paragraph(escape(text.strip()).replace("\n", "<br/>"), style)


def heading(text: str, style: ParagraphStyle, level: int) -> Paragraph:
    p = Paragraph(escape(text), style)
    p.outline = (text, level, f"h{next(_keys)}")  # see final_page._Template.afterFlowable
    return p


def gap(mm: float) -> Spacer:
    return Spacer(1, mm * MM)


def flowables(blocks: Sequence[Block], styles: Styles) -> list[Any]:
    """The report's blocks (final_blocks) as reportlab flowables."""
    out: list[Any] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(para(block.text, getattr(styles, block.style)))
        elif isinstance(block, Heading):
            out.append(heading(block.text, getattr(styles, block.style), block.level))
        elif isinstance(block, Gap):
            out.append(gap(block.mm))
        elif isinstance(block, Grid):
            out.append(grid_table(block, styles.fonts))
        elif isinstance(block, Pairs):
            out.append(pairs_table(block.rows, styles.fonts, block.width_mm, block.label_mm))
        elif isinstance(block, Form):
            out.append(form_table(block, styles.fonts))
        elif isinstance(block, Keep):
            out.append(KeepTogether(flowables(block.blocks, styles)))
    return out


# ---- tables -----------------------------------------------------------------------------------------------------


class WholeTable(TextCellTable):
    """A short table moves to the next page whole rather than split; only on a (nearly) empty page, where
    moving on would not help, does it split like any table. (KeepTogether would do, but nested inside the
    KeepTogether that a heading's keepWithNext makes, it loses its measure and the heading is orphaned.)"""

    def split(self, available_width: float, available_height: float) -> list[Any]:
        if available_height < FRESH_PAGE:
            return []
        parts: list[Any] = super().split(available_width, available_height)
        return parts


def grid_table(grid: Grid, fonts: Fonts, size: float = CELL_SIZE) -> Table:
    """The table; a short one is kept on one page (a long one splits, its title row repeated)."""
    return _GridTable(grid).build(fonts, size)


class _GridTable:
    def __init__(self, grid: Grid) -> None:
        self.widths, self.head, self.right, self.rows = grid.widths, grid.head, grid.right, grid.rows
        self.bold, self.groups, self.fills, self.colours = grid.bold, grid.groups, grid.fills, grid.colours

    def build(self, fonts: Fonts, size: float = CELL_SIZE) -> Table:
        """The table; a short one is kept on one page (a long one splits, its title row repeated)."""
        widths = [w * MM for w in self.widths]
        head_sizes = [_head_size(t, fonts.bold, size, w) for t, w in zip(self.head, widths, strict=True)]
        data = [[_wrap(t, fonts.bold, hs, w) for t, hs, w in zip(self.head, head_sizes, widths, strict=True)]]
        for n, row in enumerate(self.rows, start=1):
            font = fonts.bold if n in self.bold else fonts.regular
            if n in self.groups:
                data.append([_wrap(row[0], font, size, sum(widths)), *row[1:]])
            else:
                data.append([_wrap(t, font, size, w) for t, w in zip(row, widths, strict=True)])
        kind = WholeTable if len(self.rows) <= KEEP_ROWS else TextCellTable
        cells = self._cells(fonts, size, head_sizes)
        # Every cell is already a plain string: reportlab's own normalising pass would change nothing.
        table = kind(
            data,
            colWidths=widths,
            rowHeights=self._heights(data, cells),
            repeatRows=1,
            hAlign="LEFT",
            cellStyles=cells,
            normalizedData=1,
        )
        table.setStyle(TableStyle(self._style()))
        return table

    def _cells(self, fonts: Fonts, size: float, head_sizes: list[float]) -> list[list[Any]]:
        """Every cell's font, size, padding, alignment as its style's defaults: a style command over the whole
        table sets them cell by cell (15,000 settings for a table of 180 events, each time it is split)."""
        aligns = ["RIGHT" if col in self.right else "LEFT" for col in range(len(self.widths))]
        head = [
            _cell_style(fonts.bold, hs, hs * 1.2, "MIDDLE", align) for hs, align in zip(head_sizes, aligns, strict=True)
        ]
        plain = [_cell_style(fonts.regular, size, size * 1.2, "TOP", align) for align in aligns]
        bold = [_cell_style(fonts.bold, size, size * 1.2, "TOP", align) for align in aligns]
        # One instance per column and kind shared by the rows: reportlab only changes a cell's style through a
        # style command, and the only one here that does (TEXTCOLOR) gets its rows their own instances.
        shared = {False: [kind("") for kind in plain], True: [kind("") for kind in bold]}
        rows = [[kind("") for kind in head]]
        for n in range(1, len(self.rows) + 1):
            kinds = bold if n in self.bold else plain
            rows.append([kind("") for kind in kinds] if n in self.colours else shared[n in self.bold][:])
        return rows

    def _heights(self, data: list[list[str]], cells: list[list[Any]]) -> list[float]:
        """Each row's height as Table._calc_height works it out for plain strings (lines × leading + padding,
        the tallest cell; a group title alone, its spanned cells hidden): known here, where the lines were wrapped,
        instead of measured again each time reportlab wraps or splits the table (several times per page)."""
        heights = []
        for n, (row, styles) in enumerate(zip(data, cells, strict=True)):
            pairs = zip(row[:1], styles[:1], strict=True) if n in self.groups else zip(row, styles, strict=True)
            heights.append(max(s.leading * (t.count("\n") + 1) + (s.bottomPadding + s.topPadding) for t, s in pairs))
        return heights

    def _style(self) -> list[tuple[Any, ...]]:
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(st.HEADER_FILL)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(st.GRID)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(st.FRAME)),
            ("BOX", (0, 0), (-1, -1), 0.7, HexColor(st.FRAME)),
        ]
        commands += [("BACKGROUND", (0, r), (-1, r), HexColor(c)) for r, c in sorted(self.fills.items())]
        commands += [("TEXTCOLOR", (0, r), (-1, r), HexColor(c)) for r, c in sorted(self.colours.items())]
        for row in sorted(self.groups):  # a group's title row never ends a page without its first row
            commands.append(("SPAN", (0, row), (-1, row)))
            if row < len(self.rows):
                commands.append(("NOSPLIT", (0, row), (-1, row + 1)))
        return commands


_INK = HexColor(st.INK)


@lru_cache(maxsize=64)
def _cell_style(font: str, size: float, leading: float, valign: str, align: str) -> type[CellStyle]:
    """A cell style class whose defaults are what Grid's cells print with (reportlab reads them as attributes)."""
    defaults = {
        "fontname": font,
        "fontsize": size,
        "leading": leading,
        "color": _INK,  # one object: the cell writer compares colours cell by cell, and `is` is the cheap way
        "valign": valign,
        "alignment": align,
        "leftPadding": PAD_X,
        "rightPadding": PAD_X,
        "topPadding": PAD_Y,
        "bottomPadding": PAD_Y + 0.6,
    }
    return type("GridCell", (CellStyle,), defaults)


def pairs_table(rows: Sequence[tuple[str, str]], fonts: Fonts, width_mm: float, label_mm: float = 52) -> Table:
    """Label / value rows (project data): labels muted on the left, values wrapped on the right."""
    widths = [label_mm * MM, (width_mm - label_mm) * MM]
    data = [
        [_wrap(label, fonts.regular, 8.3, widths[0]), _wrap(value, fonts.regular, BODY_SIZE, widths[1])]
        for label, value in rows
    ]
    table = WholeTable(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                ("FONTSIZE", (0, 0), (0, -1), 8.3),
                ("FONTSIZE", (1, 0), (1, -1), BODY_SIZE),
                ("LEADING", (0, 0), (-1, -1), BODY_SIZE * 1.25),
                ("TEXTCOLOR", (0, 0), (0, -1), HexColor(st.MUTED)),
                ("TEXTCOLOR", (1, 0), (1, -1), HexColor(st.INK)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
                ("TOPPADDING", (0, 0), (-1, -1), 1.1 * MM),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * MM),
                ("BACKGROUND", (0, 0), (0, -1), HexColor(st.BAND_FILL)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(st.GRID)),
                ("BOX", (0, 0), (-1, -1), 0.7, HexColor(st.FRAME)),
            ]
        )
    )
    return table


def form_table(form: Form, fonts: Fonts) -> Table:
    """The signature block: labels at the bottom of tall rows, lines to write on."""
    table = Table(
        [list(r) for r in form.rows],
        colWidths=[w * MM for w in form.widths],
        rowHeights=[form.height_mm * MM] * len(form.rows),
        hAlign="LEFT",
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in form.right]
    commands += [("LINEBELOW", (c, 0), (c, -1), 0.6, HexColor(st.FRAME)) for c in form.lines_under]
    table.setStyle(TableStyle(commands))
    return table


def _head_size(text: str, font: str, size: float, width: float) -> float:
    """A column title shrinks rather than break a word ("Piedalīj-ās" reads badly)."""
    widest = max((text_width(w, font, 1.0) for w in text.split()), default=0.0)
    for candidate in (size, size - 0.6, size - 1.2, size - 1.8):
        if widest * candidate <= width - 2 * PAD_X:
            return candidate
    return size - 1.8


def _wrap(text: str, font: str, size: float, width: float) -> str:
    if not text:
        return ""
    return "\n".join(wrap(text, font, size, width - 2 * PAD_X))
