"""Certificates of participation: one A4 page per person, in the funder's look (its logos and publicity sentence,
the implementer's logo), listing the events attended with dates and hours, signed by the implementer.

The wording comes from LABELS; a funder profile may override any of it in an optional "certificate" section
({"title": {"lv": ..., "en": ...}, ...}), so a funder's own form needs data, not code.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from projektu_vadiba.core.funders import FunderProfile, load_profile, pick
from projektu_vadiba.core.services.certificates import Certificate, CertificateEvent, CertificateSet
from projektu_vadiba.reports import styles as st
from projektu_vadiba.reports.common import Logo, funder_logos, implementer_logo
from projektu_vadiba.reports.fonts import Fonts, register_fonts
from projektu_vadiba.reports.text import fill, format_date, wrap

MM = st.MM
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN = 20 * MM
LOGO_H = 16 * MM

LABELS: dict[str, dict[str, str]] = {
    "lv": {
        "title": "APLIECINĀJUMS",
        "subtitle": "par dalību projekta pasākumos",
        "intro": "Ar šo apliecinām, ka",
        "took_part": "piedalījās projekta “{project_title}” (Nr. {project_number}) pasākumos, ko īstenoja "
        "{implementer}:",
        "nr": "Nr.",
        "date": "Datums",
        "event": "Pasākums",
        "place": "Vieta",
        "hours": "Stundas",
        "online": "tiešsaistē",
        "total": "Kopā",
        "funded": "Projekta finansētājs: {funder}{programme}.",
        "programme": ", programma “{programme}”",
        "issued": "Izsniegts {date}",
        "signature": "(paraksts, vārds, uzvārds, amats)",
        "on_behalf": "{implementer} vārdā",
    },
    "en": {
        "title": "CERTIFICATE",
        "subtitle": "of participation in the project's events",
        "intro": "This is to certify that",
        "took_part": "took part in the events of the project “{project_title}” (No. {project_number}) carried out "
        "by {implementer}:",
        "nr": "No.",
        "date": "Date",
        "event": "Event",
        "place": "Place",
        "hours": "Hours",
        "online": "online",
        "total": "Total",
        "funded": "The project is funded by {funder}{programme}.",
        "programme": ", programme “{programme}”",
        "issued": "Issued on {date}",
        "signature": "(signature, name, position)",
        "on_behalf": "On behalf of {implementer}",
    },
}


@dataclass(frozen=True)
class CertificatePdf:
    data: bytes
    pages: int


def hours_text(hours: Decimal, lang: str) -> str:
    text = f"{hours.normalize():f}"
    return text.replace(".", ",") if lang == "lv" else text


class _Labels:
    def __init__(self, lang: str, profile: FunderProfile) -> None:
        self.lang = lang if lang in LABELS else "lv"
        own = profile.raw.get("certificate")
        self.own: dict[str, Any] = own if isinstance(own, dict) else {}

    def __getitem__(self, key: str) -> str:
        if key in self.own:
            return pick(self.own[key], self.lang)
        return LABELS[self.lang][key]


def build_certificates_pdf(certs: CertificateSet, lang: str = "lv") -> CertificatePdf:
    from reportlab.pdfgen.canvas import Canvas

    profile = load_profile(certs.project.profile_key).for_project(certs.project.publicity, certs.project.logo)
    labels = _Labels(lang, profile)
    fonts = register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    c.setAuthor(certs.project.implementer)
    c.setTitle(labels["title"].capitalize() + f" — {certs.project.title}")
    c.setSubject(certs.project.number)
    page = _Page(certs, profile, labels, fonts)
    for cert in certs.certificates:
        page.draw(c, cert)
        c.showPage()
    c.save()
    return CertificatePdf(buffer.getvalue(), len(certs.certificates))


def write_certificates_pdf(certs: CertificateSet, path: Path, lang: str = "lv") -> CertificatePdf:
    from projektu_vadiba.core import atomic_files

    pdf = build_certificates_pdf(certs, lang)
    atomic_files.write_bytes(path, pdf.data)  # the previous file stays whole until the new one is complete
    return pdf


class _Page:
    """Everything but the person is the same on every page: logos, wording, publicity."""

    def __init__(self, certs: CertificateSet, profile: FunderProfile, labels: _Labels, fonts: Fonts) -> None:
        self.certs, self.profile, self.lb, self.f = certs, profile, labels, fonts
        project = certs.project
        self.left: list[Logo] = funder_logos(profile)
        own = implementer_logo(project.implementer_logo)
        self.right: list[Logo] = [own] if own is not None else []
        values = {
            "project_title": project.title,
            "project_number": project.number,
            "implementer": project.implementer,
            "funder": project.funder_name,
            "year": str(certs.issued_on.year),
        }
        self.values = values
        programme = fill(labels["programme"], {"programme": project.programme_name}) if project.programme_name else ""
        self.funded = fill(labels["funded"], {**values, "programme": programme})
        self.publicity = fill(pick(profile.publicity, labels.lang), values)
        self.width = PAGE_W - 2 * MARGIN

    def _text(self, c: Any, text: str, y: float, font: str, size: float, *, centre: bool = False) -> float:
        """Wrapped text from the top at `y`; returns the y below it."""
        for line in wrap(text, font, size, self.width):
            y -= size * st.LEADING
            c.setFont(font, size)
            if centre:
                c.drawCentredString(PAGE_W / 2, y, line)
            else:
                c.drawString(MARGIN, y, line)
        return y

    def draw(self, c: Any, cert: Certificate) -> None:
        from reportlab.lib.colors import HexColor

        lb, f = self.lb, self.f
        c.setFillColor(HexColor(st.INK))
        top = PAGE_H - MARGIN
        x = MARGIN
        for logo in self.left:
            x += logo.draw(c, x, top - LOGO_H, LOGO_H) + 3 * MM
        x = PAGE_W - MARGIN
        for logo in reversed(self.right):
            width, _ = logo.size(LOGO_H)
            x -= width
            logo.draw(c, x, top - LOGO_H, LOGO_H)
            x -= 3 * MM
        y = top - LOGO_H - 22 * MM
        y = self._text(c, lb["title"], y, f.bold, 24, centre=True)
        y = self._text(c, lb["subtitle"], y - 2 * MM, f.regular, 12, centre=True) - 14 * MM
        y = self._text(c, lb["intro"], y, f.regular, 11, centre=True) - 3 * MM
        y = self._text(c, cert.name, y, f.bold, 20, centre=True) - 5 * MM
        y = self._text(c, fill(lb["took_part"], self.values), y, f.regular, 10.5) - 4 * MM
        y = self._table(c, cert.events, y) - 8 * MM
        y = self._text(c, self.funded, y, f.regular, 9.5) - 14 * MM
        self._signature(c, y)
        self._footer(c)

    def _table(self, c: Any, events: tuple[CertificateEvent, ...], y: float) -> float:
        from reportlab.lib.colors import HexColor

        lb, f = self.lb, self.f
        widths = [10 * MM, 30 * MM, 72 * MM, 40 * MM, self.width - 152 * MM]
        heads = [lb["nr"], lb["date"], lb["event"], lb["place"], lb["hours"]]
        size = 9.0

        def row(cells: list[str], font: str, fill_colour: str | None) -> None:
            nonlocal y
            lines = [wrap(text, font, size, w - 3 * MM) or [""] for text, w in zip(cells, widths, strict=True)]
            height = max(len(x) for x in lines) * size * st.LEADING + 3 * MM
            if fill_colour:
                c.setFillColor(HexColor(fill_colour))
                c.rect(MARGIN, y - height, self.width, height, stroke=0, fill=1)
            c.setFillColor(HexColor(st.INK))
            c.setStrokeColor(HexColor(st.GRID))
            c.setLineWidth(0.5)
            c.line(MARGIN, y - height, MARGIN + self.width, y - height)
            cx = MARGIN
            for n, (cell, w) in enumerate(zip(lines, widths, strict=True)):
                ty = y - 1.5 * MM
                for line in cell:
                    ty -= size * st.LEADING
                    c.setFont(font, size)
                    if n == len(widths) - 1:
                        c.drawRightString(cx + w - 1.5 * MM, ty + 0.2 * size, line)
                    else:
                        c.drawString(cx + 1.5 * MM, ty + 0.2 * size, line)
                cx += w
            y -= height

        row(heads, f.bold, st.HEADER_FILL)
        for n, e in enumerate(events, start=1):
            when = format_date(e.first_day)
            if e.last_day != e.first_day:
                when = f"{e.first_day:%d.%m.}–{format_date(e.last_day)}"
            place = e.place or (lb["online"] if e.online else "")
            title = f"{e.activity_code} {e.title}".strip() if e.activity_code else e.title
            row([str(n), when, title, place, hours_text(e.hours, lb.lang)], f.regular, None)
        total = sum((e.hours for e in events), Decimal(0))
        row(["", "", lb["total"], "", hours_text(total, lb.lang)], f.bold, st.BAND_FILL)
        return y

    def _signature(self, c: Any, y: float) -> None:
        lb, f = self.lb, self.f
        c.setFont(f.regular, 10)
        c.drawString(MARGIN, y, fill(lb["issued"], {"date": format_date(self.certs.issued_on)}))
        c.drawString(MARGIN, y - 7 * MM, fill(lb["on_behalf"], self.values))
        line_y = y - 22 * MM
        c.line(MARGIN, line_y, MARGIN + 90 * MM, line_y)
        c.setFont(f.regular, 7.5)
        c.drawString(MARGIN, line_y - 4 * MM, lb["signature"])

    def _footer(self, c: Any) -> None:
        from reportlab.lib.colors import HexColor

        if not self.publicity:
            return
        lines = wrap(self.publicity, self.f.italic, st.PUBLICITY_SIZE, self.width)
        y = MARGIN + len(lines) * st.PUBLICITY_SIZE * st.LEADING
        c.setStrokeColor(HexColor(st.GRID))
        c.line(MARGIN, y + 2 * MM, PAGE_W - MARGIN, y + 2 * MM)
        c.setFillColor(HexColor(st.INK))
        c.setFont(self.f.italic, st.PUBLICITY_SIZE)
        for line in lines:
            y -= st.PUBLICITY_SIZE * st.LEADING
            c.drawString(MARGIN, y + 0.22 * st.PUBLICITY_SIZE, line)
