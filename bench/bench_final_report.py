"""How long the final report PDF of a big project takes, against the floor of plain reportlab tables.

The project of bench_report_data.py (one SIF project at the scale of a five-year regional initiative: 180 events,
6,000 people from 300 organisations, 7,200 attendances, 8 indicators, 30 budget lines, 1,000 expenses), with
its report texts filled in. Then, best of --repeat runs:
  data     services.report_data.final_report_data: everything the report prints, read from the database
  pdf      reports.final_report.build_report_pdf from that data
  total    both: what `projektu-vadiba report final` and the app's "Priekšskatīt" wait for
  floor    every table of the report (same rows and cell texts, checked against the report's own before timing)
           as plain platypus Tables in DejaVu Sans, repeated header row, no wrapping, styles, paragraphs, header,
           footer or bookmarks: what reportlab itself costs
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
from decimal import Decimal
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
    """Every table the report prints, with the same rows and cell texts, as plain reportlab: no wrapping, styles,
    paragraphs, header, footer or bookmarks. (check_floor_cells() compares the cells with the report's.)"""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table

    from projektu_vadiba.reports.fonts import register_fonts

    font = register_fonts().regular
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 7.8),
             ("GRID", (0, 0), (-1, -1), 0.4, "#9aa4ae")]  # fmt: skip
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font)
    doc.build([Table(rows, repeatRows=1, style=style) for rows in floor_tables(data)])
    return buffer.getvalue()


def floor_tables(data: ReportData) -> list[list[list[str]]]:
    """The cell texts of the report's tables, in the report's order (the SIF profile's sections)."""
    from projektu_vadiba.core.services.money_format import number
    from projektu_vadiba.core.services.money_summary import payment_kind_label
    from projektu_vadiba.core.services.money_summary import percent as ratio
    from projektu_vadiba.reports import text as rtext
    from projektu_vadiba.reports.final_blocks import amount, day, money, percent, period
    from projektu_vadiba.reports.final_labels import ACTIVITY_STATUS, EVENT_TYPE, PARTNER_ROLE, ReportLabels
    from projektu_vadiba.reports.final_sections import _cofinancing, _method

    lb, places = ReportLabels(data.lang), rtext.Labels(data.lang)
    p, fin, r = data.project, data.financial, data.reach
    tables: list[list[list[str]]] = []
    # Project data (label / value pairs).
    ctx = _Context(data, lb)
    implementer = p.implementer.name + (f", {lb['reg_number']} {p.implementer.reg_number}"
                                        if p.implementer.reg_number else "")  # fmt: skip
    partners = "\n".join(f"{x.organisation.name} — {lb.of(PARTNER_ROLE, x.role)}"
                         + (f": {x.description}" if x.description else "") for x in p.partners)  # fmt: skip
    grant, total = fin.grant_awarded, p.total_cost or fin.planned
    share = ratio(grant, total)
    pairs = [[lb["project_number"], p.number], [lb["project_title"], p.title], [lb["implementer"], implementer],
             [lb["partners"], partners or lb["none"]], [lb["funder"], p.funder.name]]  # fmt: skip
    if p.programme is not None:
        pairs.append([lb["programme"], p.programme.name])
        if p.programme.strand:
            pairs.append([lb["strand"], p.programme.strand])
    pairs.append([lb["project_period"], period(p.start_date, p.end_date)])
    if data.period is not None:
        pairs.append([lb["report_period"], period(data.period.date_from, data.period.date_to)])
    pairs += [[lb["total_cost"], money(total)],
              [lb["grant"], money(grant) + (f" ({percent(share)})" if share is not None else "")],
              [lb["cofinancing"], _cofinancing(ctx)]]  # type: ignore[arg-type]  # fmt: skip
    if p.aim:
        pairs.append([lb["aim"], p.aim])
    if p.target_groups:
        pairs.append([lb["target_groups"], ", ".join(p.target_groups)])
    tables.append(pairs)
    # Activities, then each activity's events.
    overview = [[lb["code"], lb["activity"], lb["planned_time"], lb["status"], lb["events"], lb["attended"]]]
    for a in data.activities:
        act = a.activity
        overview.append([act.code, act.title, period(act.planned_start, act.planned_end),
                         lb.of(ACTIVITY_STATUS, act.status), str(len(a.events)), str(a.attended)] if act else
                        ["", lb["loose_events"], "", "", str(len(a.events)), str(a.attended)])  # fmt: skip
    tables.append(overview)
    for a in data.activities:
        if a.events:
            tables.append([[lb["nr"], lb["date"], lb["event"], lb["place"], lb["registered"], lb["attended"]]] + [
                [str(n), day(e.starts_at.date()), f"{e.title} ({lb.of(EVENT_TYPE, e.type)})",
                 rtext.format_place(e.place, e.address, e.municipality, e.online, e.online_link, places),
                 str(e.registered), str(e.attended)] for n, e in enumerate(a.events, start=1)
            ])  # fmt: skip
    # Indicators.
    codes = {a.activity.id: a.activity.code for a in data.activities if a.activity is not None}
    tables.append([[lb["code"], lb["indicator"], lb["planned"], lb["achieved"], lb["fulfilment"],
                    lb["method_comment"]]] + [
        [i.code, i.name, f"{amount(i.planned_value)}{f' {i.unit}' if i.unit else ''}",
         f"{amount(i.achieved_value)}{f' {i.unit}' if i.unit else ''}",
         percent(ratio(i.achieved_value, i.planned_value)), _method(ctx, i, codes)] for i in data.indicators  # type: ignore[arg-type]
    ])  # fmt: skip
    # Participants reached: the summary, then each breakdown.
    tables.append([[lb["unique_people"], str(r.unique_people)], [lb["attendances"], str(r.attendances)],
                   [lb["registered_rows"], str(r.registered)], [lb["organisations"], str(r.organisations)],
                   [lb["events_with_lists"], str(r.events_with_lists)]])  # fmt: skip
    for key in data.section("target_groups").breakdowns:
        rows = r.breakdown(key)
        if not rows:
            continue
        planned = any(b.planned is not None for b in rows)
        head = [lb["group"], *([lb["planned"]] if planned else []), lb["people"], lb["share"], lb["attendances"]]
        tables.append([head] + [
            [b.label, *([str(b.planned) if b.planned is not None else ""] if planned else []), str(b.people),
             percent(ratio(Decimal(b.people), Decimal(r.unique_people))), str(b.attendances)] for b in rows
        ])  # fmt: skip
    # Money: categories, lines (grouped), sources, payments.
    cells = lambda x: [money(x.planned), money(x.spent), money(x.variance), percent(x.spent_percent)]  # noqa: E731
    tables.append([[lb["category"], lb["planned"], lb["spent"], lb["variance"], lb["spent_pct"]]] +
                  [[c.label, *cells(c)] for c in fin.categories] + [[lb["total"], *cells(fin)]])  # fmt: skip
    lines = [[lb["code"], lb["line"], lb["planned"], lb["spent"], lb["variance"], lb["spent_pct"]]]
    for c in fin.categories:
        if c.lines:
            lines.append([c.label, "", "", "", "", ""])
        for ln in c.lines:
            b = ln.line
            name = b.name
            if b.unit_cost:
                name += (
                    f" ({number(b.quantity, 2).removesuffix(',00')}{f' {b.unit}' if b.unit else ''} × "
                    f"{money(b.unit_cost)})"
                )
            lines.append([b.code, name, *cells(ln)])
    tables.append(lines)
    tables.append([[lb["source"], lb["planned"], lb["spent"], lb["variance"], lb["spent_pct"]]] +
                  [[x.label, *cells(x)] for x in fin.sources] + [[lb["total"], *cells(fin)]])  # fmt: skip
    if fin.payments:
        tables.append([[lb["payment_kind"], lb["date"], lb["amount"], lb["note"]]] + [
            [payment_kind_label(data.profile, x.kind, lb.lang), day(x.received_on), money(x.amount), x.note]
            for x in fin.payments
        ])  # fmt: skip
    tables.append(
        [
            [lb["grant_awarded"], money(fin.grant_awarded)],
            [lb["received"], money(fin.payments_received)],
            [lb["outstanding"], money(fin.grant_outstanding)],
            [lb["grant_spent"], money(fin.grant_spent)],
        ]
    )
    # Annexes and the signature block.
    tables.append([[lb["annex_no"], lb["event"], lb["date"], lb["place"], lb["attended"]]] + [
        [f"{x.number}.", x.event.title, day(x.event.starts_at.date()),
         rtext.format_place(x.event.place, x.event.address, x.event.municipality, x.event.online,
                            x.event.online_link, places), str(x.event.attended)] for x in data.annexes
    ])  # fmt: skip
    tables.append([[lb["manager"], "", lb["signature_date"], ""], [lb["accountant"], "", lb["signature_date"], ""]])
    return tables


def check_floor_cells(data: ReportData) -> None:
    """The floor's tables hold the report's cells: the same tables, rows and texts (line breaks aside)."""
    from reportlab.platypus import KeepTogether, Table

    from projektu_vadiba.reports.final_blocks import CONTENT_WIDTH_MM
    from projektu_vadiba.reports.final_story import story
    from projektu_vadiba.reports.final_tables import flowables, make_styles
    from projektu_vadiba.reports.fonts import register_fonts

    blocks = flowables(story(data, (), CONTENT_WIDTH_MM, False).blocks, make_styles(register_fonts()))
    flat = [f for x in blocks for f in (x._content if isinstance(x, KeepTogether) else [x])]
    job = [[["".join(str(c).split()) for c in row] for row in t._cellvalues] for t in flat if isinstance(t, Table)]
    mine = [[["".join(c.split()) for c in row] for row in t] for t in floor_tables(data)]
    assert job == mine, next((j, m) for j, m in zip(job, mine, strict=False) if j != m)
    cells = sum(len(row) for t in mine for row in t)
    print(f"floor: the report's {len(mine)} tables, {cells} cells, {sum(len(c) for t in mine for r in t for c in r)} "
          "characters")  # fmt: skip


class _Context:
    """What the report's text helpers (final_sections._cofinancing, _method) read of their context."""

    def __init__(self, data: ReportData, labels: Any) -> None:
        self.data, self.labels = data, labels


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
        check_floor_cells(report)
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
