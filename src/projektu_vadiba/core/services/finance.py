"""Budget lines (planned, by source), the expense ledger and payments received."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from projektu_vadiba.core.dto import (
    BudgetLineDTO,
    BudgetLineInput,
    ExpenseDTO,
    ExpenseInput,
    PaymentDTO,
    PaymentInput,
)
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import BudgetAmount, BudgetLine, Expense, Payment, Project
from projektu_vadiba.core.services.activities import code_sort_key
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.validation import Problems, check_money, check_required

ZERO = Decimal("0.00")


def _money(p: Problems, amount: Decimal, field: str, *, allow_negative: bool = False) -> Decimal:
    try:
        return check_money(amount, field, allow_negative=allow_negative)
    except ValidationError as exc:
        p.items.extend(exc.problems)
        return ZERO


def create_budget_line(session: Session, project_id: int, data: BudgetLineInput) -> BudgetLineDTO:
    get_or_404(session, Project, project_id, "Projekts")
    p = Problems()
    code = check_required(p, data.code, "code", "Kods")
    name = check_required(p, data.name, "name", "Nosaukums")
    check_required(p, data.category_key, "category_key", "Izmaksu pozīcija")
    amounts = {src: _money(p, amt, f"amount_{src.value}") for src, amt in data.amounts.items()}
    unit_cost = _money(p, data.unit_cost, "unit_cost")
    if data.quantity < 0:
        p.add("quantity", "Daudzums nevar būt negatīvs.")
    if code and session.scalar(
        select(BudgetLine.id).where(BudgetLine.project_id == project_id, BudgetLine.code == code)
    ):
        p.add("code", f"Budžeta pozīcija ar kodu {code} šajā projektā jau ir.")
    p.raise_if_any()
    line = BudgetLine(
        project_id=project_id,
        category_key=data.category_key,
        code=code,
        name=name,
        unit=data.unit,
        quantity=data.quantity,
        unit_cost=unit_cost,
        amounts=[BudgetAmount(source=s, amount=a) for s, a in amounts.items()],
    )
    session.add(line)
    session.flush()
    return _line_dto(line, ZERO)


def _line_dto(line: BudgetLine, spent: Decimal) -> BudgetLineDTO:
    return BudgetLineDTO(
        line.id,
        line.project_id,
        line.category_key,
        line.code,
        line.name,
        line.unit,
        line.quantity,
        line.unit_cost,
        {a.source: a.amount for a in line.amounts},
        spent,
    )


def list_budget(session: Session, project_id: int) -> list[BudgetLineDTO]:
    """Budget lines with what was spent on each (eligible expenses only), summed in SQL."""
    spent = {
        line_id: total
        for line_id, total in session.execute(
            select(Expense.budget_line_id, func.sum(Expense.amount))
            .where(Expense.project_id == project_id, Expense.eligible.is_(True))
            .group_by(Expense.budget_line_id)
        )
    }
    lines = session.scalars(
        select(BudgetLine).where(BudgetLine.project_id == project_id).options(selectinload(BudgetLine.amounts))
    ).all()
    items = [_line_dto(line, Decimal(spent.get(line.id) or ZERO).quantize(ZERO)) for line in lines]
    return sorted(items, key=lambda b: code_sort_key(b.code))


def _expense_dto(e: Expense) -> ExpenseDTO:
    return ExpenseDTO(
        e.id,
        e.project_id,
        e.budget_line_id,
        e.date,
        e.document_number,
        e.supplier,
        e.description,
        e.amount,
        e.eligible,
        e.paid_on,
        e.source,
    )


def add_expense(session: Session, project_id: int, data: ExpenseInput) -> ExpenseDTO:
    get_or_404(session, Project, project_id, "Projekts")
    p = Problems()
    # Credit notes are negative expenses; everything else must be a valid amount.
    amount = _money(p, data.amount, "amount", allow_negative=True)
    if data.budget_line_id is not None:
        owner = session.scalar(select(BudgetLine.project_id).where(BudgetLine.id == data.budget_line_id))
        if owner != project_id:
            p.add("budget_line_id", "Izvēlētā budžeta pozīcija nepieder šim projektam.")
    if data.paid_on is not None and data.paid_on < data.date:
        p.add("paid_on", "Apmaksas datums nevar būt pirms dokumenta datuma.")
    p.raise_if_any()
    expense = Expense(
        project_id=project_id,
        budget_line_id=data.budget_line_id,
        date=data.date,
        document_number=data.document_number.strip(),
        supplier=data.supplier.strip(),
        description=data.description,
        amount=amount,
        eligible=data.eligible,
        paid_on=data.paid_on,
        source=data.source,
    )
    session.add(expense)
    session.flush()
    return _expense_dto(expense)


def list_expenses(session: Session, project_id: int) -> list[ExpenseDTO]:
    rows = session.scalars(select(Expense).where(Expense.project_id == project_id).order_by(Expense.date, Expense.id))
    return [_expense_dto(e) for e in rows]


def add_payment(session: Session, project_id: int, data: PaymentInput) -> PaymentDTO:
    get_or_404(session, Project, project_id, "Projekts")
    p = Problems()
    amount = _money(p, data.amount, "amount")
    if amount == ZERO and not p.items:
        p.add("amount", "Maksājuma summai jābūt lielākai par nulli.")
    p.raise_if_any()
    payment = Payment(
        project_id=project_id, kind=data.kind, received_on=data.received_on, amount=amount, note=data.note
    )
    session.add(payment)
    session.flush()
    return PaymentDTO(payment.id, project_id, payment.kind, payment.received_on, amount, payment.note)


def list_payments(session: Session, project_id: int) -> list[PaymentDTO]:
    rows = session.scalars(select(Payment).where(Payment.project_id == project_id).order_by(Payment.received_on))
    return [PaymentDTO(p.id, p.project_id, p.kind, p.received_on, p.amount, p.note) for p in rows]
