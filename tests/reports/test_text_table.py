"""TextCellTable writes every cell line where reportlab's own Table writes it: same text at the same positions,
for left and right alignment, top, middle and bottom alignment, several lines, colours, fonts and a page split."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.reports.text_table import TextCellTable


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
