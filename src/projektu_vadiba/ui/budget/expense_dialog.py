"""Add or change one entry of the expense ledger. Money is typed as "1 234,56" (a credit note as "-12,50"), dates
as 17.10.2023; one Save shows every problem at once, each beside its field, and nothing is saved until all are
right. Saving is an undoable command on the workspace's stack."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO, ExpenseInput
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services.finance import expense_input
from projektu_vadiba.core.validation import parse_money
from projektu_vadiba.ui.budget.entities import EXPENSE, expense_name
from projektu_vadiba.ui.budget.labels import source_label
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.widgets.fields import AmountEdit, DateEdit, OptionalDateEdit
from projektu_vadiba.ui.workspace import Workspace

ZERO = Decimal("0.00")


def line_choices(combo: QComboBox, lines: Sequence[BudgetLineDTO], none_text: str) -> None:
    combo.addItem(none_text, None)
    for line in lines:
        combo.addItem(f"{line.code} {line.name}", line.id)


def source_choices(combo: QComboBox) -> None:
    for source in FundingSource:
        combo.addItem(source_label(source), source)


class ExpenseDialog(FormDialog):
    def __init__(
        self,
        ws: Workspace,
        project_id: int,
        lines: Sequence[BudgetLineDTO],
        expense: ExpenseDTO | None = None,
        parent: QWidget | None = None,
        *,
        line_id: int | None = None,
    ) -> None:
        """`line_id`: the budget line a new expense starts on (the one selected in the budget view)."""
        super().__init__(
            self.tr("Izdevumi: labot ierakstu") if expense else self.tr("Izdevumi: jauns ieraksts"), parent
        )
        self.ws, self.project_id, self.expense = ws, project_id, expense
        self.old = expense_input(expense) if expense else None
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.date_edit = DateEdit(clock.today(), self)  # typed as in every form, with the calendar (F4)
        self.document_edit = QLineEdit(self)
        self.supplier_edit = QLineEdit(self)
        self.description_edit = QLineEdit(self)
        self.amount_edit = AmountEdit(parent=self)
        self.amount_edit.setPlaceholderText(self.tr("1 234,56"))
        self.line_combo = QComboBox(self)
        line_choices(self.line_combo, lines, self.tr("— bez budžeta pozīcijas —"))
        self.source_combo = QComboBox(self)
        source_choices(self.source_combo)
        self.eligible_check = QCheckBox(self.tr("Attiecināmās izmaksas"), self)
        self.eligible_check.setChecked(True)
        self.paid_edit = OptionalDateEdit(None, self)
        self.paid_edit.setPlaceholderText(self.tr("tukšs, ja vēl nav apmaksāts"))

        self.add_row("date", self.tr("Dokumenta datums"), self.date_edit, required=True)
        self.add_row("document_number", self.tr("Dokumenta Nr."), self.document_edit)
        self.add_row("supplier", self.tr("Piegādātājs"), self.supplier_edit)
        self.add_row("description", self.tr("Apraksts"), self.description_edit)
        self.add_row("amount", self.tr("Summa, €"), self.amount_edit, required=True)
        self.add_row("budget_line_id", self.tr("Budžeta pozīcija"), self.line_combo)
        self.add_row("source", self.tr("Finansējuma avots"), self.source_combo)
        self.add_row("eligible", "", self.eligible_check)
        self.add_row("paid_on", self.tr("Apmaksāts"), self.paid_edit)
        self._fill(expense, line_id if line_id is not None else (lines[0].id if lines else None))
        self.mark_clean()

    def _fill(self, e: ExpenseDTO | None, line_id: int | None) -> None:
        if e is None:
            self.date_edit.setText(format_date(clock.today()))
            self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(line_id)))
            return
        self.date_edit.setText(format_date(e.date))
        self.document_edit.setText(e.document_number)
        self.supplier_edit.setText(e.supplier)
        self.description_edit.setText(e.description)
        self.amount_edit.set_value(e.amount)
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(e.budget_line_id)))
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(e.source)))
        self.eligible_check.setChecked(e.eligible)
        self.paid_edit.setText(format_date(e.paid_on))

    def build(self) -> ExpenseInput:
        # A date the field cannot read is reported by the field itself (FormDialog asks it); meanwhile date.min:
        # no "paid before the document" from a date that could not be read.
        day = date.min if self.date_edit.problem() else self.date_edit.value()
        paid = None if self.paid_edit.problem() else self.paid_edit.value()
        amount = ZERO
        if not self.amount_edit.text().strip():
            self.problem("amount", self.tr("Ievadiet summu."))
        else:
            amount = self.parse(
                lambda t, f: parse_money(t, f, allow_negative=True), self.amount_edit.text(), "amount", amount
            )
        return ExpenseInput(
            date=day,
            amount=amount,
            budget_line_id=self.line_combo.currentData(),
            document_number=self.document_edit.text().strip(),
            supplier=self.supplier_edit.text().strip(),
            description=self.description_edit.text().strip(),
            eligible=self.eligible_check.isChecked(),
            paid_on=paid,
            source=self.source_combo.currentData(),
            version=self.old.version if self.old else None,  # the version this form was loaded with
        )

    def dry_run(self, data: ExpenseInput) -> None:
        expense = self.expense
        if expense is None:
            self.ws.dry_run(lambda s: EXPENSE.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: EXPENSE.update(s, expense.id, data))

    def save(self, data: ExpenseInput) -> object:
        if self.expense is None or self.old is None:
            text = self.tr("Jauns izdevums: %1").replace("%1", expense_name(data))
            return self.ws.execute(CreateCommand(self.ws, EXPENSE, self.project_id, data, text))
        if data == self.old:
            return self.expense
        text = self.tr("Labots izdevums %1").replace("%1", expense_name(data))
        return self.ws.execute(EditCommand(self.ws, EXPENSE, self.expense.id, self.old, data, text))
