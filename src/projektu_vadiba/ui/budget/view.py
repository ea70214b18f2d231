"""BudgetView: one project's money in four tabs — Budžets, Izdevumi, Maksājumi, Kopsavilkums.

Everything shown comes from one call (money_summary), so the tabs always agree. Every change is an undoable
command on the workspace's stack (through a dialog, or a confirmed deletion); the workspace then emits
`dataChanged` once and this view, like every other, reloads itself from it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO, PaymentDTO
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services.finance import expense_input
from projektu_vadiba.core.services.money_dto import MoneySummary
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.ui.budget.entities import (
    EXPENSE,
    PAYMENT,
    DeleteLineCommand,
    expense_impact,
    expense_name,
    line_impact,
    line_name,
    payment_input,
    payment_name,
)
from projektu_vadiba.ui.budget.expense_dialog import ExpenseDialog
from projektu_vadiba.ui.budget.line_dialog import BudgetLineDialog
from projektu_vadiba.ui.budget.models import (
    SOURCE_COLUMN,
    budget_model,
    budget_rows,
    category_rows,
    ledger_model,
    payments_model,
    source_rows,
    summary_model,
)
from projektu_vadiba.ui.budget.payment_dialog import PaymentDialog
from projektu_vadiba.ui.commands import DeleteCommand
from projektu_vadiba.ui.formatting import format_money
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.models.rows_table import ID_ROLE
from projektu_vadiba.ui.operations import ask_delete
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.widgets.following import FollowingView
from projektu_vadiba.ui.widgets.table_view import fit_column, make_table_view
from projektu_vadiba.ui.workspace import Command, Workspace

WARNINGS_STYLE = "QLabel { background: #fff4ce; color: #5c4400; padding: 6px; }"


def _warnings_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(WARNINGS_STYLE)
    label.hide()
    return label


class BudgetView(FollowingView):
    def __init__(self, ws: Workspace, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.project_id = ws, project_id
        self.summary: MoneySummary | None = None
        self._stale = False
        # Seams for tests: how a dialog is run and how a deletion is confirmed (what, what goes too, undoable).
        self.run_dialog: Callable[[QDialog], int] = lambda dialog: dialog.exec()
        self.confirm: Callable[[str, list[str], bool], bool] = lambda what, lines, undoable: ask_delete(
            self, what, lines, undoable
        )

        self.budget = budget_model(self)
        self.ledger = ledger_model(self)
        self.ledger_proxy = SearchProxyModel(self)
        self.ledger_proxy.setSourceModel(self.ledger)
        self.payments = payments_model(self)
        self.categories = summary_model(self.tr("Izmaksu pozīcija"), self)
        self.sources = summary_model(self.tr("Finansējuma avots"), self)

        self.budget_view = self._table(self.budget, 1, sortable=False)
        fit_column(self.budget_view, 1, "Mentoru atlīdzība kopienām (30)")  # the line's name, not '…' (screen)
        self.ledger_view = self._table(self.ledger_proxy, 4)
        self.payments_view = self._table(self.payments, 3)
        self.categories_view = self._table(self.categories, 0, sortable=False)
        self.sources_view = self._table(self.sources, 0, sortable=False)
        self.budget_warnings = _warnings_label(self)
        self.summary_warnings = _warnings_label(self)
        self.ledger_search = QLineEdit(self)
        self.ledger_search.setPlaceholderText(self.tr("Meklēt izdevumos (piegādātājs, dokuments, apraksts)"))
        self.ledger_search.setClearButtonEnabled(True)
        self.ledger_search.textChanged.connect(self.ledger_proxy.set_search)
        self.ledger_totals = QLabel(self)
        self.money_label = QLabel(self)
        self.money_label.setTextFormat(Qt.TextFormat.PlainText)
        self.money_label.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._page(self.budget_warnings, self._buttons("line"), self.budget_view), self.tr("Budžets"))
        ledger_bar = self._buttons("expense")
        ledger_bar.insertWidget(0, self.ledger_search, 1)
        self.tabs.addTab(self._page(ledger_bar, self.ledger_view, self.ledger_totals), self.tr("Izdevumi"))
        self.tabs.addTab(self._page(self._buttons("payment"), self.payments_view), self.tr("Maksājumi"))
        self.tabs.addTab(
            self._page(self.summary_warnings, self.categories_view, self.sources_view, self.money_label),
            self.tr("Kopsavilkums"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.budget_view.doubleClicked.connect(lambda _: self.edit_line())
        self.ledger_view.doubleClicked.connect(lambda _: self.edit_expense())
        self.payments_view.doubleClicked.connect(lambda _: self.edit_payment())
        ws.dataChanged.connect(self._data_changed)
        self.reload()

    # ---- building ------------------------------------------------------------------------------------------------

    def _table(self, model: object, stretch: int, sortable: bool = True) -> QTableView:
        view = make_table_view(model, stretch_column=stretch, parent=self)  # type: ignore[arg-type]
        view.setSortingEnabled(sortable)
        return view

    def _page(self, *parts: QWidget | QHBoxLayout) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        for part in parts:
            if isinstance(part, QHBoxLayout):
                column.addLayout(part)
            else:
                column.addWidget(part, 1 if isinstance(part, QTableView) else 0)
        return page

    def _buttons(self, what: str) -> QHBoxLayout:
        texts = {
            "line": (self.tr("Jauna pozīcija…"), self.tr("Labot…"), self.tr("Dzēst")),
            "expense": (self.tr("Jauns izdevums…"), self.tr("Labot…"), self.tr("Dzēst")),
            "payment": (self.tr("Jauns maksājums…"), self.tr("Labot…"), self.tr("Dzēst")),
        }[what]
        actions = {
            "line": (self.add_line, self.edit_line, self.delete_line),
            "expense": (self.add_expense, self.edit_expense, self.delete_expense),
            "payment": (self.add_payment, self.edit_payment, self.delete_payment),
        }[what]
        bar = QHBoxLayout()
        for text, action in zip(texts, actions, strict=True):
            button = QPushButton(text, self)
            button.setObjectName(f"{what}_{action.__name__.split('_')[0]}")
            button.clicked.connect(lambda _=False, a=action: a())
            bar.addWidget(button)
        if what != "expense":
            bar.addStretch(1)
        return bar

    # ---- data ----------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._stale = False
        try:
            summary = self.ws.read(lambda s: money_summary(s, self.project_id, lang=language()))
        except AppError:  # the project itself went away (deleted, or its creation undone)
            return
        self.summary = summary
        rows = budget_rows(summary)
        self.budget.set_rows(rows)
        # A funding source no line uses takes no width (the grant's column always shows): on a laptop the planned,
        # spent and remaining columns then fit without scrolling sideways.
        used = {source for r in rows if r.kind == "line" for source, amount in r.sources.items() if amount}
        for n, source in enumerate(FundingSource):
            self.budget_view.setColumnHidden(
                SOURCE_COLUMN + n, source is not FundingSource.GRANT and source not in used
            )
        self.ledger.set_rows(list(summary.ledger))
        self.payments.set_rows(list(summary.payments))
        self.categories.set_rows(category_rows(summary))
        self.sources.set_rows(source_rows(summary))
        messages = "\n".join(f"⚠ {text_of(w)}" for w in summary.warnings)
        for label in (self.budget_warnings, self.summary_warnings):
            label.setText(messages)
            label.setVisible(bool(messages))
        self.ledger_totals.setText(
            self.tr("Attiecināmie: %1 · neattiecināmie: %2 · ierakstu: %3")
            .replace("%1", format_money(summary.spent))
            .replace("%2", format_money(summary.ineligible))
            .replace("%3", str(len(summary.ledger)))
        )
        limit = self.tr("pārdales robeža %1 %").replace("%1", f"{summary.limit_percent.normalize():f}")
        self.money_label.setText(
            self.tr("Piešķirts: %1 · saņemts: %2 · izlietots no finansējuma: %3 · saņemts − izlietots: %4 · %5")
            .replace("%1", format_money(summary.grant_awarded))
            .replace("%2", format_money(summary.payments_received))
            .replace("%3", format_money(summary.grant_spent))
            .replace("%4", format_money(summary.cash_balance))
            .replace("%5", limit if summary.limit_percent else self.tr("pārdales robeža nav noteikta"))
        )

    def _selected_id(self, view: QTableView) -> int | None:
        index: QModelIndex = view.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None

    def _open(self, dialog: QDialog) -> None:
        self.run_dialog(dialog)

    def _run(self, command: Command) -> None:
        try:
            self.ws.execute(command)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Neizdevās"), text_of(exc))
            self.ws.dataChanged.emit()  # it may be gone already: show what is there

    def _impact(self, impact: Callable[..., list[str]], id_: int) -> list[str]:
        try:
            return self.ws.read(lambda s: impact(s, id_))
        except AppError:
            return []

    # ---- actions -------------------------------------------------------------------------------------------------

    def _profile(self) -> profiles.FunderProfile:
        assert self.summary is not None
        return profiles.load_profile(self.summary.profile_key)

    def _lines(self) -> list[BudgetLineDTO]:
        assert self.summary is not None
        return [ln.line for c in self.summary.categories for ln in c.lines]

    def _selected_line(self) -> BudgetLineDTO | None:
        line_id = self._selected_id(self.budget_view)
        return next((b for b in self._lines() if b.id == line_id), None)

    def add_line(self) -> None:
        keys = [c.key for c in self.summary.categories if c.key] if self.summary else []
        self._open(BudgetLineDialog(self.ws, self.project_id, self._profile(), None, self, keys))

    def edit_line(self) -> None:
        line = self._selected_line()
        if line is not None:
            self._open(BudgetLineDialog(self.ws, self.project_id, self._profile(), line, self, [line.category_key]))

    def delete_line(self) -> None:
        line = self._selected_line()
        if line is None:
            return
        what = self.tr("budžeta pozīciju “%1”").replace("%1", line_name(line))
        if self.confirm(what, self._impact(line_impact, line.id), True):
            text = self.tr("Dzēsta budžeta pozīcija: %1").replace("%1", line_name(line))
            self._run(DeleteLineCommand(self.ws, line, text))

    def add_expense(self) -> None:
        """A new expense starts on the budget line selected on the Budžets tab (or the first line)."""
        line = self._selected_line()
        lines = self._lines()
        self._open(ExpenseDialog(self.ws, self.project_id, lines, None, self, line_id=line.id if line else None))

    def _selected_expense(self) -> ExpenseDTO | None:
        expense_id = self._selected_id(self.ledger_view)
        return next((r.expense for r in self.ledger.rows if r.id == expense_id), None)

    def edit_expense(self) -> None:
        expense = self._selected_expense()
        if expense is not None:
            self._open(ExpenseDialog(self.ws, self.project_id, self._lines(), expense, self))

    def delete_expense(self) -> None:
        e = self._selected_expense()
        if e is None:
            return
        what = self.tr("izdevumu ierakstu “%1”").replace("%1", expense_name(e))
        # Its filed documents (invoices) would go with it, and undo cannot file them again: then it is final.
        lines = self._impact(expense_impact, e.id)
        if not self.confirm(what, lines, not lines):
            return
        if lines:
            try:
                self.ws.execute_irreversibly(lambda s: EXPENSE.delete(s, e.id))
            except AppError as exc:
                QMessageBox.warning(self, self.tr("Neizdevās"), text_of(exc))
                self.ws.dataChanged.emit()
            return
        text = self.tr("Dzēsts izdevums %1").replace("%1", expense_name(e))
        self._run(DeleteCommand(self.ws, EXPENSE, e.id, self.project_id, expense_input(e), text))

    def _selected_payment(self) -> PaymentDTO | None:
        payment_id = self._selected_id(self.payments_view)
        return next((p for p in self.payments.rows if p.id == payment_id), None)

    def add_payment(self) -> None:
        self._open(PaymentDialog(self.ws, self.project_id, None, self))

    def edit_payment(self) -> None:
        payment = self._selected_payment()
        if payment is not None:
            self._open(PaymentDialog(self.ws, self.project_id, payment, self))

    def delete_payment(self) -> None:
        p = self._selected_payment()
        if p is not None and self.confirm(self.tr("maksājumu %1").replace("%1", payment_name(p)), [], True):
            text = self.tr("Dzēsts maksājums %1").replace("%1", payment_name(p))
            self._run(DeleteCommand(self.ws, PAYMENT, p.id, self.project_id, payment_input(p), text))
