"""A scanner's PDF page (one JPEG drawn over the page) is decoded straight from its JPEG, turned as the page shows
it; every other page is rendered by pdftoppm as before. Each case is compared with pdftoppm's own rendering."""

from __future__ import annotations

import shutil
import subprocess
import zlib
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.scan import pdf_pages
from tests.core import scan_images as im

needs_pdftoppm = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="compares with poppler's pdftoppm")


def _page_picture(width: int = 300, height: int = 420) -> Any:
    """A picture no turn or mirror leaves the same: a light gradient, a black square near the top-left corner and
    a dark bar along the bottom."""
    image = np.tile(np.linspace(200, 250, width, dtype=np.uint8), (height, 1))
    image[20:80, 30:90] = 0
    image[height - 40 : height - 20, 20 : width - 100] = 60
    return image


def _pdftoppm(path: Path, number: int, dpi: float, tmp: Path) -> Any:
    target = tmp / f"ref-{number}"
    args = ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(number), "-l", str(number), "-singlefile"]
    subprocess.run([*args, str(path), str(target)], check=True)
    return cv2.imread(str(target.with_suffix(".pgm")), cv2.IMREAD_GRAYSCALE)


def _same_picture(got: Any, expected: Any) -> bool:
    """The same page up to JPEG and resampling differences (a turned or mirrored one differs by far more)."""
    if got.shape != expected.shape:
        return False
    return float(np.mean(np.abs(got.astype(np.int16) - expected.astype(np.int16)))) < 4


class RenderSpy:
    """Counts the pages handed to pdftoppm (the real one still renders them)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pages: list[int] = []
        real = pdf_pages._render

        def render(tool: str, path: Path, number: int, folder: Path) -> Any:
            self.pages.append(number)
            return real(tool, path, number, folder)

        monkeypatch.setattr(pdf_pages, "_render", render)


def test_a_scanned_page_is_its_jpeg_decoded_without_pdftoppm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = RenderSpy(monkeypatch)
    pages = [im.jpeg_page(_page_picture()), im.jpeg_page(_page_picture(240, 340), dpi=100)]
    path = im.save_pdf_of(pages, tmp_path / "skenētā lapa.pdf")
    read = list(pdf_pages.page_images(path))
    assert [n for n, _ in read] == [1, 2] and spy.pages == []
    for (_, image), page in zip(read, pages, strict=True):
        jpeg = np.frombuffer(page["images"]["Im0"][1], np.uint8)
        assert np.array_equal(image, cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE))  # the JPEG's pixels, untouched


@needs_pdftoppm
@pytest.mark.parametrize("rotate", [0, 90, 180, 270, -90, 450])
@pytest.mark.parametrize("placement", im.PLACEMENTS)
def test_turned_and_mirrored_pages_come_out_as_pdftoppm_shows_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rotate: int, placement: str
) -> None:
    spy = RenderSpy(monkeypatch)
    path = im.save_pdf_of([im.jpeg_page(_page_picture(), rotate=rotate, placement=placement)], tmp_path / "p.pdf")
    ((_, image),) = pdf_pages.page_images(path)
    assert spy.pages == []
    assert _same_picture(image, _pdftoppm(path, 1, im.DPI, tmp_path))


@needs_pdftoppm
def test_a_colour_scan_is_read_in_grey(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spy = RenderSpy(monkeypatch)
    colour = cv2.cvtColor(_page_picture(), cv2.COLOR_GRAY2BGR)
    colour[100:160, 150:250] = (0, 0, 255)  # a red stamp
    path = im.save_pdf_of([im.jpeg_page(colour)], tmp_path / "krāsains.pdf")
    ((_, image),) = pdf_pages.page_images(path)
    assert spy.pages == [] and image.ndim == 2
    assert _same_picture(image, _pdftoppm(path, 1, im.DPI, tmp_path))


def test_a_high_resolution_scan_is_decoded_reduced_to_what_the_reader_needs(tmp_path: Path) -> None:
    picture = cv2.resize(_page_picture(), (1200, 1680), interpolation=cv2.INTER_NEAREST)
    pages = [im.jpeg_page(picture, dpi=600), im.jpeg_page(picture, dpi=300), im.jpeg_page(picture, dpi=200)]
    path = im.save_pdf_of(pages, tmp_path / "600dpi.pdf")
    shapes = [image.shape for _, image in pdf_pages.page_images(path)]
    assert shapes == [(420, 300), (840, 600), (1680, 1200)]  # 150, 150 and 200 dpi (never under MIN_DPI)
    assert pdf_pages.MIN_DPI == 150


def _other_pages() -> dict[str, dict[str, Any]]:
    """Pages that are not one JPEG over the page, each of a kind pdftoppm must render."""
    picture = _page_picture()
    base = im.jpeg_page(picture)
    entries, jpeg = base["images"]["Im0"]
    width, height = base["media"][2], base["media"][3]
    flate = entries.replace("/Filter /DCTDecode", "/Filter /FlateDecode")
    ok, cmyk = cv2.imencode(".jpg", cv2.cvtColor(picture, cv2.COLOR_GRAY2BGR))
    assert ok
    return {
        "text over the picture": base | {"content": base["content"] + b" BT /F1 12 Tf 10 10 Td (x) Tj ET"},
        "a line drawn": base | {"content": base["content"] + b" 0 0 m 100 100 l S"},
        "two pictures": base
        | {
            "content": base["content"] + b" q 50 0 0 50 10 10 cm /Im1 Do Q",
            "images": {"Im0": (entries, jpeg), "Im1": (entries, jpeg)},
        },
        "a picture on part of the page": base
        | {"content": f"q {width / 2} 0 0 {height / 2} 0 0 cm /Im0 Do Q".encode()},
        "a picture beyond the page": base | {"content": f"q {width * 2} 0 0 {height} 0 0 cm /Im0 Do Q".encode()},
        "a slanted picture": base | {"content": f"q {width} 10 0 {height} 0 0 cm /Im0 Do Q".encode()},
        "a picture cropped": base | {"crop": (0, 0, width / 2, height)},
        "an inverted picture": base | {"images": {"Im0": (entries + " /Decode [1 0]", jpeg)}},
        "a soft mask": base | {"images": {"Im0": (entries + " /SMask 1 0 R", jpeg)}},
        "a colour the JPEG does not say": base
        | {"images": {"Im0": (entries.replace("/DeviceGray", "/DeviceRGB"), jpeg)}},
        "a CMYK picture": base | {"images": {"Im0": (entries.replace("/DeviceGray", "/DeviceCMYK"), cmyk.tobytes())}},
        "a picture not JPEG": base | {"images": {"Im0": (flate, zlib.compress(picture.tobytes()))}},
        "a turn of 45 degrees": base | {"rotate": 45},
        "an annotation": base | {"extra": "/Annots [<< /Type /Annot /Subtype /Square /Rect [10 10 50 50] >>]"},
        "a picture the dictionary misnames": base
        | {"images": {"Im0": (entries.replace("/Width 300", "/Width 299"), jpeg)}},
        "no picture": base | {"content": b"q Q", "images": {}},
    }


@needs_pdftoppm
def test_pages_that_are_not_one_jpeg_over_the_page_are_rendered_by_pdftoppm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = RenderSpy(monkeypatch)
    kinds = _other_pages()
    path = im.save_pdf_of([im.jpeg_page(_page_picture()), *kinds.values()], tmp_path / "jaukts.pdf")
    read = dict(pdf_pages.page_images(path))
    assert spy.pages == list(range(2, len(kinds) + 2)), kinds  # the scanned page alone is decoded directly
    # What pdftoppm renders is what a reader sees: here the picture inverted as its /Decode says.
    inverted = read[2 + list(kinds).index("an inverted picture")]
    assert _same_picture(inverted, 255 - _pdftoppm(path, 1, pdf_pages.DPI, tmp_path))


def test_a_vector_pdf_falls_back_to_pdftoppm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The printed sheet itself (saved instead of scanned): reportlab's vector pages are rendered."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("needs poppler's pdftoppm (Windows has none)")
    from reportlab.pdfgen import canvas

    path = tmp_path / "vektoru.pdf"
    sheet = canvas.Canvas(str(path))
    sheet.drawString(100, 700, "Reģistrācijas lapa")
    sheet.rect(50, 50, 100, 100, fill=1)
    sheet.showPage()
    sheet.save()
    spy = RenderSpy(monkeypatch)
    ((number, image),) = pdf_pages.page_images(path)
    assert spy.pages == [1] and number == 1
    assert image.shape == (2339, 1654)  # A4 at pdf_pages.DPI
    assert _same_picture(image, _pdftoppm(path, 1, pdf_pages.DPI, tmp_path))


def test_without_pdftoppm_turned_scans_are_still_decoded_and_other_pages_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_pages.shutil, "which", lambda _name: None)
    picture = _page_picture()
    pages = [im.jpeg_page(picture, rotate=90), im.jpeg_page(picture) | {"content": b"q Q", "images": {}}]
    path = im.save_pdf_of(pages, tmp_path / "bez-poppler.pdf")
    (_, turned), (_, none) = pdf_pages.page_images(path)
    assert np.array_equal(turned, cv2.rotate(cv2.imdecode(np.frombuffer(pages[0]["images"]["Im0"][1], np.uint8), 0), 0))
    assert none == Message("scan.page_without_picture")


def test_a_damaged_jpeg_page_is_rendered_or_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = im.jpeg_page(_page_picture())
    entries, jpeg = page["images"]["Im0"]
    page["images"] = {"Im0": (entries, jpeg[: len(jpeg) // 3])}  # a JPEG cut short: libjpeg still shows its top
    path = im.save_pdf_of([page], tmp_path / "bojāts.pdf")
    ((number, image),) = pdf_pages.page_images(path)
    assert number == 1 and (isinstance(image, str) or image.ndim == 2)
