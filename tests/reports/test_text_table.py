"""TextCellTable writes every cell line where reportlab's own Table writes it: same text at the same positions,
for left and right alignment, top, middle and bottom alignment, several lines, colours, fonts and a page split."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import SimpleDocTemplate, Table

from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.reports.text_table import TextCellTable, fp


def placed_text(kind: type[Any]) -> list[list[tuple[str, float, float]]]:
    fonts = register_fonts()
    rows = [["Nr.", "Pasākums", "Vieta", "Dalībnieki"]]
    rows += [[str(n), f"Tikšanās Nr. {n}\nĶekavā", "Kopienu māja,\nDaugmale", str(n * 7)] for n in range(1, 90)]
    rows[5][2] = ""
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
        ("FONTSIZE", (0, 0), (-1, -1), 7.8),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (1, 1), (1, -1), "TOP"),
        ("ALIGN", (0, 0), (0, -1), "RIGHT"),
        ("ALIGN", (3, 0), (3, -1), "RIGHT"),
        ("TEXTCOLOR", (0, 7), (-1, 7), HexColor("#8a1f11")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor("#9aa4ae")),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=fonts.regular).build(
        [kind(rows, colWidths=[40, 150, 150, 60], repeatRows=1, style=style)]
    )
    pages = []
    for page in PdfReader(io.BytesIO(out.getvalue())).pages:
        found: list[tuple[str, float, float]] = []

        def visit(text: str, cm: Any, tm: Any, *_: Any, found: list[tuple[str, float, float]] = found) -> None:
            if text.strip():
                found.append((text.strip(), round(tm[4] * cm[0] + cm[4], 2), round(tm[5] * cm[3] + cm[5], 2)))

        page.extract_text(visitor_text=visit)
        pages.append(sorted(found))
    return pages


def test_cells_land_where_reportlab_puts_them() -> None:
    mine, theirs = placed_text(TextCellTable), placed_text(Table)
    assert len(mine) == len(theirs) >= 2  # the table splits over pages, its title row repeated
    assert mine == theirs
    assert sum(t == "Ķekavā" for t, _, _ in mine[0]) > 20  # second lines of cells, Latvian letters intact


class _ReportlabLines(TextCellTable):
    """The cell lines written through reportlab's PDFTextObject (setTextOrigin + textLine), as TextCellTable wrote
    them before it formatted the operators itself: the reference for byte-equal page streams."""

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]) -> None:
        if not isinstance(cellval, str) or cellstyle.alignment not in ("LEFT", "RIGHT"):
            Table._drawCell(self, cellval, cellstyle, pos, size)
            return
        if not cellval:
            return
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
        if cellstyle.valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif cellstyle.valign == "MIDDLE":
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding + len(lines) * leading) / 2.0
            y -= fontsize
        else:
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        right = cellstyle.alignment == "RIGHT"
        x = colpos + colwidth - cellstyle.rightPadding if right else colpos + cellstyle.leftPadding
        for line in lines:
            width = self.canv.stringWidth(line, cellstyle.fontname, fontsize) if right else 0
            text.setTextOrigin(x - width, y)
            text.textLine(line)
            y -= leading


def page_streams(kind: type[Any]) -> list[bytes]:
    """Page content streams of a table with Latvian letters, symbols and characters PDF strings escape, in two
    fonts and colours, over enough rows that the font's first subset fills and later lines switch subsets."""
    fonts = register_fonts()
    rows = [["Nr.", "Teksts", "Summa"]]
    for n in range(1, 400):
        letters = "".join(chr(0x100 + (n * 12 + k) % 330) for k in range(12))  # Latin Extended-A and -B
        rows.append([str(n), f"Ķekava (n) \\ {letters}\n€ → “{n}” ½", f"{n * 1.5:.2f}\xa0€" if n % 7 else ""])
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
        ("FONTSIZE", (0, 0), (-1, -1), 7.8),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (0, -1), "BOTTOM"),
        ("ALIGN", (2, 0), (2, -1), "RIGHT"),
        ("TEXTCOLOR", (0, 9), (-1, 12), HexColor("#8a1f11")),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, initialFontName=fonts.regular).build(
        [kind(rows, colWidths=[40, 300, 80], repeatRows=1, style=style)]
    )
    return [page.get_contents().get_data() for page in PdfReader(io.BytesIO(out.getvalue())).pages]


def test_page_streams_are_reportlabs_byte_for_byte() -> None:
    mine, theirs = page_streams(TextCellTable), page_streams(_ReportlabLines)
    assert len(mine) == len(theirs) > 3
    assert mine == theirs
    assert b"+1 7.8 Tf" in b"".join(mine)  # lines in the font's second subset were written too


def test_numbers_are_written_as_reportlab_writes_them() -> None:
    values = [0, 1e-8, -1e-8, 1e-7, 2e-7, 0.5, -0.5, 1, -1, 10, 100, 1000, 999.99999996, 1e6, 1234567.891]
    values += [x / 7 for x in range(-5000, 5000, 37)] + [x * 0.01 for x in range(0, 90000, 113)]
    values += [595.2755905511812, 841.8897637795277, 28.346456692913385, 36.850393700787406, 0.0001, 0.00000049]
    assert [fp(v) for v in values] == [fp_str(v) for v in values]


def test_grid_row_heights_are_reportlabs() -> None:
    """A grid table brings its row heights (known from its wrapped lines); reportlab, measuring the same cells,
    gets the same: title row in a shrunk size, wrapped and bold rows, a group title across the table."""
    from projektu_vadiba.reports.final_blocks import Grid
    from projektu_vadiba.reports.final_tables import grid_table

    fonts = register_fonts()
    grid = Grid(widths=(12, 60, 40, 13), head=("Nr.", "Pasākums", "Vieta", "Piedalījās"), right=(0, 3))
    grid.group("1. Kopienu pasākumi Ķekavas novadā, kuru nosaukums ir tik garš, ka aizņem divas rindas tabulā " * 2)
    for n in range(1, 25):
        grid.add(str(n), "Tikšanās " * (n % 9 + 1), "Kopienu māja, Daugmale" if n % 3 else "", str(n * 7))
    grid.add("", "Kopā", "", "168", bold=True, colour="#8a1f11")
    table = grid_table(grid, fonts)
    assert None not in table._argH and len(set(table._argH)) >= 4
    measured = Table(table._cellvalues, colWidths=table._argW, cellStyles=table._cellStyles, normalizedData=1)
    measured.setStyle([("SPAN", (0, row), (-1, row)) for row in grid.groups])
    for t in (table, measured):
        t.wrap(500, 800)
    assert measured._rowHeights == table._rowHeights


def test_line_writer_writes_what_the_text_object_writes() -> None:
    """LineWriter.set_font + line against the text object's setFont + setTextOrigin + textLine: fonts set again
    per cell (a subset is selected again), a standard font, Latvian letters and escaped characters."""
    from reportlab.pdfgen.canvas import Canvas

    from projektu_vadiba.reports.text_table import LineWriter

    fonts = register_fonts()
    lines = [(fonts.regular, 7.0, "Ķekava (Daugmale) \\ 12.03."), (fonts.bold, 8.5, "Vārds, uzvārds"),
             ("Helvetica", 9.0, "Signature"), (fonts.regular, 7.0, "Ūdens 1\xa0234,50\xa0€ ½"),
             (fonts.regular, 7.0, "")]  # fmt: skip
    codes = []
    for mine in (True, False):
        text = Canvas(io.BytesIO()).beginText()
        writer = LineWriter(text)
        for n, (font, size, line) in enumerate(lines * 3):
            x, y = 10.5 + n * 3.25, 800 - n * 9.1234567
            if mine:
                writer.set_font(font, size)
                writer.line(x, y, line)
            else:
                text.setFont(font, size)
                text.setTextOrigin(x, y)
                text.textLine(line)
        codes.append(text.getCode())
    assert codes[0] == codes[1]
    assert " 9 Tf 10.8 TL 1 0 0 1 " in codes[0]  # the standard font: its Tf written when set, by reportlab


def test_line_canvas_rules_lines_as_reportlab() -> None:
    from reportlab.pdfgen.canvas import Canvas

    from projektu_vadiba.reports.text_table import LineCanvas

    codes = []
    for kind in (LineCanvas, Canvas):
        c = kind(io.BytesIO())
        for n in range(300):
            c.line(28.346456 + n * 0.37, 841.889 - n * 2.8346, 566.93 - n / 3, -n * 0.001)
        codes.append(list(c._code))
    assert codes[0] == codes[1]
