"""The accountant's day in the real main window, by keyboard and mouse: a budget line, an expense and a payment
typed into their forms; Ctrl+Z and Ctrl+Shift+Z walk the workspace's history and the money view follows; a
deleted line comes back with its expenses; Esc on a changed expense form asks before throwing the typing away."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineInput
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services import finance, projects
from projektu_vadiba.ui.budget import BudgetView
from projektu_vadiba.ui.budget.expense_dialog import ExpenseDialog
from projektu_vadiba.ui.budget.line_dialog import BudgetLineDialog
from projektu_vadiba.ui.budget.payment_dialog import PaymentDialog
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.widgets.table_view import column_texts
from projektu_vadiba.ui.wiring import wire_features
from tests.core.factories import project_input

from .helpers import activate, answer_message, dialogs_closed, make_window, on_dialog  # noqa: F401  (fixture)

D = Decimal
NBSP = "\u00a0"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def project(empty_db: Database) -> int:
    with empty_db.session() as s:
        pid = projects.create_project(s, project_input()).id
        finance.create_budget_line(
            s, pid, BudgetLineInput("personnel", "1.1", "Vadītājas atlīdzība", {FundingSource.GRANT: D("1000.00")})
        )
    return pid


@pytest.fixture
def window(qtbot: QtBot, empty_db: Database, settings: Settings, project: int) -> MainWindow:
    wire_features()
    window = make_window(qtbot, empty_db, settings)
    window.open_project(project, "budget")
    return window


def money_view(window: MainWindow) -> BudgetView:
    view = window.project_page.sections["budget"].content
    assert isinstance(view, BudgetView)
    return view


def type_into(widget: QWidget, text: str) -> None:
    """Click into the field, select what is there and type over it."""
    activate(widget.window())  # offscreen, a dialog shown by exec() is not made the active window by itself
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    focused = QApplication.focusWidget()
    assert focused is widget, (focused, widget)
    QTest.keyClick(focused, Qt.Key.Key_A, CTRL)
    for char in text:  # keyClicks() asserts on letters outside ASCII ("Ķ", "“"): a key event with the text
        if char.isascii():
            QTest.keyClick(focused, char)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, focused, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def press_escape(dialog: QWidget) -> None:
    activate(dialog)  # the message box that was on top has closed: the form is the active window again
    focused = QApplication.focusWidget()
    assert focused is not None and focused.window() is dialog
    QTest.keyClick(focused, Qt.Key.Key_Escape)


def click_tab(tabs: QTabWidget, index: int) -> None:
    QTest.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
    assert tabs.currentIndex() == index


def click_row(view: QAbstractItemView, row: int) -> None:
    model = view.model()
    rect = view.visualRect(model.index(row, 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def press_button(view: QWidget, name: str) -> None:
    button = view.findChild(QPushButton, name)
    assert button is not None, name
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def keys(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A shortcut typed while a table (no text field of its own to undo in) has the focus."""
    view = money_view(window)
    table = view.tabs.currentWidget().findChild(QAbstractItemView)
    assert table is not None
    activate(window)
    table.setFocus()
    QTest.keyClick(table, key, modifiers)


def plain(texts: list[str]) -> list[str]:
    return [t.replace(NBSP, " ") for t in texts]


def test_line_expense_and_payment_typed_then_undone_and_redone(
    qtbot: QtBot, window: MainWindow, empty_db: Database, project: int
) -> None:
    view = money_view(window)
    stack = window.ws.undo_stack
    changes: list[int] = []
    window.ws.dataChanged.connect(lambda: changes.append(stack.index()))

    def line(dialog: BudgetLineDialog) -> None:
        assert isinstance(dialog, BudgetLineDialog)
        type_into(dialog.code_edit, "2.1")
        type_into(dialog.name_edit, "Degviela braucieniem")
        type_into(dialog.amount_edits[FundingSource.GRANT], "102,00")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_dialog(line)
    press_button(view, "line_add")
    assert "Degviela braucieniem" in column_texts(view.budget_view, 1)
    assert stack.undoText() == "Jauna budžeta pozīcija: 2.1 Degviela braucieniem"
    assert changes == [1]  # one change, one "data changed"

    # The new expense starts on the line selected on the Budžets tab, not on "no budget line".
    row = column_texts(view.budget_view, 1).index("Degviela braucieniem")
    click_row(view.budget_view, row)
    with empty_db.session() as s:
        [fuel] = [b for b in finance.list_budget(s, project) if b.code == "2.1"]
    click_tab(view.tabs, 1)
    seen: list[ExpenseDialog] = []

    def expense(dialog: ExpenseDialog) -> None:
        assert isinstance(dialog, ExpenseDialog)
        seen.append(dialog)
        assert dialog.line_combo.currentData() == fuel.id
        type_into(dialog.date_edit, "12.06.2023")
        type_into(dialog.supplier_edit, "SIA “Ķekavas degviela”")
        type_into(dialog.amount_edit, "45,50")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_dialog(expense)
    press_button(view, "expense_add")
    assert seen and view.ledger.rowCount() == 1
    assert stack.undoText() == "Jauns izdevums: SIA “Ķekavas degviela” 45,50\u00a0€"

    click_tab(view.tabs, 2)

    def payment(dialog: PaymentDialog) -> None:
        assert isinstance(dialog, PaymentDialog)
        type_into(dialog.date_edit, "20.03.2023")
        type_into(dialog.amount_edit, "300")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_dialog(payment)
    press_button(view, "payment_add")
    assert view.payments.rowCount() == 1
    assert "saņemts: 300,00 €" in plain([view.money_label.text()])[0]
    assert changes == [1, 2, 3]

    # Ctrl+Z three times: payment, expense, line go, and the view follows each step.
    keys(window, Qt.Key.Key_Z, CTRL)
    assert view.payments.rowCount() == 0 and "saņemts: 0,00 €" in plain([view.money_label.text()])[0]
    keys(window, Qt.Key.Key_Z, CTRL)
    assert view.ledger.rowCount() == 0
    keys(window, Qt.Key.Key_Z, CTRL)
    assert "Degviela braucieniem" not in column_texts(view.budget_view, 1)
    assert not stack.canUndo() and changes == [1, 2, 3, 2, 1, 0]

    # Ctrl+Shift+Z three times: all back; the expense is booked on the line created again (under a new id).
    for _ in range(3):
        keys(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "Degviela braucieniem" in column_texts(view.budget_view, 1)
    assert view.ledger.rowCount() == 1 and view.payments.rowCount() == 1
    with empty_db.session() as s:
        [fuel] = [b for b in finance.list_budget(s, project) if b.code == "2.1"]
        [spent] = finance.list_expenses(s, project)
    assert spent.budget_line_id == fuel.id and fuel.spent == D("45.50")


def test_deleting_a_line_is_undone_with_its_expenses_booked_on_it_again(
    qtbot: QtBot, window: MainWindow, empty_db: Database, project: int
) -> None:
    view = money_view(window)
    click_row(view.budget_view, column_texts(view.budget_view, 1).index("Vadītājas atlīdzība"))
    click_tab(view.tabs, 1)

    def expense(dialog: ExpenseDialog) -> None:
        type_into(dialog.date_edit, "02.05.2023")
        type_into(dialog.amount_edit, "250")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_dialog(expense)
    press_button(view, "expense_add")
    click_tab(view.tabs, 0)
    click_row(view.budget_view, column_texts(view.budget_view, 1).index("Vadītājas atlīdzība"))
    asked: list[str] = []
    answer_message("Dzēst", asked)
    press_button(view, "line_delete")
    assert asked[0] == "Dzēst budžeta pozīciju “1.1 Vadītājas atlīdzība”?"
    assert "1 izdevumu ieraksts paliks uzskaitē bez pozīcijas" in asked[1] and "Ctrl+Z" in asked[1]
    assert "Vadītājas atlīdzība" not in column_texts(view.budget_view, 1)
    with empty_db.session() as s:
        assert [e.budget_line_id for e in finance.list_expenses(s, project)] == [None]

    keys(window, Qt.Key.Key_Z, CTRL)
    assert "Vadītājas atlīdzība" in column_texts(view.budget_view, 1)
    with empty_db.session() as s:
        [line] = finance.list_budget(s, project)
        assert [e.budget_line_id for e in finance.list_expenses(s, project)] == [line.id]
    assert line.spent == D("250.00")


def test_esc_on_a_changed_expense_form_asks_first(qtbot: QtBot, window: MainWindow, empty_db: Database) -> None:
    view = money_view(window)
    click_tab(view.tabs, 1)
    outcome: list[str] = []

    def expense(dialog: ExpenseDialog) -> None:
        assert isinstance(dialog, ExpenseDialog)
        # Required fields carry the asterisk, as in every other form.
        captions = {w.text() for w in dialog.findChildren(type(dialog.required_note)) if w.text().endswith(" *")}
        assert {"Dokumenta datums *", "Summa, € *"} <= captions
        type_into(dialog.amount_edit, "99,99")
        answer_message("Turpināt labot")
        press_escape(dialog)
        outcome.append("open" if dialog.isVisible() else "closed")
        assert dialog.amount_edit.text() == "99,99"  # nothing typed was lost
        answer_message("Nesaglabāt")
        press_escape(dialog)
        outcome.append("open" if dialog.isVisible() else "closed")

    on_dialog(expense)
    press_button(view, "expense_add")
    assert outcome == ["open", "closed"]
    assert view.ledger.rowCount() == 0 and not window.ws.undo_stack.canUndo()


def test_a_budget_below_the_project_s_cost_is_named_on_the_overview_and_the_budget(
    qtbot: QtBot, empty_db: Database, settings: Settings
) -> None:
    with empty_db.session() as s:
        pid = projects.create_project(s, project_input(total_cost=D("22222.22"), grant_amount=D("20000.00"))).id
    wire_features()
    window = make_window(qtbot, empty_db, settings)
    window.open_project(pid, "budget")
    view = money_view(window)

    def line(dialog: BudgetLineDialog) -> None:
        type_into(dialog.code_edit, "1.1")
        type_into(dialog.name_edit, "Vadītāja")
        type_into(dialog.amount_edits[FundingSource.GRANT], "5200")
        type_into(dialog.amount_edits[FundingSource.OWN], "1000")
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    on_dialog(line)
    press_button(view, "line_add")
    shown = view.budget_warnings.text().replace(NBSP, " ")
    assert "Budžeta kopsumma 6 200,00 € nesakrīt ar projekta kopējām izmaksām 22 222,22 €." in shown
    window.project_page.show_section("overview")
    overview = window.project_page.overview
    attention = overview.warnings.text().replace(NBSP, " ")
    assert "kopsumma 6 200,00 € nesakrīt ar projekta kopējām izmaksām 22 222,22 €." in attention
    assert "finansējums 5 200,00 € nesakrīt ar piešķirto finansējumu 20 000,00 €." in attention
    # One figure per concept: the co-financing read from the budget, as the report prints it.
    assert overview.facts.values["cofinancing"].text().replace(NBSP, " ") == "1 000,00 € (pēc budžeta)"
