"""Making one report file from a request: the UI's thin operation over core.services (data) and reports (PDF,
DOCX, XLSX). reportlab, python-docx and openpyxl are imported here, on the first report, never at the app's
start-up."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.report_dto import MissingText

FINAL, INTERIM, FINANCIAL, ANNEXES, CERTIFICATES = "final", "interim", "financial", "annexes", "certificates"
KINDS = (FINAL, INTERIM, FINANCIAL, ANNEXES, CERTIFICATES)


@dataclass(frozen=True)
class Request:
    kind: str
    date_from: date | None = None  # interim (and, optional, financial) period
    date_to: date | None = None
    with_lists: bool = False
    draft: bool = False
    lang: str = "lv"
    docx: bool = False  # the final / interim report as an editable Word document instead of a PDF

    @property
    def period(self) -> tuple[date, date] | None:
        if self.kind == INTERIM and self.date_from is not None and self.date_to is not None:
            return self.date_from, self.date_to
        return None

    @property
    def suffix(self) -> str:
        if self.kind == FINANCIAL:
            return ".xlsx"
        return ".docx" if self.docx and self.has_texts else ".pdf"

    @property
    def has_texts(self) -> bool:
        return self.kind in (FINAL, INTERIM)


@dataclass(frozen=True)
class Made:
    data: bytes
    file_name: str  # suggested
    title: str  # for a window
    pages: int  # 0 for a workbook or a Word document (Word counts its pages when it lays them out)
    draft: bool = False


def missing(db: Database, project_id: int, request: Request) -> tuple[MissingText, ...]:
    if not request.has_texts:
        return ()
    from projektu_vadiba.core.services.report_data import missing_texts

    with db.session() as s:
        return missing_texts(s, project_id, request.period, request.lang)


def make(db: Database, project_id: int, request: Request) -> Made:
    if request.kind in (FINAL, INTERIM):
        return _report(db, project_id, request)
    if request.kind == FINANCIAL:
        return _workbook(db, project_id, request)
    if request.kind == ANNEXES:
        return _lists(db, project_id, request)
    if request.kind == CERTIFICATES:
        return _certificates(db, project_id, request)
    raise ValueError(request.kind)


def _report(db: Database, project_id: int, request: Request) -> Made:
    from projektu_vadiba.reports.final_story import ReportOptions, gather, suggested_file_name

    if request.kind == INTERIM and request.period is None:
        raise AppError("Starpposma pārskatam norādiet periodu.")
    with_lists = request.with_lists and not request.docx  # the lists are signed PDF sheets, not text to edit
    with db.session() as s:
        data, lists = gather(s, project_id, request.period, with_lists=with_lists, lang=request.lang)
    title = f"{data.title} — {data.project.number}"
    if request.docx:
        from projektu_vadiba.reports.final_docx import build_report_docx

        docx = build_report_docx(data, ReportOptions(request.draft))
        return Made(docx.data, suggested_file_name(data, ".docx"), title, 0, docx.draft)
    from projektu_vadiba.reports.final_report import build_report_pdf

    pdf = build_report_pdf(data, ReportOptions(request.draft, with_lists), lists)
    return Made(pdf.data, suggested_file_name(data), title, pdf.page_count, pdf.draft)


def _workbook(db: Database, project_id: int, request: Request) -> Made:
    from projektu_vadiba.core.services.money_summary import money_summary
    from projektu_vadiba.reports.financial_xlsx import write_financial_xlsx

    with db.session() as s:
        summary = money_summary(s, project_id, None, request.lang)
    with tempfile.TemporaryDirectory() as folder:
        path = write_financial_xlsx(summary, Path(folder) / "finanses.xlsx", request.lang)
        data = path.read_bytes()
    name = _slug(f"finansu-parskats-{summary.project_number}") + ".xlsx"
    return Made(data, name, f"Finanšu pārskats — {summary.project_number}", 0)


def _lists(db: Database, project_id: int, request: Request) -> Made:
    from dataclasses import replace

    from projektu_vadiba.core.dto_sheets import SheetVariant
    from projektu_vadiba.core.services.sheets import project_sheets
    from projektu_vadiba.reports.attendance_sheet import SheetOptions, build_attendance_pdf, suggested_file_name

    with db.session() as s:
        every = project_sheets(s, project_id, SheetVariant.ATTENDED)
    sheets = replace(every, sheets=tuple(sh for sh in every.sheets if sh.registered))
    if not sheets.sheets:
        raise AppError("Nevienam projekta pasākumam vēl nav dalībnieku saraksta.")
    pdf = build_attendance_pdf(sheets, SheetOptions(lang=request.lang))
    title = f"Dalībnieku saraksti — {sheets.project.number}"
    return Made(pdf.data, suggested_file_name(sheets), title, pdf.page_count)


def _slug(text: str) -> str:
    import re

    from projektu_vadiba.core.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:90] or "parskats"


def _certificates(db: Database, project_id: int, request: Request) -> Made:
    from projektu_vadiba.core.services.certificates import certificates
    from projektu_vadiba.reports.certificate import build_certificates_pdf

    with db.session() as s:
        certs = certificates(s, project_id)
    pdf = build_certificates_pdf(certs, request.lang)
    name = _slug(f"apliecinajumi-{certs.project.number}") + ".pdf"
    return Made(pdf.data, name, f"Apliecinājumi par dalību — {certs.project.number}", pdf.pages)
