"""The financial XLSX read back with openpyxl: layout, exact amounts, formulas for every total; and recalculated
by LibreOffice (when installed) to the same sums, to the cent, as the ledger's Decimal sums."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto import BudgetLineInput, ExpenseInput, PaymentInput
from projektu_vadiba.core.models import FundingSource, PaymentKind
from projektu_vadiba.core.services import finance, projects
from projektu_vadiba.core.services.money_dto import MoneySummary
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.reports.financial_xlsx import write_financial_xlsx
from tests.core.factories import project_input

openpyxl = pytest.importorskip("openpyxl")

D = Decimal
SHEETS = ["Budžets", "Izdevumi", "Maksājumi", "Kopsavilkums"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One SIF project with lines in two categories, a credit note, ineligible and unassigned spending, payments;
    a second project with a budget and nothing spent."""
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('xlsx') / 'pv.sqlite'}")
    with db.session() as s:
        pid = projects.create_project(s, project_input(title="Ceļa karte Ķekavas, Baldones un Daugmales kopienām")).id
        lines = {}
        for code, cat, name, amounts in (
            ("1.1", "personnel", "Projekta vadītājas atlīdzība", {"grant": "5200.00", "own": "520.00"}),
            ("1.2", "personnel", "Eksperta atlīdzība", {"grant": "3600.00"}),
            ("3.1", "services", "Kafijas pauzes (ēdināšana)", {"grant": "700.00", "municipality": "140.00"}),
        ):
            data = BudgetLineInput(cat, code, name, {FundingSource(k): D(v) for k, v in amounts.items()},
                                   unit="mēn.", quantity=D(1), unit_cost=D("0"))  # fmt: skip
            lines[code] = finance.create_budget_line(s, pid, data).id
        for n, (line, amount, eligible, source) in enumerate(
            [
                ("1.1", "520.00", True, "grant"),
                ("1.1", "520.01", True, "own"),
                ("1.2", "1800.33", True, "grant"),
                ("1.2", "-0.33", True, "grant"),  # credit note
                ("3.1", "0.10", True, "grant"),
                ("3.1", "0.20", True, "municipality"),
                ("3.1", "38.50", False, "own"),  # flowers: not eligible
                (None, "12.34", True, "grant"),  # on no budget line
            ],
            start=1,
        ):
            finance.add_expense(
                s,
                pid,
                ExpenseInput(date(2023, 4, n), D(amount), lines[line] if line else None, f"Rēķ. Nr. {n:03d}",
                             "SIA “Ēdiens un Ko”", "Kafijas pauzes ar ķiršu pīrāgu", eligible,
                             date(2023, 4, n + 1), FundingSource(source)),
            )  # fmt: skip
        finance.add_payment(s, pid, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 20), D("7040.00"), "Avanss 80 %"))
        finance.add_payment(s, pid, PaymentInput(PaymentKind.FINAL, date(2024, 2, 1), D("1000.01")))
        empty = projects.create_project(s, project_input(number="2023.LV/NVOF/MIC/001", title="Tukšs")).id
        data = BudgetLineInput("travel", "2.1", "Degviela", {FundingSource.GRANT: D("100.00")})
        finance.create_budget_line(s, empty, data)
    yield db
    db.close()


def _ids(db: Database) -> list[int]:
    with db.session() as s:
        return [p.id for p in sorted(projects.list_projects(s), key=lambda p: p.title)]


@pytest.fixture(scope="module")
def summary(database: Database) -> MoneySummary:
    with database.session() as s:
        return money_summary(s, _ids(database)[0])


@pytest.fixture(scope="module")
def workbook_path(summary: MoneySummary, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_financial_xlsx(summary, tmp_path_factory.mktemp("out") / "finanses.xlsx")


def _find(ws: Any, column: int, text: str) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == text:
            return row
    raise AssertionError(f"{text!r} not in column {column} of {ws.title}")


def _money(value: Any) -> Decimal:
    """A number read back (int, float or decimal text) rounded to the cent, compared as Decimal."""
    return D(str(value)).quantize(D("0.01"))


def test_layout_sheets_headers_formats(workbook_path: Path) -> None:
    wb = openpyxl.load_workbook(workbook_path)
    assert wb.sheetnames == SHEETS
    assert wb.calculation.fullCalcOnLoad
    budget = wb["Budžets"]
    assert budget["A1"].value == "Budžets un izlietojums — 2023.LV/NVOF/MAC/041/58"
    assert "Ķekavas, Baldones un Daugmales" in budget["A2"].value
    assert budget.freeze_panes == "C5" and wb["Izdevumi"].freeze_panes == "A5"
    headers = [c.value for c in budget[4]]
    assert headers[:6] == ["Kods", "Budžeta pozīcija", "Mērvienība", "Daudzums", "Vienības cena",
                           "Finansētāja finansējums"]  # fmt: skip
    assert all(c.font.bold for c in budget[4] if c.value)
    assert budget.column_dimensions["B"].width >= 40
    row = _find(budget, 1, "1.1")
    assert budget.cell(row=row, column=2).value == "Projekta vadītājas atlīdzība"
    assert budget.cell(row=row, column=11).number_format == '#,##0.00 "€"'
    assert budget.cell(row=row, column=13).number_format == "0.0%"
    ledger = wb["Izdevumi"]
    assert ledger.cell(row=5, column=2).number_format == "DD.MM.YYYY"
    assert ledger.cell(row=5, column=4).value == "SIA “Ēdiens un Ko”"
    assert ledger.cell(row=5, column=5).value == "Kafijas pauzes ar ķiršu pīrāgu"


def test_amounts_are_exact_and_totals_are_formulas(workbook_path: Path, summary: MoneySummary) -> None:
    wb = openpyxl.load_workbook(workbook_path)
    budget = wb["Budžets"]
    for c in summary.categories:
        for ln in c.lines:
            row = _find(budget, 1, ln.line.code)
            # "Spent" is summed from the ledger by the line's code: an accountant's correction there follows.
            assert str(budget.cell(row=row, column=11).value).startswith("=ROUND(SUMPRODUCT(('Izdevumi'!$F$5:")
            assert f"=$A{row})" in str(budget.cell(row=row, column=11).value)
            assert budget.cell(row=row, column=10).value == f"=ROUND(SUM(F{row}:I{row}),2)"
        sub = _find(budget, 2, f"Kopā: {c.label}") if c.lines or c.spent else None
        if sub is not None:
            assert str(budget.cell(row=sub, column=11).value).startswith("=ROUND(SUM(K")
    total = _find(budget, 2, "KOPĀ")
    assert str(budget.cell(row=total, column=10).value).startswith("=ROUND(SUM(J")
    ledger = wb["Izdevumi"]
    amounts = [_money(ledger.cell(row=r, column=9).value) for r in range(5, 5 + len(summary.ledger))]
    assert amounts == [r.expense.amount for r in summary.ledger]
    assert ledger.cell(row=_find(ledger, 8, "Attiecināmie izdevumi"), column=9).value.startswith("=ROUND(SUMIF(")
    assert wb["Kopsavilkums"]["B5"].value.startswith("='Budžets'!J")


def _recalculated(paths: list[Path], out: Path) -> list[Path]:
    """LibreOffice opens each workbook, recalculates every formula and saves it again (with cached values)."""
    assert SOFFICE is not None
    profile = out / "lo-profile"  # its own profile: a LibreOffice already running elsewhere cannot interfere
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx", "--outdir",
         str(out / "calc"), *map(str, paths)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    converted = [out / "calc" / p.name for p in paths]
    assert all(p.is_file() for p in converted)
    return converted


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
def test_libreoffice_recalculates_to_the_ledgers_sums(
    database: Database, summary: MoneySummary, workbook_path: Path, tmp_path: Path
) -> None:
    with database.session() as s:
        empty = money_summary(s, _ids(database)[1])
        ledger = finance.list_expenses(s, summary.project_id)
    empty_path = write_financial_xlsx(empty, tmp_path / "tukss.xlsx")
    full, blank = _recalculated([workbook_path, empty_path], tmp_path)
    wb = openpyxl.load_workbook(full, data_only=True)
    budget, book, led = wb["Budžets"], wb["Kopsavilkums"], wb["Izdevumi"]
    for c in summary.categories:
        sub = _find(budget, 2, f"Kopā: {c.label}") if (c.lines or c.spent) else None
        if sub is None:
            continue
        lines = {ln.line.id for ln in c.lines}
        by_ledger = sum((e.amount for e in ledger if e.eligible and (e.budget_line_id in lines or
                         (not c.key and e.budget_line_id is None))), D(0))  # fmt: skip
        assert _money(budget.cell(row=sub, column=11).value) == by_ledger == c.spent
        assert _money(budget.cell(row=sub, column=10).value) == c.planned
        assert _money(budget.cell(row=sub, column=12).value) == c.variance
        row = _find(book, 1, c.label)
        assert (_money(book.cell(row=row, column=2).value), _money(book.cell(row=row, column=3).value)) == (
            c.planned,
            c.spent,
        )
    total = _find(budget, 2, "KOPĀ")
    eligible = sum((e.amount for e in ledger if e.eligible), D(0))
    assert _money(budget.cell(row=total, column=11).value) == eligible == summary.spent == D("2852.65")
    assert _money(budget.cell(row=total, column=10).value) == summary.planned
    assert _money(led.cell(row=_find(led, 8, "Neattiecināmie izdevumi"), column=9).value) == D("38.50")
    for src in summary.sources:
        row = _find(book, 1, src.label)
        assert _money(book.cell(row=row, column=2).value) == src.planned
        assert _money(book.cell(row=row, column=3).value) == src.spent
    assert _money(book.cell(row=_find(book, 1, "Saņemts kopā"), column=2).value) == D("8040.01")
    assert _money(book.cell(row=_find(book, 1, "Neattiecināmie izdevumi"), column=2).value) == D("38.50")
    grant = summary.sources[0].spent
    balance = book.cell(row=_find(book, 1, "Saņemts − izlietots (atlikums)"), column=2).value
    assert _money(balance) == D("8040.01") - grant == summary.cash_balance
    # Nothing spent: every total recalculates to zero, none to an error.
    wb = openpyxl.load_workbook(blank, data_only=True)
    budget = wb["Budžets"]
    total = _find(budget, 2, "KOPĀ")
    assert (_money(budget.cell(row=total, column=10).value), _money(budget.cell(row=total, column=11).value)) == (
        D("100.00"),
        D("0.00"),
    )
    errors = [
        (ws.title, c.coordinate, c.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("#")
    ]
    assert errors == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
def test_ledger_corrections_flow_into_every_total_to_the_cent(
    summary: MoneySummary, workbook_path: Path, tmp_path: Path
) -> None:
    """An accountant corrects two ledger amounts by hand; after LibreOffice recalculates, the line, category,
    source and grand totals agree with the ledger to the cent, and no money cell carries a float tail."""
    wb = openpyxl.load_workbook(workbook_path)
    led, budget = wb["Izdevumi"], wb["Budžets"]
    eligible = [r for r in range(5, 5 + len(summary.ledger)) if led.cell(row=r, column=10).value == "Jā"]
    first, second = eligible[0], eligible[-1]
    corrected = {first: D("0.07"), second: D("1234.56")}
    for row, amount in corrected.items():
        led.cell(row=row, column=9).value = float(amount)
    edited = tmp_path / "labots.xlsx"
    wb.save(edited)
    [recalculated] = _recalculated([edited], tmp_path)
    wb = openpyxl.load_workbook(recalculated, data_only=True)
    led, budget, book = wb["Izdevumi"], wb["Budžets"], wb["Kopsavilkums"]
    rows = range(5, 5 + len(summary.ledger))
    amounts = {r: corrected.get(r, _money(led.cell(row=r, column=9).value)) for r in rows}
    eligible_rows = [r for r in rows if led.cell(row=r, column=10).value == "Jā"]
    by_line: dict[str, D] = {}
    for r in eligible_rows:
        code = led.cell(row=r, column=6).value or ""
        by_line[code] = by_line.get(code, D(0)) + amounts[r]
    for c in summary.categories:
        for ln in c.lines:
            row = _find(budget, 1, ln.line.code)
            assert _money(budget.cell(row=row, column=11).value) == by_line.get(ln.line.code, D(0)), ln.line.code
    total_spent = sum((amounts[r] for r in eligible_rows), D(0))
    assert _money(budget.cell(row=_find(budget, 2, "KOPĀ"), column=11).value) == total_spent
    category_rows = [_find(book, 1, c.label) for c in summary.categories if c.lines or c.spent]
    assert sum((_money(book.cell(row=r, column=3).value) for r in category_rows), D(0)) == total_spent
    assert _money(led.cell(row=_find(led, 8, "Attiecināmie izdevumi"), column=9).value) == total_spent
    tails = [
        (ws.title, c.coordinate, c.value)
        for ws in wb.worksheets
        for line in ws.iter_rows()
        for c in line
        if isinstance(c.value, float) and "€" in c.number_format and D(str(c.value)) != _money(c.value)
    ]
    assert tails == []


def test_report_data_is_accepted_and_demo_projects_write(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        with db.session() as s:
            fill_demo(s)
        with db.session() as s:
            for p in projects.list_projects(s):
                data = final_report_data(s, p.id)
                path = write_financial_xlsx(data, tmp_path / f"{p.id}.xlsx")
                wb = openpyxl.load_workbook(path)
                ledger = wb["Izdevumi"]
                amounts = [_money(ledger.cell(row=5 + n, column=9).value) for n in range(len(data.financial.ledger))]
                assert sum(amounts, D(0)) == data.financial.spent + data.financial.ineligible
    finally:
        db.close()
