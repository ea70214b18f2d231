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


def save_pdf_of(pages: list[dict[str, Any]], path: Path) -> Path:
    """A PDF written object by object, so a test chooses exactly what each page holds: `content` (the content
    stream), `images` ({name: (extra dictionary entries, stream data)}), and optional `media` and `crop` boxes,
    `rotate`, `extra` (more page entries, e.g. "/Annots [...]"). A scanner's page is one JPEG drawn over the page."""
    objects: list[bytes] = [b"", b""]  # 1: catalogue, 2: page tree (written last)

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(entries: str, data: bytes) -> int:
        return add(f"<< {entries} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")

    kids = []
    for page in pages:
        xobjects = " ".join(f"/{name} {stream(entries, data)} 0 R" for name, (entries, data) in page["images"].items())
        content = stream("", page["content"])
        media = " ".join(str(v) for v in page.get("media", (0, 0, 595.28, 841.89)))
        boxes = f"/MediaBox [{media}]"
        if "crop" in page:
            boxes += " /CropBox [" + " ".join(str(v) for v in page["crop"]) + "]"
        if page.get("rotate"):
            boxes += f" /Rotate {page['rotate']}"
        kids.append(
            add(
                f"<< /Type /Page /Parent 2 0 R {boxes} {page.get('extra', '')} "
                f"/Resources << /XObject << {xobjects} >> >> /Contents {content} 0 R >>".encode()
            )
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


PLACEMENTS = ("upright", "mirrored", "upside_down", "half_turn", "quarter_turn", "quarter_back")


def jpeg_page(image: Any, *, dpi: float = DPI, rotate: int = 0, placement: str = "upright") -> dict[str, Any]:
    """A scanner's PDF page: the image as one JPEG drawn over the whole page (page size from `dpi`), placed by the
    content stream's matrix as `placement` says (a quarter turn makes the page as wide as the image is high) and
    the page turned by /Rotate `rotate`."""
    h, w = image.shape[:2]
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 90])
    assert ok
    width, height = round(w * 72 / dpi, 4), round(h * 72 / dpi, 4)
    cm, media = {
        "upright": ((width, 0, 0, height, 0, 0), (width, height)),
        "mirrored": ((-width, 0, 0, height, width, 0), (width, height)),
        "upside_down": ((width, 0, 0, -height, 0, height), (width, height)),
        "half_turn": ((-width, 0, 0, -height, width, height), (width, height)),
        "quarter_turn": ((0, -width, height, 0, 0, width), (height, width)),
        "quarter_back": ((0, width, -height, 0, height, 0), (height, width)),
    }[placement]
    space = "/DeviceGray" if image.ndim == 2 else "/DeviceRGB"
    entries = f"/Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {space} /BitsPerComponent 8 "
    entries += "/Filter /DCTDecode"
    return {
        "content": f"q {' '.join(str(v) for v in cm)} cm /Im0 Do Q".encode(),
        "images": {"Im0": (entries, data.tobytes())},
        "media": (0, 0, *media),
        "rotate": rotate,
    }
