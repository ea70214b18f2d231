from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineInput, ExpenseInput, PaymentInput, ProjectDetail
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import FundingSource, PaymentKind
from projektu_vadiba.core.services import finance


def test_spent_per_line_is_exact_to_the_cent(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        line = finance.create_budget_line(
            s,
            project.id,
            BudgetLineInput(
                category_key="services",
                code="3.1",
                name="Kafijas pauzes",
                amounts={FundingSource.GRANT: Decimal("300.00"), FundingSource.OWN: Decimal("33.33")},
            ),
        )
        for _ in range(10):  # 10 x 0.10 is not 1.0 in float
            finance.add_expense(
                s, project.id, ExpenseInput(date=date(2023, 5, 2), amount=Decimal("0.10"), budget_line_id=line.id)
            )
        finance.add_expense(
            s,
            project.id,
            ExpenseInput(date=date(2023, 5, 3), amount=Decimal("999.99"), budget_line_id=line.id, eligible=False),
        )
        finance.add_expense(
            s,
            project.id,
            ExpenseInput(
                date=date(2023, 5, 4), amount=Decimal("-0.05"), budget_line_id=line.id, description="Kredītrēķins"
            ),
        )
    with db.session() as s:
        [got] = finance.list_budget(s, project.id)
        assert got.planned == Decimal("333.33")
        assert got.spent == Decimal("0.95")
        assert len(finance.list_expenses(s, project.id)) == 12


def test_money_rules(db: Database, project: ProjectDetail) -> None:
    with pytest.raises(ValidationError) as err, db.session() as s:
        finance.create_budget_line(
            s,
            project.id,
            BudgetLineInput(
                category_key="travel",
                code="",
                name="Degviela",
                amounts={FundingSource.GRANT: Decimal("-1")},
                unit_cost=Decimal("1.005"),
            ),
        )
    assert {p.field for p in err.value.problems} == {"code", "amount_grant", "unit_cost"}
    with pytest.raises(ValidationError, match="nevar būt pirms dokumenta datuma"), db.session() as s:
        finance.add_expense(
            s, project.id, ExpenseInput(date=date(2023, 5, 2), amount=Decimal(1), paid_on=date(2023, 5, 1))
        )
    with pytest.raises(ValidationError, match="lielākai par nulli"), db.session() as s:
        finance.add_payment(s, project.id, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 10), Decimal(0)))
    with db.session() as s:
        assert finance.list_budget(s, project.id) == []
        assert finance.list_expenses(s, project.id) == []
        paid = finance.add_payment(s, project.id, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 10), Decimal("8000")))
    assert paid.amount == Decimal("8000.00")
