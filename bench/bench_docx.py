"""How long the final report as DOCX takes, against the floor of a bare python-docx document of the same content.

The project of bench_final_report.py (180 events, 6,000 people, 7,200 attendances, 30 budget lines, 1,000
expenses; report texts filled in). Best of --repeat runs, the report's data read once beforehand:
  docx     reports.final_docx.build_report_docx: styles, header with the logo, footer with page fields, every
           paragraph and table of the report (what the app and `report final -o x.docx` wait for after the data)
  floor    python-docx's own Document() with the same content through its ordinary API: each paragraph added
           with add_paragraph, each table with add_table and its cells' text set row by row, then saved. No
           styles, shading, borders, header, footer, page setup (checked before timing: the same paragraphs and
           the same table cells as the report's)
  pdf      for comparison, reports.final_report.build_report_pdf from the same data

    python bench/bench_docx.py
    python bench/bench_docx.py --quick    # 30 events, 1,000 people, one run
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.core.services.report_dto import ReportData

HERE = Path(__file__).resolve().parent


def _script(name: str) -> Any:
    """A sibling bench script (they are scripts, not package modules)."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def content(data: ReportData) -> list[tuple[str, Any]]:
    """The report's paragraphs and tables in order: ("p", text) and ("t", rows of cell texts)."""
    from projektu_vadiba.reports.final_blocks import CONTENT_WIDTH_MM, Form, Grid, Heading, Keep, Pairs, Para
    from projektu_vadiba.reports.final_story import story

    out: list[tuple[str, Any]] = []

    def walk(blocks: Any) -> None:
        for b in blocks:
            if isinstance(b, (Para, Heading)):
                out.append(("p", b.text.strip()))
            elif isinstance(b, Grid):
                rows = [list(b.head), *b.rows]
                out.append(("t", [[r[0], *[""] * (len(r) - 1)] if n in b.groups else r for n, r in enumerate(rows)]))
            elif isinstance(b, (Pairs, Form)):
                out.append(("t", [list(r) for r in b.rows]))
            elif isinstance(b, Keep):
                walk(b.blocks)

    walk(story(data, (), CONTENT_WIDTH_MM, False).blocks)
    return out


def floor(parts: list[tuple[str, Any]]) -> bytes:
    """A bare python-docx document of the same paragraphs and table cells."""
    from docx import Document

    doc = Document()
    for kind, value in parts:
        if kind == "p":
            doc.add_paragraph(value)
            continue
        table = doc.add_table(rows=len(value), cols=len(value[0]))
        for row, texts in zip(table.rows, value, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _texts(docx: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """Paragraph texts outside tables and the tables' cell texts, read back from a DOCX."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{w}body")

    def text(el: Any) -> str:
        return "".join(t.text or "" if t.tag == f"{w}t" else "\n" for t in el.iter(f"{w}t", f"{w}br"))

    paragraphs = [text(p) for p in body.findall(f"{w}p") if text(p)]
    tables = [
        [[text(c) for c in tr.findall(f"{w}tc")] for tr in tbl.findall(f"{w}tr")] for tbl in body.findall(f"{w}tbl")
    ]
    return paragraphs, tables


def check_floor(report: bytes, bare: bytes) -> None:
    """The floor holds the report's text: the same paragraphs and the same table cells (a group row's one merged
    cell counts as its first; the floor keeps the rest of that row empty)."""
    mine, theirs = _texts(report), _texts(bare)
    assert mine[0] == theirs[0], "paragraphs differ"
    trimmed = [[[c for c in row if c] or [""] for row in t] for t in theirs[1]]
    ours = [[[c for c in row if c] or [""] for row in t] for t in mine[1]]
    assert ours == trimmed, next((a, b) for a, b in zip(ours, trimmed, strict=False) if a != b)
    cells = sum(len(r) for t in theirs[1] for r in t)
    print(f"floor: {len(theirs[0])} paragraphs, {len(theirs[1])} tables, {cells} cells, as the report's")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    events, people, orgs, repeat = (30, 1000, 50, 1) if args.quick else (180, 6000, 300, args.repeat)
    final = _script("bench_final_report")
    from projektu_vadiba.reports.final_docx import build_report_docx
    from projektu_vadiba.reports.final_report import build_report_pdf

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        pid = final._report_data_bench().fill(db, events, people, orgs)
        with db.session() as s:
            for key, text in final.TEXTS.items():
                projects.set_text(s, pid, key, text)
            report = final_report_data(s, pid)
        db.close()
    parts = content(report)
    made = build_report_docx(report).data  # modules imported, the logo read once: not part of the figures
    check_floor(made, floor(parts))
    rows = {
        "docx": final.best(repeat, lambda: build_report_docx(report)),
        "floor": final.best(repeat, lambda: floor(parts)),
        "pdf": final.best(repeat, lambda: build_report_pdf(report)),
    }
    print(f"{events} events, {report.reach.attendances} attendances, {len(report.financial.ledger)} expenses; "
          f"DOCX {len(made) // 1024} KB")  # fmt: skip
    for name, seconds in rows.items():
        print(f"{name:8} {seconds * 1000:7.0f} ms")
    print(f"docx / floor {rows['docx'] / rows['floor']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
