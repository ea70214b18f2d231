"""Add or change a payment received from the funder (advance, interim, final)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import cast

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PaymentDTO, PaymentInput
from projektu_vadiba.core.errors import FieldProblem, ValidationError
from projektu_vadiba.core.models.enums import PaymentKind
from projektu_vadiba.core.services import finance
from projektu_vadiba.core.validation import parse_date, parse_money
from projektu_vadiba.ui.budget.form import MoneyForm, collect
from projektu_vadiba.ui.budget.labels import payment_kind_label
from projektu_vadiba.ui.formatting import format_date, format_number


class PaymentDialog(MoneyForm):
    def __init__(
        self, db: Database, project_id: int, payment: PaymentDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Maksājums: labot") if payment else self.tr("Saņemts maksājums"), parent)
        self._db, self._project_id, self._payment = db, project_id, payment
        self.kind_combo = QComboBox(self)
        for kind in PaymentKind:
            self.kind_combo.addItem(payment_kind_label(kind), kind)
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(self.tr("17.10.2023"))
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setPlaceholderText(self.tr("1 234,56"))
        self.note_edit = QLineEdit(self)
        self.add_row("kind", self.tr("Veids:"), self.kind_combo)
        self.add_row("received_on", self.tr("Saņemts:"), self.date_edit)
        self.add_row("amount", self.tr("Summa, €:"), self.amount_edit)
        self.add_row("note", self.tr("Piezīme:"), self.note_edit)
        if payment is None:
            self.date_edit.setText(format_date(clock.today()))
        else:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(payment.kind)))
            self.date_edit.setText(format_date(payment.received_on))
            self.amount_edit.setText(format_number(payment.amount, 2))
            self.note_edit.setText(payment.note)

    def build(self) -> PaymentInput:
        problems: list[FieldProblem] = []
        day = collect(problems, lambda: parse_date(self.date_edit.text(), "received_on"))
        amount = collect(problems, lambda: parse_money(self.amount_edit.text(), "amount"))
        if problems:
            raise ValidationError(problems)
        kind = self.kind_combo.currentData()
        return PaymentInput(kind, cast(date, day), cast(Decimal, amount), self.note_edit.text().strip())

    def save(self) -> PaymentDTO:
        data = self.build()
        with self._db.session() as session:
            if self._payment is None:
                return finance.add_payment(session, self._project_id, data)
            return finance.update_payment(session, self._payment.id, data)
