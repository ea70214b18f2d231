"""LEADER's annex promises supporting documents: the report lists every file filed with the project (in the
period for an interim claim), and the first page carries the EU emblem slot with the LAD and LEADER logos."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.funders import load_profile
from projektu_vadiba.core.services import attachments, finance
from projektu_vadiba.core.services.attachments import Owner
from projektu_vadiba.reports.common import funder_logos
from projektu_vadiba.reports.final_report import ReportOptions, build_report_pdf, gather
from tests.reports.pdftools import pdftotext_pages
from tests.reports.report_sample import make_report_project


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    yield tmp_path


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(pdftotext_pages(pdf)).split())


def test_leader_report_lists_the_supporting_documents(data_dir: Path) -> None:
    db = open_database(f"sqlite:///{data_dir / 'x.sqlite'}")
    try:
        with db.session() as s:
            sample = make_report_project(s, "lad_leader")
            expense = finance.list_expenses(s, sample.project_id)[0]
            event_id = next(iter(sample.events.values()))
            invoice, photo = data_dir / "Rēķins Nr. 15.pdf", data_dir / "Talka.jpg"
            invoice.write_bytes(b"%PDF-1.4 invoice")
            photo.write_bytes(b"\xff\xd8 photo")
            attachments.add(s, invoice, Owner(sample.project_id, expense_id=expense.id), kind="invoice",
                            description="Apmaksāts 12.05.", date=dt.date(2023, 5, 10))  # fmt: skip
            attachments.add(s, photo, Owner(sample.project_id, event_id=event_id), kind="photo",
                            date=dt.date(2023, 9, 2))  # fmt: skip
            final, _ = gather(s, sample.project_id)
            interim, _ = gather(s, sample.project_id, (dt.date(2023, 3, 1), dt.date(2023, 6, 30)))
    finally:
        db.close()
    assert [(d.number, d.kind, d.name) for d in final.documents] == [
        (1, "invoice", "Rēķins Nr. 15.pdf"),
        (2, "photo", "Talka.jpg"),
    ]
    assert final.documents[0].subject.startswith(expense.document_number)
    assert [d.name for d in interim.documents] == ["Rēķins Nr. 15.pdf"]  # the claim's period only
    text = _text(build_report_pdf(final, ReportOptions(draft=True)).data)
    assert "Attaisnojuma dokumenti" in text
    assert "rēķins Rēķins Nr. 15.pdf; Apmaksāts 12.05." in text and "foto Talka.jpg" in text
    assert [logo.path.name for logo in funder_logos(load_profile("lad_leader")) if logo.path] == [
        "eu_eafrd.png",
        "lad.png",
        "leader.png",
    ]


def test_other_funders_reports_list_no_documents(data_dir: Path) -> None:
    db = open_database(f"sqlite:///{data_dir / 'x.sqlite'}")
    try:
        with db.session() as s:
            data, _ = gather(s, make_report_project(s, "sif_nvo_fonds").project_id)
    finally:
        db.close()
    assert data.documents == () and "Attaisnojuma dokumenti" not in _text(build_report_pdf(data).data)
