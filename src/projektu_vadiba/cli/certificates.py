"""`projektu-vadiba certificates NUMBER -o FILE.pdf [--event ID ...] [--person ID ...] [--lang en]`: certificates of
participation, one page per person, in one PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from projektu_vadiba.cli import language
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.messages import render


def register(commands: Any) -> None:
    cmd = commands.add_parser("certificates", help="apliecinājumi par dalību (PDF, lapa katram dalībniekam)")
    cmd.add_argument("number", metavar="NUMURS", help="projekta numurs")
    cmd.add_argument("--funder", metavar="NOSAUKUMS", help="finansētājs, ja numurs ir vairākiem")
    cmd.add_argument("--event", type=int, action="append", metavar="ID", help="tikai šis pasākums (var atkārtot)")
    cmd.add_argument("--person", type=int, action="append", metavar="ID", help="tikai šī persona (var atkārtot)")
    cmd.add_argument("--lang", dest="doc_lang", choices=("lv", "en"), default=None, help="dokumenta valoda")
    cmd.add_argument("-o", "--output", type=Path, required=True, metavar="FAILS.pdf")
    cmd.set_defaults(handler=certificates_command)


def certificates_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.certificates import certificates
    from projektu_vadiba.core.services.projects import find_project_id
    from projektu_vadiba.reports.certificate import write_certificates_pdf

    lang = language.current()
    with db.session() as s:
        project_id = find_project_id(s, args.number, args.funder)
        certs = certificates(s, project_id, person_ids=args.person, event_ids=args.event)
    pdf = write_certificates_pdf(certs, args.output, args.doc_lang or lang)
    print(render("cli.certificates_written", {"path": str(args.output), "count": pdf.pages}, lang))
    return 0
