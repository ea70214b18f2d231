"""The final (or interim) report as PDF, in the funder profile's structure: its title, its parts ("I. Saturiskā
atskaite", "II. Finanšu atskaite") and numbered sections in its order, then a signature block; optionally the
lists of people who attended each event appended after it (the attendance-sheet module's annex variant).

    with db.session() as s:
        data, lists = gather(s, project_id, period=None, with_lists=True)
    pdf = build_report_pdf(data, ReportOptions(draft=False, with_lists=True), lists)
    pdf.data, pdf.page_count

A mandatory text section left empty stops the report with the Latvian message of
core.services.report_data.missing_texts_message, unless a draft is asked for: then the section shows
"[Jāaizpilda: …]" and every page is marked "MELNRAKSTS". reportlab is imported with this module (only report
making imports it). The content is final_story's, shared with the DOCX (final_docx)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.dto_sheets import SheetSet
from projektu_vadiba.core.services.report_dto import MissingText, ReportData
from projektu_vadiba.reports.final_blocks import CONTENT_WIDTH_MM
from projektu_vadiba.reports.final_page import DocInfo, PageDecor, ReportDocument
from projektu_vadiba.reports.final_story import (
    ReportOptions,
    annex_sheets,
    check_texts,
    gather,
    story,
    suggested_file_name,
)
from projektu_vadiba.reports.final_tables import flowables, make_styles
from projektu_vadiba.reports.fonts import register_fonts


@dataclass(frozen=True)
class ReportPdf:
    data: bytes
    report_pages: int
    list_pages: int  # pages of the appended lists (each list numbered on its own)
    draft: bool
    missing: tuple[MissingText, ...]

    @property
    def page_count(self) -> int:
        return self.report_pages + self.list_pages


def build_report_pdf(
    data: ReportData, options: ReportOptions | None = None, lists: SheetSet | None = None
) -> ReportPdf:
    options = options or ReportOptions()
    missing = check_texts(data, options.draft)
    fonts = register_fonts()
    appended = lists if options.with_lists and lists is not None and lists.sheets else None
    content = story(data, missing if options.draft else (), CONTENT_WIDTH_MM, appended is not None)
    labels = content.labels
    decor = PageDecor(
        project_number=f"{labels['project_number']} {data.project.number}",
        short_title=data.project.title,
        funder=data.project.funder.name,
        publicity=content.publicity,
        page_label=labels["page"],
        draft_mark=labels["draft"] if options.draft else "",
    )
    info = DocInfo(
        f"{data.title} — {data.project.title}", data.project.implementer.name, data.project.number, data.lang
    )
    document = ReportDocument(decor, data.profile, fonts, info)
    pdf, pages = document.build(flowables(content.blocks, make_styles(fonts)))
    list_pages = 0
    if appended is not None:
        from projektu_vadiba.reports.final_annex import append_lists

        pdf, list_pages = append_lists(pdf, appended, data, labels, decor.draft_mark)
    return ReportPdf(pdf, pages, list_pages, options.draft, missing)


def write_report_pdf(
    data: ReportData, path: Path, options: ReportOptions | None = None, lists: SheetSet | None = None
) -> ReportPdf:
    pdf = build_report_pdf(data, options, lists)
    atomic_files.write_bytes(path, pdf.data)  # the previous file stays whole until the new one is complete
    return pdf


__all__ = [
    "ReportOptions",
    "ReportPdf",
    "annex_sheets",
    "build_report_pdf",
    "gather",
    "suggested_file_name",
    "write_report_pdf",
]
