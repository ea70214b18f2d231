"""What the undo of a budget line's deletion relies on: the expenses booked on a line, booking them on it again
(only this project's, those still there), and the documents filed on an expense."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineInput, ExpenseInput, ProjectDetail
from projektu_vadiba.core.models import FundingSource
from projektu_vadiba.core.services import finance, projects
from tests.core.factories import project_input

D = Decimal


def test_expenses_are_booked_on_a_line_created_again(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        data = BudgetLineInput("services", "3.1", "Ēdināšana", {FundingSource.GRANT: D("500.00")})
        line = finance.create_budget_line(s, project.id, data).id
        ids = [finance.add_expense(s, project.id, ExpenseInput(date(2023, 5, d), D("10.00"), line)).id for d in (2, 3)]
        other = projects.create_project(s, project_input(number="2023.LV/NVOF/MAC/041/59")).id
        foreign = finance.add_expense(s, other, ExpenseInput(date(2023, 5, 4), D("1.00"))).id
        assert finance.line_expense_ids(s, line) == ids
        assert finance.expense_attachment_count(s, ids[0]) == 0
        finance.delete_budget_line(s, line)
        finance.delete_expense(s, ids[1])  # gone meanwhile: skipped
        again = finance.create_budget_line(s, project.id, data).id
        assert finance.book_on_line(s, again, [*ids, foreign]) == 1  # not another project's expense
        assert [e.budget_line_id for e in finance.list_expenses(s, project.id)] == [again]
        assert [e.budget_line_id for e in finance.list_expenses(s, other)] == [None]
