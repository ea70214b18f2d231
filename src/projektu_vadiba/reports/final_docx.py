"""The final (or interim) report as an editable Word document (DOCX): the same story as the PDF (final_story:
title block, parts, numbered sections, tables, signature block), the same styles (docx_styles), and on every
page the same furniture: the funder's logos with the project's number and title in the header, the funder's
publicity sentence and "Lapa X no Y" (Word fields, counted by Word or Writer when the page is shown) in the footer.

    with db.session() as s:
        data, _ = gather(s, project_id)
    docx = build_report_docx(data, ReportOptions(draft=True))
    docx.data

What differs from the PDF, on purpose: the attended-people lists are not appended (they are signed sheets, PDF
only; make them as "Dalībnieku saraksti"), and a draft says "MELNRAKSTS" in every header and in the note under
the title but carries no large mark across the page (a manager finishing the document would have to remove it).
python-docx is imported with this module (only report making imports it, never the app's start-up)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.services.report_dto import MissingText, ReportData
from projektu_vadiba.reports import docx_styles
from projektu_vadiba.reports import final_blocks as geo
from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.common import funder_logo_files
from projektu_vadiba.reports.docx_body import body_xml, paragraph, runs, twips
from projektu_vadiba.reports.final_labels import ReportLabels
from projektu_vadiba.reports.final_story import ReportOptions, Story, check_texts, story

LOGO_MAX_WIDTH_MM = 42.0  # as the PDF's (common.LOGO_MAX_WIDTH)
PAGE_SLOT_MM = 28.0  # the footer's right column: "Lapa 888 no 888"
DRAFT_COLOUR = "C0392B"


@dataclass(frozen=True)
class ReportDocx:
    data: bytes
    draft: bool
    missing: tuple[MissingText, ...]


def build_report_docx(data: ReportData, options: ReportOptions | None = None) -> ReportDocx:
    """The report as DOCX bytes; a mandatory text left empty stops it unless a draft is asked for."""
    options = options or ReportOptions()
    missing = check_texts(data, options.draft)
    content = story(data, missing if options.draft else (), geo.CONTENT_WIDTH_MM, False)
    doc = Document()
    _styles(doc, data.lang)
    _page(doc, content)
    _header(doc, data, content.labels, options.draft)
    _footer(doc, content)
    _properties(doc, data)
    body = doc.element.body
    end = body.find(qn("w:sectPr"))
    for child in parse_xml(f"<w:body {nsdecls('w')}>{body_xml(content.blocks)}</w:body>"):
        end.addprevious(child)
    out = io.BytesIO()
    doc.save(out)
    return ReportDocx(out.getvalue(), options.draft, missing)


def write_report_docx(data: ReportData, path: Path, options: ReportOptions | None = None) -> ReportDocx:
    made = build_report_docx(data, options)
    atomic_files.write_bytes(path, made.data)  # the previous file stays whole until the new one is complete
    return made


# ---- the document around the text ---------------------------------------------------------------------------------


def _styles(doc: DocxDocument, lang: str) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    old = defaults.find(qn("w:rPrDefault"))
    old.addprevious(parse_xml(docx_styles.defaults_xml(lang)))
    defaults.remove(old)
    by_id = {el.get(qn("w:styleId")): el for el in styles.findall(qn("w:style"))}
    for style in docx_styles.STYLES:
        fresh = parse_xml(docx_styles.style_xml(style))
        if style.style_id in by_id:
            by_id[style.style_id].addprevious(fresh)
            styles.remove(by_id[style.style_id])
        else:
            styles.append(fresh)


def _footer_lines(publicity: str) -> int:
    """About how many lines the publicity sentence takes in the footer (DejaVu Sans Oblique at 7 pt: some 1.3 mm a
    letter); the bottom margin leaves room for them, as the PDF's frame does."""
    room = geo.CONTENT_WIDTH_MM - PAGE_SLOT_MM - 2 * 1.3
    return max(1, int(-(-len(publicity) * 1.3 // room))) if publicity else 1


def _page(doc: DocxDocument, content: Story) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(geo.PAGE_WIDTH_MM), Mm(geo.PAGE_HEIGHT_MM)
    section.left_margin = section.right_margin = Mm(geo.MARGIN_X_MM)
    section.top_margin = Mm(geo.FRAME_TOP_MM)
    section.header_distance = Mm(geo.HEADER_TOP_MM)
    footer_height = _footer_lines(content.publicity) * geo.FOOTER_SIZE * st.LEADING / st.MM + 2.5
    section.footer_distance = Mm(geo.FOOTER_BASE_MM - 2.5)
    section.bottom_margin = Mm(geo.FOOTER_BASE_MM + footer_height + 4)


def _frame_table(widths: tuple[float, float], border: str, left: str, right: str) -> str:
    """A two-column table without rules but one (under the header, above the footer)."""
    rule = f'<w:{border} w:val="single" w:sz="5" w:space="0" w:color="{st.GRID.lstrip("#").upper()}"/>'
    columns = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    valign = "bottom" if border == "bottom" else "top"
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{twips(w)}" w:type="dxa"/><w:vAlign w:val="{valign}"/></w:tcPr>{inner}</w:tc>'
        for w, inner in zip(widths, (left, right), strict=True)
    )
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(twips(w) for w in widths)}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{rule}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        f"<w:tblGrid>{columns}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"
    )


def _header(doc: DocxDocument, data: ReportData, labels: ReportLabels, draft: bool) -> None:
    """Logos at the left, the project's number and title at the right, a rule under them; on every page."""
    header = doc.sections[0].header
    header.is_linked_to_previous = False
    sources: list[Path | bytes] = [*funder_logo_files(data.profile)]
    if data.profile.project_logo:  # the project's own funder (a municipality): after the profile's, as in the PDF
        sources.append(data.profile.project_logo)
    logos = [(source, size) for source in sources if (size := _logo_size(source)) is not None]
    logos_width = sum(w for _path, (w, _h) in logos) + 3 * len(logos)
    left_width = max(logos_width, 40.0) if logos else geo.CONTENT_WIDTH_MM / 2
    right_width = geo.CONTENT_WIDTH_MM - left_width
    p = data.project
    left = paragraph("" if logos else p.funder.name, "Header", rpr='<w:sz w:val="16"/>')
    right = paragraph(f"{labels['project_number']} {p.number}", "Header", align="right",
                      rpr=f'<w:b/><w:color w:val="{st.INK.lstrip("#").upper()}"/><w:sz w:val="17"/>')  # fmt: skip
    right += paragraph(p.title, "Header", align="right")
    if draft:
        right += paragraph(labels["draft"], "Header", align="right",
                           rpr=f'<w:b/><w:color w:val="{DRAFT_COLOUR}"/><w:sz w:val="17"/>')  # fmt: skip
    element = header._element
    for old in list(element):
        element.remove(old)
    element.append(parse_xml(_frame_table((left_width, right_width), "bottom", left, right)))
    element.append(parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="ReportSpacer"/></w:pPr></w:p>'))
    cell_paragraph = element.find(qn("w:tbl")).find(qn("w:tr")).find(qn("w:tc")).find(qn("w:p"))
    run = Paragraph(cell_paragraph, header).add_run()
    for n, (path, (width, height)) in enumerate(logos):
        if n:
            run.add_text("  ")
        run.add_picture(_picture(path), width=Mm(width), height=Mm(height))


def _picture(source: Path | bytes) -> str | io.BytesIO:
    return io.BytesIO(source) if isinstance(source, bytes) else str(source)


def _logo_size(path: Path | bytes) -> tuple[float, float] | None:
    """Width and height in mm at the PDF's logo height, no wider than the PDF allows; None: not a picture."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    try:
        image = Image.from_file(_picture(path))
    except (OSError, UnrecognizedImageError, ValueError):  # a broken picture must not stop the report
        return None
    px_w, px_h = image.px_width, max(image.px_height, 1)
    width = geo.LOGO_HEIGHT_MM * px_w / px_h
    if width > LOGO_MAX_WIDTH_MM:
        return LOGO_MAX_WIDTH_MM, LOGO_MAX_WIDTH_MM * px_h / max(px_w, 1)
    return width, geo.LOGO_HEIGHT_MM


def _field(code: str) -> str:
    bold = '<w:rPr><w:b/><w:i w:val="0"/></w:rPr>'
    return (
        f'<w:r>{bold}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{bold}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        f'<w:r>{bold}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{bold}<w:t>1</w:t></w:r>'
        f'<w:r>{bold}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _footer(doc: DocxDocument, content: Story) -> None:
    """The publicity sentence at the left, "Lapa X no Y" at the right, a rule above them; on every page."""
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    before, _, after = content.labels["page"].partition("{page}")
    plain = '<w:b/><w:i w:val="0"/>'
    page = (
        '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>'
        f"{runs(before, plain) if before else ''}{_field('PAGE')}{runs(after.rstrip() + ' ', plain)}"
        f"{_field('NUMPAGES')}</w:p>"
    )
    left = paragraph(content.publicity, "Footer")
    element = footer._element
    for old in list(element):
        element.remove(old)
    widths = (geo.CONTENT_WIDTH_MM - PAGE_SLOT_MM, PAGE_SLOT_MM)
    element.append(parse_xml(_frame_table(widths, "top", left, page)))
    element.append(parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="ReportSpacer"/></w:pPr></w:p>'))


def _properties(doc: DocxDocument, data: ReportData) -> None:
    props = doc.core_properties
    props.title = f"{data.title} — {data.project.title}"
    props.author = props.last_modified_by = data.project.implementer.name
    props.subject = data.project.number
    props.language = docx_styles.LANGUAGES.get(data.lang, "lv-LV")
    props.comments = "Projektu vadība"
    props.revision = 1
    # The report's date, not that of python-docx's template (a file made twice from the same data is the same).
    props.created = props.modified = datetime.combine(data.generated_on, time(12))


__all__ = ["ReportDocx", "ReportOptions", "build_report_docx", "write_report_docx"]
