"""Līdzfinansējums: money for the project from another source than the funder's grant."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit, QWidget

from projektu_vadiba.core.dto import CofinancingDTO, CofinancingInput
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services import organisations
from projektu_vadiba.core.validation import parse_money
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import COFINANCING, cofinancing_input
from projektu_vadiba.ui.labels import funding_source_label
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value, name_combo
from projektu_vadiba.ui.widgets.fields import AmountEdit
from projektu_vadiba.ui.workspace import Workspace


class CofinancingForm(FormDialog):
    def __init__(
        self, ws: Workspace, project_id: int, row: CofinancingDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Līdzfinansējums"), parent)
        self.ws, self.project_id, self.row = ws, project_id, row
        old = cofinancing_input(row) if row else None
        names = ws.read(lambda s: [o.name for o in organisations.list_organisations(s)])
        sources = [s for s in FundingSource if s is not FundingSource.GRANT]
        self.source = choice_combo(sources, funding_source_label, old.source if old else FundingSource.OWN, self)
        self.organisation = name_combo(names, old.organisation_name if old else "", self)
        self.amount = AmountEdit(old.amount if old else None, parent=self)
        self.note = QLineEdit(old.note if old else "", self)
        self.add_row("source", self.tr("Avots"), self.source)
        self.add_row("organisation_name", self.tr("Organizācija"), self.organisation)
        self.add_row("amount", self.tr("Summa, €"), self.amount, required=True)
        self.add_row("note", self.tr("Piezīme"), self.note)
        self.old = old
        self.mark_clean()

    def build(self) -> CofinancingInput:
        amount = Decimal("0.00")
        if not self.amount.text().strip():
            self.problem("amount", self.tr("Ievadiet summu."))
        else:
            amount = self.parse(parse_money, self.amount.text(), "amount", amount)
        return CofinancingInput(
            current_value(self.source),
            amount,
            self.organisation.currentText().strip(),
            self.note.text().strip(),
            self.old.version if self.old else None,  # the version this form was loaded with
        )

    def dry_run(self, data: CofinancingInput) -> None:
        row = self.row
        if row is None:
            self.ws.dry_run(lambda s: COFINANCING.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: COFINANCING.update(s, row.id, data))

    def save(self, data: CofinancingInput) -> object:
        if self.row is None or self.old is None:
            text = self.tr("Jauns līdzfinansējums")
            return self.ws.execute(CreateCommand(self.ws, COFINANCING, self.project_id, data, text))
        if data == self.old:
            return self.row
        text = self.tr("Līdzfinansējuma labojums")
        return self.ws.execute(EditCommand(self.ws, COFINANCING, self.row.id, self.old, data, text))
