"""How long the attendance sheets of a big project take, against the floor of plain reportlab tables.

One SIF project with 180 events × 35 registered people (the scale of a five-year regional initiative) is put
into a fresh SQLite file with bulk inserts. Then, best of --repeat runs:
  read   services.sheets.project_sheets: everything the sheets print, read from the database
  build  reports.attendance_sheet.build_attendance_pdf: all 180 sheets in one PDF
  floor  the same rows (people + 5 blank rows per event) as plain platypus Tables, one per event, repeated header
         row, same DejaVu Sans font, no header band / footer / wrapping rules: what reportlab itself costs

    python bench/bench_sheets.py            # 180 events
    python bench/bench_sheets.py --quick    # 30 events, one run: a few seconds
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import ActivityInput, ProjectInput
from projektu_vadiba.core.dto_sheets import SheetSet
from projektu_vadiba.core.models import Attendance, AttendanceStatus, Event, EventType, Gender, Organisation, Person
from projektu_vadiba.core.services import activities, organisations, projects, sheets

sys.path.insert(0, str(Path(__file__).parent))
import names


def fill(db: Database, events: int, per_event: int) -> int:
    with db.session() as s:
        project = projects.create_project(
            s,
            ProjectInput(
                number="2021.LV/NVOF/MAC/001/01",
                title="Kopienu resursu centru tīkls Pierīgā",
                funder_name="Sabiedrības integrācijas fonds",
                funder_profile="sif_nvo_fonds",
                programme_name="NVO fonds",
                start_date=date(2021, 1, 1),
                end_date=date(2025, 12, 31),
                implementer_name="Biedrība “Ķekavas novada kopienu tīkls”",
            ),
        )
        activity = activities.create_activity(s, project.id, ActivityInput("1", "Kopienu pasākumi"))
        for i in range(40):
            organisations.find_or_create_organisation(s, f"Biedrība “Kopiena Nr. {i + 1}”")
        org_ids = list(s.scalars(select(Organisation.id)))
        start = datetime(2021, 2, 1, 17, 30)
        s.execute(
            insert(Event),
            [
                {
                    "project_id": project.id,
                    "activity_id": activity.id,
                    "title": f"Kopienas tikšanās Nr. {i + 1}",
                    "type": EventType.MEETING,
                    "starts_at": start + timedelta(days=9 * i),
                    "ends_at": start + timedelta(days=9 * i, hours=2),
                    "place": "Kopienu māja",
                    "address": "Skolas iela 5, Daugmale, LV-2124",
                    "municipality": "Ķekavas novads",
                }
                for i in range(events)
            ],
        )
        pool = per_event * 8
        rnd = random.Random(2026)
        named = [names.name(rnd) for _ in range(pool)]
        s.execute(
            insert(Person),
            [
                {
                    "given_name": named[i][0],
                    "surname": named[i][1],
                    "gender": Gender.FEMALE if named[i][2] else Gender.MALE,
                    "organisation_id": org_ids[i % len(org_ids)] if i % 3 else None,
                    "municipality": "Ķekavas novads",
                    "email": f"dalibnieks{i}@example.org" if i % 2 else "",
                    "phone": "" if i % 2 else f"+371 2{i:07d}",
                }
                for i in range(pool)
            ],
        )
        person_ids = list(s.scalars(select(Person.id).order_by(Person.id)))
        event_ids = list(s.scalars(select(Event.id).where(Event.project_id == project.id).order_by(Event.id)))
        s.execute(
            insert(Attendance),
            [
                {
                    "event_id": event_id,
                    "person_id": person_ids[(e * 7 + k) % pool],
                    "status": AttendanceStatus.ATTENDED if k % 4 else AttendanceStatus.REGISTERED,
                }
                for e, event_id in enumerate(event_ids)
                for k in range(per_event)
            ],
        )
        return project.id


def floor_pdf(data: SheetSet, blank_rows: int = 5) -> bytes:
    """Plain platypus tables of the same rows and font: the cost of reportlab itself."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from projektu_vadiba.reports.styles import table_style_commands

    widths = [w * 174 * mm for w in (0.06, 0.13, 0.15, 0.22, 0.22, 0.22)]
    style = TableStyle(table_style_commands())
    story: list[Any] = []
    for sheet in data.sheets:
        rows: list[list[str]] = [["Nr. p. k.", "Vārds", "Uzvārds", "Organizācija", "Kontakti", "Paraksts"]]
        rows += [[str(r.number), r.given_name, r.surname, r.organisation, r.email or r.phone, ""] for r in sheet.rows]
        first = len(sheet.rows) + 1
        rows += [[str(n), "", "", "", "", ""] for n in range(first, first + blank_rows)]
        story += [Table(rows, colWidths=widths, rowHeights=10 * mm, repeatRows=1, style=style), PageBreak()]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm).build(story)
    return out.getvalue()


def best(runs: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="30 events, one run")
    parser.add_argument("--events", type=int, default=180)
    parser.add_argument("--people", type=int, default=35, help="registered people per event")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    events, repeat = (30, 1) if args.quick else (args.events, args.repeat)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        t0 = time.perf_counter()
        project_id = fill(db, events, args.people)
        setup = time.perf_counter() - t0

        # The first sheet of a session also imports reportlab and registers the fonts (what a user waits for).
        t0 = time.perf_counter()
        from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf

        with db.session() as s:
            first_event = sheets.project_sheets(s, project_id).sheets[0].event.id
            build_attendance_pdf(sheets.event_sheets(s, first_event))
        t_first = time.perf_counter() - t0

        def read() -> SheetSet:
            with db.session() as s:
                return sheets.project_sheets(s, project_id)

        t_read, data = best(repeat, read)
        t_build, pdf = best(repeat, lambda: build_attendance_pdf(data))
        t_floor, floor = best(repeat, lambda: floor_pdf(data))
        db.close()

    people = sum(len(sh.rows) for sh in data.sheets)
    print(f"events {events}, registered people {people}, setup (bulk insert) {setup:.2f} s, best of {repeat}")
    print(f"read   {t_read:6.3f} s   project_sheets")
    print(f"build  {t_build:6.3f} s   {pdf.page_count} pages, {len(pdf.data) / 1e6:.1f} MB")
    print(f"total  {t_read + t_build:6.3f} s   read + build")
    print(f"floor  {t_floor:6.3f} s   plain platypus tables, {len(floor) / 1e6:.1f} MB")
    print(f"ratio  {t_build / t_floor:6.2f}    build / floor")
    print(f"first  {t_first:6.3f} s   one event's sheet in a fresh process (imports reportlab, registers fonts)")
    print(f"per event {t_build / events * 1000:.1f} ms in the batch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
