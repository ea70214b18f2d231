#!/usr/bin/env python3
"""The sample images of docs/final-report.md: every page of the demo project's final report, a draft's first
page, the EEA report's participants page, an appended attendance list and the Reports section of the app.

    python scripts/make_final_report_samples.py            # writes docs/img/final-report/*.png

Needs pdftoppm (poppler-utils). The demo database is made in a temporary folder; the clock is fixed so the
images do not change from one day to the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img" / "final-report"
ROAD_MAP, MENTORING = "2023.LV/NVOF/MAC/041/58", "2025.LV/NVOF/MIC/041"
DPI = 70


def pages_to_png(pdf: bytes, name: str, first: int = 1, last: int | None = None) -> list[Path]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        args = ["pdftoppm", "-png", "-r", str(DPI), "-f", str(first)]
        args += ["-l", str(last)] if last else []
        subprocess.run([*args, str(source), str(Path(folder) / "p")], check=True)
        made = sorted(Path(folder).glob("p-*.png"))
        out = []
        for n, png in enumerate(made, start=first):
            target = OUT / (f"{name}-{n}.png" if len(made) > 1 or last is None else f"{name}.png")
            target.write_bytes(png.read_bytes())
            out.append(target)
        return out


def main() -> int:
    from projektu_vadiba.core import clock
    from projektu_vadiba.core.db import open_database
    from projektu_vadiba.core.demo import fill_demo
    from projektu_vadiba.core.services.projects import find_project_id
    from projektu_vadiba.reports.final_report import ReportOptions, build_report_pdf, gather

    clock.set_clock(datetime(2024, 1, 8, 10, 0))
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'demo.sqlite'}")
        with db.session() as s:
            fill_demo(s)
        with db.session() as s:
            road_map = find_project_id(s, ROAD_MAP)
            data, lists = gather(s, road_map, with_lists=True)
            mentoring, _ = gather(s, find_project_id(s, MENTORING))
        final = build_report_pdf(data)
        written = pages_to_png(final.data, "sif-final")
        joined = build_report_pdf(data, ReportOptions(with_lists=True), lists)
        written += pages_to_png(joined.data, "sif-annex-list", joined.report_pages + 1, joined.report_pages + 1)
        draft = build_report_pdf(mentoring, ReportOptions(draft=True))
        written += pages_to_png(draft.data, "sif-draft", 1, 1)
        written += _eea_page(db)
        written += _docx_page(data, Path(folder))
        written += _screenshots(db, road_map, Path(folder))
        db.close()
    clock.set_clock(None)
    for path in written:
        print(path.relative_to(ROOT))
    return 0


def _docx_page(data: object, folder: Path) -> list[Path]:
    """The first page of the same final report as DOCX, as LibreOffice Writer lays it out (needs soffice)."""
    import shutil

    from projektu_vadiba.core.services.report_dto import ReportData
    from projektu_vadiba.reports.final_docx import write_report_docx

    assert isinstance(data, ReportData)
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice is not installed: docx-final-1.png left as it was", file=sys.stderr)
        return []
    source = folder / "docx-final.docx"
    write_report_docx(data, source)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'lo'}", "--headless", "--convert-to", "pdf", "--outdir",
         str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return pages_to_png((folder / "docx-final.pdf").read_bytes(), "docx-final", 1, 1)


def _eea_page(db: object) -> list[Path]:
    """An EEA report (participants by gender and age group) made from the test sample project."""
    sys.path.insert(0, str(ROOT))
    from tests.reports.report_sample import make_report_project

    from projektu_vadiba.core.db import Database
    from projektu_vadiba.reports.final_report import build_report_pdf, gather

    assert isinstance(db, Database)
    with db.session() as s:
        pid = make_report_project(s, "eea_active_citizens").project_id
    with db.session() as s:
        data, _ = gather(s, pid)
    pdf = build_report_pdf(data)
    from tests.reports.pdftools import pdftotext_pages

    page = next(n for n, text in enumerate(pdftotext_pages(pdf.data), start=1) if "Pēc dzimuma" in text)
    return pages_to_png(pdf.data, "eea-participants", page, page)


def _screenshots(db: object, project_id: int, folder: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from projektu_vadiba.core.db import Database
    from projektu_vadiba.ui.fonts import load_fonts
    from projektu_vadiba.ui.reports import ReportsView
    from projektu_vadiba.ui.reports.making import FINAL, Request, make
    from projektu_vadiba.ui.workspace import Workspace

    assert isinstance(db, Database)
    app = QApplication.instance() or QApplication([])
    load_fonts(app)  # type: ignore[arg-type]
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    view = ReportsView(Workspace(db), project_id, settings=settings)
    made = make(db, project_id, Request(FINAL))
    view.write(made, folder / made.file_name, FINAL)
    view.resize(1000, 430)
    view.show()
    app.processEvents()
    first = OUT / "reports-view.png"
    view.grab().save(str(first))
    view.open_texts("aim_reached")
    view.resize(1000, 520)
    app.processEvents()
    second = OUT / "reports-texts.png"
    view.grab().save(str(second))
    return [first, second]


if __name__ == "__main__":
    sys.exit(main())
