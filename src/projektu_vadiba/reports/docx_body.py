"""The report's blocks (final_blocks) as WordprocessingML: paragraphs in the report's named styles (docx_styles)
and tables drawn like the PDF's (a shaded title row repeated on every page, rules under each row, a frame,
right-aligned numbers, group rows across the table, short tables kept on one page).

The XML is written as text and parsed once per document: a 180-event report has thousands of cells, and
python-docx's object model per cell (or a style per run) costs several times the writing itself. No python-docx
import here; only the final document step (final_docx) parses what this writes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.final_blocks import KEEP_ROWS, Block, Blocks, Form, Gap, Grid, Heading, Keep, Pairs, Para

TWIPS_PER_MM = 1440 / 25.4
PAD_X, PAD_Y = 1.3, 0.9  # mm, as the PDF's cells (final_tables.PAD_X, PAD_Y)
CELL_HALF_POINTS = 15  # 7.5 pt: Word sizes go in half points (the PDF's cells are 7.8 pt)
STYLE_IDS = {  # a block's style name -> the paragraph style it is written in (docx_styles defines them)
    "title": "Title",
    "subtitle": "Subtitle",
    "meta": "ReportMeta",
    "part": "Heading1",
    "section": "Heading2",
    "sub": "Heading3",
    "body": "Normal",
    "muted": "ReportNote",
    "placeholder": "ReportToFill",
    "warning": "ReportWarning",
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def body_xml(blocks: Blocks) -> str:
    """The body's paragraphs and tables, in order (without the section properties)."""
    out: list[str] = []
    _write(blocks, out, keep=False)
    return "".join(out)


def _write(blocks: Iterable[Block], out: list[str], *, keep: bool) -> None:
    gap = 0.0
    last_table = False
    items = list(blocks)
    for n, block in enumerate(items):
        last = n == len(items) - 1
        keep_this = keep and not last
        if isinstance(block, Gap):
            gap += block.mm
            continue
        if isinstance(block, Keep):
            _write(block.blocks, out, keep=True)
            last_table = False
            continue
        if isinstance(block, (Para, Heading)):
            style = STYLE_IDS[block.style]
            out.append(paragraph(block.text.strip(), style, before_mm=gap, keep_next=keep_this))
            gap, last_table = 0.0, False
            continue
        if gap or last_table:  # two tables in a row would be joined into one by Word: a spacer between them
            out.append(spacer(gap or 0.4))
            gap = 0.0
        if isinstance(block, Grid):
            out.append(grid(block, keep=keep_this))
        elif isinstance(block, Pairs):
            out.append(pairs(block, keep=keep_this))
        elif isinstance(block, Form):
            out.append(form(block, keep=keep_this))
        last_table = True
    if gap:
        out.append(spacer(gap))


# ---- paragraphs ---------------------------------------------------------------------------------------------------


def runs(text: str, rpr: str = "") -> str:
    """Text runs; a line break stays a line break."""
    lines = _NOT_XML.sub("", text).replace("\t", " ").split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{rpr and f'<w:rPr>{rpr}</w:rPr>'}{inner}</w:r>"


def paragraph(
    text: str, style: str, *, before_mm: float = 0.0, keep_next: bool = False, align: str = "", rpr: str = ""
) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if before_mm:
        ppr += f'<w:spacing w:before="{twips(before_mm)}"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs(text, rpr) if text else ''}</w:p>"


def spacer(mm: float) -> str:
    """An empty line exactly `mm` tall (a gap before a table, which has no space of its own)."""
    return (
        f'<w:p><w:pPr><w:pStyle w:val="ReportSpacer"/><w:spacing w:before="0" w:after="0" w:line="{twips(mm)}" '
        'w:lineRule="exact"/></w:pPr></w:p>'
    )


# ---- tables -------------------------------------------------------------------------------------------------------


def _colour(hex_code: str) -> str:
    return hex_code.lstrip("#").upper()


def _border(side: str, points: float, colour: str) -> str:
    return f'<w:{side} w:val="single" w:sz="{max(2, round(points * 8))}" w:space="0" w:color="{_colour(colour)}"/>'


_NO_BORDER = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def _table(widths: Sequence[float], borders: str, rows: str, margins: tuple[float, float] = (PAD_X, PAD_Y)) -> str:
    total = sum(twips(w) for w in widths)
    x, y = (twips(m) for m in margins)
    columns = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{y}" w:type="dxa"/><w:left w:w="{x}" w:type="dxa"/>'
        f'<w:bottom w:w="{y}" w:type="dxa"/><w:right w:w="{x}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
        'w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{columns}</w:tblGrid>{rows}</w:tbl>"
    )


def _cell(
    text: str,
    width_mm: float,
    style: str,
    *,
    span: int = 1,
    fill: str = "",
    align: str = "",
    rpr: str = "",
    keep: bool = False,
    tcpr: str = "",
    valign: str = "",
) -> str:
    props = f'<w:tcW w:w="{twips(width_mm)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    props += tcpr
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{_colour(fill)}"/>'
    if valign:
        props += f'<w:vAlign w:val="{valign}"/>'
    ppr = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep else "") + (align and f'<w:jc w:val="{align}"/>')
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr>{ppr}</w:pPr>{runs(text, rpr) if text else ''}</w:p></w:tc>"


def grid(g: Grid, *, keep: bool = False) -> str:
    """A title row repeated on every page; a table of up to KEEP_ROWS rows is kept on one page, as in the PDF."""
    whole = keep or len(g.rows) <= KEEP_ROWS
    count = len(g.rows)
    align = ["right" if c in g.right else "" for c in range(len(g.widths))]
    head_rule = "<w:tcBorders>" + _border("bottom", 0.8, st.FRAME) + "</w:tcBorders>"
    head_size = f'<w:b/><w:sz w:val="{CELL_HALF_POINTS}"/>'
    cells = "".join(
        _cell(t, w, "ReportCell", fill=st.HEADER_FILL, align=a, keep=True, tcpr=head_rule, valign="center",
              rpr=_head_rpr(t, w, head_size))
        for t, w, a in zip(g.head, g.widths, align, strict=True)
    )  # fmt: skip
    out = [f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>"]
    for n, row in enumerate(g.rows, start=1):
        rpr = ("<w:b/>" if n in g.bold else "") + (
            f'<w:color w:val="{_colour(g.colours[n])}"/>' if n in g.colours else ""
        )
        fill = g.fills.get(n, "")
        keep_row = (whole and n < count) or (n in g.groups and n < count)
        if n in g.groups:
            cells = _cell(row[0], sum(g.widths), "ReportCell", span=len(g.widths), fill=fill, rpr=rpr, keep=keep_row)
        else:
            cells = "".join(
                _cell(t, w, "ReportCell", fill=fill, align=a, rpr=rpr, keep=keep_row)
                for t, w, a in zip(row, g.widths, align, strict=True)
            )
        out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    borders = (
        _border("top", 0.7, st.FRAME) + _border("left", 0.7, st.FRAME) + _border("bottom", 0.7, st.FRAME)
        + _border("right", 0.7, st.FRAME) + _border("insideH", 0.4, st.GRID) + '<w:insideV w:val="nil"/>'
    )  # fmt: skip
    return _table(g.widths, borders, "".join(out))


def _head_rpr(text: str, width_mm: float, base: str) -> str:
    """A column title shrinks rather than break a word (as the PDF's, by an estimate of DejaVu Sans Bold's width:
    about 0.57 of the size per letter)."""
    widest = max((len(w) for w in text.split()), default=0)
    room = (width_mm - 2 * PAD_X) * 72 / 25.4
    for half_points in (CELL_HALF_POINTS, 14, 13, 12, 11):
        if widest * 0.57 * half_points / 2 <= room:
            break
    return base.replace(f'w:val="{CELL_HALF_POINTS}"', f'w:val="{half_points}"')


def pairs(p: Pairs, *, keep: bool = False) -> str:
    widths = (p.label_mm, p.width_mm - p.label_mm)
    rows = []
    for n, (label, value) in enumerate(p.rows, start=1):
        keep_row = n < len(p.rows)
        label_cell = _cell(label, widths[0], "ReportLabel", fill=st.BAND_FILL, keep=keep_row)
        value_cell = _cell(value, widths[1], "ReportValue", keep=keep_row)
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{label_cell}{value_cell}</w:tr>")
    borders = (
        _border("top", 0.7, st.FRAME) + _border("left", 0.7, st.FRAME) + _border("bottom", 0.7, st.FRAME)
        + _border("right", 0.7, st.FRAME) + _border("insideH", 0.4, st.GRID) + '<w:insideV w:val="nil"/>'
    )  # fmt: skip
    return _table(widths, borders, "".join(rows), (PAD_X, 1.1))


def form(f: Form, *, keep: bool = False) -> str:
    """The signature block: labels at the bottom of tall rows, a line to write on under the empty cells."""
    rows = []
    line = "<w:tcBorders>" + _border("bottom", 0.6, st.FRAME) + "</w:tcBorders>"
    for n, row in enumerate(f.rows, start=1):
        cells = "".join(
            _cell(text, w, "ReportFormText", align="right" if c in f.right else "", valign="bottom",
                  tcpr=line if c in f.lines_under else "", keep=keep or n < len(f.rows))
            for c, (text, w) in enumerate(zip(row, f.widths, strict=True))
        )  # fmt: skip
        height = f'<w:trHeight w:val="{twips(f.height_mm)}" w:hRule="atLeast"/>'
        rows.append(f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>{cells}</w:tr>")
    return _table(f.widths, _NO_BORDER, "".join(rows))
