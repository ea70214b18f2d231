"""Signed sheets read back: printed, rendered, signed in chosen cells, skewed, rotated, darkened, noisy, JPEG."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.models import Attachment, Attendance, AttendanceStatus, Event
from projektu_vadiba.core.scan import reader, service
from projektu_vadiba.core.scan.apply import apply_ticks, undo
from projektu_vadiba.core.scan.service import read_scans
from projektu_vadiba.core.services import attendance, attendance_changes, sheets
from projektu_vadiba.reports.attendance_sheet import SheetOptions, SheetPdf
from projektu_vadiba.reports.sheet_print import print_attendance_pdf
from tests.core import scan_images as im
from tests.reports.sample import Sample, add_people, make_sample

D17, D18 = date(2023, 10, 17), date(2023, 10, 18)


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")  # PostgreSQL keeps files here
    yield tmp_path


def printed(db: Database, extra_people: int = 0, options: SheetOptions | None = None) -> tuple[Sample, SheetPdf]:
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        if extra_people:
            add_people(s, sample.event_id, extra_people)
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id), options)
    return sample, pdf


def statuses(db: Database, event_id: int) -> dict[int, AttendanceStatus]:
    with db.session() as s:
        rows = s.execute(select(Attendance.person_id, Attendance.status).where(Attendance.event_id == event_id))
        return {person: status for person, status in rows}


def signed_rows(page: service.ScannedPage) -> list[int]:
    return sorted(r.row for r in page.signed)


@pytest.mark.parametrize("degrees", [0, 90, 180])
def test_photo_of_one_page_finds_exactly_the_signed_rows(db: Database, data_dir: Path, degrees: int) -> None:
    _, pdf = printed(db)
    plan = pdf.pages[0]
    image = im.photo(im.scribble(im.render(pdf.data)[0], plan, [2, 5, 11]), degrees)
    with db.session() as s:
        report = read_scans(s, [im.save(image, data_dir / "foto.jpg")])
    assert report.errors == ()
    (page,) = report.pages
    assert signed_rows(page) == [2, 5, 11]
    assert page.uncertain == ()
    assert page.walk_in_rows == ()
    assert page.event_id == plan.event_id and page.sheet_page == 1
    person = {r.number: r.person_id for r in plan.rows}
    assert [r.person_id for r in page.signed] == [person[2], person[5], person[11]]


def test_scanned_pdf_of_several_pages_with_walk_ins(db: Database, data_dir: Path) -> None:
    sample, pdf = printed(db, extra_people=26)
    assert pdf.page_count >= 2
    images = im.render(pdf.data)
    first, last = pdf.pages[0], pdf.pages[-1]
    blank = [r.number for r in last.rows if r.person_id is None]
    named_last = [r.number for r in last.rows if r.person_id is not None]
    assert blank and named_last
    images[0] = im.scribble(images[0], first, [1, 3])
    images[-1] = im.scribble(images[-1], last, [named_last[-1], blank[0]])
    images[-1] = im.scribble(images[-1], last, [blank[1]], column="surname")  # a walk-in wrote a name only
    scans = [im.jpeg(im.noise(im.rotate(i, 180 if n % 2 else 0), 5, seed=n)) for n, i in enumerate(images)]
    path = im.save_pdf(scans, data_dir / "skans.pdf")
    before = statuses(db, sample.event_id)
    with db.session() as s:
        report = read_scans(s, [path])
    assert report.errors == ()
    assert [p.page for p in report.pages] == list(range(1, pdf.page_count + 1))
    assert signed_rows(report.pages[0]) == [1, 3]
    assert signed_rows(report.pages[-1]) == [named_last[-1]]
    assert report.pages[-1].walk_in_rows == (blank[0], blank[1])
    for page in report.pages[1:-1]:
        assert page.signed == () and page.uncertain == ()
    assert statuses(db, sample.event_id) == before  # reading changes nothing


def test_rows_map_to_the_people_printed_even_after_the_list_changed(db: Database, data_dir: Path) -> None:
    sample, pdf = printed(db)
    plan = pdf.pages[0]
    person_on_row_4 = next(r.person_id for r in plan.rows if r.number == 4)
    with db.session() as s:  # someone leaves the list: everyone after them moves up a row on a new print
        first = next(a for a in attendance.event_list(s, sample.event_id) if a.person.id == plan.rows[0].person_id)
        attendance.unregister(s, first.id)
    image = im.photo(im.scribble(im.render(pdf.data)[0], plan, [4]))
    with db.session() as s:
        (page,) = read_scans(s, [im.save(image, data_dir / "a.png")]).pages
    assert [(r.row, r.person_id) for r in page.signed] == [(4, person_on_row_4)]


def test_apply_ticks_files_the_scan_and_undo_restores(db: Database, data_dir: Path) -> None:
    sample, pdf = printed(db)
    plan = pdf.pages[0]
    path = im.save(im.photo(im.scribble(im.render(pdf.data)[0], plan, [1, 2])), data_dir / "lapa.jpg")
    original = path.read_bytes()
    before = statuses(db, sample.event_id)
    with db.session() as s:
        report = read_scans(s, [path])
        result = apply_ticks(s, report.pages)
    ticked = {r.person_id for r in report.pages[0].signed}
    after = statuses(db, sample.event_id)
    assert result.attended == sum(1 for p in ticked if before[p] is not AttendanceStatus.ATTENDED)
    assert all(after[p] is AttendanceStatus.ATTENDED for p in ticked)
    assert {p: st for p, st in after.items() if p not in ticked} == {
        p: st for p, st in before.items() if p not in ticked
    }
    with db.session() as s:
        kept = s.scalars(select(Attachment).where(Attachment.event_id == sample.event_id)).one()
        assert kept.kind == "signed_sheet" and kept.original_name == "lapa.jpg"
        from projektu_vadiba.core.services.attachments import store_dir

        assert (store_dir(s) / kept.stored_name).read_bytes() == original
    with db.session() as s:
        undo(s, result.apply_ids)
    assert statuses(db, sample.event_id) == before


def test_a_per_day_sheet_ticks_the_days_signed_and_undo_puts_them_back(db: Database, data_dir: Path) -> None:
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        event = s.get(Event, sample.event_id)
        assert event is not None
        event.ends_at = datetime(2023, 10, 18, 20, 30)  # two days: a signature column per day
        s.flush()
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
    plan = pdf.pages[0]
    assert [key for key, _lo, _hi in plan.columns].count("signature") == 2
    image = im.render(pdf.data)[0]
    image = im.scribble(image, plan, [1, 2], nth=1)  # rows 1 and 2 signed for 18.10.
    image = im.scribble(image, plan, [2], nth=0)  # row 2 for 17.10. too
    path = im.save(im.photo(image), data_dir / "divas-dienas.jpg")
    person = {r.number: r.person_id for r in plan.rows}
    with db.session() as s:
        for n in (1, 2):  # both were on the list as registered
            entry = attendance_changes.find(s, sample.event_id, person[n])
            assert entry is not None
            attendance.set_status(s, [entry.id], AttendanceStatus.REGISTERED)
    before = days_of(db, sample.event_id)
    with db.session() as s:
        report = read_scans(s, [path])
        (page,) = report.pages
        assert [(r.row, r.days) for r in page.signed] == [(1, (D18,)), (2, (D17, D18))]
        assert page.as_json()["signed"][0]["days"] == ["2023-10-18"]
        result = apply_ticks(s, report.pages)
    assert result.attended == 2
    after = days_of(db, sample.event_id)
    assert after[person[1]] == (AttendanceStatus.ATTENDED, (D18,))
    assert after[person[2]] == (AttendanceStatus.ATTENDED, (D17, D18))
    with db.session() as s:
        undo(s, result.apply_ids)
    assert days_of(db, sample.event_id) == before


def days_of(db: Database, event_id: int) -> dict[int, tuple[AttendanceStatus, tuple[date, ...]]]:
    with db.session() as s:
        return {a.person.id: (a.status, a.days) for a in attendance.event_list(s, event_id)}


def test_blank_page_and_unreadable_file_get_latvian_errors_and_change_nothing(db: Database, data_dir: Path) -> None:
    sample, _ = printed(db)
    white = np.full((1754, 1240), 255, np.uint8)
    broken = data_dir / "bojats.jpg"
    broken.write_bytes(b"not a picture")
    before = statuses(db, sample.event_id)
    with db.session() as s:
        report = read_scans(s, [im.save(im.noise(white), data_dir / "tukss.png"), broken, data_dir / "nav.pdf"])
        result = apply_ticks(s, report.pages)
    assert report.pages == () and result.attended == 0
    messages = [e.message for e in report.errors]
    assert messages[0] == reader.NO_CODE
    assert "bojats.jpg" in messages[1] and "attēlu" in messages[1]
    assert "nav atrasts" in messages[2]
    assert statuses(db, sample.event_id) == before


def test_sheet_from_another_database_is_recognised(db: Database, data_dir: Path, tmp_path: Path) -> None:
    sample, _ = printed(db)
    other = open_database(f"sqlite:///{tmp_path / 'cits.sqlite'}")
    try:
        _, foreign = printed(other)
    finally:
        other.close()
    image = im.photo(im.scribble(im.render(foreign.data)[0], foreign.pages[0], [1]))
    before = statuses(db, sample.event_id)
    with db.session() as s:
        report = read_scans(s, [im.save(image, data_dir / "cits.jpg")])
    assert report.pages == ()
    assert [e.message for e in report.errors] == [service.OTHER_DATABASE]
    assert statuses(db, sample.event_id) == before


def test_page_cut_off_is_reported(db: Database, data_dir: Path) -> None:
    _, pdf = printed(db)
    image = im.render(pdf.data)[0]
    cut = image[image.shape[0] // 2 :, :]  # the top half with two markers is missing
    with db.session() as s:
        report = read_scans(s, [im.save(cut, data_dir / "puse.png")])
    assert [e.message for e in report.errors] == [reader.UNREADABLE]


def test_sheet_printed_without_a_record_is_reported(db: Database, data_dir: Path) -> None:
    from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf

    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        pdf = build_attendance_pdf(sheets.event_sheets(s, sample.event_id))
        count = s.scalar(select(func.count()).select_from(Attachment))
    with db.session() as s:
        report = read_scans(s, [im.save(im.render(pdf.data)[0], data_dir / "x.png")])
    assert count == 0
    assert [e.message for e in report.errors] == [service.OTHER_DATABASE]


def test_a_big_phone_photo_at_an_angle_on_a_dark_table(db: Database, data_dir: Path) -> None:
    import cv2

    _, pdf = printed(db)
    page = im.scribble(im.render(pdf.data)[0], pdf.pages[0], [1, 6, 9])
    h, w = page.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), 7, 1.0)
    matrix[:, 2] += [(2400 - w) / 2, (3200 - h) / 2]
    photo = cv2.warpAffine(page, matrix, (2400, 3200), borderValue=60)
    photo = im.jpeg(im.noise(im.uneven_light(im.perspective(photo, 0.05)), 10), 50)
    with db.session() as s:
        report = read_scans(s, [im.save(photo, data_dir / "galds.jpg")])
    assert report.errors == ()
    assert signed_rows(report.pages[0]) == [1, 6, 9] and report.pages[0].uncertain == ()


def test_a_landscape_sheet(db: Database, data_dir: Path) -> None:
    _, pdf = printed(db, options=SheetOptions(landscape=True))
    plan = pdf.pages[0]
    assert plan.width_mm > plan.height_mm
    image = im.photo(im.scribble(im.render(pdf.data)[0], plan, [2, 3]), 270)
    with db.session() as s:
        report = read_scans(s, [im.save(image, data_dir / "plata.jpg")])
    assert report.errors == ()
    assert signed_rows(report.pages[0]) == [2, 3] and report.pages[0].uncertain == ()


def test_without_pdftoppm_a_scanners_pdf_is_read_from_its_pictures(
    db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no poppler: the picture on each page of a scanner's PDF is the page."""
    from projektu_vadiba.core.scan import pdf_pages

    _sample, pdf = printed(db, extra_people=26)
    images = im.render(pdf.data)  # needs pdftoppm itself: the reading below goes without
    monkeypatch.setattr(pdf_pages.shutil, "which", lambda _name: None)
    first, last = pdf.pages[0], pdf.pages[-1]
    images[0] = im.scribble(images[0], first, [2, 4])
    named_last = [r.number for r in last.rows if r.person_id is not None]
    images[-1] = im.scribble(images[-1], last, [named_last[0]])
    scans = [im.jpeg(im.noise(im.rotate(i, 90 * n), 5, seed=n)) for n, i in enumerate(images)]
    path = im.save_pdf(scans, data_dir / "skans.pdf")
    with db.session() as s:
        report = read_scans(s, [path])
    assert report.errors == ()
    assert [p.page for p in report.pages] == list(range(1, pdf.page_count + 1))
    assert signed_rows(report.pages[0]) == [2, 4]
    assert signed_rows(report.pages[-1]) == [named_last[0]]
    # A PDF with no pictures (the printed sheet itself, saved instead of scanned): each page says what to do.
    printed_pdf = data_dir / "nav-skenets.pdf"
    printed_pdf.write_bytes(pdf.data)
    with db.session() as s:
        report = read_scans(s, [printed_pdf])
    assert report.pages == ()
    assert [e.page for e in report.errors] == list(range(1, pdf.page_count + 1))
    assert "pdftoppm" in report.errors[0].message and "JPEG" in report.errors[0].message


def test_a_scanners_pdf_is_read_from_its_jpegs_turned_as_its_pages_show(
    db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page one JPEG (what scanners write), decoded without pdftoppm: stored sideways and turned back by
    /Rotate, placed by a quarter-turned matrix, scanned at 300 dpi (decoded at half size), upside down."""
    from projektu_vadiba.core.scan import pdf_pages

    rendered: list[int] = []
    monkeypatch.setattr(pdf_pages, "_render", lambda *args: rendered.append(args[2]))
    _sample, pdf = printed(db)
    plan = pdf.pages[0]
    signed = im.scribble(im.render(pdf.data)[0], plan, [2, 7])
    fine = im.scribble(im.render(pdf.data, 300)[0], plan, [2, 7], dpi=300)
    pages = [
        im.jpeg_page(im.jpeg(im.noise(signed, 5))),
        im.jpeg_page(im.rotate(signed, 270), rotate=90),
        im.jpeg_page(signed, placement="quarter_turn", rotate=270),
        im.jpeg_page(fine, dpi=300),
        im.jpeg_page(signed, placement="half_turn"),
    ]
    path = im.save_pdf_of(pages, data_dir / "skeneris.pdf")
    with db.session() as s:
        report = read_scans(s, [path])
    assert rendered == [] and report.errors == ()
    assert [(p.page, signed_rows(p), p.uncertain) for p in report.pages] == [(n, [2, 7], ()) for n in range(1, 6)]
