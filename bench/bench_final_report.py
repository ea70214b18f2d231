"""How long the final report PDF of a big project takes, against the floor of plain reportlab tables.

The project of bench_report_data.py (one SIF project at the scale of a five-year regional initiative: 180 events,
6,000 people from 300 organisations, 7,200 attendances, 8 indicators, 30 budget lines, 1,000 expenses), with
its report texts filled in. Then, best of --repeat runs:
  data     services.report_data.final_report_data: everything the report prints, read from the database
  pdf      reports.final_report.build_report_pdf from that data
  total    both: what `projektu-vadiba report final` and the app's "Priekšskatīt" wait for
  floor    the same tables (same rows and cell texts) as plain platypus Tables in DejaVu Sans, repeated header
           row, no wrapping, styles, header, footer or bookmarks: what reportlab itself costs
  lists    once: the report with the 180 attended-people lists appended (--with-lists)

    python bench/bench_final_report.py
    python bench/bench_final_report.py --quick    # 30 events, 1,000 people, one run
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.core.services.report_dto import ReportData

TEXTS = {
    "aim_reached": "Mērķis sasniegts: 10 kopienu resursu centri piecos novados. " * 6,
    "publicity": "Publikācijas novada laikrakstos, ieraksti sociālajos tīklos (#NVOFonds2021). " * 4,
    "changes": "Izmaiņu nebija.",
}


def _report_data_bench() -> Any:
    """bench_report_data.py fills the database; it is a script, not a package module."""
    spec = importlib.util.spec_from_file_location("bench_report_data", Path(__file__).with_name("bench_report_data.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def best(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def floor(data: ReportData) -> bytes:
    """The report's tables with the same cell texts, as plain reportlab, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from projektu_vadiba.reports.fonts import register_fonts

    font = register_fonts().regular
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 7.8),
             ("GRID", (0, 0), (-1, -1), 0.4, "#9aa4ae")]  # fmt: skip
    tables: list[list[list[str]]] = []
    tables.append([["Kods", "Aktivitāte", "Plānotais laiks", "Statuss", "Pasākumi", "Piedalījās"]] + [
        [a.activity.code if a.activity else "", a.activity.title if a.activity else "", "", "", str(len(a.events)),
         str(a.attended)] for a in data.activities
    ])  # fmt: skip
    for a in data.activities:
        tables.append([["Nr.", "Datums", "Pasākums", "Vieta", "Reģistrēti", "Piedalījās"]] + [
            [str(n), f"{e.starts_at:%d.%m.%Y}", e.title, f"{e.place}, {e.municipality}", str(e.registered),
             str(e.attended)] for n, e in enumerate(a.events, start=1)
        ])  # fmt: skip
    tables.append([["Kods", "Rādītājs", "Plānots", "Sasniegts"]] + [
        [i.code, i.name, str(i.planned_value), str(i.achieved_value)] for i in data.indicators
    ])  # fmt: skip
    for key in ("target_group", "municipality"):
        tables.append([["Grupa", "Personas", "Dalības reizes"]] + [
            [b.label, str(b.people), str(b.attendances)] for b in data.reach.breakdown(key)
        ])  # fmt: skip
    s = data.financial
    tables.append([["Izmaksu pozīcija", "Plānots", "Izlietots", "Novirze"]] + [
        [c.label, str(c.planned), str(c.spent), str(c.variance)] for c in s.categories
    ])  # fmt: skip
    tables.append([["Kods", "Pozīcija", "Plānots", "Izlietots", "Novirze"]] + [
        [ln.line.code, ln.line.name, str(ln.planned), str(ln.spent), str(ln.variance)]
        for c in s.categories for ln in c.lines
    ])  # fmt: skip
    tables.append([["Pielikums", "Pasākums", "Datums", "Vieta", "Piedalījās"]] + [
        [str(a.number), a.event.title, f"{a.event.starts_at:%d.%m.%Y}", a.event.place, str(a.event.attended)]
        for a in data.annexes
    ])  # fmt: skip
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font)
    doc.build([Table(rows, repeatRows=1, style=style) for rows in tables])
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    events, people, orgs, repeat = (30, 1000, 50, 1) if args.quick else (180, 6000, 300, args.repeat)
    from projektu_vadiba.reports.final_report import ReportOptions, annex_sheets, build_report_pdf

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        pid = _report_data_bench().fill(db, events, people, orgs)
        with db.session() as s:
            for key, text in TEXTS.items():
                projects.set_text(s, pid, key, text)

        def data() -> ReportData:
            with db.session() as s:
                return final_report_data(s, pid)

        report = data()
        build_report_pdf(report)  # fonts registered, modules imported: not part of the figures
        rows = {
            "data": best(repeat, data),
            "pdf": best(repeat, lambda: build_report_pdf(report)),
            "total": best(repeat, lambda: build_report_pdf(data())),
            "floor": best(repeat, lambda: floor(report)),
        }
        pdf = build_report_pdf(report)
        with db.session() as s:
            lists = annex_sheets(s, report)
        started = time.perf_counter()
        joined = build_report_pdf(report, ReportOptions(with_lists=True), lists)
        rows["lists"] = time.perf_counter() - started
        print(f"{events} events, {report.reach.unique_people} people, {report.reach.attendances} attendances, "
              f"{report.reach.organisations} organisations, {len(report.financial.ledger)} expenses; "
              f"report {pdf.report_pages} pages ({len(pdf.data) // 1024} KB), with lists {joined.page_count} pages "
              f"({len(joined.data) // 1024} KB)")  # fmt: skip
        for name, seconds in rows.items():
            print(f"{name:8} {seconds * 1000:7.0f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
