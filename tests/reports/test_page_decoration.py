"""The report's page decoration drawn on the first two pages and copied from the second on writes the same PDF,
byte for byte, as drawing it on every page: logos (the funder's and the project's own), header texts, a
publicity sentence over several lines, "Lapa X no Y"; a draft (watermark) is drawn on every page as before."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.reports import final_page
from projektu_vadiba.reports.common import Logo
from projektu_vadiba.reports.final_page import DocInfo, PageDecor, ReportDocument
from projektu_vadiba.reports.final_tables import make_styles
from projektu_vadiba.reports.fonts import register_fonts
from projektu_vadiba.resources import resource


def _every_page(self: ReportDocument, c: Canvas, doc: Any) -> None:
    """The decoration as it was drawn before (session 5): every call on every page."""
    c.saveState()
    if self.decor.draft_mark:
        self._watermark(c)
    self._header(c)
    self._footer_rules(c)
    self._page_number(c, doc.page)
    c.restoreState()


def _pdf(draft: str) -> tuple[bytes, int]:
    Logo._count = 0  # the logos' form names count up in a process
    fonts = register_fonts()
    own_logo = resource("logos", "leader.png").read_bytes()
    profile = profiles.load_profile("sif_nvo_fonds").for_project("", own_logo)
    decor = PageDecor(
        "Projekta Nr. 2023.LV/NVOF/MAC/041/58",
        "Ceļa karte iedzīvotāju kopienām: ģimenes, ķekavieši, ūdensmalas, žagatas",
        "Sabiedrības integrācijas fonds",
        "Projektu finansē Sabiedrības integrācijas fonds no Latvijas valsts budžeta līdzekļiem. " * 3,
        "Lapa {page} no",
        draft,
    )
    body = make_styles(fonts).body
    story = [Paragraph(f"{n}. rindkopa: āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ " * 12, body) for n in range(120)]
    document = ReportDocument(decor, profile, fonts, DocInfo("Noslēguma pārskats", "Biedrība", "Nr. 1", "lv"))
    return document.build(story)


@pytest.mark.parametrize("draft", ["", "MELNRAKSTS"])
def test_decoration_copied_from_the_second_page_is_written_as_drawn(
    draft: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setattr(Logo, "_count", 0)
    copied, pages = _pdf(draft)
    again, _ = _pdf(draft)  # a second document records its own
    monkeypatch.setattr(final_page.ReportDocument, "_decorate", _every_page)
    drawn, drawn_pages = _pdf(draft)
    assert pages == drawn_pages > 5
    assert copied == drawn
    assert again == drawn
    assert copied.count(b"/Subtype /Image") == 3  # the two logos, stored once (and one's transparency)
