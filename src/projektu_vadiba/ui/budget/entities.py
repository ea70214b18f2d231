"""The money records as the workspace's undo history knows them: budget lines, expenses and payments, each an
`Entity` (service calls, ids inside the input that point at other records) and the commands that change them.

An expense names its budget line through a Ref, so undoing a line's deletion (which creates it again under a new
id) keeps later commands on its expenses pointing at the right line. Deleting a line leaves its expenses in the
ledger without a line; undo creates the line again and books those expenses on it again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import BudgetLineDTO, BudgetLineInput, ExpenseDTO, ExpenseInput, PaymentDTO, PaymentInput
from projektu_vadiba.core.services import finance
from projektu_vadiba.ui.commands import CreateCommand, DeleteCommand
from projektu_vadiba.ui.entities import Entity
from projektu_vadiba.ui.formatting import format_money
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.workspace import Ref, Workspace


def line_impact(session: Session, line_id: int) -> list[str]:
    n = finance.line_expense_count(session, line_id)
    if not n:
        return []
    booked = count(
        n,
        QCoreApplication.translate("budget", "izdevumu ieraksts"),
        QCoreApplication.translate("budget", "izdevumu ieraksti"),
        QCoreApplication.translate("budget", "izdevumu ierakstu"),
    )
    return [QCoreApplication.translate("budget", "%1 paliks uzskaitē bez pozīcijas").replace("%1", booked)]


def expense_impact(session: Session, expense_id: int) -> list[str]:
    n = finance.expense_attachment_count(session, expense_id)
    if not n:
        return []
    return [
        count(
            n,
            QCoreApplication.translate("budget", "pievienots dokuments"),
            QCoreApplication.translate("budget", "pievienoti dokumenti"),
            QCoreApplication.translate("budget", "pievienotu dokumentu"),
        )
    ]


BUDGET_LINE = Entity(
    "budget_line",
    create=finance.create_budget_line,
    update=finance.update_budget_line,
    delete=finance.delete_budget_line,
    impact=line_impact,
)
EXPENSE = Entity(
    "expense",
    create=finance.add_expense,
    update=finance.update_expense,
    delete=finance.delete_expense,
    impact=expense_impact,
    refs=(("budget_line_id", "budget_line"),),
)
PAYMENT = Entity(
    "payment",
    create=finance.add_payment,
    update=finance.update_payment,
    delete=finance.delete_payment,
)


line_input = finance.line_input  # with the version read: an edit over a newer one is a conflict
payment_input = finance.payment_input


# ---- labels -----------------------------------------------------------------------------------------------------


def line_name(b: BudgetLineDTO | BudgetLineInput) -> str:
    return " ".join(filter(None, (b.code, b.name)))


def expense_name(e: ExpenseDTO | ExpenseInput) -> str:
    return " ".join(filter(None, (e.document_number, e.supplier, format_money(e.amount))))


def payment_name(p: PaymentDTO | PaymentInput) -> str:
    return format_money(p.amount)


# ---- a line's expenses follow it through undo and redo -------------------------------------------------------------


class _LineExpenses:
    """The expenses booked on a line when it goes, as Refs, to book them on it again when it comes back."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.expenses: list[Ref] = []

    def remember(self, session: Session, line_id: int) -> None:
        self.expenses = [self.ws.ref("expense", i) for i in finance.line_expense_ids(session, line_id)]

    def book_again(self, session: Session, line_id: int) -> None:
        finance.book_on_line(session, line_id, [r.id for r in self.expenses])


class CreateLineCommand(CreateCommand):
    """Undo deletes the new line; the expenses booked on it meanwhile are booked on it again by redo."""

    def __init__(self, ws: Workspace, project_id: int, data: BudgetLineInput, text: str) -> None:
        super().__init__(ws, BUDGET_LINE, project_id, data, text)
        self.booked = _LineExpenses(ws)

    def do(self, session: Session) -> Any:
        dto = super().do(session)
        self.booked.book_again(session, dto.id)
        return dto

    def revert(self, session: Session) -> None:
        assert self.ref is not None
        self.booked.remember(session, self.ref.id)
        super().revert(session)

    def undo_warning(self, session: Session) -> str | None:
        """Expenses booked on the line since are not deleted with it: they stay in the ledger, on no line."""
        if self.ref is None:
            return None
        lines = line_impact(session, self.ref.id)
        if not lines:
            return None
        return (
            QCoreApplication.translate(
                "budget", "Atsaucot “%1”: %2 (“Atcelt atsaukšanu” tos atkal piesaistīs).\n\nAtsaukt?"
            )
            .replace("%1", self.text())
            .replace("%2", lines[0])
        )


class DeleteLineCommand(DeleteCommand):
    """Undo creates the line again and books its expenses on it again."""

    def __init__(self, ws: Workspace, line: BudgetLineDTO, text: str) -> None:
        super().__init__(ws, BUDGET_LINE, line.id, line.project_id, line_input(line), text)
        self.booked = _LineExpenses(ws)

    def do(self, session: Session) -> Any:
        self.booked.remember(session, self.ref.id)
        return super().do(session)

    def revert(self, session: Session) -> None:
        super().revert(session)
        self.booked.book_again(session, self.ref.id)
