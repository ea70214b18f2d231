"""The budget lines and expenses of one project as the money summary reads them: plain columns into the same
DTOs as services.finance (list_budget, list_expenses) builds from ORM objects. A project's thousand expenses are
read in 4 ms instead of 12; the summary counts the spending itself (money_summary.py)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO
from projektu_vadiba.core.models import BudgetAmount, BudgetLine, Expense, FundingSource
from projektu_vadiba.core.services.activities import code_sort_key
from projektu_vadiba.core.services.people_search import dialect, driver_rows

_EXPENSES = (
    "SELECT id, project_id, budget_line_id, date, document_number, supplier, description, amount, eligible, paid_on,"
    " source, version FROM expenses WHERE project_id = :project_id ORDER BY date, id"
)
_SOURCES = {s.value: s for s in FundingSource}


def expenses(session: Session, project_id: int) -> list[ExpenseDTO]:
    """finance.list_expenses: by date, then as entered. The rows come straight from the DB-API driver and are
    converted here as SQLAlchemy converts them (tested equal): its row processing was half the time of a thousand
    expenses."""
    rows = driver_rows(session, _EXPENSES, {"project_id": project_id})
    if rows is None:
        return _expenses_orm_columns(session, project_id)
    if dialect(session) == "sqlite":  # dates as ISO text, amounts as numbers, booleans as 0/1
        day, cents = date.fromisoformat, "%.2f"
        return [
            ExpenseDTO(i, pid, line, day(d), doc, sup, text, Decimal(cents % amount), bool(ok),
                       None if paid is None else day(paid), _SOURCES[src], version)
            for i, pid, line, d, doc, sup, text, amount, ok, paid, src, version in rows
        ]  # fmt: skip
    return [
        ExpenseDTO(i, pid, line, d, doc, sup, text, amount, ok, paid, _SOURCES[src], version)
        for i, pid, line, d, doc, sup, text, amount, ok, paid, src, version in rows
    ]


def _expenses_orm_columns(session: Session, project_id: int) -> list[ExpenseDTO]:
    """The same through SQLAlchemy (other back-ends; the tests' reference)."""
    rows = session.execute(
        select(
            Expense.id,
            Expense.project_id,
            Expense.budget_line_id,
            Expense.date,
            Expense.document_number,
            Expense.supplier,
            Expense.description,
            Expense.amount,
            Expense.eligible,
            Expense.paid_on,
            Expense.source,
            Expense.version,
        )
        .where(Expense.project_id == project_id)
        .order_by(Expense.date, Expense.id)
    )
    return [ExpenseDTO(*row) for row in rows]


def budget_lines(session: Session, project_id: int, spent: dict[int | None, Decimal]) -> list[BudgetLineDTO]:
    """finance.list_budget in code order, each line's spending taken from `spent` (zero when absent)."""
    amounts: dict[int, dict[FundingSource, Decimal]] = defaultdict(dict)
    for line_id, source, amount in session.execute(
        select(BudgetAmount.line_id, BudgetAmount.source, BudgetAmount.amount)
        .join(BudgetLine, BudgetLine.id == BudgetAmount.line_id)
        .where(BudgetLine.project_id == project_id)
        .order_by(BudgetAmount.id)
    ):
        amounts[line_id][source] = amount
    zero = Decimal("0.00")
    lines = [
        BudgetLineDTO(
            line_id,
            pid,
            key,
            code,
            name,
            unit,
            quantity,
            unit_cost,
            amounts[line_id],
            spent.get(line_id, zero),
            version,
        )
        for line_id, pid, key, code, name, unit, quantity, unit_cost, version in session.execute(
            select(
                BudgetLine.id,
                BudgetLine.project_id,
                BudgetLine.category_key,
                BudgetLine.code,
                BudgetLine.name,
                BudgetLine.unit,
                BudgetLine.quantity,
                BudgetLine.unit_cost,
                BudgetLine.version,
            )
            .where(BudgetLine.project_id == project_id)
            .order_by(BudgetLine.id)
        )
    ]
    return sorted(lines, key=lambda b: code_sort_key(b.code))
