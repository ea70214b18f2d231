"""Cell helpers and styles of the workbooks the app writes (openpyxl): money, percent and date formats, bold
headers, fills, titles; formulas that stay valid when a range is empty.

Every text cell passes the formula guard (core/exports/formula_guard.py): a title, budget line, supplier or note
starting with "=" stays text. Only a `Formula` (the sums the app itself writes) is written as a formula."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from projektu_vadiba.core.exports.formula_guard import guard, safe_cell
from projektu_vadiba.core.services.money_dto import MoneySummary
from projektu_vadiba.reports.financial_xlsx_labels import label

EURO = '#,##0.00 "€"'
PERCENT = "0.0%"
DATE = "DD.MM.YYYY"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
CATEGORY_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = PatternFill("solid", fgColor="FFF2CC")
WARN_FONT = Font(color="9C0006")
WRAP = Alignment(wrap_text=True, vertical="top")


class Formula(str):
    """A formula the app wrote (not text from the data): the only string `put` leaves unguarded."""

    __slots__ = ()


def col(n: int) -> str:
    return str(get_column_letter(n))


def title(ws: Worksheet, text: str, summary: MoneySummary, lang: str) -> None:
    """Rows 1–3: the sheet's title with the project number, the project, the period covered."""
    ws["A1"] = safe_cell(f"{text} — {summary.project_number}")
    ws["A1"].font = TITLE
    ws["A2"] = safe_cell(f"{summary.project_title} ({summary.implementer}; {summary.funder_name})")
    if summary.period_from and summary.period_to:
        ws["A3"] = label(lang, "period").format(start=summary.period_from, end=summary.period_to)
    else:
        ws["A3"] = label(lang, "whole").format(start=summary.project_start, end=summary.project_end)


def header(ws: Worksheet, row: int, texts: Sequence[str]) -> None:
    for n, text in enumerate(texts, start=1):
        cell = ws.cell(row=row, column=n, value=safe_cell(text))
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[row].height = 32  # two lines of a wrapped header


def widths(ws: Worksheet, sizes: Sequence[float]) -> None:
    for n, width in enumerate(sizes, start=1):
        ws.column_dimensions[col(n)].width = width


def put(ws: Worksheet, row: int, column: int, value: Any, fmt: str = "", font: Font | None = None) -> None:
    cell = ws.cell(row=row, column=column, value=value if isinstance(value, Formula) else guard(value))
    if fmt:
        cell.number_format = fmt
    if font is not None:
        cell.font = font


def fill(ws: Worksheet, row: int, last_column: int, colour: PatternFill) -> None:
    for n in range(1, last_column + 1):
        ws.cell(row=row, column=n).fill = colour


def pct_formula(part: str, whole: str) -> Formula:
    """A share as a formula; empty (not #DIV/0!) when there is nothing to divide by."""
    return Formula(f'=IF({whole}=0,"",{part}/{whole})')


def money(expression: str) -> Formula:
    """A money formula rounded to the cent: binary floats otherwise leave tails such as 14.9699999999993."""
    return Formula(f"=ROUND({expression},2)")


def sum_cells(letter: str, rows: Sequence[int]) -> Formula:
    return money(f"SUM({','.join(f'{letter}{r}' for r in rows)})") if rows else Formula("=0")


def print_setup(ws: Worksheet, header_row: int, landscape: bool = True) -> None:
    """A4, all columns on one page width, the header row repeated on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"
