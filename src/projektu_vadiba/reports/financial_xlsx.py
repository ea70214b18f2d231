"""The financial report as an XLSX workbook for the accountant (openpyxl; loaded only when a report is made).

Sheets: "Budžets" (category blocks of lines, subtotals, grand total), "Izdevumi" (the ledger), "Maksājumi",
"Kopsavilkums" (by category and by source, formulas pointing into the other sheets). Amounts are written as
exact decimals; every total is a formula, so Excel and LibreOffice show the same sums after recalculating.
The layout is described in docs/finance.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services.money_dto import MoneySummary
from projektu_vadiba.core.services.money_summary import payment_kind_label, source_label
from projektu_vadiba.core.services.report_dto import ReportData
from projektu_vadiba.reports.financial_xlsx_labels import label
from projektu_vadiba.reports.xlsx_cells import (
    BOLD,
    CATEGORY_FILL,
    DATE,
    EURO,
    PERCENT,
    TOTAL_FILL,
    WARN_FONT,
    WRAP,
    Formula,
    col,
    fill,
    header,
    money,
    pct_formula,
    print_setup,
    put,
    sum_cells,
    title,
    widths,
)

SOURCES = tuple(FundingSource)

# Sheet names; formulas refer to them, so they are fixed (Latvian) whatever the language of the labels.
BUDGET, LEDGER, PAYMENTS, SUMMARY = "Budžets", "Izdevumi", "Maksājumi", "Kopsavilkums"
# Budget sheet columns: code, name, unit, quantity, unit cost, one per source, planned, spent, variance, % spent.
B_SRC = 6  # F: the first source column
B_PLANNED, B_SPENT, B_VARIANCE, B_PCT = B_SRC + 4, B_SRC + 5, B_SRC + 6, B_SRC + 7
HEADER_ROW = 4


def write_financial_xlsx(data: MoneySummary | ReportData, path: Path | str, lang: str = "lv") -> Path:
    """Writes the workbook; `data` is a money summary or a report's data (its financial part is used)."""
    summary = data.financial if isinstance(data, ReportData) else data
    profile = profiles.load_profile(summary.profile_key)
    wb = Workbook()
    budget = wb.active
    assert budget is not None
    budget.title = BUDGET
    # The ledger's rows are known before it is written: the budget's "spent" cells are formulas over them.
    ledger = (HEADER_ROW + 1, HEADER_ROW + len(summary.ledger), label(lang, "yes"))
    subtotals, grand = _budget_sheet(budget, summary, profile, lang, ledger)
    ledger_rows = _ledger_sheet(wb.create_sheet(LEDGER), summary, lang)
    payments_total = _payments_sheet(wb.create_sheet(PAYMENTS), summary, profile, lang)
    _summary_sheet(wb.create_sheet(SUMMARY), summary, profile, lang, subtotals, grand, ledger_rows, payments_total)
    for ws in wb.worksheets:
        print_setup(ws, HEADER_ROW, landscape=ws.title != SUMMARY)
    wb.calculation.fullCalcOnLoad = True  # Excel recalculates on opening; openpyxl stores no cached values
    return atomic_files.write_with(Path(path), wb.save)


# ---- Budžets -----------------------------------------------------------------------------------------------------


def _budget_sheet(
    ws: Worksheet, s: MoneySummary, profile: profiles.FunderProfile, lang: str, ledger: tuple[int, int, str]
) -> tuple[dict[str, int], int]:
    """Returns the row of each category's subtotal (by key) and of the grand total. `ledger`: the ledger's first
    and last data row and the word that marks an eligible expense."""
    title(ws, label(lang, "budget_title"), s, lang)
    heads = [label(lang, k) for k in ("code", "name", "unit", "quantity", "unit_cost")]
    heads += [source_label(profile, src, lang) for src in SOURCES]
    heads += [label(lang, k) for k in ("planned", "spent", "variance", "spent_pct")]
    header(ws, HEADER_ROW, heads)
    row = HEADER_ROW + 1
    subtotals: dict[str, int] = {}
    for c in s.categories:
        if not c.lines and not c.spent:
            continue  # a profile category the budget does not use
        put(ws, row, 1, c.label, font=BOLD)
        fill(ws, row, B_PCT, CATEGORY_FILL)
        row += 1
        first = row
        for ln in c.lines:
            b = ln.line
            values: list[Any] = [b.code, b.name, b.unit, b.quantity, b.unit_cost]
            values += [b.amounts.get(src) for src in SOURCES]
            for n, value in enumerate(values, start=1):
                put(ws, row, n, value, EURO if n == 5 or n >= B_SRC else "")
            put(ws, row, B_PLANNED, money(f"SUM({col(B_SRC)}{row}:{col(B_SRC + 3)}{row})"), EURO)
            put(ws, row, B_SPENT, _spent_on(f"$A{row}", ledger), EURO)
            _row_tail(ws, row)
            row += 1
        if not c.key:  # spending on no budget line: one row holding the sum
            put(ws, row, 1, "—")
            put(ws, row, 2, label(lang, "unassigned_row"))
            put(ws, row, B_PLANNED, 0, EURO)
            put(ws, row, B_SPENT, _spent_on('""', ledger), EURO)
            _row_tail(ws, row)
            row += 1
        last = row - 1
        put(ws, row, 2, label(lang, "subtotal").format(name=c.label), font=BOLD)
        for n in range(B_SRC, B_SPENT + 1):
            put(ws, row, n, money(f"SUM({col(n)}{first}:{col(n)}{last})"), EURO, BOLD)
        _row_tail(ws, row, BOLD)
        fill(ws, row, B_PCT, TOTAL_FILL)
        subtotals[c.key] = row
        row += 2
    put(ws, row, 2, label(lang, "grand_total"), font=BOLD)
    for n in range(B_SRC, B_SPENT + 1):
        put(ws, row, n, sum_cells(col(n), list(subtotals.values())), EURO, BOLD)
    _row_tail(ws, row, BOLD)
    fill(ws, row, B_PCT, TOTAL_FILL)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)
    ws.row_dimensions[HEADER_ROW].height = 45
    widths(ws, [9, 52, 12, 10, 13, 14, 14, 14, 14, 15, 15, 15, 11])
    return subtotals, row


def _spent_on(code: str, ledger: tuple[int, int, str]) -> Formula:
    """Eligible spending of the budget line whose code is `code` (a cell, or "" for no line), summed from the
    ledger, so correcting a ledger amount or its line corrects the budget too. SUMPRODUCT compares the codes as
    text ("1.10" is not "1.1", as it would be for SUMIFS)."""
    first, last, yes = ledger
    if last < first:
        return Formula("=0")
    led = f"'{LEDGER}'!"

    def span(letter: str) -> str:
        return f"{led}${letter}${first}:${letter}${last}"

    codes, amounts, flags = span(col(L_LINE)), span(col(L_AMOUNT)), span(col(L_ELIGIBLE))
    return money(f'SUMPRODUCT(({codes}={code})*({flags}="{yes}")*{amounts})')


def _row_tail(ws: Worksheet, row: int, font: Font | None = None) -> None:
    planned, spent = f"{col(B_PLANNED)}{row}", f"{col(B_SPENT)}{row}"
    put(ws, row, B_VARIANCE, money(f"{planned}-{spent}"), EURO, font)
    put(ws, row, B_PCT, pct_formula(spent, planned), PERCENT, font)


# ---- Izdevumi ----------------------------------------------------------------------------------------------------

L_LINE, L_AMOUNT, L_SOURCE, L_ELIGIBLE = 6, 9, 8, 10  # F, I, H, J


def _ledger_sheet(ws: Worksheet, s: MoneySummary, lang: str) -> tuple[int, int, int]:
    """Returns the first and last data row (last < first when the ledger is empty) and the ineligible total's."""
    title(ws, label(lang, "ledger_title"), s, lang)
    keys = ("nr", "date", "document", "supplier", "description", "line", "category", "source", "amount")
    header(ws, HEADER_ROW, [label(lang, k) for k in (*keys, "eligible", "paid_on")])
    yes, no = label(lang, "yes"), label(lang, "no")
    row = HEADER_ROW + 1
    for r in s.ledger:
        e = r.expense
        values = [
            r.number,
            e.date,
            e.document_number,
            e.supplier,
            e.description,
            r.line_code,
            r.category_label,
            r.source_label,
            e.amount,
            yes if e.eligible else no,
            e.paid_on,
        ]
        for n, value in enumerate(values, start=1):
            put(ws, row, n, value, DATE if n in (2, 11) else EURO if n == L_AMOUNT else "")
        ws.cell(row=row, column=5).alignment = WRAP
        row += 1
    first, last = HEADER_ROW + 1, row - 1
    row += 1
    amounts, flags = (
        f"{col(L_AMOUNT)}{first}:{col(L_AMOUNT)}{last}",
        f"{col(L_ELIGIBLE)}{first}:{col(L_ELIGIBLE)}{last}",
    )
    for key, formula in (
        ("total", money(f"SUM({amounts})")),
        ("eligible_total", money(f'SUMIF({flags},"{yes}",{amounts})')),
        ("ineligible_total", money(f'SUMIF({flags},"{no}",{amounts})')),
    ):
        put(ws, row, L_SOURCE, label(lang, key), font=BOLD)
        put(ws, row, L_AMOUNT, formula if last >= first else 0, EURO, BOLD)
        row += 1
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    widths(ws, [6, 12, 22, 28, 44, 10, 26, 24, 14, 12, 12])
    return first, last, row - 1


# ---- Maksājumi ---------------------------------------------------------------------------------------------------


def _payments_sheet(ws: Worksheet, s: MoneySummary, profile: profiles.FunderProfile, lang: str) -> int:
    """Returns the row of the total received."""
    title(ws, label(lang, "payments_title"), s, lang)
    header(ws, HEADER_ROW, [label(lang, k) for k in ("nr", "date", "kind", "amount", "note")])
    row = HEADER_ROW + 1
    for n, p in enumerate(s.payments, start=1):
        for column, value in enumerate(
            (n, p.received_on, payment_kind_label(profile, p.kind, lang), p.amount, p.note), 1
        ):
            put(ws, row, column, value, DATE if column == 2 else EURO if column == 4 else "")
        row += 1
    first, last = HEADER_ROW + 1, row - 1
    row += 1
    put(ws, row, 3, label(lang, "received_total"), font=BOLD)
    put(ws, row, 4, money(f"SUM(D{first}:D{last})") if last >= first else 0, EURO, BOLD)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    widths(ws, [6, 12, 24, 15, 50])
    return row


# ---- Kopsavilkums ------------------------------------------------------------------------------------------------


def _summary_sheet(
    ws: Worksheet,
    s: MoneySummary,
    profile: profiles.FunderProfile,
    lang: str,
    subtotals: dict[str, int],
    grand: int,
    ledger_rows: tuple[int, int, int],
    payments_total: int,
) -> None:
    title(ws, label(lang, "summary_title"), s, lang)
    ref = f"'{BUDGET}'!"
    heads = [label(lang, k) for k in ("category", "planned", "spent", "variance", "share_pct", "spent_pct")]
    header(ws, HEADER_ROW, heads)
    row = first = HEADER_ROW + 1
    rows: list[tuple[str, str, str]] = [
        (
            c.label,
            Formula(f"={ref}{col(B_PLANNED)}{subtotals[c.key]}"),
            Formula(f"={ref}{col(B_SPENT)}{subtotals[c.key]}"),
        )
        for c in s.categories
        if c.key in subtotals
    ]
    total_row = first + len(rows)
    for text, planned, spent in rows:
        _summary_row(ws, row, text, planned, spent, f"$B${total_row}")
        row += 1
    _summary_row(
        ws,
        row,
        label(lang, "grand_total"),
        money(f"SUM(B{first}:B{row - 1})") if rows else Formula("=0"),
        money(f"SUM(C{first}:C{row - 1})") if rows else Formula("=0"),
        f"$B${total_row}",
        BOLD,
    )
    fill(ws, row, 6, TOTAL_FILL)
    # By source: planned from the budget's grand total, spent from the ledger (eligible, that source).
    row += 2
    header(ws, row, [label(lang, k) for k in ("source", "planned", "spent", "variance", "share_pct", "spent_pct")])
    row += 1
    src_first = row
    src_total = row + len(SOURCES)
    a, b, ineligible_row = ledger_rows
    led = f"'{LEDGER}'!"
    for n, src in enumerate(SOURCES):
        name = source_label(profile, src, lang)
        planned = Formula(f"={ref}{col(B_SRC + n)}{grand}")
        if b >= a:
            spent = money(
                f'SUMIFS({led}$I${a}:$I${b},{led}$H${a}:$H${b},A{row},{led}$J${a}:$J${b},"{label(lang, "yes")}")'
            )
        else:
            spent = Formula("=0")
        _summary_row(ws, row, name, planned, spent, f"$B${src_total}")
        row += 1
    _summary_row(
        ws,
        row,
        label(lang, "grand_total"),
        money(f"SUM(B{src_first}:B{row - 1})"),
        money(f"SUM(C{src_first}:C{row - 1})"),
        f"$B${src_total}",
        BOLD,
    )
    fill(ws, row, 6, TOTAL_FILL)
    row += 2
    grant_row = src_first + SOURCES.index(FundingSource.GRANT)
    figures = [
        ("grant_awarded", s.grant_awarded),
        ("received_total", Formula(f"='{PAYMENTS}'!D{payments_total}")),
        ("grant_spent", Formula(f"=C{grant_row}")),
        ("cash_balance", money(f"B{row + 1}-B{row + 2}")),
        ("grant_outstanding", money(f"B{row}-B{row + 1}")),
        ("ineligible_total", Formula(f"={led}{col(L_AMOUNT)}{ineligible_row}")),
    ]
    for key, value in figures:
        put(ws, row, 1, label(lang, key), font=BOLD)
        put(ws, row, 2, value, EURO)
        row += 1
    if s.warnings:
        row += 1
        put(ws, row, 1, label(lang, "warnings"), font=BOLD)
        for w in s.warnings:
            row += 1
            put(ws, row, 1, w.message, font=WARN_FONT)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    widths(ws, [44, 16, 16, 16, 14, 14])


def _summary_row(
    ws: Worksheet, row: int, text: str, planned: str, spent: str, total: str, font: Font | None = None
) -> None:
    put(ws, row, 1, text, font=font)
    put(ws, row, 2, planned, EURO, font)
    put(ws, row, 3, spent, EURO, font)
    put(ws, row, 4, money(f"B{row}-C{row}"), EURO, font)
    put(ws, row, 5, pct_formula(f"B{row}", total), PERCENT, font)
    put(ws, row, 6, pct_formula(f"C{row}", f"B{row}"), PERCENT, font)
