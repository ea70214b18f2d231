"""The accountant's money view: its models pass Qt's model tester; an expense, a payment and a budget line are
added and changed through their dialogs (workspace commands); a bad amount is refused next to its field and
nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineInput, ExpenseInput, PaymentInput
from projektu_vadiba.core.models.enums import FundingSource, PaymentKind
from projektu_vadiba.core.services import finance, projects
from projektu_vadiba.ui.budget import BudgetView
from projektu_vadiba.ui.budget.expense_dialog import ExpenseDialog
from projektu_vadiba.ui.budget.line_dialog import BudgetLineDialog
from projektu_vadiba.ui.budget.payment_dialog import PaymentDialog
from projektu_vadiba.ui.translations import switch_language
from projektu_vadiba.ui.widgets.table_view import column_texts
from projektu_vadiba.ui.workspace import Workspace
from tests.core.factories import project_input

D = Decimal
NBSP = "\u00a0"


@pytest.fixture
def money_db(empty_db: Database) -> tuple[Database, int]:
    """An SIF project (limit 15 %): personnel 1 000 €, services 500 € (grant 400, municipality 100), two expenses,
    one ineligible, and an advance."""
    with empty_db.session() as s:
        pid = projects.create_project(s, project_input()).id
        personnel = finance.create_budget_line(
            s, pid, BudgetLineInput("personnel", "1.1", "Vadītājas atlīdzība", {FundingSource.GRANT: D("1000.00")})
        ).id
        amounts = {FundingSource.GRANT: D("400.00"), FundingSource.MUNICIPALITY: D("100.00")}
        services = finance.create_budget_line(s, pid, BudgetLineInput("services", "3.1", "Ēdināšana", amounts)).id
        finance.add_expense(
            s, pid, ExpenseInput(date(2023, 5, 2), D("600.00"), services, "R-1", "SIA “Ēdnīca”", "Pusdienas")
        )
        finance.add_expense(s, pid, ExpenseInput(date(2023, 5, 3), D("38.50"), personnel, "Č-9", eligible=False))
        finance.add_payment(s, pid, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 20), D("1200.00")))
    return empty_db, pid


@pytest.fixture
def ws(money_db: tuple[Database, int]) -> Workspace:
    return Workspace(money_db[0])


@pytest.fixture
def view(qtbot: QtBot, ws: Workspace, money_db: tuple[Database, int]) -> BudgetView:
    widget = BudgetView(ws, money_db[1])
    qtbot.addWidget(widget)
    widget.resize(1300, 650)
    widget.show()  # a hidden view reloads when shown, not on every change
    return widget


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _tester(model: QAbstractItemModel) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def _filling(action: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """Stands in for dialog.exec(): fills the dialog as a user would, then presses Save."""

    def run(dialog: QDialog) -> int:
        action(dialog)
        dialog.save_button.click()  # type: ignore[attr-defined]
        return dialog.result()

    return run


def test_models_pass_the_model_tester(view: BudgetView) -> None:
    for model in (view.budget, view.ledger, view.ledger_proxy, view.payments, view.categories, view.sources):
        _tester(model)
    view.reload()  # a reset under the tester
    assert view.budget.rowCount() == 7  # 2 categories x (header, line, subtotal) + total


def test_budget_tab_groups_lines_and_highlights_the_overspent_category(view: BudgetView) -> None:
    names = column_texts(view.budget_view, 1)
    assert names == ["Atlīdzība", "Vadītājas atlīdzība", "Kopā: Atlīdzība", "Pasākumi un pakalpojumi", "Ēdināšana",
                     "Kopā: Pasākumi un pakalpojumi", "KOPĀ"]  # fmt: skip
    subtotal = view.budget.index(5, 0)
    assert subtotal.data(Qt.ItemDataRole.BackgroundRole) is not None
    tip = _plain(subtotal.data(Qt.ItemDataRole.ToolTipRole))
    assert "“Pasākumi un pakalpojumi”" in tip and "20 %" in tip and "15 %" in tip
    assert subtotal.data(Qt.ItemDataRole.FontRole).bold()
    assert _plain(view.budget.index(6, 7).data()) == "1 500,00 €"  # planned total
    assert _plain(view.budget.index(6, 8).data()) == "600,00 €"  # the ineligible 38,50 € is not spent
    assert view.budget_warnings.isVisibleTo(view) and "pieļaujamā novirze" in view.budget_warnings.text()
    assert _plain(view.ledger_totals.text()).startswith("Attiecināmie: 600,00 € · neattiecināmie: 38,50 €")


def test_add_an_expense_through_the_dialog(
    qtbot: QtBot, ws: Workspace, view: BudgetView, money_db: tuple[Database, int]
) -> None:
    db, pid = money_db

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ExpenseDialog)
        dialog.date_edit.setText("12.06.2023")
        dialog.document_edit.setText("Rēķ. Nr. 2023/045")
        dialog.supplier_edit.setText("SIA “Ķiploks”")
        dialog.amount_edit.setText("1 234,56")
        dialog.line_combo.setCurrentIndex(dialog.line_combo.findText("1.1 Vadītājas atlīdzība"))
        dialog.paid_edit.setText("2023-06-15")

    view.run_dialog = _filling(fill)
    with qtbot.waitSignal(ws.dataChanged, timeout=2000):
        view.add_expense()
    with db.session() as s:
        added = [e for e in finance.list_expenses(s, pid) if e.document_number == "Rēķ. Nr. 2023/045"]
    assert [(e.amount, e.supplier, e.paid_on, e.source) for e in added] == [
        (D("1234.56"), "SIA “Ķiploks”", date(2023, 6, 15), FundingSource.GRANT)
    ]
    assert view.ledger.rowCount() == 3
    assert "1 234,56 €" in [_plain(t) for t in column_texts(view.ledger_view, 7)]


def test_a_bad_amount_is_shown_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, ws: Workspace, money_db: tuple[Database, int]
) -> None:
    db, pid = money_db
    with db.session() as s:
        lines = finance.list_budget(s, pid)
    dialog = ExpenseDialog(ws, pid, lines)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount_edit.setText("12,3a")
    dialog.paid_edit.setText("31.02.2023")
    dialog.document_edit.setText("X" * 81)  # the service's own rule, in the same round as the typing slips
    dialog.save_button.click()
    assert dialog.error_text("amount") == "“12,3a” nav summa (piemērs: 1 234,56)."
    assert "nav datums" in dialog.error_text("paid_on")
    assert dialog.error_text("document_number") != ""
    assert dialog.error_text("date") == ""
    assert dialog.isVisible() and dialog.result() == 0 and ws.undo_stack.count() == 0
    with db.session() as s:
        assert len(finance.list_expenses(s, pid)) == 2
    # The service's own rules come back to their fields too: paid before the document's date.
    dialog.document_edit.setText("R-2")
    dialog.amount_edit.setText("-12,50")  # a credit note is a valid amount
    dialog.date_edit.setText("10.05.2023")
    dialog.paid_edit.setText("09.05.2023")
    dialog.save_button.click()
    assert dialog.error_text("amount") == "" and dialog.error_text("document_number") == ""
    assert dialog.error_text("paid_on") == "Apmaksas datums nevar būt pirms dokumenta datuma."
    dialog.paid_edit.clear()
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText().startswith("Jauns izdevums: R-2")
    with db.session() as s:
        assert [e.amount for e in finance.list_expenses(s, pid)][-1] == D("-12.50")


def test_edit_and_delete_an_expense(qtbot: QtBot, view: BudgetView, money_db: tuple[Database, int]) -> None:
    db, pid = money_db
    view.ledger_view.selectRow(0)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ExpenseDialog)
        assert _plain(dialog.amount_edit.text()) == "600,00"
        dialog.amount_edit.setText("575,00")

    view.run_dialog = _filling(fill)
    view.edit_expense()
    with db.session() as s:
        assert finance.list_expenses(s, pid)[0].amount == D("575.00")
    assert not view.budget_warnings.isVisibleTo(view) or "Pasākumi" not in view.budget_warnings.text()
    asked: list[str] = []
    view.confirm = lambda what, lines, undoable: asked.append(what) or undoable  # type: ignore[func-returns-value]
    view.ledger_view.selectRow(0)
    with qtbot.waitSignal(view.ws.dataChanged, timeout=2000):
        view.delete_expense()
    assert "R-1" in asked[0]
    with db.session() as s:
        assert [e.document_number for e in finance.list_expenses(s, pid)] == ["Č-9"]
    assert view.ws.undo_stack.undoText() == "Dzēsts izdevums R-1 SIA “Ēdnīca” 575,00\u00a0€"
    view.ws.undo()  # the deleted expense comes back, edited amount and line included; the ledger follows
    with db.session() as s:
        back = [e for e in finance.list_expenses(s, pid) if e.document_number == "R-1"]
    assert [(e.amount, e.supplier) for e in back] == [(D("575.00"), "SIA “Ēdnīca”")]
    assert view.ledger.rowCount() == 2
    view.ws.undo()  # and the edit before it
    with db.session() as s:
        assert [e.amount for e in finance.list_expenses(s, pid) if e.document_number == "R-1"] == [D("600.00")]


def test_payments_and_budget_lines_through_their_dialogs(view: BudgetView, money_db: tuple[Database, int]) -> None:
    db, pid = money_db

    def payment(dialog: QDialog) -> None:
        assert isinstance(dialog, PaymentDialog)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PaymentKind.FINAL))
        dialog.date_edit.setText("01.02.2024")
        dialog.amount_edit.setText("300")

    view.run_dialog = _filling(payment)
    view.add_payment()
    assert view.payments.rowCount() == 2
    assert "saņemts: 1 500,00 €" in _plain(view.money_label.text())

    def line(dialog: QDialog) -> None:
        assert isinstance(dialog, BudgetLineDialog)
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("travel"))
        dialog.code_edit.setText("2.1")
        dialog.name_edit.setText("Degviela braucieniem uz Ķekavu")
        dialog.quantity_edit.setText("4")
        dialog.unit_cost_edit.setText("25,50")
        dialog.amount_edits[FundingSource.GRANT].setText("100")
        assert "102,00 €" in _plain(dialog.total_label.text())  # quantity x unit cost differs from the plan
        dialog.amount_edits[FundingSource.GRANT].setText("102,00")

    view.run_dialog = _filling(line)
    view.add_line()
    with db.session() as s:
        [travel] = [b for b in finance.list_budget(s, pid) if b.code == "2.1"]
    assert (travel.category_key, travel.planned, travel.quantity) == ("travel", D("102.00"), D(4))
    assert "Degviela braucieniem uz Ķekavu" in column_texts(view.budget_view, 1)


def test_a_duplicate_line_code_is_refused_in_the_dialog(qtbot: QtBot, view: BudgetView) -> None:
    dialog = BudgetLineDialog(view.ws, view.project_id, view._profile())
    qtbot.addWidget(dialog)
    dialog.code_edit.setText("1.1")
    dialog.name_edit.setText("Cits")
    dialog.amount_edits[FundingSource.OWN].setText("1,005")
    dialog.save_button.click()  # one round: the typing slip and the service's rule at once
    assert dialog.error_text("amount_own") == "Summā var būt ne vairāk kā 2 cipari aiz komata."
    assert dialog.error_text("code") == "Budžeta pozīcija ar kodu 1.1 šajā projektā jau ir."
    dialog.amount_edits[FundingSource.OWN].setText("1,05")
    dialog.save_button.click()
    assert dialog.error_text("amount_own") == ""
    assert dialog.error_text("code") == "Budžeta pozīcija ar kodu 1.1 šajā projektā jau ir."
    assert dialog.result() == 0


def test_screenshot_shows_latvian_text(view: BudgetView, tmp_path: object) -> None:
    view.show()
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        assert not view.grab().isNull()
    assert [view.tabs.tabText(i) for i in range(4)] == ["Budžets", "Izdevumi", "Maksājumi", "Kopsavilkums"]


def test_cost_categories_speak_the_ui_language(
    qtbot: QtBot, qapp: QApplication, ws: Workspace, money_db: tuple[Database, int]
) -> None:
    switch_language(qapp, "en")
    try:
        widget = BudgetView(ws, money_db[1])
        qtbot.addWidget(widget)
        widget.show()
        names = column_texts(widget.budget_view, 1)
        assert "Personnel" in names and "Events and services" in names
        assert "Atlīdzība" not in names
    finally:
        switch_language(qapp, "lv")
