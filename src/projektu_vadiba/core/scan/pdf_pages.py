"""Scanned files -> page images: a PDF through poppler's `pdftoppm` (200 dpi, grey), a photo through OpenCV.

pdftoppm rather than a PDF library wheel: it renders scanners' JPEG, JBIG2 and CCITT pages alike, and is there
already for the PDF tests (poppler-utils). Where it is missing (Windows has no poppler) the picture each page of a
scanner's PDF holds is taken out with pypdf: that picture is the page as scanned, which is all the reader needs
(it finds the corner marks in any rotation and resolution). A page without a picture (a PDF made by printing to
PDF, not by a scanner) gets a message saying what to do.

Limits (issue 18): at most MAX_PAGES pages a file, each page rendered alone into a temporary folder that is
removed in `finally` (also when the reader stops half-way or is killed between pages), cropped to MAX_SIDE_PX on
a side, and given PAGE_SECONDS to render; a photo of more than MAX_IMAGE_PIXELS is refused before it is decoded.
A 2 000-page PDF once filled /tmp with 7.7 GB and left it there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import Message

MAX_IMAGE_PIXELS = 100_000_000  # a 48 MP phone photo fits twice; a decompression bomb does not
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_IMAGE_PIXELS))  # read by OpenCV on its first use
import cv2  # noqa: E402  (after the limit above)

DPI = 200
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}
MAX_PAGES = 1000  # a batch of sheets for a big event is ~540 pages
MAX_FILE_BYTES = 1024 * 1024 * 1024
MAX_SIDE_PX = 4000  # an A4 page at 200 dpi is 1654 x 2339; a huge page is cropped, so one page stays < 16 MB
PAGE_SECONDS = 120


def page_images(path: Path) -> Iterator[tuple[int, Any]]:
    """(page number from 1, grey image) of each page, or (page number, message) for a page that has no image to
    read; AppError for a file that cannot be read at all."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise AppError.of("file.not_found", path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise AppError.of("scan.file_too_large", name=path.name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    if suffix == ".pdf":
        yield from _pdf_pages(path)
    elif suffix in IMAGE_SUFFIXES:
        yield 1, _image(path)
    else:
        raise AppError.of("scan.unknown_kind", name=path.name)


def _image(path: Path) -> Any:
    try:
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)  # None, or cv2.error, for a damaged or huge file
    except cv2.error:
        image = None
    if image is None:
        raise AppError.of("scan.not_an_image", name=path.name)
    return image


def _pdf_pages(path: Path) -> Iterator[tuple[int, Any]]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        yield from _pictures(path)
        return
    count = _page_count(path)
    if count > MAX_PAGES:
        raise AppError.of("scan.too_many_pages", name=path.name, pages=count, limit=MAX_PAGES)
    # One page at a time: the folder holds at most one page image, and goes when the reader stops.
    folder = tempfile.mkdtemp(prefix="pv-scan-")
    try:
        for number in range(1, count + 1):
            image = _render(tool, path, number, Path(folder))
            yield number, image
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _render(tool: str, path: Path, number: int, folder: Path) -> Any:
    """Page `number` as a grey image, or a message when pdftoppm cannot render it."""
    target = folder / "p"
    args = [tool, "-gray", "-r", str(DPI), "-f", str(number), "-l", str(number)]
    # PGM, not PNG: compressing a noisy scan to PNG takes pdftoppm seconds a page. -W/-H crop a giant page.
    args += [
        "-x",
        "0",
        "-y",
        "0",
        "-W",
        str(MAX_SIDE_PX),
        "-H",
        str(MAX_SIDE_PX),
        "-singlefile",
        str(path),
        str(target),
    ]
    try:
        result = subprocess.run(args, capture_output=True, check=False, timeout=PAGE_SECONDS)
    except subprocess.TimeoutExpired:
        raise AppError.of("scan.page_too_slow", name=path.name, page=number, seconds=PAGE_SECONDS) from None
    file = target.with_suffix(".pgm")
    try:
        if result.returncode != 0 or not file.is_file():
            if number == 1:
                raise AppError.of("scan.not_a_pdf", name=path.name)
            return Message("scan.page_unreadable")  # the other pages are still read
        return _image(file)
    finally:
        file.unlink(missing_ok=True)


def _page_count(path: Path) -> int:
    """Pages of a PDF from poppler's pdfinfo (pypdf where it is missing); AppError when it is not a PDF."""
    info = shutil.which("pdfinfo")
    if info is not None:
        try:
            result = subprocess.run([info, str(path)], capture_output=True, check=False, timeout=PAGE_SECONDS)
        except subprocess.TimeoutExpired:
            raise AppError.of("scan.not_a_pdf", name=path.name) from None
        found = re.search(rb"^Pages:\s+([0-9]+)", result.stdout, re.MULTILINE)
        if result.returncode != 0 or found is None or int(found.group(1)) == 0:
            raise AppError.of("scan.not_a_pdf", name=path.name)
        return int(found.group(1))
    return len(_pdf_reader(path).pages)


def _pdf_reader(path: Path) -> Any:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        len(reader.pages)  # reading the page tree is where most damage shows
    except Exception as exc:  # pypdf raises many kinds (KeyError, TypeError, RecursionError) for a damaged PDF
        raise AppError.of("scan.not_a_pdf", name=path.name) from exc
    return reader


def _pictures(path: Path) -> Iterator[tuple[int, Any]]:
    """(page number, grey image) of each page's largest embedded picture; for a page that has none, (page
    number, a Latvian message) so the other pages are still read."""
    reader = _pdf_reader(path)
    if len(reader.pages) > MAX_PAGES:
        raise AppError.of("scan.too_many_pages", name=path.name, pages=len(reader.pages), limit=MAX_PAGES)
    for number in range(1, len(reader.pages) + 1):
        try:
            image = _picture(reader.pages[number - 1])
        except Exception:  # pypdf or Pillow on a damaged page (many kinds): said below, other pages still read
            image = None
        if image is None:
            yield number, Message("scan.page_without_picture")
            continue
        yield number, image


def _picture(page: Any) -> Any:
    """The page's largest picture as a grey image, or None when it has none that covers the page."""
    import numpy as np

    pictures = list(page.images)
    if not pictures:
        return None  # also an encoding pypdf cannot decode (JBIG2 without jbig2dec)
    biggest = max(pictures, key=lambda p: len(p.data))
    image = cv2.imdecode(np.frombuffer(biggest.data, np.uint8), cv2.IMREAD_GRAYSCALE)  # JPEG, PNG, TIFF
    if image is None and biggest.image is not None:
        image = np.asarray(biggest.image.convert("L"))
    if image is not None and not _covers(image.shape, float(page.mediabox.width), float(page.mediabox.height)):
        return None  # a logo on a page printed to PDF, not a scan of the page
    return image


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
