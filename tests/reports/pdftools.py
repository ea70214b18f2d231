"""Reading generated PDFs back: text by poppler's pdftotext and by pypdf, word boxes, fonts, page sizes."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

PT_PER_MM = 72 / 25.4


def need_pdftotext() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext reads the PDF back; Windows has none (these run on Linux)")


def pdftotext_pages(data: bytes, *, layout: bool = False) -> list[str]:
    need_pdftotext()
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), "-", "-"]
    out = subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pypdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squeeze(text: str) -> str:
    """Text without any whitespace: a name wrapped over lines of its cell reads whole again."""
    return "".join(text.split())


@dataclass(frozen=True)
class Word:
    text: str
    x0: float  # mm from the page's left edge
    y0: float  # mm from the page's top edge
    x1: float
    y1: float


def words(data: bytes) -> list[list[Word]]:
    need_pdftotext()
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages: list[list[Word]] = []
    for page in re.findall(r"<page .*?</page>", out, flags=re.S):
        pages.append(
            [
                Word(html.unescape(t), *(float(v) / PT_PER_MM for v in (a, b, c, d)))
                for a, b, c, d, t in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
                )
            ]
        )
    return pages


def font_names(data: bytes) -> set[str]:
    names: set[str] = set()

    def collect(resources: object) -> None:
        res = resources.get_object() if hasattr(resources, "get_object") else resources
        if not isinstance(res, dict):
            return
        for font in (res.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
        for xobject in (res.get("/XObject") or {}).values():
            obj = xobject.get_object()
            if obj.get("/Subtype") == "/Form" and "/Resources" in obj:
                collect(obj["/Resources"])

    for page in PdfReader(io.BytesIO(data)).pages:
        collect(page.get("/Resources"))
    return names


def page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) / PT_PER_MM), round(float(p.mediabox.height) / PT_PER_MM))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def image_count(data: bytes) -> int:
    """Pictures (logos) in the document, each counted once however many pages show it."""
    reader = PdfReader(io.BytesIO(data))
    seen: set[int] = set()

    def walk(resources: object) -> None:
        res = resources.get_object() if hasattr(resources, "get_object") else resources
        if not isinstance(res, dict):
            return
        for ref in (res.get("/XObject") or {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                seen.add(ref.idnum)
            elif "/Resources" in obj:
                walk(obj["/Resources"])

    for page in reader.pages:
        walk(page.get("/Resources"))
    return len(seen)
