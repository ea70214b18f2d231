"""Budget lines (planned, by source), the expense ledger and payments received: create, change, delete, list.

Every amount goes through core.validation's money rules (two decimals, never float); sums are Decimal."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from projektu_vadiba.core.concurrency import check_version, locked, touch
from projektu_vadiba.core.dto import (
    BudgetLineDTO,
    BudgetLineInput,
    ExpenseDTO,
    ExpenseInput,
    PaymentDTO,
    PaymentInput,
)
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import Attachment, BudgetAmount, BudgetLine, Expense, Payment, Project
from projektu_vadiba.core.services.activities import code_sort_key
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.validation import Problems, check_length, check_money, check_required

ZERO = Decimal("0.00")


def _money(p: Problems, amount: Decimal, field: str, *, allow_negative: bool = False) -> Decimal:
    try:
        return check_money(amount, field, allow_negative=allow_negative)
    except ValidationError as exc:
        p.items.extend(exc.problems)
        return ZERO


# ---- budget lines --------------------------------------------------------------------------------------------


def _validate_line(session: Session, project_id: int, data: BudgetLineInput, line_id: int | None) -> BudgetLineInput:
    p = Problems()
    code = check_required(p, data.code, "code", "label.code")
    name = check_required(p, data.name, "name", "label.name")
    category = check_required(p, data.category_key, "category_key", "label.cost_category")
    check_length(p, code, "code", "label.code", 20)
    check_length(p, name, "name", "label.name", 500)
    check_length(p, data.unit.strip(), "unit", "label.unit", 60)
    amounts = {src: _money(p, amt, f"amount_{src.value}") for src, amt in data.amounts.items()}
    unit_cost = _money(p, data.unit_cost, "unit_cost")
    if not data.quantity.is_finite() or data.quantity < 0:
        p.coded("quantity", "budget.quantity_negative")
    clash = session.scalar(select(BudgetLine.id).where(BudgetLine.project_id == project_id, BudgetLine.code == code))
    if code and clash is not None and clash != line_id:
        p.coded("code", "budget.code_taken", code=code)
    p.raise_if_any()
    return replace(
        data, code=code, name=name, category_key=category, unit=data.unit.strip(), amounts=amounts, unit_cost=unit_cost
    )


def _apply_line(line: BudgetLine, data: BudgetLineInput) -> None:
    line.category_key, line.code, line.name = data.category_key, data.code, data.name
    line.unit, line.quantity, line.unit_cost = data.unit, data.quantity, data.unit_cost
    # Changed in place: deleting a source's row and inserting it again would trip the (line, source) unique key.
    kept = []
    for row in line.amounts:
        if row.source in data.amounts:
            row.amount = data.amounts[row.source]
            kept.append(row)
    have = {row.source for row in kept}
    kept += [BudgetAmount(source=s, amount=a) for s, a in data.amounts.items() if s not in have]
    line.amounts = kept


def create_budget_line(session: Session, project_id: int, data: BudgetLineInput) -> BudgetLineDTO:
    get_or_404(session, Project, project_id, "Projekts")
    data = _validate_line(session, project_id, data, None)
    line = BudgetLine(project_id=project_id, amounts=[])
    _apply_line(line, data)
    session.add(line)
    session.flush()
    return _line_dto(line, ZERO)


def update_budget_line(session: Session, line_id: int, data: BudgetLineInput) -> BudgetLineDTO:
    line = locked(session, BudgetLine, line_id, "term.budget_line")
    check_version(line, "budget_line", data, lambda: line_input(_line_dto(line, ZERO)))
    data = _validate_line(session, line.project_id, data, line_id)
    amounts_before = {a.source: a.amount for a in line.amounts}
    _apply_line(line, data)
    if {a.source: a.amount for a in line.amounts} != amounts_before:  # amounts are rows of their own
        touch(line)
    session.flush()
    return next(b for b in list_budget(session, line.project_id) if b.id == line_id)


def line_expense_count(session: Session, line_id: int) -> int:
    """How many ledger entries are booked on a line (the UI says so before deleting it)."""
    return session.scalar(select(func.count()).select_from(Expense).where(Expense.budget_line_id == line_id)) or 0


def line_expense_ids(session: Session, line_id: int) -> list[int]:
    """The ledger entries booked on a line (undo books them on it again after the line is restored)."""
    return list(session.scalars(select(Expense.id).where(Expense.budget_line_id == line_id).order_by(Expense.id)))


def book_on_line(session: Session, line_id: int, expense_ids: list[int]) -> int:
    """Books these expenses on the line again (those gone meanwhile are skipped); returns how many."""
    if not expense_ids:
        return 0
    line = get_or_404(session, BudgetLine, line_id, "Budžeta pozīcija")
    result = session.execute(
        update(Expense)
        .where(Expense.id.in_(expense_ids), Expense.project_id == line.project_id)
        .values(budget_line_id=line_id)
    )
    session.flush()
    return int(getattr(result, "rowcount", 0) or 0)


def delete_budget_line(session: Session, line_id: int) -> int:
    """Deletes the line; its expenses stay in the ledger without a line. Returns how many were unlinked."""
    line = get_or_404(session, BudgetLine, line_id, "Budžeta pozīcija")
    unlinked = line_expense_count(session, line_id)
    # Explicit, not left to ON DELETE SET NULL: SQLite enforces it only with foreign keys switched on.
    session.execute(update(Expense).where(Expense.budget_line_id == line_id).values(budget_line_id=None))
    session.delete(line)
    session.flush()
    return unlinked


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
        line.version,
    )


def line_input(b: BudgetLineDTO) -> BudgetLineInput:
    """The values a budget line's form starts from (and an undo restores), with the version they were read at."""
    return BudgetLineInput(
        b.category_key, b.code, b.name, dict(b.amounts), b.unit, b.quantity, b.unit_cost, version=b.version
    )


def payment_input(p: PaymentDTO) -> PaymentInput:
    """The values a payment's form starts from (and an undo restores), with the version they were read at."""
    return PaymentInput(p.kind, p.received_on, p.amount, p.note, version=p.version)


def spent_by_line(session: Session, project_id: int) -> dict[int | None, Decimal]:
    """Eligible spending per budget line (None = booked on no line), summed in Decimal: SQLite keeps NUMERIC as
    a binary float, so an SQL SUM there is not exact to the cent; each row read back is."""
    totals: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    rows = session.execute(
        select(Expense.budget_line_id, Expense.amount).where(
            Expense.project_id == project_id, Expense.eligible.is_(True)
        )
    )
    for line_id, amount in rows:
        totals[line_id] += Decimal(amount).quantize(ZERO)
    return dict(totals)


def list_budget(session: Session, project_id: int) -> list[BudgetLineDTO]:
    """Budget lines in code order with what was spent on each (eligible expenses only)."""
    spent = spent_by_line(session, project_id)
    lines = session.scalars(
        select(BudgetLine).where(BudgetLine.project_id == project_id).options(selectinload(BudgetLine.amounts))
    ).all()
    items = [_line_dto(line, spent.get(line.id, ZERO)) for line in lines]
    return sorted(items, key=lambda b: code_sort_key(b.code))


# ---- expenses ------------------------------------------------------------------------------------------------


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
        e.version,
    )


def expense_input(e: ExpenseDTO) -> ExpenseInput:
    """The values an expense form starts from (and an undo restores), with the version they were read at."""
    return ExpenseInput(
        e.date,
        e.amount,
        e.budget_line_id,
        e.document_number,
        e.supplier,
        e.description,
        e.eligible,
        e.paid_on,
        e.source,
        e.version,
    )


def _validate_expense(session: Session, project_id: int, data: ExpenseInput) -> ExpenseInput:
    p = Problems()
    # Credit notes are negative expenses; everything else must be a valid amount.
    amount = _money(p, data.amount, "amount", allow_negative=True)
    if amount == ZERO and not p.items:
        p.coded("amount", "money.zero")
    check_length(p, data.document_number.strip(), "document_number", "label.document_number", 80)
    check_length(p, data.supplier.strip(), "supplier", "label.supplier", 300)
    if data.budget_line_id is not None:
        owner = session.scalar(select(BudgetLine.project_id).where(BudgetLine.id == data.budget_line_id))
        if owner != project_id:
            p.coded("budget_line_id", "budget.other_project")
    if data.paid_on is not None and data.paid_on < data.date:
        p.coded("paid_on", "expense.paid_before_document")
    p.raise_if_any()
    return replace(data, amount=amount, document_number=data.document_number.strip(), supplier=data.supplier.strip())


def _apply_expense(e: Expense, d: ExpenseInput) -> None:
    e.budget_line_id, e.date, e.document_number, e.supplier = d.budget_line_id, d.date, d.document_number, d.supplier
    e.description, e.amount, e.eligible, e.paid_on, e.source = d.description, d.amount, d.eligible, d.paid_on, d.source


def add_expense(session: Session, project_id: int, data: ExpenseInput) -> ExpenseDTO:
    get_or_404(session, Project, project_id, "Projekts")
    data = _validate_expense(session, project_id, data)
    expense = Expense(project_id=project_id)
    _apply_expense(expense, data)
    session.add(expense)
    session.flush()
    return _expense_dto(expense)


def update_expense(session: Session, expense_id: int, data: ExpenseInput) -> ExpenseDTO:
    expense = locked(session, Expense, expense_id, "term.expense")
    check_version(expense, "expense", data, lambda: expense_input(_expense_dto(expense)))
    data = _validate_expense(session, expense.project_id, data)
    _apply_expense(expense, data)
    session.flush()
    return _expense_dto(expense)


def delete_expense(session: Session, expense_id: int) -> None:
    session.delete(get_or_404(session, Expense, expense_id, "Izdevumu ieraksts"))
    session.flush()


def expense_attachment_count(session: Session, expense_id: int) -> int:
    """Documents filed on an expense: deleting the expense takes them along, and undo cannot bring them back."""
    return session.scalar(select(func.count()).select_from(Attachment).where(Attachment.expense_id == expense_id)) or 0


def get_expense(session: Session, expense_id: int) -> ExpenseDTO:
    return _expense_dto(get_or_404(session, Expense, expense_id, "Izdevumu ieraksts"))


def list_expenses(session: Session, project_id: int) -> list[ExpenseDTO]:
    rows = session.scalars(select(Expense).where(Expense.project_id == project_id).order_by(Expense.date, Expense.id))
    return [_expense_dto(e) for e in rows]


# ---- payments ------------------------------------------------------------------------------------------------


def _payment_dto(p: Payment) -> PaymentDTO:
    return PaymentDTO(p.id, p.project_id, p.kind, p.received_on, p.amount, p.note, p.version)


def _validate_payment(data: PaymentInput) -> PaymentInput:
    p = Problems()
    amount = _money(p, data.amount, "amount")
    if amount == ZERO and not p.items:
        p.coded("amount", "payment.not_positive")
    p.raise_if_any()
    return replace(data, amount=amount)


def add_payment(session: Session, project_id: int, data: PaymentInput) -> PaymentDTO:
    get_or_404(session, Project, project_id, "Projekts")
    data = _validate_payment(data)
    payment = Payment(
        project_id=project_id, kind=data.kind, received_on=data.received_on, amount=data.amount, note=data.note
    )
    session.add(payment)
    session.flush()
    return _payment_dto(payment)


def update_payment(session: Session, payment_id: int, data: PaymentInput) -> PaymentDTO:
    payment = locked(session, Payment, payment_id, "term.payment")
    check_version(payment, "payment", data, lambda: payment_input(_payment_dto(payment)))
    data = _validate_payment(data)
    payment.kind, payment.received_on, payment.amount, payment.note = (
        data.kind,
        data.received_on,
        data.amount,
        data.note,
    )
    session.flush()
    return _payment_dto(payment)


def delete_payment(session: Session, payment_id: int) -> None:
    session.delete(get_or_404(session, Payment, payment_id, "Maksājums"))
    session.flush()


def list_payments(session: Session, project_id: int) -> list[PaymentDTO]:
    rows = session.scalars(
        select(Payment).where(Payment.project_id == project_id).order_by(Payment.received_on, Payment.id)
    )
    return [_payment_dto(p) for p in rows]
