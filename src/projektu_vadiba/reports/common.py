"""Parts every printed page shares: the header band with logos, the publicity and personal-data footer with the
responsible person's signature line and "Lapa X no Y".

Each block is measured once per document (text wrapped once) and then drawn on every page, so its height is
known before any page is drawn: callers can compute where everything else on the page goes.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projektu_vadiba.core.funders import FunderProfile
from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.fonts import Fonts
from projektu_vadiba.reports.text import wrap

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

MM = st.MM
LOGO_HEIGHT = 15 * MM
LOGO_MAX_WIDTH = 42 * MM
QR_SLOT = 18 * MM  # kept free at the footer's right for a page QR code (read back from scans later)
IMPLEMENTER_LOGO = "logos/implementer.png"


# ---- logos ------------------------------------------------------------------------------------------------------


class Logo:
    """An image drawn once per document as a form XObject, then reused by every page (a 500-page batch
    would otherwise hash and embed the picture 500 times). From a file, or from PNG bytes kept in the database."""

    _count = 0

    def __init__(self, source: Path | bytes) -> None:
        self.path = None if isinstance(source, bytes) else source  # where it came from (None: the database)
        if isinstance(source, bytes):
            self.reader: Any = _image_data(source)
        else:
            found = source.stat()
            self.reader = _image(str(source), found.st_mtime_ns, found.st_size)
        self.px_width, self.px_height = self.reader.getSize()
        Logo._count += 1
        self.form = f"logo{Logo._count}"
        self._defined_on: int | None = None

    def size(self, height: float) -> tuple[float, float]:
        width = height * self.px_width / max(self.px_height, 1)
        if width > LOGO_MAX_WIDTH:
            return LOGO_MAX_WIDTH, LOGO_MAX_WIDTH * self.px_height / max(self.px_width, 1)
        return width, height

    def define(self, c: Canvas) -> None:
        """Put the picture into the document; call before any other form is begun (forms do not nest)."""
        if self._defined_on != id(c):
            c.beginForm(self.form, 0, 0, self.px_width, self.px_height)
            draw_encoded_image(c, self.reader)
            c.endForm()
            self._defined_on = id(c)

    def draw(self, c: Canvas, x: float, y: float, height: float) -> float:
        """Draws with the bottom-left corner at (x, y); returns the width used."""
        self.define(c)
        width, h = self.size(height)
        c.saveState()
        c.translate(x, y + (height - h) / 2)
        c.scale(width / self.px_width, h / self.px_height)
        c.doForm(self.form)
        c.restoreState()
        return width


def draw_encoded_image(c: Canvas, reader: Any) -> None:
    """What `c.drawImage(reader, 0, 0, width, height, mask="auto")` does at the picture's own size in pixels,
    byte for byte (tested), with the picture compressed once per process instead of once per document: reportlab
    deflates the pixels (and the transparency) each time, 3 ms for a funder's logo on every report and sheet."""
    from reportlab import rl_config
    from reportlab.pdfbase.pdfdoc import PDFObjectReference

    name, encoded = _encoded_image(reader, bool(rl_config.useA85))
    c._currentPageHasImages = 1
    doc: Any = c._doc
    reg_name = doc.getXObjectName(name)
    if not doc.idToObject.get(reg_name, None):
        image = copy.copy(encoded)  # the document registers (marks) its own objects; the bytes are shared
        image.name = name
        c._setXObjects(image)
        doc.Reference(image, reg_name)
        doc.addForm(name, image)
        smask = getattr(encoded, "_smask", None)
        if smask is not None:
            smask = copy.copy(smask)
            mask_name = doc.getXObjectName(smask.name)
            if not doc.idToObject.get(mask_name, None):
                c._setXObjects(smask)
                image.smask = doc.Reference(smask, mask_name)
            else:
                image.smask = PDFObjectReference(mask_name)
            del image._smask
    width, height = reader.getSize()
    c.saveState()
    c.translate(0, 0)
    c.scale(width, height)
    c._code.append(f"/{reg_name} Do")
    c.restoreState()
    c._formsinuse.append(name)


@lru_cache(maxsize=16)
def _encoded_image(reader: Any, a85: bool) -> tuple[str, Any]:
    """The name reportlab gives the picture (a digest of its pixels and transparency) and the picture encoded as
    reportlab encodes it (never registered with a document itself: each document gets a copy)."""
    from reportlab import rl_config
    from reportlab.lib.utils import _digester
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    alpha = reader._dataA
    name = _digester(reader.getRGBData() + (alpha.getRGBData() if alpha else b"auto"))
    saved, rl_config.useA85 = rl_config.useA85, int(a85)  # as the document being written has it
    try:
        return name, PDFImageXObject(name, reader, mask="auto")
    finally:
        rl_config.useA85 = saved


@lru_cache(maxsize=4)
def _image_data(data: bytes) -> Any:
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(io.BytesIO(data))
    reader.getRGBData()
    return reader


@lru_cache(maxsize=16)
def _image(path: str, mtime_ns: int, size: int) -> Any:
    """The picture decoded once per file version: each document still embeds it, without reading the PNG again."""
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(path)
    reader.getRGBData()  # decodes now (and splits off the transparency) instead of on the first page drawn
    return reader


def find_file(relative: str, profile: FunderProfile | None = None) -> Path | None:
    """The user data folder first (a coordinator's official logo), then next to the profile, then bundled."""
    from projektu_vadiba.core.db import default_data_dir

    own = default_data_dir() / relative
    if own.is_file():
        return own
    return profile.file(relative) if profile is not None else None


def funder_logo_files(profile: FunderProfile) -> list[Path]:
    """The files of the profile's logos that are there, in the profile's order (the PDF and the DOCX both)."""
    named = profile.raw.get("logo") or []
    relatives = [named] if isinstance(named, str) else list(named)
    found = (find_file(relative, profile) if relative else None for relative in relatives)
    return [path for path in found if path is not None]


def funder_logos(profile: FunderProfile) -> list[Logo]:
    sources: list[Path | bytes] = [*funder_logo_files(profile)]
    if profile.project_logo:  # the project's own funder (a municipality): after the profile's
        sources.append(profile.project_logo)
    loaded = (_load(source) for source in sources)
    return [logo for logo in loaded if logo is not None]


def implementer_logo(saved: bytes | None = None) -> Logo | None:
    """The logo saved with the organisation; else a file in the user data folder (logos/implementer.png)."""
    if saved:
        logo = _load(saved)
        if logo is not None:
            return logo
    path = find_file(IMPLEMENTER_LOGO)
    return _load(path) if path else None


def _load(source: Path | bytes) -> Logo | None:
    try:
        return Logo(source)
    except (OSError, ValueError, SyntaxError):  # a broken picture must not stop the sheet
        return None


def _logos_width(logos: list[Logo]) -> float:
    return sum(logo.size(LOGO_HEIGHT)[0] for logo in logos) + 2 * MM * max(len(logos) - 1, 0)


# ---- header -----------------------------------------------------------------------------------------------------


@dataclass
class HeaderSpec:
    title: str
    subtitle: list[tuple[str, bool]]  # text, muted (project, number, funder)
    info: list[tuple[str, str, bool]]  # label, value, bold value
    legend: str = ""
    logos_left: list[Logo] = field(default_factory=list)
    logos_right: list[Logo] = field(default_factory=list)


class Header:
    """Logos left and right, title and project centred between them; below, a shaded box of label/value pairs
    (two columns of pairs on a landscape page)."""

    LABEL_WIDTH = 27 * MM
    PAD = 2 * MM

    def __init__(self, spec: HeaderSpec, width: float, fonts: Fonts, info_columns: int = 1) -> None:
        self.spec, self.width, self.fonts = spec, width, fonts
        left, right = (w + 4 * MM if w else 0.0 for w in map(_logos_width, (spec.logos_left, spec.logos_right)))
        # Centred on the page when the logos leave room; else centred in the room between them (LAD + LEADER).
        if width - 2 * max(left, right) >= 0.55 * width:
            left = right = max(left, right)
        self.text_left = left
        self.text_width = width - left - right
        self.title_lines = wrap(spec.title, fonts.bold, st.TITLE_SIZE, self.text_width)
        self.sub_lines = [
            (line, muted)
            for text, muted in spec.subtitle
            for line in wrap(text, fonts.regular, st.SUBTITLE_SIZE, self.text_width)
        ]
        text_h = len(self.title_lines) * st.TITLE_SIZE * st.LEADING + len(self.sub_lines) * (
            st.SUBTITLE_SIZE * st.LEADING
        )
        self.band_height = max(LOGO_HEIGHT, text_h) + 2 * self.PAD

        self.columns = max(1, info_columns)
        col_width = (width - (self.columns - 1) * 4 * MM) / self.columns
        value_width = col_width - self.LABEL_WIDTH - 2 * self.PAD
        per_col = -(-len(spec.info) // self.columns)
        self.cells: list[list[tuple[str, list[str], bool]]] = [[] for _ in range(self.columns)]
        for i, (label, value, bold) in enumerate(spec.info):
            font = fonts.bold if bold else fonts.regular
            self.cells[i // per_col].append((label, wrap(value, font, st.INFO_SIZE, value_width), bold))
        self.col_width = col_width
        self.row_heights = [
            max(max(len(col[r][1]), 1) for col in self.cells if r < len(col)) * st.INFO_SIZE * st.LEADING + 1.2 * MM
            for r in range(per_col)
        ]
        self.info_height = sum(self.row_heights) + 2 * self.PAD if spec.info else 0
        self.legend_lines = wrap(spec.legend, fonts.italic, st.NOTICE_SIZE + 0.7, width) if spec.legend else []
        legend_h = len(self.legend_lines) * (st.NOTICE_SIZE + 0.7) * st.LEADING + 1.5 * MM if spec.legend else 0
        self.height = self.band_height + 2 * MM + self.info_height + legend_h

    def draw(self, c: Canvas, x: float, top: float) -> None:
        from reportlab.lib.colors import HexColor

        f = self.fonts
        lx = x
        for logo in self.spec.logos_left:
            lx += logo.draw(c, lx, top - self.PAD - LOGO_HEIGHT, LOGO_HEIGHT) + 2 * MM
        rx = x + self.width
        for logo in reversed(self.spec.logos_right):
            rx -= logo.size(LOGO_HEIGHT)[0]
            logo.draw(c, rx, top - self.PAD - LOGO_HEIGHT, LOGO_HEIGHT)
            rx -= 2 * MM
        centre = x + self.text_left + self.text_width / 2
        text_h = len(self.title_lines) * st.TITLE_SIZE * st.LEADING + len(self.sub_lines) * (
            st.SUBTITLE_SIZE * st.LEADING
        )
        y = top - (self.band_height - text_h) / 2
        c.setFillColor(HexColor(st.INK))
        c.setFont(f.bold, st.TITLE_SIZE)
        for line in self.title_lines:
            y -= st.TITLE_SIZE * st.LEADING
            c.drawCentredString(centre, y + 0.22 * st.TITLE_SIZE, line)
        for line, muted in self.sub_lines:
            y -= st.SUBTITLE_SIZE * st.LEADING
            c.setFillColor(HexColor(st.MUTED if muted else st.INK))
            c.setFont(f.regular, st.SUBTITLE_SIZE)
            c.drawCentredString(centre, y + 0.22 * st.SUBTITLE_SIZE, line)

        box_top = top - self.band_height - 2 * MM
        if self.spec.info:
            c.setFillColor(HexColor(st.BAND_FILL))
            c.setStrokeColor(HexColor(st.GRID))
            c.setLineWidth(0.5)
            c.roundRect(x, box_top - self.info_height, self.width, self.info_height, 1.5 * MM, stroke=1, fill=1)
            for col_index, column in enumerate(self.cells):
                cx = x + col_index * (self.col_width + 4 * MM) + self.PAD
                y = box_top - self.PAD
                for row_index, (label, lines, bold) in enumerate(column):
                    line_y = y - st.INFO_SIZE * st.LEADING + 0.6 * MM
                    c.setFillColor(HexColor(st.MUTED))
                    c.setFont(f.regular, st.INFO_SIZE - 1)
                    c.drawString(cx, line_y + 0.2 * st.INFO_SIZE, label)
                    c.setFillColor(HexColor(st.INK))
                    c.setFont(f.bold if bold else f.regular, st.INFO_SIZE)
                    for line in lines:
                        c.drawString(cx + self.LABEL_WIDTH, line_y + 0.2 * st.INFO_SIZE, line)
                        line_y -= st.INFO_SIZE * st.LEADING
                    y -= self.row_heights[row_index]
        if self.legend_lines:
            y = box_top - self.info_height - 1.5 * MM
            c.setFillColor(HexColor(st.MUTED))
            c.setFont(f.italic, st.NOTICE_SIZE + 0.7)
            for line in self.legend_lines:
                y -= (st.NOTICE_SIZE + 0.7) * st.LEADING
                c.drawString(x, y + 0.2 * st.NOTICE_SIZE, line)


# ---- footer -----------------------------------------------------------------------------------------------------


class Footer:
    """Publicity sentence, personal-data notice in small type, the responsible person's signature line and the
    page label; the QR slot at the right stays empty."""

    def __init__(self, publicity: str, notice: str, responsible: str, hint: str, width: float, fonts: Fonts) -> None:
        self.fonts, self.width = fonts, width
        self.text_width = width - QR_SLOT - 3 * MM
        self.responsible, self.hint = responsible, hint
        self.publicity = wrap(publicity, fonts.italic, st.PUBLICITY_SIZE, self.text_width) if publicity else []
        self.notice = wrap(notice, fonts.regular, st.NOTICE_SIZE, self.text_width) if notice else []
        text_h = len(self.publicity) * st.PUBLICITY_SIZE * st.LEADING + len(self.notice) * st.NOTICE_SIZE * st.LEADING
        self.signature_height = 9 * MM
        self.height = max(QR_SLOT, 2 * MM + text_h + 2 * MM + self.signature_height)

    def draw(self, c: Canvas, x: float, bottom: float) -> None:
        """Everything but the page label: the same on every page, so a document draws it once as a form."""
        from reportlab.lib.colors import HexColor
        from reportlab.pdfbase.pdfmetrics import stringWidth

        f = self.fonts
        top = bottom + self.height
        c.setStrokeColor(HexColor(st.GRID))
        c.setLineWidth(0.5)
        c.line(x, top, x + self.width, top)
        y = top - 2 * MM
        c.setFillColor(HexColor(st.INK))
        c.setFont(f.italic, st.PUBLICITY_SIZE)
        for line in self.publicity:
            y -= st.PUBLICITY_SIZE * st.LEADING
            c.drawString(x, y + 0.22 * st.PUBLICITY_SIZE, line)
        c.setFillColor(HexColor(st.MUTED))
        c.setFont(f.regular, st.NOTICE_SIZE)
        for line in self.notice:
            y -= st.NOTICE_SIZE * st.LEADING
            c.drawString(x, y + 0.22 * st.NOTICE_SIZE, line)

        base = bottom + 4 * MM
        c.setFillColor(HexColor(st.INK))
        c.setFont(f.bold, st.PUBLICITY_SIZE)
        c.drawString(x, base, self.responsible)
        line_x = x + stringWidth(self.responsible, f.bold, st.PUBLICITY_SIZE) + 2 * MM
        line_end = min(line_x + 80 * MM, x + self.text_width - 30 * MM)
        c.setStrokeColor(HexColor(st.FRAME))
        c.setLineWidth(0.6)
        c.line(line_x, base - 0.8 * MM, line_end, base - 0.8 * MM)
        c.setFillColor(HexColor(st.MUTED))
        c.setFont(f.regular, st.NOTICE_SIZE)
        c.drawCentredString((line_x + line_end) / 2, base - 3.4 * MM, self.hint)

    def draw_page_label(self, c: Canvas, x: float, bottom: float, page_label: str) -> None:
        from reportlab.lib.colors import HexColor

        c.setFillColor(HexColor(st.INK))
        c.setFont(self.fonts.bold, 8)
        c.drawRightString(x + self.text_width, bottom + 4 * MM, page_label)
