"""Drawing a page's table (title row, cells, light grid) and describing where its rows landed (`PagePlan`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.fonts import Fonts
from projektu_vadiba.reports.sheet_columns import Column
from projektu_vadiba.reports.sheet_layout import MARGIN, MM, PAD_X, PagePlan, RowBox, TableRow
from projektu_vadiba.reports.text import text_width
from projektu_vadiba.reports.text_table import LineWriter

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

Box = tuple[TableRow, float, float]  # a row with its top and bottom (points, from the page's bottom)


def draw_table(
    c: Canvas,
    fonts: Fonts,
    colour: dict[str, Any],
    columns: list[Column],
    head: TableRow,
    rows: list[TableRow],
    top: float,
) -> tuple[list[Box], float]:
    """Draws the table from `top` down; returns each row's box and the table's bottom."""
    width = sum(column.width for column in columns)
    left, right = MARGIN, MARGIN + width
    c.setFillColor(colour["HEADER_FILL"])
    c.rect(left, top - head.height, width, head.height, stroke=0, fill=1)
    # One text object for the whole table, each line placed by its origin: far cheaper than a drawString per line.
    text = c.beginText()
    text.setFillColor(colour["INK"])
    writer = LineWriter(text)
    _cells(writer, columns, head, top, fonts.bold, centred=True)
    boxes: list[Box] = []
    y = top - head.height
    for row in rows:
        if row.message:
            size = st.CELL_SIZES[0]
            writer.set_font(fonts.italic, size)
            x = left + (width - text_width(row.message, fonts.italic, size)) / 2
            writer.line(x, y - row.height / 2 - 0.35 * size, row.message)
        else:
            _cells(writer, columns, row, y, fonts.regular)
        boxes.append((row, y, y - row.height))
        y -= row.height
    c.drawText(text)
    bottom = y
    c.setStrokeColor(colour["GRID"])
    c.setLineWidth(0.5)
    for _, _, row_bottom in boxes[:-1]:
        c.line(left, row_bottom, right, row_bottom)
    x = left
    only_message = bool(boxes) and bool(boxes[-1][0].message)
    for column in columns[:-1]:
        x += column.width
        c.line(x, top, x, top - head.height if only_message else bottom)
    c.setStrokeColor(colour["FRAME"])
    c.setLineWidth(0.8)
    c.line(left, top - head.height, right, top - head.height)
    c.rect(left, bottom, width, top - bottom, stroke=1, fill=0)
    return boxes, bottom


def _cells(
    writer: LineWriter, columns: list[Column], row: TableRow, top: float, font: str, centred: bool = False
) -> None:
    x = MARGIN
    for column, cell in zip(columns, row.cells, strict=True):
        if cell.lines:
            leading = cell.size * st.LEADING
            # Vertically centred in the row; 0.35 em puts the x-height's middle on the line's middle.
            y = top - (row.height - len(cell.lines) * leading) / 2 - leading / 2 - 0.35 * cell.size
            writer.set_font(font, cell.size)
            for line in cell.lines:  # placed by its origin: textOut would also measure it to move on
                if centred or column.centred:
                    writer.line(x + (column.width - text_width(line, font, cell.size)) / 2, y, line)
                else:
                    writer.line(x + PAD_X, y, line)
                y -= leading
        x += column.width


def page_plan(
    index: int,
    event_id: int,
    page_of: tuple[int, int],
    page_size: tuple[float, float],
    columns: list[Column],
    table: tuple[float, float],
    boxes: list[Box],
) -> PagePlan:
    """`table` is the table's top and its title row's height, in points."""
    width, height = page_size
    table_top, head_height = table

    def mm_down(y: float) -> float:
        return round((height - y) / MM, 3)

    edges: list[tuple[str, float, float]] = []
    x = MARGIN
    for column in columns:
        edges.append((column.key, round(x / MM, 3), round((x + column.width) / MM, 3)))
        x += column.width
    return PagePlan(
        index=index,
        event_id=event_id,
        page=page_of[0],
        pages=page_of[1],
        width_mm=round(width / MM, 3),
        height_mm=round(height / MM, 3),
        header_row=(mm_down(table_top), mm_down(table_top - head_height)),
        rows=tuple(
            RowBox(row.number, row.person_id, mm_down(top), mm_down(bottom))
            for row, top, bottom in boxes
            if not row.message
        ),
        columns=tuple(edges),
        signature_columns=tuple((left, right) for key, left, right in edges if key == "signature"),
    )
