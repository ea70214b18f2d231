"""Printing sheets for signing: records the print (who stands on which row) and stamps its id into every page."""

from __future__ import annotations

from sqlalchemy.orm import Session

from projektu_vadiba.core.dto_sheets import SheetSet
from projektu_vadiba.core.services import prints
from projektu_vadiba.reports.attendance_sheet import SheetOptions, SheetPdf, build_attendance_pdf


def print_attendance_pdf(session: Session, sheets: SheetSet, options: SheetOptions | None = None) -> SheetPdf:
    """Like build_attendance_pdf, within the caller's transaction: commit it when the PDF has been saved."""
    from dataclasses import replace

    options = options or SheetOptions()
    stamp = prints.start_print(
        session,
        {"variant": str(sheets.variant), "landscape": options.landscape, "blank_rows": options.blank_rows},
    )
    pdf = build_attendance_pdf(sheets, replace(options, stamp=stamp))
    prints.record_pages(session, stamp, pdf.pages)
    return pdf
