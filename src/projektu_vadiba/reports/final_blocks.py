"""The report's content as plain blocks, before any file format: paragraphs with a style name, headings, gaps,
label/value tables, grids (a title row and body rows) and groups kept on one page.

The sections (final_sections, final_money) and the story (final_story) write these; final_tables turns them into
reportlab flowables for the PDF and final_docx into Word paragraphs and tables, so both files say the same in the
same order. No reportlab or python-docx here: the values are formatted once, for both.

Paragraph style names: title, subtitle, meta, part, section, sub, body, muted, placeholder, warning."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from projektu_vadiba.core.services.money_format import eur, number, pct
from projektu_vadiba.reports.styles import BAND_FILL
from projektu_vadiba.reports.text import format_date

# The page both files share (A4 portrait), in mm: final_page draws it, final_docx sets its margins from it.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
MARGIN_X_MM = 18.0
HEADER_TOP_MM = 9.0  # from the page's top edge to the top of the logos
LOGO_HEIGHT_MM = 12.0
HEADER_RULE_MM = HEADER_TOP_MM + LOGO_HEIGHT_MM + 2.5
FRAME_TOP_MM = HEADER_RULE_MM + 5.0  # where the text starts
FOOTER_BASE_MM = 10.0  # the footer's last line's baseline, from the page's bottom edge
FOOTER_SIZE = 7.0  # pt
CONTENT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_X_MM
KEEP_ROWS = 15  # tables up to this many rows are not split over two pages


@dataclass(frozen=True)
class Para:
    """User text as written; a line break stays a line break."""

    text: str
    style: str


@dataclass(frozen=True)
class Heading:
    """A part (level 0) or section title: a bookmark in the PDF, an outline heading in Word."""

    text: str
    style: str  # "part" or "section"
    level: int


@dataclass(frozen=True)
class Gap:
    mm: float


@dataclass(frozen=True)
class Pairs:
    """Label / value rows (project data, totals): labels muted on a light band, values wrapped beside them."""

    rows: Sequence[tuple[str, str]]
    width_mm: float
    label_mm: float = 52


@dataclass(frozen=True)
class Form:
    """A table without a title row or rules but the lines to write on (the signature block)."""

    rows: Sequence[Sequence[str]]
    widths: Sequence[float]  # mm
    height_mm: float
    lines_under: Sequence[int]  # columns with a line to write on
    right: Sequence[int] = ()


@dataclass(frozen=True)
class Keep:
    """Blocks that stay together on one page."""

    blocks: Sequence[Block]


@dataclass
class Grid:
    """A table being built: a title row, body rows, and how rows stand out (group titles, totals, warnings)."""

    widths: Sequence[float]  # mm
    head: Sequence[str]
    right: Sequence[int] = ()  # right-aligned (number) columns
    rows: list[list[str]] = field(default_factory=list)
    bold: set[int] = field(default_factory=set)  # row numbers; the title row is row 0
    groups: set[int] = field(default_factory=set)  # full-width group title rows
    fills: dict[int, str] = field(default_factory=dict)
    colours: dict[int, str] = field(default_factory=dict)

    def add(self, *cells: str, bold: bool = False, fill: str = "", colour: str = "") -> None:
        self.rows.append(list(cells))
        row = len(self.rows)
        if bold:
            self.bold.add(row)
        if fill:
            self.fills[row] = fill
        if colour:
            self.colours[row] = colour

    def group(self, text: str) -> None:
        """A full-width row naming the group of the rows below it."""
        self.add(text, *[""] * (len(self.widths) - 1), bold=True, fill=BAND_FILL)
        self.groups.add(len(self.rows))


Block = Para | Heading | Gap | Pairs | Form | Keep | Grid
Blocks = list[Block]


def paragraphs(text: str, style: str) -> Blocks:
    """A blank line starts a new paragraph."""
    blocks = [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [Para(b, style) for b in blocks]


# ---- values -----------------------------------------------------------------------------------------------------


def money(value: Decimal) -> str:
    return eur(value)


def percent(value: Decimal | None) -> str:
    return pct(value) if value is not None else "–"


def amount(value: Decimal | int) -> str:
    """12 / 2,5 / 1 234: an indicator value, no trailing zeros."""
    d = Decimal(value)
    exponent = d.normalize().as_tuple().exponent
    places = min(-exponent, 2) if isinstance(exponent, int) and exponent < 0 else 0
    return number(d, places)


def day(value: date | None) -> str:
    return format_date(value) if value else ""


def period(start: date | None, end: date | None) -> str:
    return f"{day(start)}–{day(end)}" if start or end else ""
