"""`projektu-vadiba evidence NUMBER -o FILE.zip [--from DATE --to DATE]`: the audit evidence pack of a project."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from projektu_vadiba.cli import language
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import render


def register(commands: Any) -> None:
    cmd = commands.add_parser("evidence", help="pierādījumu arhīvs (ZIP) auditam: saturs, saraksti, pielikumi")
    cmd.add_argument("number", metavar="NUMURS", help="projekta numurs")
    cmd.add_argument("-o", "--output", type=Path, required=True, metavar="FAILS.zip")
    cmd.add_argument("--from", dest="start", metavar="DATUMS", help="perioda sākums (GGGG-MM-DD)")
    cmd.add_argument("--to", dest="end", metavar="DATUMS", help="perioda beigas (GGGG-MM-DD)")
    cmd.set_defaults(handler=evidence_command)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise AppError.of("cli.bad_date", text=text) from exc


def evidence_command(db: Database, args: Any) -> int:
    from projektu_vadiba.core.services.projects import find_project_id
    from projektu_vadiba.reports.evidence_zip import write_evidence_zip

    period = None
    if args.start or args.end:
        if not (args.start and args.end):
            raise AppError.of("cli.period_incomplete")
        period = (_date(args.start), _date(args.end))
    with db.session() as s:
        result = write_evidence_zip(s, find_project_id(s, args.number), args.output, period)
    lang = language.current()
    print(render("cli.evidence_written", {"path": str(result.path), "count": result.files}, lang))
    if result.missing_sheets:
        print(render("cli.evidence_missing_sheets", {"count": result.missing_sheets}, lang))
    if result.missing_invoices:
        print(render("cli.evidence_missing_invoices", {"count": result.missing_invoices}, lang))
    if result.missing_sheets or result.missing_invoices:
        print(render("cli.evidence_missing_where", {}, lang))
    return 0
