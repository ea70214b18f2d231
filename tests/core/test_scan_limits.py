"""Issue 18, item 4 for scans: a PDF of more pages than the limit is refused naming the limit; pages are rendered
one at a time into a temporary folder that is gone when reading stops (also half-way); a damaged PDF or image
gets a message, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.scan import pdf_pages


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path))
    for n in range(pages):
        sheet.drawString(100, 700, f"Lapa {n + 1}")
        sheet.showPage()
    sheet.save()
    return path


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_pdf_over_the_page_limit_is_refused_naming_the_limit(
    tmp_path: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_pages, "MAX_PAGES", 3)
    path = _pdf(tmp_path / "daudz.pdf", 5)
    with pytest.raises(AppError) as caught:
        list(pdf_pages.page_images(path))
    assert caught.value.code == "scan.too_many_pages"
    assert (caught.value.values["pages"], caught.value.values["limit"]) == (5, 3)
    assert list(private_tmp.iterdir()) == []


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm (Windows has none)")
def test_pages_render_one_at_a_time_and_the_folder_goes_when_reading_stops(tmp_path: Path, private_tmp: Path) -> None:
    path = _pdf(tmp_path / "trīs.pdf", 3)
    pages = pdf_pages.page_images(path)
    number, image = next(pages)
    folders = list(private_tmp.iterdir())
    assert number == 1 and image.ndim == 2
    assert len(folders) == 1 and list(folders[0].iterdir()) == []  # the page's file is gone once it is read
    pages.close()  # the reader stops half-way (an error, a cancel)
    assert list(private_tmp.iterdir()) == []
    assert [n for n, _ in pdf_pages.page_images(path)] == [1, 2, 3]
    assert list(private_tmp.iterdir()) == []


@pytest.mark.parametrize("cut", [0.3, 0.7])
def test_a_truncated_pdf_gets_a_message_or_its_readable_pages(tmp_path: Path, private_tmp: Path, cut: float) -> None:
    good = _pdf(tmp_path / "labs.pdf", 3).read_bytes()
    path = tmp_path / "bojāts.pdf"
    path.write_bytes(good[: int(len(good) * cut)])
    try:
        outcome = [n for n, _ in pdf_pages.page_images(path)]
    except AppError as exc:
        assert exc.code == "scan.not_a_pdf" and "bojāts.pdf" in exc.message
    else:
        assert outcome and set(outcome) <= {1, 2, 3}
    assert list(private_tmp.iterdir()) == []


def test_a_damaged_image_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "foto.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(AppError) as caught:
        list(pdf_pages.page_images(path))
    assert caught.value.code == "scan.not_an_image"


def test_without_pdftoppm_a_damaged_pdf_gets_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_pages.shutil, "which", lambda _name: None)
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [1 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>")
    with pytest.raises(AppError) as caught:
        list(pdf_pages.page_images(path))
    assert caught.value.code == "scan.not_a_pdf"
