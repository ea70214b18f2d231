"""The page of a final or interim report: A4 portrait, on every page a header (the funder's logos, the project's
number and short title), a footer (the funder's publicity sentence, "Lapa X no Y") and, on a draft, a large
"MELNRAKSTS" across the page behind the text.

reportlab is imported with this module: only report making imports it (never the app's start-up).
The page total is not known until the last page is laid out, so each page refers to a small PDF form that is
written once at the end (a form may be used before it is defined): one layout pass, not two.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Table

from projektu_vadiba.core.funders import FunderProfile
from projektu_vadiba.reports import final_blocks as geo
from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.common import Logo, funder_logos
from projektu_vadiba.reports.final_tables import WholeTable
from projektu_vadiba.reports.fonts import Fonts
from projektu_vadiba.reports.text import text_width, wrap
from projektu_vadiba.reports.text_table import LineCanvas

MM = st.MM
MARGIN_X = geo.MARGIN_X_MM * MM
HEADER_TOP = geo.HEADER_TOP_MM * MM  # from the page's top edge to the top of the logos
LOGO_HEIGHT = geo.LOGO_HEIGHT_MM * MM
HEADER_RULE = HEADER_TOP + LOGO_HEIGHT + 2.5 * MM
FRAME_TOP = HEADER_RULE + 5 * MM
FOOTER_BASE = geo.FOOTER_BASE_MM * MM  # baseline of the footer's last line, from the page's bottom edge
FOOTER_SIZE = geo.FOOTER_SIZE
TOTAL_FORM = "pageTotal"
DRAFT_COLOUR = "#c0392b"
ROOM_TO_START = 45 * MM  # a long table starts on a page with this much room left (heading and a few rows)


@dataclass(frozen=True)
class PageDecor:
    project_number: str
    short_title: str
    funder: str  # shown in the header when the profile has no logo
    publicity: str
    page_label: str  # "Lapa {page} no" (the total follows from the form)
    draft_mark: str  # "" = not a draft


@dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str
    lang: str


class ReportDocument:
    """Lays out a story of flowables on decorated pages; `build` returns the PDF bytes and the page count."""

    def __init__(self, decor: PageDecor, profile: FunderProfile, fonts: Fonts, info: DocInfo) -> None:
        self.decor, self.fonts, self.info = decor, fonts, info
        self.width, self.height = float(A4[0]), float(A4[1])
        self.content_width = self.width - 2 * MARGIN_X
        self.logos: list[Logo] = funder_logos(profile)
        logos_width = sum(logo.size(LOGO_HEIGHT)[0] for logo in self.logos) + 3 * MM * len(self.logos)
        self.header_text_width = self.content_width - logos_width - 4 * MM
        self.slot = text_width(decor.page_label.format(page=888) + " 888", fonts.bold, FOOTER_SIZE)
        footer_width = self.content_width - self.slot - 6 * MM
        self.publicity = wrap(decor.publicity, fonts.italic, FOOTER_SIZE, footer_width) if decor.publicity else []
        lines = max(len(self.publicity), 1)
        self.footer_rule = FOOTER_BASE + lines * FOOTER_SIZE * st.LEADING + 1 * MM
        self.frame_bottom = self.footer_rule + 4 * MM
        self._same: _Recorded | None = None  # what every page draws the same (see _decorate)

    @property
    def frame_height(self) -> float:
        return self.height - FRAME_TOP - self.frame_bottom

    def build(self, story: Sequence[Any]) -> tuple[bytes, int]:
        self._same = None  # recorded anew in each document
        buffer = io.BytesIO()
        doc = _Template(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=FRAME_TOP,
            bottomMargin=self.frame_bottom,
            title=self.info.title,
            author=self.info.author,
            subject=self.info.subject,
            creator="Projektu vadība",
            lang=self.info.lang,
            pageCompression=1,
            initialFontName=self.fonts.regular,  # else every page names Helvetica in its resources
            initialFontSize=9,
            keepTogetherClass=_Keeper,
        )
        frame = Frame(
            MARGIN_X, self.frame_bottom, self.content_width, self.frame_height, 0, 0, 0, 0, id="body", showBoundary=0
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        doc._doSave = 0  # the page-total form is written after the last page, then the file is saved
        # Binary streams (the logos' too, encoded when first drawn): smaller and faster than ASCII85.
        saved, rl_config.useA85 = rl_config.useA85, 0
        try:
            doc.build(list(story), canvasmaker=LineCanvas)
            c: Canvas = doc.canv
            pages = c.getPageNumber() - 1  # the build ends with a page break: the counter is one ahead
            c.beginForm(TOTAL_FORM)
            c.setFont(self.fonts.bold, FOOTER_SIZE)
            c.setFillColor(_colour(st.INK))
            c.drawString(0, 0, f" {pages}")
            c.endForm()
            c.showOutline()
            c.save()
        finally:
            rl_config.useA85 = saved
        return buffer.getvalue(), pages

    # ---- every page ---------------------------------------------------------------------------------------------

    def _decorate(self, c: Canvas, doc: Any) -> None:
        c.saveState()
        if self._same is not None:
            _replay(c, self._same)
        else:
            start, forms = len(c._code), len(c._formsinuse)
            if self.decor.draft_mark:
                self._watermark(c)
            self._header(c)
            self._footer_rules(c)
            # Everything so far is the same on every page: written once more it is copied from the second page on
            # (the first may define the logos). Not on a draft: its watermark sets a transparency per page.
            if doc.page >= 2 and not self.decor.draft_mark:
                self._same = _Recorded(c._code[start:], c._formsinuse[forms:], _drawing_state(c))
        self._page_number(c, doc.page)
        c.restoreState()

    def _header(self, c: Canvas) -> None:
        f, d = self.fonts, self.decor
        top = self.height - HEADER_TOP
        x = MARGIN_X
        for logo in self.logos:
            x += logo.draw(c, x, top - LOGO_HEIGHT, LOGO_HEIGHT) + 3 * MM
        if not self.logos and d.funder:
            c.setFillColor(_colour(st.MUTED))
            c.setFont(f.regular, 8)
            c.drawString(MARGIN_X, top - 5 * MM, _fit(d.funder, f.regular, 8, self.content_width / 2))
        right = self.width - MARGIN_X
        c.setFillColor(_colour(st.INK))
        c.setFont(f.bold, 8.5)
        c.drawRightString(right, top - 4 * MM, _fit(d.project_number, f.bold, 8.5, self.header_text_width))
        c.setFillColor(_colour(st.MUTED))
        c.setFont(f.regular, 7.5)
        c.drawRightString(right, top - 8 * MM, _fit(d.short_title, f.regular, 7.5, self.header_text_width))
        if d.draft_mark:
            c.setFillColor(_colour(DRAFT_COLOUR))
            c.setFont(f.bold, 8.5)
            c.drawRightString(right, top - 12 * MM, d.draft_mark)
        rule = self.height - HEADER_RULE
        c.setStrokeColor(_colour(st.GRID))
        c.setLineWidth(0.6)
        c.line(MARGIN_X, rule, right, rule)

    def _footer_rules(self, c: Canvas) -> None:
        """The footer without the page number: its rule and the publicity sentence."""
        c.setStrokeColor(_colour(st.GRID))
        c.setLineWidth(0.5)
        c.line(MARGIN_X, self.footer_rule, self.width - MARGIN_X, self.footer_rule)
        c.setFillColor(_colour(st.INK))
        c.setFont(self.fonts.italic, FOOTER_SIZE)
        y = self.footer_rule - 1 * MM
        for line in self.publicity:
            y -= FOOTER_SIZE * st.LEADING
            c.drawString(MARGIN_X, y + 0.22 * FOOTER_SIZE, line)

    def _page_number(self, c: Canvas, page: int) -> None:
        f = self.fonts
        right = self.width - MARGIN_X
        label = self.decor.page_label.format(page=page)
        x = right - self.slot
        base = self.footer_rule - 1 * MM - FOOTER_SIZE * st.LEADING + 0.22 * FOOTER_SIZE
        c.setFont(f.bold, FOOTER_SIZE)
        c.drawString(x, base, label)
        c.saveState()
        c.translate(x + text_width(label, f.bold, FOOTER_SIZE), base)
        c.doForm(TOTAL_FORM)
        c.restoreState()

    def _watermark(self, c: Canvas) -> None:
        c.saveState()
        c.setFillColor(_colour(DRAFT_COLOUR))
        c.setFillAlpha(0.10)
        c.translate(self.width / 2, self.height / 2)
        c.rotate(52)
        size = 84.0
        while size > 30 and text_width(self.decor.draft_mark, self.fonts.bold, size) > self.height * 0.8:
            size -= 4
        c.setFont(self.fonts.bold, size)
        c.drawCentredString(0, -size / 3, self.decor.draft_mark)
        c.restoreState()


@dataclass(frozen=True)
class _Recorded:
    """What a page's decoration wrote: its operators, the forms it used and the drawing state it left."""

    code: list[str]
    forms: list[str]
    state: dict[str, Any]


def _drawing_state(c: Canvas) -> dict[str, Any]:
    """The state reportlab's saveState keeps (font, colours, line width, matrix ...), transparency apart."""
    return {name: c.__dict__[name] for name in c.STATE_ATTRIBUTES if name != "_extgstate"}


def _replay(c: Canvas, recorded: _Recorded) -> None:
    """Writes `recorded` again, as the calls that made it would (tested byte for byte): the same operators, the
    same forms used, the same state left for what follows. Fonts are the document's, already holding these
    letters."""
    c._code.extend(recorded.code)
    c._formsinuse.extend(recorded.forms)
    c.__dict__.update(recorded.state)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """One line: cut at a word with "…" when too long."""
    if text_width(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1 and text_width(" ".join(words) + "…", font, size) > width:
        words.pop()
    cut = " ".join(words).rstrip(",.:;–- ")
    while cut and text_width(cut + "…", font, size) > width:
        cut = cut[:-1]
    return cut + "…"


def _colour(hex_code: str) -> Any:
    return HexColor(hex_code)


class _Keeper(KeepTogether):  # type: ignore[misc]
    """What a heading's keepWithNext groups it with. A long table is not moved whole to the next page (leaving
    this one half empty): with room here for the heading and a few rows, it starts here and continues."""

    def split(self, available_width: float, available_height: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        last = self._content[-1] if self._content else None
        splits_itself = isinstance(last, Table) and not isinstance(last, WholeTable)
        if splits_itself and self._H > available_height >= ROOM_TO_START:
            return list(self._content)
        parts: list[Any] = super().split(available_width, available_height)
        return parts


class _Template(BaseDocTemplate):  # type: ignore[misc]
    """Headings that carry `outline = (title, level, key)` become PDF bookmarks where they land."""

    def afterFlowable(self, flowable: Any) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            title, level, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level, closed=level > 0)
