"""One figure per concept: the overview, the budget summary and the report read a project's total cost, grant and
co-financing through one rule; the budget is checked against the project's cost and grant, and grant spending
against the grant."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import BudgetLineInput, ExpenseInput
from projektu_vadiba.core.models import FundingSource
from projektu_vadiba.core.services import finance, projects
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.overview import WarningKind, project_overview
from projektu_vadiba.core.services.project_figures import FigureWarningKind, project_figures
from tests.core.factories import project_input

GRANT, OWN, MUNI = FundingSource.GRANT, FundingSource.OWN, FundingSource.MUNICIPALITY
D = Decimal


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _project(db: Database, planned: dict[FundingSource, str], *, total: str = "0", grant: str = "0") -> int:
    """A project with one budget line planned from the given sources; the project's own cost and grant typed."""
    with db.session() as s:
        pid = projects.create_project(s, project_input(total_cost=D(total), grant_amount=D(grant))).id
        amounts = {k: D(v) for k, v in planned.items()}
        finance.create_budget_line(s, pid, BudgetLineInput("services", "3.1", "Ēdināšana", amounts))
    return pid


def test_co_financing_from_the_budget_is_the_same_on_the_overview_and_in_the_money_summary(db: Database) -> None:
    pid = _project(db, {GRANT: "1000.00", MUNI: "500.00"})
    with db.session() as s:
        fig = project_figures(s, pid)
        overview = project_overview(s, pid)
        summary = money_summary(s, pid)
    # No co-financing entries: the budget's non-grant sources are the co-financing, everywhere.
    assert (fig.cofinancing, fig.cofinancing_from_budget) == (D("500.00"), True)
    assert [(p.source, p.amount) for p in fig.cofinancing_parts] == [(MUNI, D("500.00"))]
    assert overview.figures == fig
    assert fig.total_cost == D("1500.00") == summary.planned  # no cost typed on the project: the budget's total
    assert fig.grant == summary.grant_awarded == D("1000.00")
    assert fig.warnings == () and fig.unallocated == D("0.00")


def test_co_financing_entries_win_over_the_budget(db: Database) -> None:
    pid = _project(db, {GRANT: "1000.00", MUNI: "500.00"})
    with db.session() as s:
        projects.add_cofinancing(s, pid, OWN, D("300.00"), "", "")
        fig = project_figures(s, pid)
    assert (fig.cofinancing, fig.cofinancing_from_budget) == (D("300.00"), False)
    assert [(p.source, p.amount) for p in fig.cofinancing_parts] == [(OWN, D("300.00"))]


def test_a_budget_that_disagrees_with_the_project_warns_everywhere(db: Database) -> None:
    pid = _project(db, {GRANT: "5200.00", OWN: "1000.00"}, total="22222.22", grant="20000.00")
    with db.session() as s:
        fig = project_figures(s, pid)
        overview = project_overview(s, pid)
        summary = money_summary(s, pid)
    assert [(w.kind, w.figure, w.expected) for w in fig.warnings] == [
        (FigureWarningKind.BUDGET_VS_COST, D("6200.00"), D("22222.22")),
        (FigureWarningKind.BUDGET_VS_GRANT, D("5200.00"), D("20000.00")),
    ]
    assert _plain(fig.messages[0]) == "Budžeta kopsumma 6 200,00 € nesakrīt ar projekta kopējām izmaksām 22 222,22 €."
    assert fig.total_cost == D("22222.22") and fig.grant == D("20000.00")  # the project's own figures win
    money = [w for w in overview.warnings if w.kind is WarningKind.MONEY]
    assert [(w.subject, w.achieved, w.expected) for w in money] == [
        ("budget_vs_cost", D("6200.00"), D("22222.22")),
        ("budget_vs_grant", D("5200.00"), D("20000.00")),
    ]
    assert set(fig.messages) <= set(summary.messages)  # the budget view shows them too


def test_grant_spending_above_the_grant_warns(db: Database) -> None:
    pid = _project(db, {GRANT: "1000.00", OWN: "500.00"}, total="1500.00", grant="1000.00")
    with db.session() as s:
        line = finance.list_budget(s, pid)[0].id
        finance.add_expense(s, pid, ExpenseInput(date(2023, 5, 2), D("900.00"), line))
        assert project_figures(s, pid).warnings == ()  # within the grant, budget agrees with the project
        finance.add_expense(s, pid, ExpenseInput(date(2023, 5, 3), D("150.00"), line))
        finance.add_expense(s, pid, ExpenseInput(date(2023, 5, 4), D("400.00"), line, source=OWN))  # not the grant
        fig = project_figures(s, pid)
        summary = money_summary(s, pid)
    assert [(w.kind, w.figure, w.expected) for w in fig.warnings] == [
        (FigureWarningKind.GRANT_OVERSPENT, D("1050.00"), D("1000.00"))
    ]
    assert fig.grant_spent == summary.grant_spent == D("1050.00")
    assert "par 50,00 €" in _plain(fig.messages[0]) and fig.messages[0] in summary.messages


def test_without_a_grant_typed_spending_above_the_planned_grant_warns(db: Database) -> None:
    pid = _project(db, {GRANT: "17285.00", OWN: "1000.00"}, total="0.00", grant="0.00")
    with db.session() as s:
        line = finance.list_budget(s, pid)[0].id
        finance.add_expense(s, pid, ExpenseInput(date(2023, 5, 2), D("18083.50"), line))
        fig = project_figures(s, pid)
    assert [(w.kind, w.figure, w.expected) for w in fig.warnings] == [
        (FigureWarningKind.GRANT_OVERSPENT, D("18083.50"), D("17285.00"))
    ]
    assert "budžetā plānotie 17 285,00 € (par 798,50 €)" in _plain(fig.messages[0])
