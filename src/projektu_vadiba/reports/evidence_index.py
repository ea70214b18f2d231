"""The evidence pack's index PDF: the first page lists what is missing (events without a signed sheet, expenses
without an invoice); then every activity, event and expense with its files, the generated files, and every file
in the ZIP by its path."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from projektu_vadiba.core import clock
from projektu_vadiba.core.services.attachments import KINDS
from projektu_vadiba.core.services.evidence import EvidencePack, PackedFile
from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.reports.text import format_date


def _money(amount: Any) -> str:
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " EUR"


def build_index_pdf(pack: EvidencePack, own_name: str, made_on: date | None = None) -> bytes:
    """The index; every page says which pack it belongs to, when it was made and its page number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    fonts = register_fonts()
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, leftIndent=6 * mm, textColor="#444444")
    item = ParagraphStyle("item", parent=body, leftIndent=3 * mm)
    h1 = ParagraphStyle("h1", parent=body, fontName=fonts.bold, fontSize=15, leading=19, spaceAfter=4 * mm)
    h2 = ParagraphStyle("h2", parent=body, fontName=fonts.bold, fontSize=11, leading=14, spaceBefore=4 * mm)
    h3 = ParagraphStyle("h3", parent=body, fontName=fonts.bold, fontSize=9.5, leading=12, spaceBefore=2 * mm)
    story: list[Any] = []

    def p(text: str, style: ParagraphStyle = body) -> None:
        story.append(Paragraph(escape(text), style))

    def files(found: tuple[PackedFile, ...]) -> None:
        for f in found:
            a = f.attachment
            note = f" — {a.description}" if a.description else ""
            p(f"{f.path} ({KINDS.get(a.kind, a.kind)}; {a.original_name}{note})", small)
        if not found:
            p("nav pievienotu failu", small)

    p("Pierādījumu arhīvs", h1)
    p(f"Projekts {pack.project_number} “{pack.project_title}”")
    if pack.period:
        p(f"Periods: {format_date(pack.period[0])}–{format_date(pack.period[1])}")
    p("Trūkst", h2)
    p("Pasākumi bez parakstītas reģistrācijas lapas:", h3)
    for event in pack.events_missing_sheet:
        p(f"{format_date(event.starts_at.date())} {event.title}", item)
    if not pack.events_missing_sheet:
        p("nav", item)
    p("Izdevumi bez rēķina:", h3)
    for x in pack.expenses_missing_invoice:
        p(f"{format_date(x.date)} {x.document_number} {x.supplier} {_money(x.amount)} — {x.description}", item)
    if not pack.expenses_missing_invoice:
        p("nav", item)
    if pack.events_with_photo_refusals:
        p("Pārbaudiet foto: pasākumā bija cilvēki, kas lūdza viņus nefotografēt", h3)
        for event in pack.events_with_photo_refusals:
            names = ", ".join(event.photo_refusals)
            p(f"{format_date(event.starts_at.date())} {event.title}: {names}", item)
    story.append(PageBreak())

    p("Aktivitātes un pasākumi", h2)
    for activity in pack.activities:
        p(f"{activity.code}. {activity.title}" if activity.code else activity.title, h3)
        if activity.files:
            files(activity.files)
        for event in activity.events:
            p(f"{format_date(event.starts_at.date())} {event.title}", item)
            files(event.files)
    p("Izdevumi", h2)
    for x in pack.expenses:
        line = f" · {x.line}" if x.line else ""
        p(f"{format_date(x.date)} {x.document_number} {x.supplier} {_money(x.amount)}{line}", item)
        files(x.files)
    if pack.project_files:
        p("Projekta faili", h2)
        files(pack.project_files)
    p("Arhīva saturs", h2)
    for name in (own_name, *pack.generated, *(f.path for f in pack.files)):
        p(name, small)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"Pierādījumu arhīvs — {pack.project_number}",
        author="Projektu vadība",
        creator="Projektu vadība",
    )
    day = format_date(made_on or clock.today())

    def furniture(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.regular, 7.5)
        canvas.setFillColor("#555555")
        canvas.drawString(18 * mm, 10 * mm, f"Pierādījumu arhīvs — {pack.project_number} · sagatavots {day}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Lapa {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()
