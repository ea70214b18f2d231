"""The generic profile (Latviešu fonds, municipalities, foreign funds) to the level of the built-in funders: an
indicators section, the funder's publicity sentence and logo entered per project and printed on every page of every
document, the ledger numbered in payment order with the receipts' numbers (LEADER too). Read back from the PDFs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ExpenseInput
from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import FundingSource
from projektu_vadiba.core.services import finance, projects, sheets
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf
from projektu_vadiba.reports.final_report import ReportOptions, build_report_pdf, gather
from projektu_vadiba.resources import resource
from tests.reports.pdftools import image_count, pdftotext_pages
from tests.reports.report_sample import fill_texts, make_report_project
from tests.reports.sample import make_sample

pytestmark = pytest.mark.usefixtures("own_data_dir")

MUNICIPALITY = "Projektu finansē Ķekavas novada pašvaldība no līdzdalības budžeta programmas “Ķekava kopā”."


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _pdf(db: Database, pid: int) -> bytes:
    with db.session() as s:
        data, lists = gather(s, pid, None, with_lists=False)
    return build_report_pdf(data, ReportOptions(), lists).data


def _set_publicity(db: Database, pid: int, text: str, logo: bytes | None) -> None:
    with db.session() as s:
        edited = replace(projects.project_input(projects.get_project(s, pid)), publicity=text, logo=logo)
        projects.update_project(s, pid, edited)


def test_generic_report_has_an_indicators_section_and_a_ledger(db: Database) -> None:
    pid = make_report_project_in(db, "generic")
    pages = [flat(p) for p in pdftotext_pages(_pdf(db, pid))]
    whole = " ".join(pages)
    assert "Rezultāti un rādītāji: plānotie un sasniegtie" in whole
    for code in ("R1", "R2", "R8"):
        assert f"Rādītājs {code}" in whole
    assert "Izdevumu saraksts ar attaisnojuma dokumentiem" in whole
    assert "Izdevumi maksājumu secībā" in whole


def make_report_project_in(db: Database, profile: str) -> int:
    with db.session() as s:
        return make_report_project(s, profile).project_id


@pytest.mark.parametrize("profile", ["generic", "lad_leader"])
def test_ledger_is_numbered_in_payment_order_with_the_receipt_numbers(db: Database, profile: str) -> None:
    pid = make_report_project_in(db, profile)
    with db.session() as s:
        # Dated before most others, paid last; dated late, paid before it; not paid at all.
        for day, paid, number in (
            (date(2023, 4, 1), date(2023, 9, 30), "Čeks Nr. 9"),
            (date(2023, 8, 25), date(2023, 8, 26), "Rēķ. Nr. ĀŽ-1"),
            (date(2023, 5, 5), None, "Rēķ. Nr. 55"),
        ):
            finance.add_expense(
                s, pid, ExpenseInput(day, Decimal("10.00"), None, number, "SIA “Ēdnīca”", "Kafija", True, paid,
                                     FundingSource.GRANT),
            )  # fmt: skip
        summary = money_summary(s, pid)
    assert summary.ledger_order == "payment"
    paid = [r.expense.paid_on for r in summary.ledger]
    assert paid[-1] is None  # not yet paid: last
    assert paid[:-1] == sorted(p for p in paid if p is not None)
    assert [r.number for r in summary.ledger] == list(range(1, len(summary.ledger) + 1))
    order = [r.expense.document_number for r in summary.ledger]
    assert order.index("Rēķ. Nr. ĀŽ-1") < order.index("Čeks Nr. 9") < order.index("Rēķ. Nr. 55")

    text = flat(" ".join(pdftotext_pages(_pdf(db, pid))))
    rows = [text.find(f"{r.number}. ") for r in summary.ledger]
    assert "Rēķ. Nr. ĀŽ-1" in text and "Čeks Nr. 9" in text and "nav samaksāts" in text
    assert text.find("Rēķ. Nr. ĀŽ-1") < text.find("Čeks Nr. 9") < text.find("Rēķ. Nr. 55")
    assert -1 not in rows


def test_sif_keeps_its_ledger_in_date_order(db: Database) -> None:
    pid = make_report_project_in(db, "sif_nvo_fonds")
    with db.session() as s:
        summary = money_summary(s, pid)
    assert summary.ledger_order == "date"
    dates = [r.expense.date for r in summary.ledger]
    assert dates == sorted(dates)


def test_the_projects_own_publicity_and_logo_on_every_page_of_report_and_sheet(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s, "generic")
        fill_texts(s, sample.project_id, "generic")
    before_sheet, before_report = _sheet(db, sample.event_id), _pdf(db, sample.project_id)
    assert MUNICIPALITY not in flat(" ".join(pdftotext_pages(before_report)))

    _set_publicity(db, sample.project_id, MUNICIPALITY, resource("logos", "leader.png").read_bytes())
    with db.session() as s:
        detail = projects.get_project(s, sample.project_id)
    assert detail.publicity == MUNICIPALITY and detail.logo is not None

    report, sheet = _pdf(db, sample.project_id), _sheet(db, sample.event_id)
    for document in (report, sheet):
        for page in pdftotext_pages(document):
            assert flat(MUNICIPALITY) in flat(page)
    assert image_count(report) == image_count(before_report) + 1
    assert image_count(sheet) == image_count(before_sheet) + 1


def test_a_projects_sentence_replaces_the_profiles_own(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
    sif = flat(" ".join(pdftotext_pages(_sheet(db, sample.event_id))))
    assert "Sabiedrības integrācijas fonds" in sif
    _set_publicity(db, sample.project_id, MUNICIPALITY, None)
    text = flat(" ".join(pdftotext_pages(_sheet(db, sample.event_id))))
    assert flat(MUNICIPALITY) in text
    _set_publicity(db, sample.project_id, "", None)  # emptied: the profile's again
    assert flat(" ".join(pdftotext_pages(_sheet(db, sample.event_id)))) == sif


def test_a_logo_that_is_no_png_or_too_large_is_refused(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s, "generic")
    for logo, code in ((b"GIF89a....", "organisation.logo_not_png"), (b"\x89PNG\r\n\x1a\n" + bytes(3 << 20),
                                                                       "organisation.logo_too_large")):  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            _set_publicity(db, sample.project_id, MUNICIPALITY, logo)
        assert [p.code for p in caught.value.problems] == [code]
    with db.session() as s:
        assert projects.get_project(s, sample.project_id).publicity == ""  # nothing of the refused edit saved


def _sheet(db: Database, event_id: int) -> bytes:
    with db.session() as s:
        return build_attendance_pdf(sheets.event_sheets(s, event_id, SheetVariant.BLANK)).data
