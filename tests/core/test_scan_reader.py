"""The reader's shortcuts keep its results: markers found on a half-size copy and refined land where they were
printed, a copy that misses the code or a marker sends the search to the full image, and thresholding one cell
counts the same pixels as thresholding the whole page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.scan import reader
from projektu_vadiba.core.scan.marks import marker_corners_mm
from projektu_vadiba.core.services import sheets
from projektu_vadiba.reports.sheet_print import print_attendance_pdf
from tests.core import scan_images as im
from tests.reports.sample import make_sample


@pytest.fixture
def sheet_page(db: Database) -> Any:
    """The first page of a printed sheet at 200 dpi (big enough for the half-size search copy)."""
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
    return im.render(pdf.data, 200)[0]


def _true_corners(shape: tuple[int, ...], degrees: int) -> dict[int, Any]:
    """Where im.photo puts the markers of a 200-dpi A4 page of `shape`: turned, then given its perspective."""
    h, w = shape
    px = 200 / 25.4
    corners = {m: np.array(q) * px - 0.5 for m, q in marker_corners_mm(210.0, 297.0).items()}  # pixel centres
    turn = {0: lambda x, y: (x, y), 90: lambda x, y: (h - 1 - y, x), 180: lambda x, y: (w - 1 - x, h - 1 - y)}
    corners = {m: np.array([turn[degrees](x, y) for x, y in quad]) for m, quad in corners.items()}
    if degrees == 90:
        h, w = w, h
    d = 0.04 * min(w, h)  # im.perspective's default amount
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[d, d * 0.5], [w - d * 0.3, 0], [w - d, h - d * 0.4], [d * 0.2, h - d]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    out = {}
    for marker, quad in corners.items():
        out[marker] = cv2.perspectiveTransform(quad.reshape(-1, 1, 2), matrix).reshape(4, 2)
    return out


def _error(found: dict[int, Any], truth: dict[int, Any]) -> float:
    assert sorted(found) == [0, 1, 2, 3]
    return max(float(np.abs(found[m] - truth[m]).max()) for m in found)


@pytest.mark.parametrize("degrees", [0, 90, 180])
def test_markers_found_on_the_copy_are_refined_to_a_fraction_of_a_pixel(sheet_page: Any, degrees: int) -> None:
    photo = im.photo(sheet_page, degrees)
    search = reader.Search.of(photo)
    assert search.copy is not None and search.copy.shape == (photo.shape[0] // 2, photo.shape[1] // 2)
    truth = _true_corners(sheet_page.shape, degrees)
    assert _error(reader.find_markers(search), truth) < 0.75
    # The detector alone, on the full image, is off by up to a few pixels (its contour's whole pixels).
    unrefined = reader._markers(photo, cv2.aruco.DetectorParameters())
    assert _error(reader.find_markers(search), truth) <= _error(unrefined, truth)
    aligned = reader.align(search, reader.read_code(search))
    assert aligned.page.shape == (round(297 * reader.PX_PER_MM), round(210 * reader.PX_PER_MM))


def test_a_copy_that_misses_markers_or_the_code_sends_the_search_to_the_full_image(
    sheet_page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = im.photo(sheet_page, 90)
    blank = reader.Search(photo, np.full((photo.shape[0] // 2, photo.shape[1] // 2), 255, np.uint8))
    payload = reader.read_code(blank)  # nothing on the copy: read from the full image
    assert payload == reader.read_code(reader.Search.of(photo))
    searched: list[tuple[int, ...]] = []
    real = reader._markers

    def markers(gray: Any, params: Any) -> dict[int, Any]:
        searched.append(gray.shape)
        found = real(gray, params)
        return {m: q for m, q in found.items() if m != 2} if gray.shape != photo.shape else found  # one hidden

    monkeypatch.setattr(reader, "_markers", markers)
    found = reader.find_markers(reader.Search.of(photo))
    assert searched == [(photo.shape[0] // 2, photo.shape[1] // 2), photo.shape]
    assert _error(found, _true_corners(sheet_page.shape, 90)) < 0.75


def test_a_small_image_is_searched_whole(sheet_page: Any) -> None:
    small = cv2.resize(sheet_page, None, fx=0.7, fy=0.7, interpolation=cv2.INTER_AREA)  # 140 dpi
    search = reader.Search.of(small)
    assert search.copy is None
    px = 0.7 * 200 / 25.4
    truth = {m: np.array(q) * px - 0.5 for m, q in marker_corners_mm(210.0, 297.0).items()}
    assert _error(reader.find_markers(search), truth) < 0.75
    assert reader.align(search, reader.read_code(search)).payload.page == 1


def test_one_cell_thresholded_counts_as_the_whole_page_thresholded() -> None:
    rng = np.random.default_rng(3)
    page = np.clip(rng.normal(200, 25, (1782, 1260)), 0, 255).astype(np.uint8)
    for _ in range(300):  # strokes and dark patches, some at the page's edges
        x, y = int(rng.integers(-20, 1260)), int(rng.integers(-20, 1782))
        cv2.line(page, (x, y), (x + int(rng.integers(5, 90)), y + int(rng.integers(-30, 30))), 40, 2)
    whole = cv2.adaptiveThreshold(page, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    px = reader.PX_PER_MM
    cells = [(0, 0, 30, 8), (180, 289, 210, 297), (0.5, 100, 60, 108.3), (150, 40, 190, 47.5), (100, 0, 120, 3)]
    for _ in range(40):
        left, top = rng.uniform(0, 200), rng.uniform(0, 290)
        cells.append((left, top, min(210, left + rng.uniform(1, 60)), min(297, top + rng.uniform(1, 15))))
    for left, top, right, bottom in cells:
        x0, x1 = round(left * px) + reader.CELL_MARGIN_PX, round(right * px) - reader.CELL_MARGIN_PX
        y0, y1 = round(top * px) + reader.CELL_MARGIN_PX, round(bottom * px) - reader.CELL_MARGIN_PX
        expected = np.count_nonzero(whole[y0:y1, x0:x1]) / ((x1 - x0) * (y1 - y0)) if x1 > x0 and y1 > y0 else 0.0
        assert reader.ink_share(page, left, top, right, bottom) == expected


def test_the_review_image_is_half_the_reading_resolution_and_wider_than_the_screen_shows(
    db: Database, tmp_path: Path
) -> None:
    from projektu_vadiba.core.scan.service import read_scans

    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
    photo = im.save(im.photo(im.render(pdf.data)[0]), tmp_path / "foto.jpg")
    with db.session() as s:
        (page,) = read_scans(s, [photo], keep_images=True).pages
    image = cv2.imdecode(np.frombuffer(page.image_png, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image.shape == (891, 630)  # A4 at 3 px/mm; the review screen shows it at most 540 px wide
