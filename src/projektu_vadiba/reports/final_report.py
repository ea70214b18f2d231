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
making imports it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import KeepTogether, Table, TableStyle
from sqlalchemy.orm import Session

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.dto_sheets import SheetSet, SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.funders import pick
from projektu_vadiba.core.services.report_data import final_report_data, missing_texts_message, report_structure
from projektu_vadiba.core.services.report_dto import INTERIM, MissingText, ReportData, ReportPeriod
from projektu_vadiba.core.text import fold
from projektu_vadiba.reports import styles as rst
from projektu_vadiba.reports.final_labels import ReportLabels
from projektu_vadiba.reports.final_page import MM, DocInfo, PageDecor, ReportDocument
from projektu_vadiba.reports.final_sections import Context, Flowables, render_section
from projektu_vadiba.reports.final_tables import gap, heading, make_styles, para, period
from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.reports.text import fill, format_date


@dataclass(frozen=True)
class ReportOptions:
    draft: bool = False  # allowed with empty mandatory texts; the pages say "MELNRAKSTS"
    with_lists: bool = False  # append the attended-people list of every annex event


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


def gather(
    session: Session,
    project_id: int,
    period: ReportPeriod | tuple[date, date] | None = None,
    *,
    with_lists: bool = False,
    lang: str = "lv",
) -> tuple[ReportData, SheetSet | None]:
    """Everything the PDF needs, read in one session (the PDF itself is made outside it)."""
    data = final_report_data(session, project_id, period, lang)
    return data, annex_sheets(session, data) if with_lists else None


def annex_sheets(session: Session, data: ReportData) -> SheetSet:
    """The attended-people lists of the report's annex events, in annex order."""
    from projektu_vadiba.core.services.sheets import project_sheets

    every = project_sheets(session, data.project.id, SheetVariant.ATTENDED)
    order = {a.event.id: a.number for a in data.annexes}
    chosen = sorted((sh for sh in every.sheets if sh.event.id in order), key=lambda sh: order[sh.event.id])
    return replace(every, sheets=tuple(chosen))


def check_texts(data: ReportData, draft: bool) -> tuple[MissingText, ...]:
    missing = data.missing_texts
    if missing and not draft:
        raise AppError(missing_texts_message(missing))
    return missing


def build_report_pdf(
    data: ReportData, options: ReportOptions | None = None, lists: SheetSet | None = None
) -> ReportPdf:
    options = options or ReportOptions()
    missing = check_texts(data, options.draft)
    structure = report_structure(data.profile, data.kind)
    fonts = register_fonts()
    labels = ReportLabels(data.lang, structure.get("labels"))
    appended = lists if options.with_lists and lists is not None and lists.sheets else None
    decor = PageDecor(
        project_number=f"{labels['project_number']} {data.project.number}",
        short_title=data.project.title,
        funder=data.project.funder.name,
        publicity=fill(pick(data.profile.publicity, labels.lang), _values(data)),
        page_label=labels["page"],
        draft_mark=labels["draft"] if options.draft else "",
    )
    info = DocInfo(
        f"{data.title} — {data.project.title}", data.project.implementer.name, data.project.number, data.lang
    )
    document = ReportDocument(decor, data.profile, fonts, info)
    ctx = Context(data, labels, make_styles(fonts), document.content_width / MM, appended is not None)
    story = _title_block(ctx, missing if options.draft else ()) + _body(ctx)
    if structure.get("signatures", True):
        story.append(_signatures(ctx))
    pdf, pages = document.build(story)
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


def suggested_file_name(data: ReportData, suffix: str = ".pdf") -> str:
    """nosleguma-parskats-2023-lv-nvof-mac-041-58.pdf (folded to ASCII); an interim one names its period."""
    kind = "starpposma-parskats" if data.kind == INTERIM else "nosleguma-parskats"
    if suffix == ".xlsx":
        kind = "finansu-parskats"
    name = f"{kind}-{data.project.number}"
    if data.period is not None:
        name += f"-{data.period.date_from:%Y-%m-%d}-{data.period.date_to:%Y-%m-%d}"
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:90].rstrip("-")
    return f"{slug or kind}{suffix}"


# ---- the story ----------------------------------------------------------------------------------------------------


def _values(data: ReportData) -> dict[str, str]:
    p = data.project
    return {
        "project_number": p.number,
        "project_title": p.title,
        "funder": p.funder.name,
        "year": str(p.start_date.year),
    }


def _title_block(ctx: Context, missing: tuple[MissingText, ...]) -> Flowables:
    d, lb, st = ctx.data, ctx.labels, ctx.styles
    p = d.project
    funder = p.funder.name + (f" · {lb['programme'].lower()} “{p.programme.name}”" if p.programme else "")
    if d.period is not None:
        when = f"{lb['report_period']}: {period(d.period.date_from, d.period.date_to)}"
    else:
        when = f"{lb['project_period']}: {period(p.start_date, p.end_date)}"
    out: Flowables = [
        gap(2),
        para(d.title, st.title),
        para(f"“{p.title}”", st.subtitle),
        para(f"{lb['project_number']} {p.number}", st.meta),
        para(funder, st.meta),
        para(f"{lb['implementer']}: {p.implementer.name}", st.meta),
        para(when, st.meta),
        para(lb["generated"].format(date=format_date(d.generated_on)), st.meta),
        gap(3),
    ]
    if missing:
        names = ", ".join(f"“{m.title}”" for m in missing)
        out += [para(lb["draft_note"].format(names=names), st.placeholder), gap(2)]
    return out


def _body(ctx: Context) -> Flowables:
    d, st = ctx.data, ctx.styles
    parts = {part.key: part.title for part in d.parts}
    out: Flowables = []
    current = ""
    for section in d.sections:
        level = 0
        if section.part in parts:
            if section.part != current:
                current = section.part
                out.append(heading(parts[current], st.part, 0))
            level = 1
        out.append(heading(section.heading, st.section, level))
        out += render_section(ctx, section)
    return out


def _signatures(ctx: Context) -> Any:
    lb, st = ctx.labels, ctx.styles
    fonts = st.fonts
    rows = [[lb["manager"], "", lb["signature_date"], ""], [lb["accountant"], "", lb["signature_date"], ""]]
    table = Table(rows, colWidths=[40 * MM, 74 * MM, 20 * MM, 36 * MM], rowHeights=[11 * MM] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, HexColor(rst.FRAME)),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, HexColor(rst.FRAME)),
            ]
        )
    )
    return KeepTogether([heading(lb["signatures"], st.section, 0), table, gap(1), para(lb["signature_hint"], st.muted)])


__all__ = [
    "ReportOptions",
    "ReportPdf",
    "annex_sheets",
    "build_report_pdf",
    "gather",
    "suggested_file_name",
    "write_report_pdf",
]
