"""One image of a sheet page -> its code, the straightened page and each row's state.

Steps: the QR code (zxing-cpp, any rotation) says which print, event and page; the four ArUco markers give a
homography from the photo to the page in millimetres (any skew or rotation, also upside down); on the straightened
page an adaptive threshold marks ink, and the share of ink inside each signature cell (a margin keeps the grid lines
out) decides signed, empty or uncertain. Measured on rendered sheets: ~0.10 signed, <= 0.01 empty.

Speed: the code and the markers are first looked for on a half-size copy (a page of 150 dpi or more keeps them
readable there; searching costs a quarter), the markers' corners then refined to a fraction of a pixel on the full
image; when the copy does not show the code or all four markers, the full image is searched as before. Only the
cells a row's state needs are thresholded (with the filter's reach around them: the same pixels as thresholding
the whole page).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import cv2
import numpy as np
import zxingcpp

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.scan.marks import MARKER_IDS, PagePayload, decode, marker_corners_mm

PX_PER_MM = 6.0  # the straightened page: ~150 dpi, enough for a signature and fast
CELL_MARGIN_PX = 5
SIGNED_AT = 0.035
EMPTY_BELOW = 0.012
QR = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
MAX_SIDE_PX = 2600  # larger photos are shrunk first (a 12 MP phone photo is slow to search)
SEARCH_COPY_FROM_PX = 1700  # from this long side on, the search starts on a half-size copy (A4 at 150 dpi: 1754)
INK_BLOCK, INK_C = 31, 15  # adaptive threshold: the mean of 31 x 31 pixels, ink when 15 darker than it
ARUCO = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)

# Kept as Messages: the scan report holds them as text, and the UI renders them in its language.
NO_CODE = Message("scan.no_code")
FOREIGN_CODE = Message("scan.foreign_code")
UNREADABLE = Message("scan.unreadable")


class RowState(StrEnum):
    SIGNED = "signed"
    EMPTY = "empty"
    UNCERTAIN = "uncertain"


@dataclass(frozen=True)
class Aligned:
    payload: PagePayload
    page: Any  # numpy uint8 image of the straightened page, PX_PER_MM pixels per mm


@dataclass(frozen=True)
class Search:
    """The grey image a page is read from, and the half-size copy the code and markers are first looked for on
    (None: the image is small enough to search itself)."""

    gray: Any
    copy: Any = None

    @classmethod
    def of(cls, gray: Any) -> Search:
        if max(gray.shape[:2]) < SEARCH_COPY_FROM_PX:
            return cls(gray)
        height, width = gray.shape[0] // 2, gray.shape[1] // 2  # exactly half: an odd last row or column is left out
        return cls(gray, cv2.resize(gray[: height * 2, : width * 2], (width, height), interpolation=cv2.INTER_AREA))


def to_gray(image: Any) -> Any:
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    side = max(gray.shape[:2])
    if side > MAX_SIDE_PX:
        scale = MAX_SIDE_PX / side
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return gray


def read_code(image: Any) -> PagePayload:
    """The page's code, from the half-size copy when it shows it (one pass: no downscaled or inverted retries),
    else from the full image."""
    search = image if isinstance(image, Search) else Search(image)
    gray = search.gray
    texts: list[str] = []
    if search.copy is not None:
        texts = [r.text for r in zxingcpp.read_barcodes(search.copy, formats=QR, try_downscale=False, try_invert=False)]
    if not any(decode(text) for text in texts):
        texts = [r.text for r in zxingcpp.read_barcodes(gray, formats=QR)]
    if not texts:  # small codes in big photos: a sharpened, binarised copy often reads
        binary = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 31, 10)
        texts = [r.text for r in zxingcpp.read_barcodes(binary, formats=QR)]
    if not texts:
        raise AppError.of("scan.no_code")
    for text in texts:
        payload = decode(text)
        if payload is not None:
            return payload
    raise AppError.of("scan.foreign_code")


def align(image: Any, payload: PagePayload) -> Aligned:
    """The page straightened to PX_PER_MM pixels per mm; AppError when fewer than 3 markers are found."""
    search = image if isinstance(image, Search) else Search(image)
    found = find_markers(search)
    if len(found) < 3:
        raise AppError.of("scan.unreadable")
    width_mm, height_mm = payload.page_size_mm
    known = marker_corners_mm(width_mm, height_mm)
    src = np.concatenate([found[m] for m in found])
    dst = np.array([(x * PX_PER_MM, y * PX_PER_MM) for m in found for x, y in known[m]], np.float32)
    homography, _ = cv2.findHomography(src, dst, cv2.RANSAC, 5.0)
    if homography is None:
        raise AppError.of("scan.unreadable")
    size = (round(width_mm * PX_PER_MM), round(height_mm * PX_PER_MM))
    page = cv2.warpPerspective(search.gray, homography, size, flags=cv2.INTER_LINEAR, borderValue=255)
    return Aligned(payload, page)


def find_markers(search: Search) -> dict[int, Any]:
    """The sheet's markers found, by id: each one's corners (4 x 2, float32, OpenCV's order) in pixels of the full
    image, refined. The half-size copy is searched first, the full image when the copy does not show all four."""
    found: dict[int, Any] = {}
    if search.copy is not None:  # one threshold window is enough on the copy; the full search below has three
        params = cv2.aruco.DetectorParameters()
        params.adaptiveThreshWinSizeMin = params.adaptiveThreshWinSizeMax = 13
        # (x + 0.5) * 2 - 0.5: a pixel centre of the copy on the full image
        found = {marker: quad * 2 + 0.5 for marker, quad in _markers(search.copy, params).items()}
    if len(found) < len(MARKER_IDS):
        full = _markers(search.gray, cv2.aruco.DetectorParameters())
        found = full if len(full) >= len(found) else found
    if not found:
        return found
    refined = _refined(search.gray, np.concatenate([found[m] for m in found]))
    return {marker: refined[4 * n : 4 * n + 4] for n, marker in enumerate(found)}


def _markers(gray: Any, params: Any) -> dict[int, Any]:
    """The corners (4 x 2, float32) of each of the sheet's markers found, by id (the first of an id found)."""
    corners, ids, _ = cv2.aruco.ArucoDetector(ARUCO, params).detectMarkers(gray)
    found: dict[int, Any] = {}
    for quad, marker in zip(corners, [] if ids is None else ids.flatten(), strict=False):
        if int(marker) in MARKER_IDS and int(marker) not in found:
            found[int(marker)] = quad.reshape(4, 2).astype(np.float32)
    return found


def _refined(gray: Any, corners: Any) -> Any:
    """The corners moved to where the image's edges meet, to a tenth of a pixel (the detector gives whole pixels
    of its contour, on the half-size copy up to ~3 pixels of the full image off). A corner the refinement moves
    further than its search window reaches (it slid along an edge onto a smudge or a shadow) stays where found."""
    side = float(np.linalg.norm(corners[1] - corners[0]))
    window = int(min(5, max(2, side // 16)))
    refined = cv2.cornerSubPix(
        gray,
        corners.reshape(-1, 1, 2).copy(),
        (window, window),
        (-1, -1),
        (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 30, 0.01),
    ).reshape(-1, 2)
    moved = np.linalg.norm(refined - corners, axis=1)
    return np.where((moved <= window + 2)[:, None], refined, corners).astype(np.float32)


def ink_share(page: Any, left_mm: float, top_mm: float, right_mm: float, bottom_mm: float) -> float:
    """The share of ink pixels in a cell of the straightened page, inside a margin that keeps the grid out. Only
    the cell and the threshold filter's reach around it are thresholded: each pixel as on the whole page."""
    x0, x1 = round(left_mm * PX_PER_MM) + CELL_MARGIN_PX, round(right_mm * PX_PER_MM) - CELL_MARGIN_PX
    y0, y1 = round(top_mm * PX_PER_MM) + CELL_MARGIN_PX, round(bottom_mm * PX_PER_MM) - CELL_MARGIN_PX
    height, width = int(page.shape[0]), int(page.shape[1])
    x0, x1, y0, y1 = max(x0, 0), min(x1, width), max(y0, 0), min(y1, height)
    if x1 <= x0 or y1 <= y0:
        return 0.0
    reach = INK_BLOCK // 2
    left, top = max(x0 - reach, 0), max(y0 - reach, 0)
    block = page[top : min(y1 + reach, height), left : min(x1 + reach, width)]
    ink = cv2.adaptiveThreshold(block, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, INK_BLOCK, INK_C)
    return float(np.count_nonzero(ink[y0 - top : y1 - top, x0 - left : x1 - left])) / ((x1 - x0) * (y1 - y0))


def state_of(share: float) -> RowState:
    if share >= SIGNED_AT:
        return RowState.SIGNED
    return RowState.EMPTY if share < EMPTY_BELOW else RowState.UNCERTAIN
