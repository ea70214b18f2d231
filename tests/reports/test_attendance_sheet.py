"""Attendance sheet PDFs read back (pdftotext and pypdf): every profile, every variant, the hard cases."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.dto_sheets import SheetSet, SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.funders import load_profile, pick
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, people, sheets
from projektu_vadiba.reports.attendance_sheet import (
    SheetOptions,
    SheetPdf,
    build_attendance_pdf,
    suggested_file_name,
    write_attendance_pdf,
)
from projektu_vadiba.reports.sheet_layout import CORNER_CLEAR, MIN_ROW_MM
from projektu_vadiba.resources import resource
from tests.reports.conftest import SampleFactory
from tests.reports.pdftools import (
    font_names,
    image_count,
    page_sizes_mm,
    pdftotext_pages,
    pypdf_pages,
    squeeze,
    words,
)
from tests.reports.sample import FUNDERS, LOWER, PEOPLE, UPPER, add_people

pytestmark = pytest.mark.usefixtures("own_data_dir")

PROFILES = ["sif_nvo_fonds", "eea_active_citizens", "lad_leader", "generic"]
ATTENDED = [p for p in PEOPLE if p[8] is AttendanceStatus.ATTENDED]


def sheet_set(sample_db: SampleFactory, profile: str, variant: SheetVariant, *, event: str = "main") -> SheetSet:
    db, sample = sample_db(profile)
    with db.session() as s:
        if event == "project":
            return sheets.project_sheets(s, sample.project_id, variant)
        if event == "activity":
            return sheets.activity_sheets(s, sample.activity_id, variant)
        return sheets.event_sheets(s, sample.event_id if event == "main" else sample.empty_event_id, variant)


def publicity(profile: str) -> str:
    p = load_profile(profile)
    return pick(p.raw.get("event_publicity") or p.publicity)


def check_pages(pdf: SheetPdf, texts: list[str]) -> None:
    """Every page: the table's title row, the footer, and "Lapa k no n" counted within its sheet."""
    assert len(texts) == pdf.page_count
    for plan, text in zip(pdf.pages, texts, strict=True):
        assert f"Lapa {plan.page} no {plan.pages}" in text
        assert "Nr.p.k." in squeeze(text)  # the table's title row
        assert "(vārds, uzvārds, paraksts)" in text


@pytest.mark.parametrize("profile", PROFILES)
def test_prefilled_sheet_of_every_profile(sample_db: SampleFactory, profile: str) -> None:
    data = sheet_set(sample_db, profile, SheetVariant.PREFILLED)
    pdf = build_attendance_pdf(data)
    texts = pdftotext_pages(pdf.data)
    both = "\n".join(texts) + "\n".join(pypdf_pages(pdf.data))
    number = FUNDERS[profile][1]

    check_pages(pdf, texts)
    assert "Lapa 1 no " in texts[0]
    assert f"Projekta Nr. {number}" in texts[0]
    assert "17.10.2023" in texts[0] and "18.00–20.30" in texts[0] and "otrdiena" in texts[0]
    assert squeeze("Baldones kultūras centrs, Pils iela 4, Baldone, LV-2125, Ķekavas novads") in squeeze(texts[0])
    assert "Kopienu tikšanās Baldonē" in texts[0] and "1.2. Kopienu tikšanās sešās vietās" in texts[0]
    assert "Biedrība “Ķekavas novada kopienu tīkls”" in texts[0]
    for given, surname, *_ in PEOPLE:
        assert given in both and surname in both, (given, surname)
    for letter in LOWER + UPPER:
        assert letter in both, letter
    if publicity(profile):
        assert squeeze(publicity(profile)) in squeeze(texts[0])
    # The notice: controller, purpose, photographs, how long the sheet is kept.
    notice = squeeze(texts[-1])
    assert squeeze("Pārzinis: Biedrība “Ķekavas novada kopienu tīkls”, reģ. nr. 40008271453") in notice
    assert "fotografē" in notice and "līdz31.12.2028" in notice and squeeze(f"Nr. {number}") in notice
    # Contacts of other people are shown only partly on a sheet that passes from hand to hand.
    assert "arija@example.org" not in both
    # Only the bundled DejaVu Sans: a standard font would lose ā ē ī ū.
    assert font_names(pdf.data) and all("DejaVuSans" in f for f in font_names(pdf.data))


@pytest.mark.parametrize("profile", PROFILES)
def test_blank_sheet_has_numbered_rows_and_no_names(sample_db: SampleFactory, profile: str) -> None:
    pdf = build_attendance_pdf(sheet_set(sample_db, profile, SheetVariant.BLANK))
    texts = pdftotext_pages(pdf.data)
    check_pages(pdf, texts)
    assert pdf.page_count == 1 and "Lapa 1 no 1" in texts[0]
    assert all(surname not in texts[0] for _, surname, *_ in PEOPLE)
    [page] = pdf.pages
    assert [r.number for r in page.rows] == list(range(1, len(page.rows) + 1))
    assert len(page.rows) >= 8 and all(r.person_id is None for r in page.rows)
    assert "17.10.2023" in texts[0] and FUNDERS[profile][1] in texts[0]


@pytest.mark.parametrize("profile", PROFILES)
def test_annex_lists_only_those_who_came(sample_db: SampleFactory, profile: str) -> None:
    pdf = build_attendance_pdf(sheet_set(sample_db, profile, SheetVariant.ATTENDED))
    texts = pdftotext_pages(pdf.data)
    text = "\n".join(texts)
    check_pages(pdf, texts)
    flat = " ".join(text.split())  # a title beside three logos (LEADER) wraps
    assert "Pasākuma dalībnieku saraksts" in flat and f"Kopā piedalījās: {len(ATTENDED)}" in flat
    assert "Sarakstu sagatavoja:" in text
    for person in PEOPLE:
        assert (person[1] in text) is (person[8] is AttendanceStatus.ATTENDED), person[1]
    assert all(not p.signature_columns for p in pdf.pages)  # nothing to sign on the annex


def test_batch_numbers_pages_per_sheet(sample_db: SampleFactory) -> None:
    data = sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED, event="project")
    assert len(data.sheets) == 4
    pdf = build_attendance_pdf(data, SheetOptions(blank_rows=12))
    texts = pdftotext_pages(pdf.data)
    check_pages(pdf, texts)
    by_event: dict[int, list[tuple[int, int]]] = {}
    for plan in pdf.pages:
        by_event.setdefault(plan.event_id, []).append((plan.page, plan.pages))
    assert list(by_event) == [sh.event.id for sh in data.sheets]  # one sheet per event, in start order
    for pages in by_event.values():
        n = len(pages)
        assert pages == [(k, n) for k in range(1, n + 1)]
    assert [p.page for p in pdf.pages].count(1) == 4  # "Lapa 1 no N" starts again for each event
    assert any(n > 1 for (_, n) in (pages[0] for pages in by_event.values()))
    # Each page carries its own event's title and date.
    for plan, text in zip(pdf.pages, texts, strict=True):
        sheet = next(sh for sh in data.sheets if sh.event.id == plan.event_id)
        assert sheet.event.title in text and f"{sheet.event.starts_at:%d.%m.%Y}" in text


def test_activity_batch_and_an_event_nobody_registered_for(sample_db: SampleFactory) -> None:
    data = sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED, event="activity")
    pdf = build_attendance_pdf(data)
    empty_pages = [p for p in pdf.pages if p.event_id == data.sheets[1].event.id]
    assert len(empty_pages) == 1 and [r.number for r in empty_pages[0].rows] == [1, 2, 3, 4, 5]
    text = pdftotext_pages(pdf.data)[empty_pages[0].index]
    assert "Darba grupas sanāksme" in text and "Lapa 1 no 1" in text and "07.11.2023" in text

    none_came = build_attendance_pdf(sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.ATTENDED, event="empty"))
    text = pdftotext_pages(none_came.data)[0]
    assert "Neviens dalībnieks nav atzīmēts kā ieradies." in text and "Lapa 1 no 1" in text
    assert none_came.pages[0].rows == ()
    no_rows = build_attendance_pdf(
        sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED, event="empty"), SheetOptions(blank_rows=0)
    )
    assert "Sarakstā nav neviena dalībnieka." in pdftotext_pages(no_rows.data)[0]


def test_geometry_rows_tall_enough_corners_free_header_on_every_page(sample_db: SampleFactory) -> None:
    data = sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED)
    for landscape in (False, True):
        pdf = build_attendance_pdf(data, SheetOptions(landscape=landscape, blank_rows=30))
        rows = [r for p in pdf.pages for r in p.rows]
        assert [r.number for r in rows] == list(range(1, len(PEOPLE) + 31))
        assert [r.person_id for r in rows[: len(PEOPLE)]] == [r.person_id for r in data.sheets[0].rows]
        assert all(r.person_id is None for r in rows[len(PEOPLE) :])
        for plan in pdf.pages:
            width, height = plan.width_mm, plan.height_mm
            assert (width > height) is landscape
            head_top, head_bottom = plan.header_row
            assert head_bottom > head_top and plan.rows[0].top_mm == pytest.approx(head_bottom)
            for row in plan.rows:
                assert row.bottom_mm - row.top_mm >= MIN_ROW_MM
            for a, b in zip(plan.rows, plan.rows[1:], strict=False):
                assert b.top_mm == pytest.approx(a.bottom_mm)
            # Nothing of the table within the corner squares kept for alignment markers.
            left, right = plan.columns[0][1], plan.columns[-1][2]
            assert left > CORNER_CLEAR / (72 / 25.4) and width - right > CORNER_CLEAR / (72 / 25.4)
            assert head_top > 15 and height - plan.rows[-1].bottom_mm > 15
            assert plan.signature_columns and plan.signature_columns[0][1] - plan.signature_columns[0][0] > 30
        assert page_sizes_mm(pdf.data)[0] == ((297, 210) if landscape else (210, 297))
        # The column titles row is on every page (pdftotext sees it at the geometry's place).
        for plan, page_words in zip(pdf.pages, words(pdf.data), strict=True):
            titles = [w for w in page_words if w.text == "Paraksts"]
            assert titles and plan.header_row[0] <= titles[0].y0 <= plan.header_row[1]


def test_long_names_wrap_inside_their_cells(sample_db: SampleFactory) -> None:
    db, sample = sample_db("generic")
    long_surname = ("Čakste-Ģērmane-Ķēniņa-Ļaviņa-Ņikitina-Šmite-Ūdre-Žagata-Ābele-Bērziņa-Kalniņa-Ozola")[:80]
    spaced = "Anna Marija Elīza Līga Ārija Ērika Ņina Žanna Šarlote Ūna Ģertrūde Ķirsone Ļenia"
    assert len(long_surname) == 80 and len(spaced) == 80
    with db.session() as s:
        event = activities.create_event(
            s, sample.project_id, EventInput("Garie vārdi", datetime(2023, 12, 1, 10), datetime(2023, 12, 1, 12))
        )
        for given, surname in ((spaced, "Kalniņa"), ("Jānis", long_surname)):
            person = people.create_person(
                s, PersonInput(given, surname, organisation_name="Biedrība “" + "Ļoti gara organizācija " * 4 + "”")
            )
            attendance.register(s, event.id, person.id)
        data = sheets.event_sheets(s, event.id)
    for landscape in (False, True):
        pdf = build_attendance_pdf(data, SheetOptions(landscape=landscape))
        flat = squeeze("".join(pypdf_pages(pdf.data)))
        assert squeeze(long_surname) in flat and squeeze(spaced) in flat
        # No word leaves its column: each word box lies inside the column it starts in.
        for plan, page_words in zip(pdf.pages, words(pdf.data), strict=True):
            table_top, table_bottom = plan.header_row[0], plan.rows[-1].bottom_mm
            inside = [w for w in page_words if table_top <= w.y0 and w.y1 <= table_bottom + 0.5]
            assert len(inside) > 20
            for w in inside:
                key, _, right = next(c for c in plan.columns if c[1] - 0.5 <= w.x0 < c[2])
                assert w.x1 <= right + 0.3, (w, key)
            for row in plan.rows:
                assert row.top_mm < row.bottom_mm
    tall = max(r.bottom_mm - r.top_mm for r in build_attendance_pdf(data).pages[0].rows)
    assert tall < 40  # shrunk and wrapped, not a page-long row


def test_five_hundred_people(sample_db: SampleFactory) -> None:
    db, sample = sample_db("lad_leader")
    with db.session() as s:
        event = activities.create_event(
            s, sample.project_id, EventInput("Lielais pasākums", datetime(2023, 9, 1, 10), datetime(2023, 9, 1, 16))
        )
        add_people(s, event.id, 500, surname="Ābeļkalns")
        data = sheets.event_sheets(s, event.id)
    pdf = build_attendance_pdf(data)
    texts = pdftotext_pages(pdf.data)
    check_pages(pdf, texts)
    n = pdf.page_count
    assert n > 20 and f"Lapa 1 no {n}" in texts[0] and f"Lapa {n} no {n}" in texts[-1]
    rows = [r for p in pdf.pages for r in p.rows]
    assert [r.number for r in rows] == list(range(1, 506))
    flat = "\n".join(texts)
    assert all(f"Ābeļkalns{i:03d}" in flat for i in range(500))
    assert all("Lielais pasākums" in t and "01.09.2023" in t for t in texts)


def test_multi_day_event_gets_a_signature_column_per_day(sample_db: SampleFactory) -> None:
    db, sample = sample_db("sif_nvo_fonds")
    with db.session() as s:
        event = activities.create_event(
            s,
            sample.project_id,
            EventInput("Pieredzes brauciens", datetime(2023, 8, 17, 8), datetime(2023, 8, 18, 19), place="Cēsis"),
        )
        attendance.register(s, event.id, sample.person_ids[0])
        data = sheets.event_sheets(s, event.id)
    pdf = build_attendance_pdf(data)
    text = pdftotext_pages(pdf.data)[0]
    assert "Paraksts17.08." in squeeze(text) and "Paraksts18.08." in squeeze(text)
    assert "17.08.2023 plkst. 08.00 – 18.08.2023 plkst. 19.00" in text
    assert len(pdf.pages[0].signature_columns) == 2


def test_logos_funders_left_implementer_right_when_present(sample_db: SampleFactory, own_data_dir: Path) -> None:
    assert image_count(build_attendance_pdf(sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.BLANK)).data) == 1
    # LEADER: the EU emblem (EAFRD) slot, LAD and LEADER.
    assert image_count(build_attendance_pdf(sheet_set(sample_db, "lad_leader", SheetVariant.BLANK)).data) == 3
    assert image_count(build_attendance_pdf(sheet_set(sample_db, "generic", SheetVariant.BLANK)).data) == 0
    # The implementer's own logo, from the user data folder; a batch embeds each picture once.
    logos = own_data_dir / "logos"
    logos.mkdir()
    shutil.copyfile(resource("logos", "leader.png"), logos / "implementer.png")
    batch = build_attendance_pdf(sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED, event="project"))
    assert batch.page_count > 4 and image_count(batch.data) == 2


def test_profile_orientation_and_options(sample_db: SampleFactory, tmp_path: Path) -> None:
    eea = sheet_set(sample_db, "eea_active_citizens", SheetVariant.PREFILLED)
    assert page_sizes_mm(build_attendance_pdf(eea).data)[0] == (297, 210)  # the EEA profile says landscape
    assert page_sizes_mm(build_attendance_pdf(eea, SheetOptions(landscape=False)).data)[0] == (210, 297)
    text = pdftotext_pages(build_attendance_pdf(eea).data)[0]
    assert "Dzimums(S/V)" in squeeze(text) and "Vecumagrupa" in squeeze(text)
    assert "Dzimums: S — sieviete, V — vīrietis" in text
    assert re.search(r"Ārija\s+Čakste", text) and "65+" in text

    sif = sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED)
    more = build_attendance_pdf(sif, SheetOptions(blank_rows=40))
    assert [r.number for p in more.pages for r in p.rows][-1] == len(PEOPLE) + 40
    path = tmp_path / "lapa.pdf"
    written = write_attendance_pdf(sif, path)
    assert path.read_bytes() == written.data and path.read_bytes().startswith(b"%PDF")
    with pytest.raises(AppError, match="Neizdevās ierakstīt"):
        write_attendance_pdf(sif, tmp_path / "nav" / "lapa.pdf")


def test_names_and_errors(sample_db: SampleFactory) -> None:
    one = sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.PREFILLED)
    assert suggested_file_name(one) == "registracijas-lapa-2023-10-17-kopienu-tiksanas-baldone.pdf"
    annex = sheet_set(sample_db, "sif_nvo_fonds", SheetVariant.ATTENDED, event="project")
    assert suggested_file_name(annex) == "dalibnieku-saraksts-2023-lv-nvof-mac-041-58.pdf"
    with pytest.raises(AppError, match="Nav neviena pasākuma"):
        build_attendance_pdf(SheetSet(one.project, SheetVariant.PREFILLED, ()))
