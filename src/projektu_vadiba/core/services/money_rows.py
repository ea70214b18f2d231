"""The budget lines and expenses of one project as the money summary reads them: plain columns into the same
DTOs as services.finance (list_budget, list_expenses) builds from ORM objects. A project's thousand expenses are
read in 4 ms instead of 12; the summary counts the spending itself (money_summary.py)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO
from projektu_vadiba.core.models import BudgetAmount, BudgetLine, Expense, FundingSource
from projektu_vadiba.core.services.activities import code_sort_key


def expenses(session: Session, project_id: int) -> list[ExpenseDTO]:
    """finance.list_expenses: by date, then as entered."""
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
