"""One figure per concept in the report: the final report's project data shows the total cost, grant and
co-financing the overview shows (core.services.project_figures), read back from the PDF."""

from __future__ import annotations

from decimal import Decimal

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services.money_format import eur
from projektu_vadiba.core.services.overview import project_overview
from projektu_vadiba.reports.final_report import ReportOptions, build_report_pdf, gather
from tests.reports.pdftools import pdftotext_pages
from tests.reports.report_sample import make_report_project


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_report_shows_the_overview_s_cost_grant_and_co_financing(db: Database) -> None:
    with db.session() as s:
        pid = make_report_project(s, "sif_nvo_fonds").project_id
        figures = project_overview(s, pid).figures
        data, lists = gather(s, pid, None, with_lists=False)
    text = _flat(" ".join(pdftotext_pages(build_report_pdf(data, ReportOptions(), lists).data)))
    # No co-financing entries, money planned from other sources: the overview once said 0,00 €, the report not.
    assert figures.cofinancing > Decimal(0) and figures.cofinancing_from_budget
    for label, value in (
        ("Projekta kopējās izmaksas", figures.total_cost),
        ("Finansētāja finansējums", figures.grant),
        ("Līdzfinansējums", figures.cofinancing),
    ):
        assert f"{label} {_flat(eur(value))}" in text, (label, value)
