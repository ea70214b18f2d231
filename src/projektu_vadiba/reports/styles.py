"""Sizes, colours and styles of every report. Each names a DejaVu Sans font (reports.fonts): a style left on
reportlab's default Helvetica prints "Dal■bnieku" instead of "Dalībnieku"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from projektu_vadiba.reports.fonts import register_fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import StyleSheet1

MM = 72 / 25.4  # points per millimetre

# Colours as hex strings: reportlab colour objects are made where reportlab is already loaded.
INK = "#1b1f23"
MUTED = "#5b6570"
GRID = "#9aa4ae"
FRAME = "#4a545e"
HEADER_FILL = "#e6ebef"
BAND_FILL = "#f4f6f8"

TITLE_SIZE = 14.0
SUBTITLE_SIZE = 9.0
INFO_SIZE = 8.5
TABLE_HEAD_SIZE = 7.5
HEAD_SIZES = (TABLE_HEAD_SIZE, 6.8, 6.0, 5.4)  # a column title shrinks rather than cut a word
CELL_SIZES = (8.5, 7.5, 6.5)  # a long name shrinks before its row grows
PUBLICITY_SIZE = 7.5
NOTICE_SIZE = 6.3
LEADING = 1.22  # line height as a multiple of the font size


def paragraph_styles() -> StyleSheet1:
    """reportlab's sample style sheet with every style moved onto DejaVu Sans (for flowing reports)."""
    from reportlab.lib.styles import getSampleStyleSheet

    fonts = register_fonts()
    sheet = getSampleStyleSheet()
    for name in sheet.byName:
        style: Any = sheet[name]
        if hasattr(style, "bulletFontName"):
            style.bulletFontName = fonts.regular
        if not hasattr(style, "fontName"):  # list styles carry only bullet fonts
            continue
        bold = "Bold" in style.fontName or name.startswith(("Heading", "Title"))
        italic = "Oblique" in style.fontName or "Italic" in style.fontName
        style.fontName = (
            fonts.bold_italic if bold and italic else fonts.bold if bold else fonts.italic if italic else fonts.regular
        )
    return sheet


def table_style_commands(header_rows: int = 1) -> list[tuple[Any, ...]]:
    """A light grid with a shaded, bold header row for platypus tables, all in DejaVu Sans."""
    from reportlab.lib import colors

    fonts = register_fonts()
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), fonts.bold),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZES[0]),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_FILL)),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(GRID)),
        ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(FRAME)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
