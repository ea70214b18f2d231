"""`projektu-vadiba attendance scan FILE... [--apply] [--json]`: reads signed sheets back from scans and photos.

Without --apply it only reports; with it the signed rows are ticked as attended in one transaction and the scans
are filed as the events' evidence. Uncertain rows are never ticked here: the review screen asks a person.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from projektu_vadiba.core.db import Database


def register(commands: Any) -> None:
    group = commands.add_parser("attendance", help="dalība: parakstīto reģistrācijas lapu nolasīšana no skeniem")
    sub = group.add_subparsers(dest="attendance_command", metavar="DARBĪBA", required=True)
    scan = sub.add_parser("scan", help="nolasīt parakstītas lapas (skenēts PDF, foto JPEG/PNG)")
    scan.add_argument("files", nargs="+", type=Path, metavar="FAILS")
    scan.add_argument("--apply", action="store_true", help="atzīmēt parakstījušos kā piedalījušos")
    scan.add_argument("--json", action="store_true", help="rezultāts kā viens JSON objekts")
    scan.set_defaults(handler=scan_command)


def scan_command(db: Database, args: Any) -> int:
    from projektu_vadiba.core.scan.apply import apply_ticks
    from projektu_vadiba.core.scan.service import read_scans

    with db.session() as s:
        report = read_scans(s, args.files)
        result = apply_ticks(s, report.pages) if args.apply and report.pages else None
    if args.json:
        data = report.as_json()
        if result is not None:
            data["applied"] = {"attended": result.attended, "files": result.attachments}
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for page in report.pages:
            print(f"{page.file}, {page.page}. lpp.: pasākums {page.event_id}, lapa {page.sheet_page}")
            for title, rows in (("parakstījušies", page.signed), ("neskaidri", page.uncertain)):
                if rows:
                    print(f"  {title}: " + "; ".join(f"{r.row}. {r.name}" for r in rows))
            print(f"  tukšas rindas: {len(page.empty)}")
            if page.walk_in_rows:
                print("  ierakstīti uz vietas (jāievada): rindas " + ", ".join(map(str, page.walk_in_rows)))
        for error in report.errors:
            where = f", {error.page}. lpp." if error.page else ""
            print(f"{error.file}{where}: {error.message}", file=sys.stderr)
        if result is not None:
            print(f"Atzīmēti kā piedalījušies: {result.attended}; saglabātas lapas: {result.attachments}.")
        elif report.pages and not args.apply:
            print("Nekas nav mainīts; lai atzīmētu, palaidiet vēlreiz ar --apply.")
    return 0 if report.pages else 1
