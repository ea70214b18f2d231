"""Making "scans" for the scan tests: sheet PDFs rendered to images, signatures drawn into chosen cells, then the
page skewed, rotated, lit unevenly, given noise and JPEG-compressed, like a phone photo."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from projektu_vadiba.reports.sheet_layout import PagePlan

DPI = 150


def render(pdf: bytes, dpi: int = DPI) -> list[Any]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm renders the sheet as a scanner would; Windows has none (tested on Linux)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "s.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(source), f"{tmp}/p"], check=True)
        files = sorted(Path(tmp).glob("p-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [cv2.imread(str(f), cv2.IMREAD_GRAYSCALE) for f in files]


def scribble(
    image: Any, plan: PagePlan, rows: Iterable[int], *, column: str = "signature", nth: int = 0, dpi: int = DPI
) -> Any:
    """A hand-signature-like stroke in the given column (the `nth` of that kind: a per-day sheet's days) of each
    given row (by printed number)."""
    out = image.copy()
    px = dpi / 25.4
    rng = np.random.default_rng(sum(rows) if isinstance(rows, list) else 7)
    left, right = [(lo, hi) for key, lo, hi in plan.columns if key == column][nth]
    for box in plan.rows:
        if box.number not in set(rows):
            continue
        x0, x1 = (left + 3) * px, (right - 3) * px
        y0, y1 = (box.top_mm + 2) * px, (box.bottom_mm - 2) * px
        xs = np.linspace(x0, x0 + (x1 - x0) * rng.uniform(0.5, 0.9), 40)
        ys = (y0 + y1) / 2 + (y1 - y0) / 2.5 * np.sin(np.linspace(0, rng.uniform(8, 14), 40))
        points = np.stack([xs, ys], axis=1).astype(np.int32)
        cv2.polylines(out, [points], False, 30, 2, cv2.LINE_AA)
    return out


def perspective(image: Any, amount: float = 0.04) -> Any:
    h, w = image.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    d = amount * min(w, h)
    dst = np.float32([[d, d * 0.5], [w - d * 0.3, 0], [w - d, h - d * 0.4], [d * 0.2, h - d]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(image, matrix, (w, h), borderValue=200)


def rotate(image: Any, degrees: int) -> Any:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[degrees]) if degrees else image


def uneven_light(image: Any) -> Any:
    h, w = image.shape[:2]
    gradient = np.linspace(1.0, 0.55, w)[None, :] * np.linspace(0.95, 0.75, h)[:, None]
    return np.clip(image.astype(np.float32) * gradient, 0, 255).astype(np.uint8)


def noise(image: Any, sigma: float = 8.0, seed: int = 1) -> Any:
    rng = np.random.default_rng(seed)
    return np.clip(image.astype(np.float32) + rng.normal(0, sigma, image.shape), 0, 255).astype(np.uint8)


def jpeg(image: Any, quality: int = 60) -> Any:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)


def photo(image: Any, degrees: int = 0) -> Any:
    """Everything a phone does to a sheet at once."""
    return jpeg(noise(uneven_light(perspective(rotate(image, degrees)))))


def save(image: Any, path: Path) -> Path:
    cv2.imwrite(str(path), image)
    return path


def save_pdf(images: list[Any], path: Path) -> Path:
    from PIL import Image

    pages = [Image.fromarray(i) for i in images]
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=DPI)
    return path
