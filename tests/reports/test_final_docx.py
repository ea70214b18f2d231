"""The final and interim report as DOCX: made from the same story as the PDF, it opens in LibreOffice Writer,
says the same as the PDF in the same order (tests/reports/docx_text.py says exactly what is compared), keeps
every Latvian letter, and carries the page furniture (logos, project number and title, publicity sentence,
"Lapa X no Y") on every page of every section."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.projects import find_project_id
from projektu_vadiba.core.services.report_dto import ReportData
from projektu_vadiba.reports.common import funder_logo_files
from projektu_vadiba.reports.final_blocks import Grid, Keep
from projektu_vadiba.reports.final_docx import build_report_docx, write_report_docx
from projektu_vadiba.reports.final_report import ReportOptions, build_report_pdf, gather
from projektu_vadiba.reports.final_story import story
from tests.reports.docx_text import (
    W,
    body_of_pdf,
    convert,
    docx_body_text,
    first_difference,
    pdf_pages,
    squeeze,
)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ROAD_MAP, COMMUNITY_HOUSE = "2023.LV/NVOF/MAC/041/58", "23-00-U31523.0-000003"
LATVIAN = "āčēģīķļņšūž"  # every letter in both cases: test_every_latvian_letter_in_upper_and_lower_case_stays
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass(frozen=True)
class Made:
    name: str
    data: ReportData
    draft: bool
    pdf: Path
    docx: Path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Made]]:
    """The demo's SIF road-map project (final; interim for spring 2023 as a draft) and its LEADER project (final
    draft, three logos), each as PDF and as DOCX."""
    folder = tmp_path_factory.mktemp("docx")
    clock.set_clock(datetime(2024, 1, 8, 10, 0))
    db = open_database(f"sqlite:///{folder / 'demo.sqlite'}")
    try:
        with db.session() as s:
            fill_demo(s)
        with db.session() as s:
            road_map, house = find_project_id(s, ROAD_MAP), find_project_id(s, COMMUNITY_HOUSE)
            wanted = [
                ("final", gather(s, road_map)[0], False),
                ("interim", gather(s, road_map, (date(2023, 3, 1), date(2023, 6, 30)))[0], True),
                ("leader", gather(s, house)[0], True),
            ]
        out = []
        for name, data, draft in wanted:
            options = ReportOptions(draft=draft)
            pdf, docx = folder / f"{name}.pdf", folder / f"{name}.docx"
            pdf.write_bytes(build_report_pdf(data, options).data)
            write_report_docx(data, docx, options)
            out.append(Made(name, data, draft, pdf, docx))
        yield out
    finally:
        db.close()
        clock.set_clock(None)


def _furniture(m: Made) -> list[str]:
    p = m.data.project
    marks = ["MELNRAKSTS"] if m.draft else []
    # The PDF's header cuts a long title to one line ("… kopienas…"); the DOCX's header has room for it whole.
    words = p.title.split()
    cut = [" ".join(words[:k]).rstrip(",.:;–- ") + "…" for k in range(1, len(words))]
    return [f"Projekta Nr. {p.number}", p.title, *cut, *marks, _publicity(m)]


def _publicity(m: Made) -> str:
    return story(m.data, (), 174, False).publicity


def _title_rows(m: Made) -> list[str]:
    blocks = story(m.data, (), 174, False).blocks
    flat = [b for x in blocks for b in (x.blocks if isinstance(x, Keep) else [x])]
    return [" ".join(b.head) for b in flat if isinstance(b, Grid)]


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer"
)
def test_writer_opens_the_docx_and_its_text_is_the_pdfs(made: list[Made], tmp_path: Path) -> None:
    assert SOFFICE is not None
    written = convert([m.docx for m in made], tmp_path, SOFFICE)
    for m, writer_pdf in zip(made, written, strict=True):
        pieces = _furniture(m)
        pdf_text = body_of_pdf(m.pdf, pieces)
        writer_text = body_of_pdf(writer_pdf, pieces)
        xml_text = squeeze(docx_body_text(m.docx))
        heads = _title_rows(m)
        assert len(pdf_text) > 2000 and heads, m.name  # a whole report, with tables, is compared
        assert first_difference(pdf_text, writer_text, heads) is None, (m.name, first_difference(pdf_text,
                                                                                    writer_text, heads))  # fmt: skip
        assert first_difference(pdf_text, xml_text, heads) is None, (m.name, first_difference(pdf_text, xml_text,
                                                                                               heads))  # fmt: skip
        letters = set(LATVIAN) & set(pdf_text)
        assert len(letters) >= 8 and letters <= set(writer_text), m.name  # read back from Writer's PDF


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer"
)
def test_every_page_writer_lays_out_has_the_header_and_the_footer(made: list[Made], tmp_path: Path) -> None:
    assert SOFFICE is not None
    written = convert([m.docx for m in made], tmp_path, SOFFICE)
    for m, writer_pdf in zip(made, written, strict=True):
        pages = pdf_pages(writer_pdf)
        assert len(pages) >= 3, m.name
        header = squeeze(f"Projekta Nr. {m.data.project.number}") + squeeze(m.data.project.title)
        header += "MELNRAKSTS" if m.draft else ""
        for n, page in enumerate(pages, start=1):
            # Once each on every page; where they fall in the text depends on Writer's version (Debian 13's writes
            # the footer before the body).
            text = squeeze(page)
            assert text.count(header) == 1, (m.name, n, text[:120])
            footer = squeeze(f"{_publicity(m)} Lapa {n} no {len(pages)}")
            assert text.count(footer) == 1, (m.name, n, text[-160:])


def test_every_section_has_the_logo_the_publicity_and_page_numbers(made: list[Made]) -> None:
    for m in made:
        with zipfile.ZipFile(m.docx) as z:
            document = etree.fromstring(z.read("word/document.xml"))
            rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
            settings = etree.fromstring(z.read("word/settings.xml"))
            targets = {r.get("Id"): r.get("Target") for r in rels}
            sections = list(document.iter(f"{W}sectPr"))
            assert sections, m.name
            # One header and footer for all pages: no other first page, no other even pages.
            assert settings.find(f"{W}evenAndOddHeaders") is None
            for section in sections:
                assert section.find(f"{W}titlePg") is None
                refs = {ref.tag: ref for ref in section if ref.tag in (f"{W}headerReference", f"{W}footerReference")}
                header_ref, footer_ref = refs[f"{W}headerReference"], refs[f"{W}footerReference"]
                assert header_ref.get(f"{W}type") == footer_ref.get(f"{W}type") == "default"
                header_part = "word/" + targets[header_ref.get(f"{R}id")]
                footer_part = "word/" + targets[footer_ref.get(f"{R}id")]
                header = etree.fromstring(z.read(header_part))
                footer = etree.fromstring(z.read(footer_part))
                header_rels = etree.fromstring(z.read(header_part.replace("word/", "word/_rels/") + ".rels"))
                images = {r.get("Id"): r.get("Target") for r in header_rels if r.get("Type", "").endswith("/image")}
                embedded = [b.get(f"{R}embed") for b in header.iter() if b.get(f"{R}embed")]
                logos = funder_logo_files(m.data.profile)
                assert len(embedded) == len(logos) >= 1, m.name
                for rid, logo in zip(embedded, logos, strict=True):
                    assert z.read("word/" + images[rid]) == logo.read_bytes()  # the funder's own file
                header_text = "".join(t.text or "" for t in header.iter(f"{W}t"))
                assert m.data.project.number in header_text and m.data.project.title in header_text
                footer_text = "".join(t.text or "" for t in footer.iter(f"{W}t"))
                assert _publicity(m) and _publicity(m) in footer_text
                fields = [t.text.strip() for t in footer.iter(f"{W}instrText")]
                assert fields == ["PAGE", "NUMPAGES"]


def test_latvian_letters_and_styles_in_the_docx(made: list[Made]) -> None:
    final = next(m for m in made if m.name == "final")
    with zipfile.ZipFile(final.docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
        styles = etree.fromstring(z.read("word/styles.xml"))
    assert set(LATVIAN) - {"č"} <= set(body)  # the demo's road map has no "č"
    assert "Sabiedrības integrācijas fonds" in body
    ids = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    used = set(re.findall(r'w:pStyle w:val="(\w+)"', body))
    assert {"Title", "Heading1", "Heading2", "Heading3", "Normal", "ReportCell", "ReportNote"} <= used | {"Normal"}
    for style in [styles.find(f"{W}docDefaults/{W}rPrDefault"), *(ids[u] for u in used | {"Normal"})]:
        fonts = [f.get(f"{W}ascii") for f in style.iter(f"{W}rFonts")]
        assert fonts == ["DejaVu Sans"], (style.get(f"{W}styleId"), fonts)  # not the template's theme fonts
    assert "w:rFonts" not in body  # no run sets its own font: the styles decide
    assert ids["Heading1"].find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "0"  # parts: bookmarks, navigation
    langs = {el.get(f"{W}val") for el in styles.iter(f"{W}lang")}
    assert langs == {"lv-LV"}  # Latvian spelling for the manager who finishes it


def test_every_latvian_letter_in_upper_and_lower_case_stays(tmp_path: Path) -> None:
    from tests.reports.report_sample import TEXT, make_report_project

    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with db.session() as s:
            sample = make_report_project(s, "eea_active_citizens")
            data, _ = gather(s, sample.project_id)
    finally:
        db.close()
    path = tmp_path / "eea.docx"
    write_report_docx(data, path)
    text = docx_body_text(path)
    assert TEXT in text
    assert set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ") <= set(text)


def test_the_same_data_gives_the_same_file(made: list[Made]) -> None:
    m = made[0]
    again = build_report_docx(m.data, ReportOptions(draft=m.draft)).data
    assert _parts(again) == _parts(m.docx.read_bytes())


def _parts(data: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_empty_mandatory_texts_stop_the_docx_unless_a_draft(made: list[Made]) -> None:
    interim = next(m for m in made if m.name == "interim")
    assert interim.data.missing_texts  # the demo's spring 2023 has no interim texts
    with pytest.raises(AppError) as raised:
        build_report_docx(interim.data)
    assert "vai veidojiet pārskata melnrakstu" in raised.value.message
    draft = build_report_docx(interim.data, ReportOptions(draft=True))
    assert draft.draft and draft.missing == interim.data.missing_texts
    assert "[Jāaizpilda:" in docx_body_text(interim.docx)
