"""Comparing the DOCX report with the PDF report by their text.

Both files are read as text in reading order: the PDF by `pdftotext -raw` (the content stream's order: a table's
cells row by row, each cell's lines together), the DOCX once as LibreOffice Writer lays it out (converted to PDF by
`soffice --headless --convert-to pdf`, then the same pdftotext) and once straight from its XML (paragraphs and
table cells in document order).

What is compared, and what is left out on purpose:
- whitespace is removed before comparing ("squeezed"): lines break at other places in a 174-mm column set by
  reportlab than by Writer, and the PDF cuts a word too long for its cell between letters;
- the page furniture (header: the project's number and title, "MELNRAKSTS"; footer: the publicity sentence and
  "Lapa X no Y"; a draft's large mark across the page) is taken off the start and the end of every page; it is
  checked on its own, page by page;
- a table's title row that a page break repeats is skipped wherever it appears again (the files break pages at
  different rows).
Everything else must be the same characters in the same order.
"""

from __future__ import annotations

import subprocess
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squeeze(text: str) -> str:
    # NFKC: a ligature Writer sets (ﬁ) and a no-break space read as the letters and space they stand for.
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def docx_body_text(docx: Path) -> str:
    """The body's text in document order (paragraphs and table cells; no header or footer)."""
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    parts: list[str] = []
    for el in root.find(f"{W}body").iter(f"{W}t", f"{W}br", f"{W}p"):
        parts.append(el.text or "" if el.tag == f"{W}t" else "\n")
    return "".join(parts)


def convert(docx: Sequence[Path], out: Path, soffice: str) -> list[Path]:
    """Each DOCX as Writer lays it out, saved as PDF (its own profile: no LibreOffice running elsewhere interferes)."""
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{out / 'lo-profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out / "writer"), *map(str, docx)],
        capture_output=True, timeout=300, text=True,
    )  # fmt: skip
    made = [out / "writer" / (p.stem + ".pdf") for p in docx]
    missing = [p.name for p in made if not p.is_file()]
    assert not missing, f"LibreOffice Writer made no PDF of {missing} (is libreoffice-writer installed?): {result}"
    return made


def strip_furniture(page: str, pieces: Sequence[str]) -> str:
    """The page's text without the furniture at its start and end (squeezed)."""
    text = squeeze(page)
    wanted = [squeeze(p) for p in pieces if squeeze(p)]
    changed = True
    while changed:
        changed = False
        for piece in wanted:
            if text.startswith(piece):
                text, changed = text[len(piece) :], True
            if text.endswith(piece):
                text, changed = text[: -len(piece)], True
    return text


def body_of_pdf(pdf: Path, pieces: Sequence[str]) -> str:
    pages = pdf_pages(pdf)
    total = len(pages)
    return "".join(
        strip_furniture(page, [*pieces, f"Lapa {n} no {total}", f"Page {n} of {total}"])
        for n, page in enumerate(pages, start=1)
    )


def first_difference(a: str, b: str, repeated: Sequence[str]) -> str | None:
    """None when `a` and `b` are the same text, allowing a table title row (in `repeated`) to appear again in
    either; else where they part, with some text around it."""
    heads = sorted({squeeze(h) for h in repeated if squeeze(h)}, key=len, reverse=True)
    starts = {h[0] for h in heads}
    i = j = 0
    while i < len(a) or j < len(b):
        ca, cb = a[i : i + 1], b[j : j + 1]
        if ca in starts or cb in starts:  # a title row again on one side only: a page break, skipped
            head = next((h for h in heads if a.startswith(h, i) != b.startswith(h, j)), None)
            if head is not None:
                if a.startswith(head, i):
                    i += len(head)
                else:
                    j += len(head)
                continue
        if ca and ca == cb:
            i, j = i + 1, j + 1
            continue
        return f"…{a[max(0, i - 80) : i]}⟦{a[i : i + 80]}⟧ ≠ ⟦{b[j : j + 80]}⟧"
    return None
