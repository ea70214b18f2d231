"""Appending the attended-people lists to a report: the lists are made by the attendance-sheet module (annex
variant, each list numbered "Lapa 1 no N" on its own), stamped "Pielikums Nr. N" (and "MELNRAKSTS" on a draft)
and joined to the report with pypdf, with a bookmark per list."""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from projektu_vadiba.core.dto_sheets import SheetSet
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.report_dto import ReportData
from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.attendance_sheet import SheetOptions, build_attendance_pdf
from projektu_vadiba.reports.final_labels import ReportLabels
from projektu_vadiba.reports.final_page import DRAFT_COLOUR
from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.reports.sheet_layout import PagePlan
from projektu_vadiba.reports.text import format_date, text_width

MM = st.MM


def append_lists(
    report: bytes, lists: SheetSet, data: ReportData, labels: ReportLabels, draft_mark: str
) -> tuple[bytes, int]:
    """The report followed by the lists; returns the joined PDF and the number of list pages."""
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError as exc:  # a runtime dependency; only a broken installation lacks it
        raise AppError.of("report.no_pypdf") from exc

    sheets = build_attendance_pdf(lists, SheetOptions(lang=labels.lang))
    numbers = {a.event.id: a.number for a in data.annexes}
    stamps = PdfReader(io.BytesIO(_stamps(sheets.pages, numbers, labels, draft_mark)))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(report)))
    first = len(writer.pages)
    for page, stamp in zip(PdfReader(io.BytesIO(sheets.data)).pages, stamps.pages, strict=True):
        writer.add_page(page).merge_page(stamp)  # pypdf merges only into a page of the writer
    parent = writer.add_outline_item(title=labels["annexes_lists"], page_number=first)
    titles = {sh.event.id: sh.event for sh in lists.sheets}
    for plan in sheets.pages:
        if plan.page == 1:
            event = titles[plan.event_id]
            title = f"{labels['annex']} Nr. {numbers.get(plan.event_id, '')}: {format_date(event.starts_at.date())}"
            writer.add_outline_item(title=f"{title} {event.title}", page_number=first + plan.index, parent=parent)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(sheets.pages)


def _stamps(plans: tuple[PagePlan, ...], numbers: dict[int, int], labels: ReportLabels, draft_mark: str) -> bytes:
    """One transparent page per list page: "Pielikums Nr. N" in the top margin, the draft mark across."""
    fonts = register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, initialFontName=fonts.regular, pageCompression=1)
    for plan in plans:
        width, height = plan.width_mm * MM, plan.height_mm * MM
        c.setPageSize((width, height))
        label = f"{labels['annex']} Nr. {numbers.get(plan.event_id, '')}"
        c.setFont(fonts.bold, 8.5)
        c.setFillColor(HexColor(st.MUTED))
        c.drawRightString(width - 18 * MM, height - 10 * MM, label)
        if draft_mark:
            c.saveState()
            c.setFillColor(HexColor(DRAFT_COLOUR))
            c.setFillAlpha(0.10)
            c.translate(width / 2, height / 2)
            c.rotate(52 if height > width else 30)
            size = 84.0
            while size > 30 and text_width(draft_mark, fonts.bold, size) > min(width, height) * 1.0:
                size -= 4
            c.setFont(fonts.bold, size)
            c.drawCentredString(0, -size / 3, draft_mark)
            c.restoreState()
            c.setFont(fonts.bold, 8.5)
            c.setFillColor(HexColor(DRAFT_COLOUR))
            c.drawString(18 * MM, height - 10 * MM, draft_mark)
        c.showPage()
    c.save()
    return buffer.getvalue()
