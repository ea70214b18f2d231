"""Budžets: a frame for the budget and expenses, which the finance and reports work fills in
(`hooks.budget_factory`). Until then it says so and shows only the totals the project already has."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from projektu_vadiba.core.services.project_figures import project_figures
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.formatting import format_money
from projektu_vadiba.ui.views.section import Section
from projektu_vadiba.ui.widgets.cards import Card, FactsGrid, SectionHeading, note
from projektu_vadiba.ui.workspace import Workspace


class BudgetSection(Section):
    key = "budget"

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.heading = SectionHeading(self.tr("Budžets"), self)
        self.content: QWidget | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.heading)
        self.placeholder = QWidget(self)
        self.totals = Card(self.tr("Projekta summas"), self.placeholder)
        self.facts = FactsGrid(
            [("total", self.tr("Kopējās izmaksas")), ("grant", self.tr("Piešķirtais finansējums"))],
            [("cofinancing", self.tr("Līdzfinansējums")), ("rest", self.tr("Nesadalīts"))],
            self.totals,
        )
        self.totals.add(self.facts)
        self.coming = note(
            self.tr(
                "Budžeta pozīcijas, izdevumi un finanšu pārskats šajā sadaļā vēl nav pieejami; tie nāks ar finanšu "
                "moduli. Pagaidām šeit redzamas projekta kopsummas."
            ),
            "info",
            self.placeholder,
        )
        column = QVBoxLayout(self.placeholder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.coming)
        column.addWidget(self.totals)
        column.addStretch(1)
        self.box.addWidget(self.placeholder, 1)

    def project_changed(self) -> None:
        # The money view is built when the section is first shown for this project, not when the project opens:
        # a project with 1,000 expenses cost 0.1 s of reading and 50,000 model calls while it stayed hidden.
        if self.content is not None:
            self.box.removeWidget(self.content)
            self.content.deleteLater()
            self.content = None

    def reload(self) -> None:
        factory = hooks.budget_factory
        if factory is not None and self.project_id is not None:
            if self.content is None:
                # It reads its data as it is made, then follows the workspace's dataChanged by itself.
                self.content = factory(self.ws, self.project_id)
                self.content.setParent(self)
                self.placeholder.hide()
                self.box.addWidget(self.content, 1)
            return
        assert self.project_id is not None
        pid = self.project_id
        f = self.ws.read(lambda s: project_figures(s, pid))  # the figures the overview and the reports show
        for key, value in (
            ("total", f.total_cost),
            ("grant", f.grant),
            ("cofinancing", f.cofinancing),
            ("rest", f.unallocated),
        ):
            self.facts.values[key].setText(format_money(value))
