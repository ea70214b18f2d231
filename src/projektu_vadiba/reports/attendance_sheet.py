"""Attendance sheets as print-ready PDF: one sheet (one or more pages) per event, in the funder's format.

    sheets = services.sheets.event_sheets(session, event_id)          # or activity_/project_sheets
    pdf = build_attendance_pdf(sheets, SheetOptions(landscape=True))
    pdf.data      -> the PDF bytes
    pdf.pages     -> per page: which person stands on which row, where (for reading signed scans back)

The page is drawn directly on a reportlab canvas from a layout computed first (sheet_layout), so the row
positions are known exactly and a batch of hundreds of events stays fast.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.dto_sheets import EventSheet, SheetSet, SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.funders import load_profile, pick
from projektu_vadiba.core.scan.marks import PagePayload, rows_digest
from projektu_vadiba.core.services.prints import PrintStamp
from projektu_vadiba.core.text import fold
from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.common import Footer, Header, HeaderSpec, funder_logos, implementer_logo
from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.reports.sheet_columns import Column, cell_text, resolve_columns, sheet_config
from projektu_vadiba.reports.sheet_layout import (
    MARGIN,
    MIN_ROW_MM,
    MM,
    PagePlan,
    TableRow,
    header_row,
    message_row,
    paginate,
    rows_that_fit,
    text_row,
)
from projektu_vadiba.reports.sheet_table import draw_table, page_plan
from projektu_vadiba.reports.text import Labels, event_days, fill, format_date, format_place, format_when

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from projektu_vadiba.reports.sheet_marks import PageMarks

TOTAL_LINE = 8 * MM  # below the annex table: "Kopā piedalījās: N"


@dataclass(frozen=True)
class SheetOptions:
    landscape: bool | None = None  # None: the profile's "orientation" (portrait unless it says landscape)
    blank_rows: int | None = None  # None: the profile's number (pre-filled sheet) or a full page (blank sheet)
    lang: str = "lv"
    # The recorded print (services.prints.start_print): its id and the database's id go into each page's QR code.
    # Without one the code says print 0, which a scan reports as "not recorded".
    stamp: PrintStamp | None = None


@dataclass(frozen=True)
class SheetPdf:
    data: bytes
    pages: tuple[PagePlan, ...]

    @property
    def page_count(self) -> int:
        return len(self.pages)


def build_attendance_pdf(sheets: SheetSet, options: SheetOptions | None = None) -> SheetPdf:
    if not sheets.sheets:
        raise AppError.of("sheet.no_events")
    from reportlab import rl_config

    # Binary (Flate only) streams, the logos' too: ASCII85 on top makes the file 25 % larger and its writing slower.
    saved, rl_config.useA85 = rl_config.useA85, 0
    try:
        writer = _Writer(sheets, options or SheetOptions())
        for sheet in sheets.sheets:
            writer.add(sheet)
        return writer.finish()
    finally:
        rl_config.useA85 = saved


def write_attendance_pdf(sheets: SheetSet, path: Path, options: SheetOptions | None = None) -> SheetPdf:
    pdf = build_attendance_pdf(sheets, options)
    atomic_files.write_bytes(path, pdf.data)  # the previous file stays whole until the new one is complete
    return pdf


def suggested_file_name(sheets: SheetSet) -> str:
    prefix = {
        SheetVariant.PREFILLED: "registracijas-lapa",
        SheetVariant.BLANK: "tuksa-registracijas-lapa",
        SheetVariant.ATTENDED: "dalibnieku-saraksts",
    }[sheets.variant]
    if len(sheets.sheets) == 1:
        event = sheets.sheets[0].event
        name = f"{prefix}-{event.starts_at:%Y-%m-%d}-{event.title}"
    else:
        name = f"{prefix}-{sheets.project.number}"
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:80].rstrip("-")
    return f"{slug or prefix}.pdf"


class _Writer:
    def __init__(self, sheets: SheetSet, options: SheetOptions) -> None:
        from reportlab.lib.colors import HexColor
        from reportlab.lib.pagesizes import A4, landscape

        from projektu_vadiba.reports.text_table import LineCanvas

        self.sheets, self.options = sheets, options
        self.fonts = register_fonts()
        self.profile = load_profile(sheets.project.profile_key).for_project(
            sheets.project.publicity, sheets.project.logo
        )
        self.config: dict[str, Any] = sheet_config(self.profile)
        self.labels = Labels(options.lang, self.config.get("labels"))
        wide = options.landscape if options.landscape is not None else self.config.get("orientation") == "landscape"
        self.landscape = bool(wide)
        width, height = landscape(A4) if self.landscape else A4
        self.width, self.height = float(width), float(height)
        self.content_width = self.width - 2 * MARGIN
        self.logos_left = funder_logos(self.profile)
        implementer = implementer_logo(sheets.project.implementer_logo)
        self.logos_right = [implementer] if implementer else []
        self.colour = {name: HexColor(getattr(st, name)) for name in ("INK", "MUTED", "GRID", "FRAME", "HEADER_FILL")}
        self.buffer = io.BytesIO()
        self.canvas: Canvas = LineCanvas(
            self.buffer,
            pagesize=(self.width, self.height),
            pageCompression=1,
            initialFontName=self.fonts.regular,  # else every page names Helvetica in its resources
            initialFontSize=st.CELL_SIZES[0],
        )
        self._set_metadata()
        self.plans: list[PagePlan] = []
        self._footer: Footer | None = None
        self._footer_form = ""
        for logo in (*self.logos_left, *self.logos_right):
            logo.define(self.canvas)  # before any header form begins: forms do not nest
        self.marks: PageMarks | None = None
        if sheets.variant is not SheetVariant.ATTENDED:  # sheets to sign carry read-back marks; annex lists do not
            from projektu_vadiba.reports.sheet_marks import PageMarks

            self.marks = PageMarks(self.canvas, self.width, self.height)
        self.min_row = max(MIN_ROW_MM, float(self.config.get("row_height_mm") or 10)) * MM

    def _set_metadata(self) -> None:
        c, project = self.canvas, self.sheets.project
        title = self._title()
        subject = self.sheets.sheets[0].event.title if len(self.sheets.sheets) == 1 else project.title
        c.setTitle(f"{title} — {subject}")
        c.setAuthor(project.implementer)
        c.setSubject(f"{project.number} {project.title}")
        c.setCreator("Projektu vadība")
        if len(self.sheets.sheets) > 1:
            c.showOutline()

    def _title(self) -> str:
        key = "annex_title" if self.sheets.variant is SheetVariant.ATTENDED else "title"
        fallback = "Pasākuma dalībnieku saraksts" if key == "annex_title" else "Dalībnieku reģistrācijas lapa"
        return pick(self.config.get(key) or fallback, self.labels.lang)

    # ---- one event's sheet ------------------------------------------------------------------------------------

    def add(self, sheet: EventSheet) -> None:
        header = Header(self._header_spec(sheet), self.content_width, self.fonts, 2 if self.landscape else 1)
        footer = self._footer_block()
        columns = resolve_columns(
            self.config,
            self.sheets.variant,
            event_days(sheet.event.starts_at, sheet.event.ends_at),
            self.labels,
            self.content_width,
            online=sheet.event.online,
        )
        head = header_row(columns, self.fonts)
        table_top = self.height - MARGIN - header.height - 3 * MM
        table_bottom = MARGIN + footer.height + 3 * MM
        available = table_top - table_bottom
        rows = self._rows(sheet, columns, available - head.height, rows_that_fit(available, head.height, self.min_row))
        annex = self.sheets.variant is SheetVariant.ATTENDED
        pages = paginate(rows, head.height, available, TOTAL_LINE if annex else 0.0)
        key = f"event{sheet.event.id}"
        self.canvas.bookmarkPage(key)
        self.canvas.addOutlineEntry(f"{format_date(sheet.event.starts_at.date())} {sheet.event.title}", key, 0)
        # Header and footer are the same on each page of a sheet: drawn once as forms, placed on every page.
        c = self.canvas
        if not self._footer_form:
            self._footer_form = "footer"
            c.beginForm(self._footer_form)
            footer.draw(c, MARGIN, MARGIN)
            c.endForm()
        header_form = f"header{len(self.plans)}"
        c.beginForm(header_form)
        header.draw(c, MARGIN, self.height - MARGIN)
        c.endForm()
        for number, page_rows in enumerate(pages, start=1):
            c.doForm(header_form)
            boxes, bottom = draw_table(c, self.fonts, self.colour, columns, head, page_rows, table_top)
            if annex and number == len(pages):
                self._total(bottom, len(sheet.rows))
            c.doForm(self._footer_form)
            footer.draw_page_label(c, MARGIN, MARGIN, self.labels["page"].format(page=number, pages=len(pages)))
            plan = page_plan(
                len(self.plans),
                sheet.event.id,
                (number, len(pages)),
                (self.width, self.height),
                columns,
                (table_top, head.height),
                boxes,
            )
            self.plans.append(plan)
            if self.marks is not None:
                self._marks(self.marks, plan)
            self.canvas.showPage()

    def _marks(self, marks: PageMarks, plan: PagePlan) -> None:
        stamp = self.options.stamp
        numbers = [r.number for r in plan.rows if r.number is not None]
        payload = PagePayload(
            installation=stamp.installation if stamp else "0",
            print_id=stamp.print_id if stamp else 0,
            event_id=plan.event_id,
            page=plan.page,
            first_row=numbers[0] if numbers else 0,
            rows=len(numbers),
            landscape=self.landscape,
            people=rows_digest((r.number, r.person_id) for r in plan.rows if r.number is not None) if stamp else "",
        )
        marks.draw(self.canvas, payload)

    def _header_spec(self, sheet: EventSheet) -> HeaderSpec:
        project, event, lb = sheet.project, sheet.event, self.labels
        funder = project.funder_name
        if project.programme_name:
            funder = f"{funder} · {lb['programme']} “{project.programme_name}”"
        place = format_place(event.place, event.address, event.municipality, event.online, event.online_link, lb)
        info = [
            (lb["event"], event.title, True),
            (lb["when"], format_when(event.starts_at, event.ends_at, lb), False),
            (lb["place"], place, False),
        ]
        if sheet.activity is not None:  # the activity goes second on a tall page, to the right on a wide one
            activity = (lb["activity"], f"{sheet.activity.code}. {sheet.activity.title}", False)
            info.insert(len(info) if self.landscape else 1, activity)
        info.append((lb["implementer"], project.implementer, False))
        return HeaderSpec(
            title=self._title(),
            subtitle=[
                (f"{lb['project']} “{project.title}”", False),
                (f"{lb['project_number']} {project.number}", False),
                (funder, True),
            ],
            info=info,
            legend=pick(self.config.get("legend") or "", lb.lang),
            logos_left=self.logos_left,
            logos_right=self.logos_right,
        )

    def _footer_block(self) -> Footer:
        if self._footer is None:  # the same on every sheet of the document: wrap the texts once
            project, lb = self.sheets.project, self.labels
            publicity = pick(self.profile.raw.get("event_publicity") or self.profile.publicity, lb.lang)
            controller = ", ".join(
                x
                for x in (
                    project.implementer,
                    f"{lb['reg_number']} {project.implementer_reg_number}" if project.implementer_reg_number else "",
                    project.implementer_address,
                    project.implementer_contact,
                )
                if x
            )
            retention = (
                lb["retention_until"].format(date=format_date(project.retention_until))
                if project.retention_until
                else lb["retention_default"]
            )
            values = {
                "controller": controller,
                "project_number": project.number,
                "project_title": project.title,
                "funder": project.funder_name,
                "retention": retention,
            }
            notice = fill(pick(self.config.get("notice") or "", lb.lang), values)
            annex = self.sheets.variant is SheetVariant.ATTENDED
            responsible = lb["responsible_annex"] if annex else lb["responsible"]
            self._footer = Footer(
                publicity, notice, responsible, lb["responsible_hint"], self.content_width, self.fonts
            )
        return self._footer

    def _rows(self, sheet: EventSheet, columns: list[Column], max_height: float, page_full: int) -> list[TableRow]:
        variant = self.sheets.variant
        masked = variant is SheetVariant.PREFILLED and self.config.get("mask_contacts", True) is not False
        rows = [
            text_row(
                r.number,
                r.person_id,
                [cell_text(c, r, masked) for c in columns],
                columns,
                self.fonts.regular,
                self.min_row,
                max_height,
            )
            for r in sheet.rows
        ]
        blanks = 0
        if variant is SheetVariant.PREFILLED:
            default = self.config.get("blank_rows", 5)
            blanks = self.options.blank_rows if self.options.blank_rows is not None else int(default or 0)
        elif variant is SheetVariant.BLANK:
            blanks = self.options.blank_rows if self.options.blank_rows is not None else page_full
        first = len(rows) + 1
        for number in range(first, first + max(blanks, 0)):
            texts = [str(number) if c.key == "number" else "" for c in columns]
            rows.append(text_row(number, None, texts, columns, self.fonts.regular, self.min_row, max_height))
        if not rows:
            rows.append(
                message_row(
                    self.labels["empty_attended" if variant is SheetVariant.ATTENDED else "empty"], self.min_row
                )
            )
        return rows

    def _total(self, table_bottom: float, count: int) -> None:
        self.canvas.setFillColor(self.colour["INK"])
        self.canvas.setFont(self.fonts.bold, st.CELL_SIZES[0])
        self.canvas.drawString(MARGIN, table_bottom - 5 * MM, self.labels["total"].format(n=count))

    def finish(self) -> SheetPdf:
        self.canvas.save()
        return SheetPdf(self.buffer.getvalue(), tuple(self.plans))
