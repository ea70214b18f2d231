"""The report's financial summary: planned / spent / variance / % by cost category (the profile's order), by
budget line and by source of funding, the funder's payments, and the warnings (reallocation limit, overspending).
Every amount is printed from the Decimal sums of core.services.money_summary; nothing is added up here."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from projektu_vadiba.core.messages import text_of
from projektu_vadiba.core.services.money_dto import CategorySummary, LineSummary, MoneySummary
from projektu_vadiba.core.services.money_format import number
from projektu_vadiba.core.services.money_summary import payment_kind_label
from projektu_vadiba.core.services.report_dto import ReportSection
from projektu_vadiba.reports.final_blocks import Blocks, Gap, Grid, Pairs, Para, day, money, percent
from projektu_vadiba.reports.final_sections import Context
from projektu_vadiba.reports.styles import HEADER_FILL

MONEY_WIDTHS = [66, 27, 27, 27, 27]
WARN = "#8a1f11"


def financial_summary(ctx: Context, _section: ReportSection) -> Blocks:
    s, lb = ctx.data.financial, ctx.labels
    out: Blocks = []
    if s.period_from is not None and s.period_to is not None:
        out.append(ctx.muted("money_period", start=day(s.period_from), end=day(s.period_to)))
    if not any(c.lines for c in s.categories):
        out.append(ctx.muted("no_budget"))
    out += [Para(lb["by_category"], "sub"), _categories(ctx, s)]
    if s.warnings:
        out.append(Gap(1.5))
        # In the report's language: the core keeps each warning's code and values (a Latvian text inside an English
        # report was the bug).
        out += [Para(f"{lb['warnings']}: {text_of(w, lb.lang)}", "warning") for w in s.warnings]
    if any(c.lines for c in s.categories) or s.unassigned_spent:
        out += [Para(lb["by_line"], "sub"), _lines(ctx, s)]
    out += [Para(lb["by_source"], "sub"), _sources(ctx, s)]
    out += [Para(lb["payments"], "sub"), *_payments(ctx, s)]
    notes = [lb["variance_note"]]
    if s.ineligible:
        notes.append(lb["ineligible"].format(amount=money(s.ineligible)))
    limit = f"{number(s.limit_percent, 1).removesuffix(',0')}\u00a0%"
    notes.append(lb["limit"].format(pct=limit) if s.limit_percent else lb["no_limit"])
    out += [Gap(1), *(Para(n, "muted") for n in notes)]
    return out


def _money_row(grid: Grid, name: str, row: CategorySummary | LineSummary, **style: Any) -> None:
    grid.add(name, money(row.planned), money(row.spent), money(row.variance), percent(row.spent_percent), **style)


def _categories(ctx: Context, s: MoneySummary) -> Grid:
    lb = ctx.labels
    grid = Grid(MONEY_WIDTHS, [lb["category"], lb["planned"], lb["spent"], lb["variance"], lb["spent_pct"]],
                right=(1, 2, 3, 4))  # fmt: skip
    for c in s.categories:
        _money_row(grid, c.label, c, colour=WARN if c.warning or c.variance < 0 else "")
    grid.add(
        lb["total"], money(s.planned), money(s.spent), money(s.variance), percent(s.spent_percent),
        bold=True, fill=HEADER_FILL, colour=WARN if s.variance < 0 else "",
    )  # fmt: skip
    return grid


def _lines(ctx: Context, s: MoneySummary) -> Grid:
    lb = ctx.labels
    grid = Grid([14, 52, 27, 27, 27, 27], [lb["code"], lb["line"], lb["planned"], lb["spent"], lb["variance"],
                                           lb["spent_pct"]], right=(2, 3, 4, 5))  # fmt: skip
    for c in s.categories:
        if not c.lines and not (c.key == "" and c.spent):
            continue
        grid.group(c.label)
        for ln in c.lines:
            b = ln.line
            name = b.name
            if b.unit_cost:
                unit = f" {b.unit}" if b.unit else ""
                name += f" ({number(b.quantity, 2).removesuffix(',00')}{unit} × {money(b.unit_cost)})"
            grid.add(b.code, name, money(ln.planned), money(ln.spent), money(ln.variance),
                     percent(ln.spent_percent), colour=WARN if ln.over_budget else "")  # fmt: skip
        if c.key == "":  # expenses booked on no budget line
            grid.add("", c.label, money(c.planned), money(c.spent), money(c.variance), "–", colour=WARN)
    return grid


def _sources(ctx: Context, s: MoneySummary) -> Grid:
    lb = ctx.labels
    grid = Grid(MONEY_WIDTHS, [lb["source"], lb["planned"], lb["spent"], lb["variance"], lb["spent_pct"]],
                right=(1, 2, 3, 4))  # fmt: skip
    for src in s.sources:
        grid.add(src.label, money(src.planned), money(src.spent), money(src.variance), percent(src.spent_percent))
    grid.add(lb["total"], money(s.planned), money(s.spent), money(s.variance), percent(s.spent_percent),
             bold=True, fill=HEADER_FILL)  # fmt: skip
    return grid


def _payments(ctx: Context, s: MoneySummary) -> Blocks:
    lb = ctx.labels
    out: Blocks = []
    if s.payments:
        grid = Grid([44, 24, 30, 76], [lb["payment_kind"], lb["date"], lb["amount"], lb["note"]], right=(2,))
        for p in s.payments:
            grid.add(payment_kind_label(ctx.data.profile, p.kind, lb.lang), day(p.received_on), money(p.amount),
                     p.note)  # fmt: skip
        out += [grid, Gap(1.5)]
    else:
        out.append(ctx.muted("no_payments"))
    totals = [
        (lb["grant_awarded"], money(s.grant_awarded)),
        (lb["received"], money(s.payments_received)),
        (lb["outstanding"], money(s.grant_outstanding)),
        (lb["grant_spent"], money(s.grant_spent)),
    ]
    out.append(Pairs(totals, 120, label_mm=80))
    return out


def ledger(ctx: Context, _section: ReportSection) -> Blocks:
    """Every expense with its supporting document, numbered in the profile's ledger order (Latviešu fonds and LAD:
    in payment order, so the numbers match the receipts filed with the report), and the total."""
    s, lb = ctx.data.financial, ctx.labels
    if not s.ledger:
        return [ctx.muted("no_expenses")]
    out: Blocks = [Para(lb["ledger_payment" if s.ledger_order == "payment" else "ledger_date"], "muted")]
    grid = Grid([10, 21, 21, 27, 72, 23], [lb["nr"], lb["paid_on"], lb["date"], lb["document_no"], lb["supplier"],
                                          lb["amount"]], right=(0, 5))  # fmt: skip
    for r in s.ledger:
        e = r.expense
        what = "; ".join(x for x in (e.supplier, e.description) if x)
        if not e.eligible:
            what = f"{what} ({lb['ineligible_mark']})" if what else lb["ineligible_mark"]
        paid = day(e.paid_on) if e.paid_on else lb["not_paid"]
        grid.add(f"{r.number}.", paid, day(e.date), e.document_number, what, money(e.amount),
                 colour="" if e.eligible else WARN)  # fmt: skip
    total = sum((r.expense.amount for r in s.ledger), Decimal("0.00"))
    grid.add("", "", "", "", lb["total"], money(total), bold=True, fill=HEADER_FILL)
    return [*out, grid]
