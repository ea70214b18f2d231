"""Scanned files -> page images: a PDF page that is one scanned JPEG straight from that JPEG, any other PDF page
through poppler's `pdftoppm` (200 dpi, grey), a photo through OpenCV.

A scanner's PDF page is a JPEG drawn over the whole page: decoding it directly (its own resolution, turned as
the page's placement and /Rotate show it) costs ~0.02 s a page where starting pdftoppm to render it cost ~0.17 s.
Only a page whose content draws nothing but that one picture over its crop box, with no mask, annotation or colour
a JPEG decoder could get wrong (CMYK, /Decode), is taken that way; any other page (a PDF printed from a program,
several pictures, JBIG2 or CCITT pages, rotation other than a quarter turn) is rendered by pdftoppm as before.
pdftoppm rather than a PDF library wheel for those: it renders every encoding, and is there already for the PDF
tests (poppler-utils). Where it is missing (Windows has no poppler) a page that is not such a JPEG gives its
largest embedded picture (pypdf), if that picture has the page's proportions: the page as scanned is all the
reader needs (it finds the corner marks in any rotation and resolution). A page without a picture (a PDF made by
printing to PDF, not by a scanner) gets a message saying what to do.

Limits (issue 18): at most MAX_PAGES pages a file, each page rendered alone into a temporary folder that is
removed in `finally` (also when the reader stops half-way or is killed between pages), cropped to MAX_SIDE_PX on
a side, and given PAGE_SECONDS to render; a picture or photo of more than MAX_IMAGE_PIXELS is refused before it is
decoded. A 2 000-page PDF once filled /tmp with 7.7 GB and left it there.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import Message

MAX_IMAGE_PIXELS = 100_000_000  # a 48 MP phone photo fits twice; a decompression bomb does not
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_IMAGE_PIXELS))  # read by OpenCV on its first use
import cv2  # noqa: E402  (after the limit above)
import numpy as np  # noqa: E402

DPI = 200
# A scanned JPEG is decoded at a half, quarter or eighth of its size while it keeps this many dots per inch of
# the page: the reader straightens the page to 152 dpi (reader.PX_PER_MM), and its tests read 150-dpi photos.
MIN_DPI = 150
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}
MAX_PAGES = 1000  # a batch of sheets for a big event is ~540 pages
MAX_FILE_BYTES = 1024 * 1024 * 1024
MAX_SIDE_PX = 4000  # an A4 page at 200 dpi is 1654 x 2339; a huge page is cropped, so one page stays < 16 MB
PAGE_SECONDS = 120
MAX_CONTENT_BYTES = 4096  # a page that only draws its picture says so in ~50 bytes; longer ones are rendered

Matrix = tuple[float, float, float, float, float, float]


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
    with path.open("rb") as file:  # pypdf reads from the file as it needs, not the whole file into memory
        pdf = _pdf_reader(path, file, required=tool is None)  # None: pypdf cannot read it, pdftoppm may
        count = _page_count(path) if pdf is None else len(pdf.pages)
        if count > MAX_PAGES:
            raise AppError.of("scan.too_many_pages", name=path.name, pages=count, limit=MAX_PAGES)
        # One page at a time: the folder holds at most one rendered page, and goes when the reader stops.
        folder: str | None = None  # made for the first page that needs pdftoppm
        try:
            for number in range(1, count + 1):
                page = None if pdf is None else _page(pdf, number)
                image = None if page is None else _scanned_jpeg(page)
                if image is None and tool is not None:
                    folder = folder or tempfile.mkdtemp(prefix="pv-scan-")
                    image = _render(tool, path, number, Path(folder))
                elif image is None:
                    image = _largest_picture(page)
                yield number, image
        finally:
            if folder is not None:
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
    """Pages of a PDF pypdf could not open, from poppler's pdfinfo; AppError when it is not a PDF."""
    info = shutil.which("pdfinfo")
    if info is None:
        raise AppError.of("scan.not_a_pdf", name=path.name)
    try:
        result = subprocess.run([info, str(path)], capture_output=True, check=False, timeout=PAGE_SECONDS)
    except subprocess.TimeoutExpired:
        raise AppError.of("scan.not_a_pdf", name=path.name) from None
    found = re.search(rb"^Pages:\s+([0-9]+)", result.stdout, re.MULTILINE)
    if result.returncode != 0 or found is None or int(found.group(1)) == 0:
        raise AppError.of("scan.not_a_pdf", name=path.name)
    return int(found.group(1))


def _pdf_reader(path: Path, file: IO[bytes], *, required: bool) -> Any:
    """pypdf's reader of the file; when pypdf cannot read it (damaged, encrypted), AppError if `required`, else
    None (poppler may still read it)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(file)
        if reader.is_encrypted and not required:
            return None  # poppler opens a PDF encrypted without a password to open it
        len(reader.pages)  # reading the page tree is where most damage shows
    except Exception as exc:  # pypdf raises many kinds (KeyError, TypeError, RecursionError) for a damaged PDF
        if required:
            raise AppError.of("scan.not_a_pdf", name=path.name) from exc
        return None
    return reader


def _page(pdf: Any, number: int) -> Any:
    try:
        return pdf.pages[number - 1]
    except Exception:  # a damaged page object: pdftoppm (or the message) handles the page
        return None


def _largest_picture(page: Any) -> Any:
    """Without pdftoppm: the page's largest picture, or a message for a page without one that covers it (the
    other pages are still read)."""
    try:
        image = None if page is None else _picture(page)
    except Exception:  # pypdf or Pillow on a damaged page (many kinds): said below, other pages still read
        image = None
    return Message("scan.page_without_picture") if image is None else image


def _picture(page: Any) -> Any:
    """The page's largest picture as a grey image, or None when it has none that covers the page."""
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


# --- a page that is one scanned JPEG --------------------------------------------------------------------------

_TOKEN = re.compile(rb"%[^\r\n]*|/[^\s()<>\[\]{}/%]*|[()<>\[\]{}]|[^\s()<>\[\]{}/%]+")
_NUMBER = re.compile(rb"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
_GREY = ("/DeviceGray", "/CalGray")
_RGB = ("/DeviceRGB", "/CalRGB")


def _scanned_jpeg(page: Any) -> Any:
    """The page as a grey image decoded straight from its JPEG, as pdftoppm would show it (turned and flipped as
    the placement and /Rotate say, at the JPEG's own resolution or a reduced one), or None when the page is
    anything else. Anything pypdf raises on a damaged page also means None: pdftoppm then has its say."""
    try:
        return _scanned_jpeg_or_none(page)
    except Exception:  # pypdf on damaged objects raises many kinds; cv2.error on a damaged JPEG
        return None


def _scanned_jpeg_or_none(page: Any) -> Any:
    if _value(page, "/Annots"):
        return None
    contents = page.get_contents()
    data = b"" if contents is None else contents.get_data()
    drawn = _lone_drawing(data) if len(data) <= MAX_CONTENT_BYTES else None
    if drawn is None:
        return None
    name, (a, b, c, d, e, f) = drawn
    picture = _value(_value(_value(page, "/Resources"), "/XObject"), name)
    if picture is None:
        return None
    width, height = int(_value(picture, "/Width") or 0), int(_value(picture, "/Height") or 0)
    channels = _jpeg_channels(picture)
    if channels is None or width <= 0 or height <= 0 or width * height > MAX_IMAGE_PIXELS:
        return None
    # Placement: the picture fills the unit square, its first row at the top (y = 1); `cm` maps that square onto
    # the page. Only quarter turns and mirrors, covering the visible box, are taken.
    if not (math.isclose(b, 0, abs_tol=1e-6) and math.isclose(c, 0, abs_tol=1e-6)) and not (
        math.isclose(a, 0, abs_tol=1e-6) and math.isclose(d, 0, abs_tol=1e-6)
    ):
        return None
    box = _visible_box(page)
    placed = (min(e, e + a + c), min(f, f + b + d), max(e, e + a + c), max(f, f + b + d))
    tolerance = max(1.0, 0.005 * max(box[2] - box[0], box[3] - box[1]))
    if any(abs(p - q) > tolerance for p, q in zip(placed, box, strict=True)):
        return None
    rotate = int(_value(page, "/Rotate") or 0)
    if rotate % 90:
        return None
    data = picture.get_data()  # DCTDecode passes the JPEG through untouched
    if _jpeg_frame(data) != (width, height, channels):
        return None
    dpi = min(width * 72 / math.hypot(a, b), height * 72 / math.hypot(c, d))
    factor = _reduction(width, height, dpi)
    if factor is None:
        return None
    image = cv2.imdecode(np.frombuffer(data, np.uint8), _DECODE[factor] | cv2.IMREAD_IGNORE_ORIENTATION)
    if image is None or image.shape != (-(-height // factor), -(-width // factor)) or image.dtype != np.uint8:
        return None
    return _as_shown(image, (a, -b), (-c, d), rotate)


def _value(dictionary: Any, key: str) -> Any:
    """dictionary[key] with indirect references followed (pypdf's get() leaves them), None when absent."""
    found = None if dictionary is None else dictionary.get_object().get(key)
    return None if found is None else found.get_object()


def _lone_drawing(data: bytes) -> tuple[str, Matrix] | None:
    """(XObject name, its matrix) when the content stream does nothing but draw one XObject (q, Q, cm, Do)."""
    ctm: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[Matrix] = []
    operands: list[float | str] = []
    drawn: tuple[str, Matrix] | None = None
    for token in _TOKEN.findall(data):
        if token.startswith(b"%"):  # a comment
            continue
        if token.startswith(b"/") or _NUMBER.fullmatch(token):
            operands.append(token.decode("latin-1") if token.startswith(b"/") else float(token))
            continue
        if token == b"q" and not operands:
            saved.append(ctm)
        elif token == b"Q" and not operands and saved:
            ctm = saved.pop()
        elif token == b"cm" and len(operands) == 6 and all(isinstance(o, float) for o in operands):
            m = [float(o) for o in operands]
            ctm = (  # cm premultiplies the current matrix
                m[0] * ctm[0] + m[1] * ctm[2],
                m[0] * ctm[1] + m[1] * ctm[3],
                m[2] * ctm[0] + m[3] * ctm[2],
                m[2] * ctm[1] + m[3] * ctm[3],
                m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
                m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
            )
        elif token == b"Do" and len(operands) == 1 and isinstance(operands[0], str) and drawn is None:
            drawn = (operands[0], ctm)
        else:
            return None  # any other operator: text, paths, a second picture, inline images, colours
        operands = []
    return drawn if not operands else None


def _jpeg_channels(picture: Any) -> int | None:
    """1 or 3: a plain 8-bit JPEG picture in grey or RGB without masks or /Decode; None for anything else."""
    if _value(picture, "/Subtype") != "/Image" or _value(picture, "/ImageMask"):
        return None
    if _value(picture, "/BitsPerComponent") != 8:
        return None
    if any(key in picture for key in ("/SMask", "/Mask", "/OC", "/SMaskInData")):
        return None
    filters = _value(picture, "/Filter")
    filters = [filters] if isinstance(filters, str) else list(filters or [])
    if [str(f) for f in filters] != ["/DCTDecode"]:
        return None
    space = _value(picture, "/ColorSpace")
    if isinstance(space, list) and len(space) == 2 and space[0] == "/ICCBased":
        channels = int(_value(space[1].get_object(), "/N") or 0)
    elif isinstance(space, list) and space and space[0] in (*_GREY, *_RGB):
        channels = 1 if space[0] in _GREY else 3
    elif isinstance(space, str) and space in (*_GREY, *_RGB):
        channels = 1 if space in _GREY else 3
    else:
        return None  # CMYK (Adobe's inverted JPEGs), Indexed, Lab, Separation: pdftoppm knows them
    decode = _value(picture, "/Decode")
    if decode is not None and [float(v) for v in decode] != [0.0, 1.0] * channels:
        return None  # an inverted picture
    return channels if channels in (1, 3) else None


def _jpeg_frame(data: bytes) -> tuple[int, int, int] | None:
    """(width, height, components) from a JPEG's frame header, None when it is no JPEG or has none."""
    if not data.startswith(b"\xff\xd8"):
        return None
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            at += 2
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
            if at + 10 > len(data):
                return None
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return width, height, data[at + 9]
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


_DECODE = {
    1: cv2.IMREAD_GRAYSCALE,
    2: cv2.IMREAD_REDUCED_GRAYSCALE_2,
    4: cv2.IMREAD_REDUCED_GRAYSCALE_4,
    8: cv2.IMREAD_REDUCED_GRAYSCALE_8,
}


def _reduction(width: int, height: int, dpi: float) -> int | None:
    """How much smaller to decode (the JPEG decoder scales for free): as far as MIN_DPI allows, and at least so
    far that a side fits MAX_SIDE_PX; None when no reduction it offers fits (pdftoppm crops such a page)."""
    factor = 1
    while factor < 8 and (max(width, height) > MAX_SIDE_PX * factor or dpi / (factor * 2) >= MIN_DPI):
        factor *= 2
    return factor if max(width, height) <= MAX_SIDE_PX * factor else None


def _visible_box(page: Any) -> tuple[float, float, float, float]:
    """The crop box within the media box (what a viewer or pdftoppm shows), as (left, bottom, right, top)."""
    media = [float(v) for v in page.mediabox]
    crop = [float(v) for v in page.cropbox]
    mx0, mx1, my0, my1 = (
        min(media[0], media[2]),
        max(media[0], media[2]),
        min(media[1], media[3]),
        max(media[1], media[3]),
    )
    cx0, cx1, cy0, cy1 = min(crop[0], crop[2]), max(crop[0], crop[2]), min(crop[1], crop[3]), max(crop[1], crop[3])
    return max(mx0, cx0), max(my0, cy0), min(mx1, cx1), min(my1, cy1)


def _as_shown(image: Any, across: tuple[float, float], down: tuple[float, float], rotate: int) -> Any:
    """The decoded picture turned as the page shows it. `across` and `down` are where the picture's rows and
    columns run on the page, in screen directions (x right, y down); /Rotate turns the page clockwise."""
    for _ in range((rotate // 90) % 4):
        across, down = (-across[1], across[0]), (-down[1], down[0])
    if abs(across[0]) < abs(across[1]):  # the picture's rows run down the page: transpose first
        image = cv2.transpose(image)
        across, down = down, across
    flip_x, flip_y = across[0] < 0, down[1] < 0
    if flip_x or flip_y:
        image = cv2.flip(image, -1 if flip_x and flip_y else 1 if flip_x else 0)
    return image
