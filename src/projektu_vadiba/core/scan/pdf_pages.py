"""Scanned files -> page images: a PDF through poppler's `pdftoppm` (200 dpi, grey), a photo through OpenCV.

pdftoppm rather than a PDF library wheel: it renders scanners' JPEG, JBIG2 and CCITT pages alike, and is there
already for the PDF tests (poppler-utils); a missing pdftoppm gets a message saying what to install.
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
    """(page number from 1, grey image) of each page; AppError for a file that cannot be read at all."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise AppError(f"Fails {path} nav atrasts.")
    if suffix == ".pdf":
        yield from _pdf_pages(path)
    elif suffix in IMAGE_SUFFIXES:
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        if image is None:
            raise AppError(f"Failu {path.name} neizdevās nolasīt kā attēlu.")
        yield 1, image
    else:
        raise AppError(f"Fails {path.name} nav ne PDF, ne attēls (JPEG, PNG).")


def _pdf_pages(path: Path) -> Iterator[tuple[int, Any]]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise AppError("Skenētam PDF vajadzīga programma pdftoppm (pakotne poppler-utils). Instalējiet to.")
    with tempfile.TemporaryDirectory(prefix="pv-scan-") as tmp:
        result = subprocess.run(
            # PGM, not PNG: compressing a noisy scan to PNG takes pdftoppm seconds a page.
            [tool, "-gray", "-r", str(DPI), str(path), str(Path(tmp) / "p")],
            capture_output=True,
            check=False,
        )
        files = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if result.returncode != 0 or not files:
            raise AppError(f"Failu {path.name} neizdevās nolasīt kā PDF.")
        for file in files:
            image = cv2.imread(str(file), cv2.IMREAD_GRAYSCALE)
            if image is not None:
                yield int(file.stem.rsplit("-", 1)[1]), image
