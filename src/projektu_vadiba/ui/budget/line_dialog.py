"""Add or change a budget line: its cost category (the funder profile's), code, name, quantity x unit cost, and
the planned amount from each source. The total and quantity x unit cost are shown as you type."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineDTO, BudgetLineInput
from projektu_vadiba.core.errors import FieldProblem, ValidationError
from projektu_vadiba.core.funders import FunderProfile, pick
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services import finance
from projektu_vadiba.core.validation import parse_money, parse_quantity
from projektu_vadiba.ui.budget.form import MoneyForm, collect
from projektu_vadiba.ui.budget.labels import source_label
from projektu_vadiba.ui.formatting import format_money, format_number

ZERO = Decimal("0.00")


class BudgetLineDialog(MoneyForm):
    def __init__(
        self,
        db: Database,
        project_id: int,
        profile: FunderProfile,
        line: BudgetLineDTO | None = None,
        parent: QWidget | None = None,
        categories_in_use: Sequence[str] = (),
    ) -> None:
        super().__init__(self.tr("Budžeta pozīcija: labot") if line else self.tr("Jauna budžeta pozīcija"), parent)
        self._db, self._project_id, self._line = db, project_id, line
        self.category_combo = QComboBox(self)
        for cat in profile.cost_categories:
            self.category_combo.addItem(pick(cat.label), cat.key)
        for key in categories_in_use:  # keys the profile does not list stay choosable
            if self.category_combo.findData(key) < 0:
                self.category_combo.addItem(key, key)
        self.code_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(self)
        self.quantity_edit = QLineEdit(self)
        self.unit_cost_edit = QLineEdit(self)
        self.amount_edits = {source: QLineEdit(self) for source in FundingSource}
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        self.add_row("category_key", self.tr("Izmaksu pozīcija:"), self.category_combo)
        self.add_row("code", self.tr("Kods:"), self.code_edit)
        self.add_row("name", self.tr("Nosaukums:"), self.name_edit)
        self.add_row("unit", self.tr("Mērvienība:"), self.unit_edit)
        self.add_row("quantity", self.tr("Daudzums:"), self.quantity_edit)
        self.add_row("unit_cost", self.tr("Vienības cena, €:"), self.unit_cost_edit)
        for source, edit in self.amount_edits.items():
            edit.setPlaceholderText("0,00")
            self.add_row(f"amount_{source.value}", self.tr("Plānots: %1, €:").replace("%1", source_label(source)), edit)
        self.form.addRow(self.tr("Kopā plānots:"), self.total_label)
        for edit in (self.quantity_edit, self.unit_cost_edit, *self.amount_edits.values()):
            edit.textChanged.connect(self._show_total)
        self._fill(line)

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
        problems: list[FieldProblem] = []
        quantity = collect(problems, lambda: parse_quantity(self.quantity_edit.text() or "1", "quantity"))
        unit_cost = collect(problems, lambda: parse_money(self.unit_cost_edit.text() or "0", "unit_cost"))
        amounts: dict[FundingSource, Decimal] = {}
        for source, edit in self.amount_edits.items():
            text = edit.text().strip()
            value = collect(problems, lambda t=text, s=source: parse_money(t, f"amount_{s.value}")) if text else None
            if isinstance(value, Decimal) and value:
                amounts[source] = value
        if problems:
            raise ValidationError(problems)
        return BudgetLineInput(
            category_key=self.category_combo.currentData() or "",
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            amounts=amounts,
            unit=self.unit_edit.text(),
            quantity=quantity if isinstance(quantity, Decimal) else Decimal(1),
            unit_cost=unit_cost if isinstance(unit_cost, Decimal) else ZERO,
        )

    def save(self) -> BudgetLineDTO:
        data = self.build()
        with self._db.session() as session:
            if self._line is None:
                return finance.create_budget_line(session, self._project_id, data)
            return finance.update_budget_line(session, self._line.id, data)
