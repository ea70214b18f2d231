"""Scanned files -> page images: a PDF through poppler's `pdftoppm` (200 dpi, grey), a photo through OpenCV.

pdftoppm rather than a PDF library wheel: it renders scanners' JPEG, JBIG2 and CCITT pages alike, and is there
already for the PDF tests (poppler-utils). Where it is missing (Windows has no poppler) the picture each page of a
scanner's PDF holds is taken out with pypdf: that picture is the page as scanned, which is all the reader needs
(it finds the corner marks in any rotation and resolution). A page without a picture (a PDF made by printing to
PDF, not by a scanner) gets a message saying what to do.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2

from projektu_vadiba.core.errors import AppError

DPI = 200
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}


def page_images(path: Path) -> Iterator[tuple[int, Any]]:
    """(page number from 1, grey image) of each page, or (page number, message) for a page that has no image to
    read; AppError for a file that cannot be read at all."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise AppError.of("file.not_found", path=str(path))
    if suffix == ".pdf":
        yield from _pdf_pages(path)
    elif suffix in IMAGE_SUFFIXES:
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        if image is None:
            raise AppError.of("scan.not_an_image", name=path.name)
        yield 1, image
    else:
        raise AppError.of("scan.unknown_kind", name=path.name)


def _pdf_pages(path: Path) -> Iterator[tuple[int, Any]]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        yield from _pictures(path)
        return
    with tempfile.TemporaryDirectory(prefix="pv-scan-") as tmp:
        result = subprocess.run(
            # PGM, not PNG: compressing a noisy scan to PNG takes pdftoppm seconds a page.
            [tool, "-gray", "-r", str(DPI), str(path), str(Path(tmp) / "p")],
            capture_output=True,
            check=False,
        )
        files = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if result.returncode != 0 or not files:
            raise AppError.of("scan.not_a_pdf", name=path.name)
        for file in files:
            image = cv2.imread(str(file), cv2.IMREAD_GRAYSCALE)
            if image is not None:
                yield int(file.stem.rsplit("-", 1)[1]), image


def _pictures(path: Path) -> Iterator[tuple[int, Any]]:
    """(page number, grey image) of each page's largest embedded picture; for a page that has none, (page
    number, a Latvian message) so the other pages are still read."""
    import numpy as np
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = list(PdfReader(path).pages)
    except (PyPdfError, OSError, ValueError) as exc:
        raise AppError.of("scan.not_a_pdf", name=path.name) from exc
    for number, page in enumerate(pages, 1):
        try:
            pictures = list(page.images)
        except (PyPdfError, OSError, ValueError, NotImplementedError):
            pictures = []  # an encoding pypdf cannot decode (JBIG2 without jbig2dec): said below
        image = None
        if pictures:
            biggest = max(pictures, key=lambda p: len(p.data))
            image = cv2.imdecode(np.frombuffer(biggest.data, np.uint8), cv2.IMREAD_GRAYSCALE)  # JPEG, PNG, TIFF
            if image is None and biggest.image is not None:
                image = np.asarray(biggest.image.convert("L"))
        if image is not None and not _covers(image.shape, float(page.mediabox.width), float(page.mediabox.height)):
            image = None  # a logo on a page printed to PDF, not a scan of the page
        if image is None:
            yield (
                number,
                (
                    "Šajā PDF lapā nav skenēta attēla, ko varētu nolasīt bez programmas pdftoppm (poppler). Skenējiet "
                    "lapu vēlreiz kā PDF vai attēlu (JPEG, PNG) vai instalējiet poppler."
                ),
            )
            continue
        yield number, image


def _covers(shape: tuple[int, ...], width_pt: float, height_pt: float) -> bool:
    """Whether a picture of `shape` (rows, columns) can be the whole page: the page's proportions (either way
    round: a page turned by /Rotate keeps its picture unturned) at 100 dpi or more."""
    rows, columns = shape[0], shape[1]
    if width_pt <= 0 or height_pt <= 0 or rows <= 0:
        return False
    for w, h in ((width_pt, height_pt), (height_pt, width_pt)):
        if abs(columns / rows - w / h) <= 0.1 * w / h and columns / (w / 72) >= 100:
            return True
    return False
