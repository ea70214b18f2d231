"""Budget vs actual to the cent: per line, category and source; ineligible spending and credit notes; the
reallocation check against the funder profile's limit; editing and deleting lines, expenses and payments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto import BudgetLineInput, ExpenseInput, PaymentInput, ProjectDetail
from projektu_vadiba.core.errors import NotFoundError, ValidationError
from projektu_vadiba.core.models import FundingSource, PaymentKind, ProjectStatus
from projektu_vadiba.core.services import finance, projects
from projektu_vadiba.core.services.money_summary import money_summary, percent
from tests.core.factories import project_input

GRANT, OWN, MUNI = FundingSource.GRANT, FundingSource.OWN, FundingSource.MUNICIPALITY
D = Decimal


def _plain(text: str) -> str:
    """Messages keep "1 234,56 €" together with no-break spaces; tests compare with plain ones."""
    return text.replace("\u00a0", " ")


def _line(s, pid: int, code: str, category: str, **amounts: str) -> int:  # type: ignore[no-untyped-def]
    data = BudgetLineInput(category, code, f"Pozīcija {code}", {FundingSource(k): D(v) for k, v in amounts.items()})
    return finance.create_budget_line(s, pid, data).id


def _spend(s, pid: int, line: int | None, amount: str, **kw: object) -> None:  # type: ignore[no-untyped-def]
    finance.add_expense(s, pid, ExpenseInput(date=date(2023, 5, 2), amount=D(amount), budget_line_id=line, **kw))  # type: ignore[arg-type]


@pytest.fixture
def budget(db: Database, project: ProjectDetail) -> dict[str, int]:
    """SIF profile (limit 15 %): personnel 1 000 + 333,33; services 500 (grant 400, municipality 100)."""
    with db.session() as s:
        return {
            "1.1": _line(s, project.id, "1.1", "personnel", grant="1000.00"),
            "1.2": _line(s, project.id, "1.2", "personnel", grant="300.00", own="33.33"),
            "3.1": _line(s, project.id, "3.1", "services", grant="400.00", municipality="100.00"),
        }


def test_no_expenses_gives_zeros_not_errors(db: Database, project: ProjectDetail, budget: dict[str, int]) -> None:
    with db.session() as s:
        m = money_summary(s, project.id)
    assert (m.planned, m.spent, m.variance, m.ineligible, m.payments_received) == (D("1833.33"), 0, D("1833.33"), 0, 0)
    assert [c.key for c in m.categories][:6] == ["personnel", "travel", "services", "materials", "publicity",
                                                  "administration"]  # fmt: skip
    assert m.category("personnel").planned == D("1333.33")
    assert m.category("personnel").planned_by_source[OWN] == D("33.33")
    assert m.category("travel").spent_percent is None  # nothing planned, nothing to divide by
    assert m.spent_percent == D("0.00")
    assert m.ledger == () and m.payments == ()
    # The project (2023) has ended, so the underspending beyond 15 % is reported; nothing else.
    assert {w.kind for w in m.warnings} == {"under_limit"}


def test_exact_cents_ineligible_and_credit_notes(db: Database, project: ProjectDetail, budget: dict[str, int]) -> None:
    with db.session() as s:
        for _ in range(10):  # 10 x 0,10 is not 1,0 in float
            _spend(s, project.id, budget["1.1"], "0.10")
        _spend(s, project.id, budget["1.1"], "999.99", eligible=False)
        _spend(s, project.id, budget["1.1"], "-0.05", description="Kredītrēķins")
        _spend(s, project.id, budget["3.1"], "333.33", source=MUNI)
        _spend(s, project.id, budget["3.1"], "166.67")
        _spend(s, project.id, None, "12.34")  # on no budget line
        finance.add_payment(s, project.id, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 10), D("1000.00")))
    with db.session() as s:
        m = money_summary(s, project.id)
        ledger = finance.list_expenses(s, project.id)
    eligible = sum((e.amount for e in ledger if e.eligible), D(0))
    assert m.spent == eligible == D("513.29")
    assert m.ineligible == D("999.99")
    assert m.credit_notes == D("-0.05")
    assert m.unassigned_spent == D("12.34")
    assert m.category("personnel").spent == D("0.95")
    assert m.category("services").spent == D("500.00")
    assert m.category("services").variance == D("0.00")
    assert m.category("").label == "Bez budžeta pozīcijas"
    assert sum((c.spent for c in m.categories), D(0)) == m.spent
    assert sum((c.planned for c in m.categories), D(0)) == m.planned
    by_source = {x.source: x for x in m.sources}
    assert by_source[GRANT].spent == D("179.96") and by_source[MUNI].spent == D("333.33")
    assert by_source[GRANT].planned == D("1700.00") and by_source[MUNI].planned == D("100.00")
    assert sum((x.spent for x in m.sources), D(0)) == m.spent
    assert m.payments_received == D("1000.00")
    assert m.cash_balance == D("1000.00") - D("179.96")
    assert m.grant_awarded == D("1700.00")  # the project has no grant amount: the budget's grant is used
    assert [r.number for r in m.ledger] == list(range(1, 16))
    assert any(w.kind == "unassigned" and "12,34" in w.message for w in m.warnings)
    line = next(ln for ln in m.category("personnel").lines if ln.line.code == "1.1")
    assert line.spent == D("0.95") and line.variance == D("999.05") and line.spent_percent == D("0.10")
    assert all(isinstance(x, Decimal) for x in (m.spent, m.planned, m.variance, line.spent))


def test_overspending_beyond_the_limit_warns_within_it_does_not(
    db: Database, project: ProjectDetail, budget: dict[str, int]
) -> None:
    clock.set_clock(datetime(2023, 6, 1, 12, 0))  # a running project: underspending is not reported yet
    with db.session() as s:
        _spend(s, project.id, budget["3.1"], "575.00")  # +15 % exactly: allowed
        _spend(s, project.id, budget["1.1"], "1533.34")  # personnel 1 333,33 +15,0000x %: over
    with db.session() as s:
        m = money_summary(s, project.id)
    services, personnel = m.category("services"), m.category("personnel")
    assert services.deviation_percent == D("15.00") and not services.warning
    # Shown rounded (15,00 %), checked exactly: one cent more than 15 % is over the limit.
    assert personnel.deviation_percent == D("15.00") and personnel.warning_kind == "over_limit"
    # The grant pays these lines: spending above the whole plan is also spending above the planned grant.
    assert [(w.kind, w.category_key) for w in m.warnings] == [
        ("over_limit", "personnel"),
        ("total_over", None),
        ("grant_overspent", None),
    ]
    assert m.limit_percent == D("15")


def test_reallocation_warning_names_category_percent_and_limit(
    db: Database, project: ProjectDetail, budget: dict[str, int]
) -> None:
    clock.set_clock(datetime(2023, 6, 1, 12, 0))
    with db.session() as s:
        _spend(s, project.id, budget["3.1"], "600.00")  # +20 % over 500
        _spend(s, project.id, budget["1.1"], "100.00")  # far under, but the project is still running
        _spend(s, project.id, None, "5.00", eligible=False)
    with db.session() as s:
        m = money_summary(s, project.id)
    [warning] = m.warnings
    assert warning.kind == "over_limit" and warning.category_key == "services"
    message = _plain(warning.message)
    assert "“Pasākumi un pakalpojumi”" in message
    assert "20 %" in message and "15 %" in message
    assert "600,00 €" in message
    clock.set_clock(datetime(2024, 2, 1, 12, 0))  # the project has ended: underspending counts too
    with db.session() as s:
        kinds = {w.category_key: w.kind for w in money_summary(s, project.id).warnings}
    assert kinds == {"services": "over_limit", "personnel": "under_limit"}


def test_profile_without_a_limit_warns_on_any_overspending(db: Database) -> None:
    with db.session() as s:
        pid = projects.create_project(
            s, project_input(number="LAD-1", funder_name="Lauku atbalsta dienests", funder_profile="lad_leader")
        ).id
        line = _line(s, pid, "2.1", "equipment", grant="100.00")
        _spend(s, pid, line, "100.01")
        _spend(s, pid, _line(s, pid, "9.9", "kitchen", own="10.00"), "5.00")  # a key the profile lacks
        _spend(s, pid, None, "1.00")
    with db.session() as s:
        m = money_summary(s, pid)
    assert m.limit_percent == 0
    assert [c.key for c in m.categories][-2:] == ["kitchen", ""]  # unknown keys after the profile's own
    assert m.category("kitchen").label == "kitchen" and not m.category("kitchen").in_profile
    kinds = [w.kind for w in m.warnings]
    # 106,01 € of 110,00 € in total is not over the plan, but 100,01 € from a 100,00 € grant is over the grant.
    assert kinds == ["over_budget", "unassigned", "grant_overspent"]
    assert "100,01 € pret 100,00 €" in _plain(m.warnings[0].message)


def test_unplanned_category_spending_warns(db: Database, project: ProjectDetail, budget: dict[str, int]) -> None:
    clock.set_clock(datetime(2023, 6, 1, 12, 0))
    with db.session() as s:
        _spend(s, project.id, _line(s, project.id, "5.1", "publicity"), "20.00")
    with db.session() as s:
        [w] = money_summary(s, project.id).warnings
    assert w.kind == "unplanned" and "“Publicitāte”" in w.message


def test_period_limits_expenses_and_payments_not_plans(
    db: Database, project: ProjectDetail, budget: dict[str, int]
) -> None:
    with db.session() as s:
        for day, amount in ((date(2023, 4, 30), "1.00"), (date(2023, 5, 1), "2.00"), (date(2023, 6, 30), "4.00")):
            finance.add_expense(s, project.id, ExpenseInput(day, D(amount), budget["1.1"]))
        finance.add_payment(s, project.id, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 10), D("500")))
        finance.add_payment(s, project.id, PaymentInput(PaymentKind.INTERIM, date(2023, 6, 1), D("250")))
    with db.session() as s:
        m = money_summary(s, project.id, (date(2023, 5, 1), date(2023, 6, 30)))
    assert (m.spent, m.planned, m.payments_received) == (D("6.00"), D("1833.33"), D("250.00"))
    assert (m.period_from, m.period_to) == (date(2023, 5, 1), date(2023, 6, 30))
    assert {w.kind for w in m.warnings} == set()  # an interim period never reports underspending


def test_demo_projects_add_up_to_the_ledger(db: Database) -> None:
    with db.session() as s:
        fill_demo(s)
    with db.session() as s:
        for p in projects.list_projects(s):
            m = money_summary(s, p.id)
            expenses = finance.list_expenses(s, p.id)
            assert m.spent == sum((e.amount for e in expenses if e.eligible), D(0))
            assert m.ineligible == sum((e.amount for e in expenses if not e.eligible), D(0))
            for c in m.categories:
                lines = {b.id for b in finance.list_budget(s, p.id) if b.category_key == c.key}
                assert c.spent == sum((e.amount for e in expenses if e.eligible and e.budget_line_id in lines), D(0))
                assert c.variance == c.planned - c.spent
            assert m.payments_received == sum((x.amount for x in finance.list_payments(s, p.id)), D(0))


def test_percent_is_half_up_and_none_without_a_base() -> None:
    assert percent(D("1"), D("3")) == D("33.33")
    assert percent(D("2"), D("3")) == D("66.67")
    assert percent(D("1"), D("0")) is None


# ---- editing and deleting -------------------------------------------------------------------------------------


def test_update_and_delete_budget_line(db: Database, project: ProjectDetail, budget: dict[str, int]) -> None:
    with db.session() as s:
        _spend(s, project.id, budget["1.2"], "50.00")
        changed = finance.update_budget_line(
            s, budget["1.2"], BudgetLineInput("travel", "2.1", "Degviela", {GRANT: D("250.50"), MUNI: D("10")})
        )
    assert (changed.code, changed.category_key, changed.planned, changed.spent) == ("2.1", "travel", D("260.50"), 50)
    assert changed.amounts == {GRANT: D("250.50"), MUNI: D("10.00")}
    with pytest.raises(ValidationError) as err, db.session() as s:
        finance.update_budget_line(s, budget["1.1"], BudgetLineInput("travel", "2.1", "Cits", {GRANT: D("1.001")}))
    assert {p.field for p in err.value.problems} == {"code", "amount_grant"}
    with db.session() as s:
        assert finance.delete_budget_line(s, budget["1.2"]) == 1
    with db.session() as s:
        [expense] = finance.list_expenses(s, project.id)
        assert expense.budget_line_id is None  # the ledger keeps the entry
        assert [b.code for b in finance.list_budget(s, project.id)] == ["1.1", "3.1"]
    with pytest.raises(NotFoundError), db.session() as s:
        finance.delete_budget_line(s, budget["1.2"])


def test_update_and_delete_expense(db: Database, project: ProjectDetail, budget: dict[str, int]) -> None:
    with db.session() as s:
        e = finance.add_expense(s, project.id, ExpenseInput(date(2023, 5, 2), D("10.00"), budget["1.1"]))
        finance.update_expense(
            s, e.id, ExpenseInput(date(2023, 5, 3), D("12.35"), budget["3.1"], " R-7 ", "SIA “Ēdnīca”", eligible=False)
        )
    with db.session() as s:
        got = finance.get_expense(s, e.id)
    assert (got.amount, got.budget_line_id, got.document_number, got.eligible) == (
        D("12.35"),
        budget["3.1"],
        "R-7",
        False,
    )
    with pytest.raises(ValidationError) as err, db.session() as s:
        finance.update_expense(s, e.id, ExpenseInput(date(2023, 5, 3), D("0"), paid_on=date(2023, 5, 1)))
    assert {p.field for p in err.value.problems} == {"amount", "paid_on"}
    with db.session() as s:
        assert finance.get_expense(s, e.id).amount == D("12.35")  # nothing saved
        finance.delete_expense(s, e.id)
    with db.session() as s:
        assert finance.list_expenses(s, project.id) == []


def test_update_and_delete_payment(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        p = finance.add_payment(s, project.id, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 10), D("100")))
        changed = finance.update_payment(s, p.id, PaymentInput(PaymentKind.FINAL, date(2024, 1, 5), D("99.99"), "Gala"))
    assert (changed.kind, changed.amount, changed.note) == (PaymentKind.FINAL, D("99.99"), "Gala")
    with pytest.raises(ValidationError, match="lielākai par nulli"), db.session() as s:
        finance.update_payment(s, p.id, PaymentInput(PaymentKind.FINAL, date(2024, 1, 5), D("0")))
    with db.session() as s:
        finance.delete_payment(s, p.id)
        assert finance.list_payments(s, project.id) == []


def test_a_closed_project_reports_underspending_even_before_its_end(db: Database) -> None:
    clock.set_clock(datetime(2023, 6, 1, 12, 0))
    with db.session() as s:
        pid = projects.create_project(s, project_input(status=ProjectStatus.CLOSED)).id
        _line(s, pid, "1.1", "personnel", grant="100.00")
    with db.session() as s:
        [w] = money_summary(s, pid).warnings
    assert w.kind == "under_limit" and "100 %" in _plain(w.message)
