"""Add or change one entry of the expense ledger. Money is typed as "1 234,56" (a credit note as "-12,50"), dates
as 17.10.2023; every wrong field gets its own Latvian message and nothing is saved until all are right."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import cast

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO, ExpenseInput
from projektu_vadiba.core.errors import FieldProblem, ValidationError
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services import finance
from projektu_vadiba.core.validation import parse_date, parse_money
from projektu_vadiba.ui.budget.form import MoneyForm, collect
from projektu_vadiba.ui.budget.labels import source_label
from projektu_vadiba.ui.formatting import format_date, format_number


def line_choices(combo: QComboBox, lines: Sequence[BudgetLineDTO], none_text: str) -> None:
    combo.addItem(none_text, None)
    for line in lines:
        combo.addItem(f"{line.code} {line.name}", line.id)


def source_choices(combo: QComboBox) -> None:
    for source in FundingSource:
        combo.addItem(source_label(source), source)


class ExpenseDialog(MoneyForm):
    def __init__(
        self,
        db: Database,
        project_id: int,
        lines: Sequence[BudgetLineDTO],
        expense: ExpenseDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Izdevumi: labot ierakstu") if expense else self.tr("Izdevumi: jauns ieraksts"), parent
        )
        self._db, self._project_id, self._expense = db, project_id, expense
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(self.tr("17.10.2023"))
        self.document_edit = QLineEdit(self)
        self.supplier_edit = QLineEdit(self)
        self.description_edit = QLineEdit(self)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("1 234,56"))
        self.line_combo = QComboBox(self)
        line_choices(self.line_combo, lines, self.tr("— bez budžeta pozīcijas —"))
        self.source_combo = QComboBox(self)
        source_choices(self.source_combo)
        self.eligible_check = QCheckBox(self.tr("Attiecināmās izmaksas"), self)
        self.eligible_check.setChecked(True)
        self.paid_edit = QLineEdit(self)
        self.paid_edit.setPlaceholderText(self.tr("tukšs, ja vēl nav apmaksāts"))

        self.add_row("date", self.tr("Dokumenta datums:"), self.date_edit)
        self.add_row("document_number", self.tr("Dokumenta Nr.:"), self.document_edit)
        self.add_row("supplier", self.tr("Piegādātājs:"), self.supplier_edit)
        self.add_row("description", self.tr("Apraksts:"), self.description_edit)
        self.add_row("amount", self.tr("Summa, €:"), self.amount_edit)
        self.add_row("budget_line_id", self.tr("Budžeta pozīcija:"), self.line_combo)
        self.add_row("source", self.tr("Finansējuma avots:"), self.source_combo)
        self.add_row("eligible", "", self.eligible_check)
        self.add_row("paid_on", self.tr("Apmaksāts:"), self.paid_edit)
        self._fill(expense)

    def _fill(self, e: ExpenseDTO | None) -> None:
        if e is None:
            self.date_edit.setText(format_date(clock.today()))
            return
        self.date_edit.setText(format_date(e.date))
        self.document_edit.setText(e.document_number)
        self.supplier_edit.setText(e.supplier)
        self.description_edit.setText(e.description)
        self.amount_edit.setText(format_number(e.amount, 2))
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(e.budget_line_id)))
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(e.source)))
        self.eligible_check.setChecked(e.eligible)
        self.paid_edit.setText(format_date(e.paid_on))

    def build(self) -> ExpenseInput:
        """The typed values, or a ValidationError naming every field that cannot be read."""
        problems: list[FieldProblem] = []
        day = collect(problems, lambda: parse_date(self.date_edit.text(), "date"))
        paid_text = self.paid_edit.text().strip()
        paid = collect(problems, lambda: parse_date(paid_text, "paid_on")) if paid_text else None
        amount = collect(problems, lambda: parse_money(self.amount_edit.text(), "amount", allow_negative=True))
        if problems:
            raise ValidationError(problems)
        return ExpenseInput(
            date=cast(date, day),
            amount=cast(Decimal, amount),
            budget_line_id=self.line_combo.currentData(),
            document_number=self.document_edit.text(),
            supplier=self.supplier_edit.text(),
            description=self.description_edit.text().strip(),
            eligible=self.eligible_check.isChecked(),
            paid_on=cast(date | None, paid),
            source=self.source_combo.currentData(),
        )

    def save(self) -> ExpenseDTO:
        data = self.build()
        with self._db.session() as session:
            if self._expense is None:
                return finance.add_expense(session, self._project_id, data)
            return finance.update_expense(session, self._expense.id, data)
