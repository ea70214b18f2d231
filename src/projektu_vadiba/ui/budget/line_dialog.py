"""Add or change a budget line: its cost category (the funder profile's), code, name, quantity x unit cost, and
the planned amount from each source. The total and quantity x unit cost are shown as you type. Saving is an
undoable command on the workspace's stack; the form behaves as every other form (FormDialog)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QWidget

from projektu_vadiba.core.dto import BudgetLineDTO, BudgetLineInput
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.funders import FunderProfile, pick
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.validation import parse_money, parse_quantity
from projektu_vadiba.ui.budget.entities import BUDGET_LINE, CreateLineCommand, line_input, line_name
from projektu_vadiba.ui.budget.labels import source_label
from projektu_vadiba.ui.commands import EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.formatting import format_money, format_number
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.widgets.fields import AmountEdit
from projektu_vadiba.ui.workspace import Workspace

ZERO = Decimal("0.00")


class BudgetLineDialog(FormDialog):
    def __init__(
        self,
        ws: Workspace,
        project_id: int,
        profile: FunderProfile,
        line: BudgetLineDTO | None = None,
        parent: QWidget | None = None,
        categories_in_use: Sequence[str] = (),
    ) -> None:
        super().__init__(self.tr("Budžeta pozīcija: labot") if line else self.tr("Jauna budžeta pozīcija"), parent)
        self.ws, self.project_id, self.line = ws, project_id, line
        self.old = line_input(line) if line else None
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.category_combo = QComboBox(self)
        for cat in profile.cost_categories:
            self.category_combo.addItem(pick(cat.label, language()), cat.key)
        for key in categories_in_use:  # keys the profile does not list stay choosable
            if self.category_combo.findData(key) < 0:
                self.category_combo.addItem(key, key)
        self.code_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(self)
        self.quantity_edit = AmountEdit(places=None, parent=self)
        self.unit_cost_edit = AmountEdit(parent=self)
        self.amount_edits = {source: AmountEdit(parent=self) for source in FundingSource}
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        self.add_row("category_key", self.tr("Izmaksu pozīcija"), self.category_combo, required=True)
        self.add_row("code", self.tr("Kods"), self.code_edit, required=True)
        self.add_row("name", self.tr("Nosaukums"), self.name_edit, required=True)
        self.add_row("unit", self.tr("Mērvienība"), self.unit_edit)
        self.add_row("quantity", self.tr("Daudzums"), self.quantity_edit)
        self.add_row("unit_cost", self.tr("Vienības cena, €"), self.unit_cost_edit)
        for source, edit in self.amount_edits.items():
            self.add_row(f"amount_{source.value}", self.tr("Plānots: %1, €").replace("%1", source_label(source)), edit)
        self.form.addRow(self.tr("Kopā plānots"), self.total_label)
        for edit in (self.quantity_edit, self.unit_cost_edit, *self.amount_edits.values()):
            edit.textChanged.connect(self._show_total)
        self._fill(line)
        self.mark_clean()

    def _fill(self, line: BudgetLineDTO | None) -> None:
        if line is None:
            self.quantity_edit.setText("1")
            self._show_total()
            return
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(line.category_key)))
        self.code_edit.setText(line.code)
        self.name_edit.setText(line.name)
        self.unit_edit.setText(line.unit)
        self.quantity_edit.setText(format_number(line.quantity))
        self.unit_cost_edit.setText(format_number(line.unit_cost, 2))
        for source, amount in line.amounts.items():
            self.amount_edits[source].setText(format_number(amount, 2))
        self._show_total()

    def _show_total(self) -> None:
        """Planned total, and quantity x unit cost beside it when the two differ (a typing slip, usually)."""
        try:
            total = sum((parse_money(e.text() or "0") for e in self.amount_edits.values()), ZERO)
        except ValidationError:
            self.total_label.setText("—")
            return
        text = format_money(total)
        try:
            computed = (
                parse_quantity(self.quantity_edit.text() or "0", "q") * parse_money(self.unit_cost_edit.text() or "0")
            ).quantize(ZERO)
        except ValidationError:
            computed = total
        if computed and computed != total:
            text += "\n" + self.tr("(daudzums × vienības cena = %1)").replace("%1", format_money(computed))
        self.total_label.setText(text)

    def build(self) -> BudgetLineInput:
        quantity = self.parse(parse_quantity, self.quantity_edit.text() or "1", "quantity", Decimal(1))
        unit_cost = self.parse(parse_money, self.unit_cost_edit.text() or "0", "unit_cost", ZERO)
        amounts: dict[FundingSource, Decimal] = {}
        for source, edit in self.amount_edits.items():
            text = edit.text().strip()
            value = self.parse(parse_money, text, f"amount_{source.value}", ZERO) if text else ZERO
            if value:
                amounts[source] = value
        return BudgetLineInput(
            category_key=self.category_combo.currentData() or "",
            code=self.code_edit.text().strip(),
            name=self.name_edit.text().strip(),
            amounts=amounts,
            unit=self.unit_edit.text().strip(),
            quantity=quantity,
            unit_cost=unit_cost,
            version=self.old.version if self.old else None,  # the version this form was loaded with
        )

    def dry_run(self, data: BudgetLineInput) -> None:
        line = self.line
        if line is None:
            self.ws.dry_run(lambda s: BUDGET_LINE.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: BUDGET_LINE.update(s, line.id, data))

    def save(self, data: BudgetLineInput) -> object:
        if self.line is None or self.old is None:
            text = self.tr("Jauna budžeta pozīcija: %1").replace("%1", line_name(data))
            return self.ws.execute(CreateLineCommand(self.ws, self.project_id, data, text))
        if data == self.old:
            return self.line
        text = self.tr("Labota budžeta pozīcija: %1").replace("%1", line_name(data))
        return self.ws.execute(EditCommand(self.ws, BUDGET_LINE, self.line.id, self.old, data, text))
