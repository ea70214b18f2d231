"""Add or change a payment received from the funder (advance, interim, final). Saving is an undoable command on
the workspace's stack; the form behaves as every other form (FormDialog)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import PaymentDTO, PaymentInput
from projektu_vadiba.core.models.enums import PaymentKind
from projektu_vadiba.core.validation import parse_money
from projektu_vadiba.ui.budget.entities import PAYMENT, payment_input, payment_name
from projektu_vadiba.ui.budget.labels import payment_kind_label
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.widgets.fields import AmountEdit, DateEdit
from projektu_vadiba.ui.workspace import Workspace

ZERO = Decimal("0.00")


class PaymentDialog(FormDialog):
    def __init__(
        self, ws: Workspace, project_id: int, payment: PaymentDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Maksājums: labot") if payment else self.tr("Saņemts maksājums"), parent)
        self.ws, self.project_id, self.payment = ws, project_id, payment
        self.old = payment_input(payment) if payment else None
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.kind_combo = QComboBox(self)
        for kind in PaymentKind:
            self.kind_combo.addItem(payment_kind_label(kind), kind)
        self.date_edit = DateEdit(clock.today(), self)
        self.amount_edit = AmountEdit(parent=self)
        self.note_edit = QLineEdit(self)
        self.add_row("kind", self.tr("Veids"), self.kind_combo, required=True)
        self.add_row("received_on", self.tr("Saņemts"), self.date_edit, required=True)
        self.add_row("amount", self.tr("Summa, €"), self.amount_edit, required=True)
        self.add_row("note", self.tr("Piezīme"), self.note_edit)
        if payment is None:
            self.date_edit.setText(format_date(clock.today()))
        else:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(payment.kind)))
            self.date_edit.setText(format_date(payment.received_on))
            self.amount_edit.set_value(payment.amount)
            self.note_edit.setText(payment.note)
        self.mark_clean()

    def build(self) -> PaymentInput:
        day = date.min if self.date_edit.problem() else self.date_edit.value()  # the field reports its own problem
        amount = ZERO
        if not self.amount_edit.text().strip():
            self.problem("amount", self.tr("Ievadiet summu."))
        else:
            amount = self.parse(parse_money, self.amount_edit.text(), "amount", amount)
        version = self.old.version if self.old else None  # the version this form was loaded with
        return PaymentInput(self.kind_combo.currentData(), day, amount, self.note_edit.text().strip(), version)

    def dry_run(self, data: PaymentInput) -> None:
        payment = self.payment
        if payment is None:
            self.ws.dry_run(lambda s: PAYMENT.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: PAYMENT.update(s, payment.id, data))

    def save(self, data: PaymentInput) -> object:
        if self.payment is None or self.old is None:
            text = self.tr("Jauns maksājums: %1").replace("%1", payment_name(data))
            return self.ws.execute(CreateCommand(self.ws, PAYMENT, self.project_id, data, text))
        if data == self.old:
            return self.payment
        text = self.tr("Labots maksājums %1").replace("%1", payment_name(data))
        return self.ws.execute(EditCommand(self.ws, PAYMENT, self.payment.id, self.old, data, text))
