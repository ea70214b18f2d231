"""The DOCX report's paragraph styles: the PDF's styles (final_tables.make_styles) as named Word styles, so a
manager who edits the document keeps the look by picking a style. Parts and sections are Word's own "heading 1"
and "heading 2" (the navigation pane and a PDF exported from Word or Writer get them as bookmarks).

Every style names DejaVu Sans, the PDF's font (bundled with the app; a computer without it shows another sans
font), and the document's language is the report's (Word and Writer check Latvian spelling)."""

from __future__ import annotations

from dataclasses import dataclass

from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.docx_body import twips

FONT = "DejaVu Sans"
LANGUAGES = {"lv": "lv-LV", "en": "en-GB"}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Style:
    style_id: str
    name: str  # Word's built-in names in lower case ("heading 1") are shown translated by Word
    size: float  # pt
    bold: bool = False
    italic: bool = False
    colour: str = st.INK
    before: float = 0.0  # mm
    after: float = 0.0  # mm
    align: str = ""
    keep_next: bool = False
    fill: str = ""
    outline: int | None = None
    leading: float = 1.3  # line height as a multiple of the size (the PDF's leading)


STYLES = (
    Style("Normal", "Normal", 9, after=1.5),
    Style("Title", "Title", 16, bold=True, align="center", after=3, keep_next=True),
    Style("Subtitle", "Subtitle", 11, bold=True, align="center", after=1.5, keep_next=True),
    Style("ReportMeta", "Pārskata dati", 8.5, align="center", keep_next=True),
    Style("Heading1", "heading 1", 12.5, bold=True, before=5, after=2.5, keep_next=True, fill=st.HEADER_FILL,
          outline=0),
    Style("Heading2", "heading 2", 11, bold=True, before=4.5, after=2, keep_next=True, outline=1),
    Style("Heading3", "heading 3", 9, bold=True, before=2.5, after=1.2, keep_next=True, outline=2),
    Style("ReportNote", "Piezīme", 8, italic=True, colour=st.MUTED, after=1.2),
    Style("ReportToFill", "Jāaizpilda", 9, bold=True, after=1.5, fill="#fdecea"),
    Style("ReportWarning", "Brīdinājums", 8.5, after=1, fill="#fff4ce"),
    Style("ReportCell", "Tabulas teksts", 7.5, leading=1.2),
    Style("ReportLabel", "Tabulas nosaukums", 8, colour=st.MUTED, leading=1.25),
    Style("ReportValue", "Tabulas vērtība", 9, leading=1.25),
    Style("ReportFormText", "Parakstu teksts", 8.5, leading=1.2),
    Style("ReportSpacer", "Atstarpe", 1, leading=1.0),
    Style("Header", "header", 7.5, colour=st.MUTED, leading=1.2),
    Style("Footer", "footer", 7, italic=True, leading=1.22),
)  # fmt: skip

# DejaVu Sans's own line height is about 1.164 of its size: Word's "multiple" spacing counts in those lines.
_NATURAL = 1.164


def style_xml(s: Style) -> str:
    ppr = "<w:keepNext/>" if s.keep_next else ""
    if s.fill:
        ppr += f'<w:shd w:val="clear" w:color="auto" w:fill="{s.fill.lstrip("#").upper()}"/>'
    line = round(240 * s.leading / _NATURAL)
    ppr += f'<w:spacing w:before="{twips(s.before)}" w:after="{twips(s.after)}" w:line="{line}" w:lineRule="auto"/>'
    if s.align:
        ppr += f'<w:jc w:val="{s.align}"/>'
    if s.outline is not None:
        ppr += f'<w:outlineLvl w:val="{s.outline}"/>'
    half = round(s.size * 2)
    rpr = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    rpr += ("<w:b/><w:bCs/>" if s.bold else "") + ("<w:i/><w:iCs/>" if s.italic else "")
    rpr += f'<w:color w:val="{s.colour.lstrip("#").upper()}"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    based = "" if s.style_id == "Normal" else '<w:basedOn w:val="Normal"/>'
    default = ' w:default="1"' if s.style_id == "Normal" else ""
    return (
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph"{default} w:styleId="{s.style_id}"><w:name w:val="{s.name}"/>'
        f"{based}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def defaults_xml(lang: str) -> str:
    """The document's run defaults: the font and the language (spelling) of every run."""
    code = LANGUAGES.get(lang, "lv-LV")
    return (
        f'<w:rPrDefault xmlns:w="{W_NS}"><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" '
        f'w:eastAsia="{FONT}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'
        f'<w:lang w:val="{code}" w:eastAsia="{code}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    )
