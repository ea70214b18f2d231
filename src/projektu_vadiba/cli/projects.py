"""Commands on whole projects: demo data, the list, bundle export (a version 2 `.pvz` ZIP) and import (that or a
version 1 JSON file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from projektu_vadiba.cli import language
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.messages import render, text_of
from projektu_vadiba.core.models import ProjectStatus

STATUS_LV = {ProjectStatus.PLANNED: "plānots", ProjectStatus.RUNNING: "notiek", ProjectStatus.CLOSED: "noslēgts"}


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="aizpildīt tukšu datubāzi ar demonstrācijas organizāciju")
    demo.add_argument("--seed", type=int, default=2026, help="gadījumskaitļu sēkla (tie paši dati katru reizi)")
    demo.add_argument(
        "--around",
        metavar="DD.MM.GGGG",
        help="diena, ap kuru notiek demonstrācijas projekti (pēc noklusējuma šodiena)",
    )
    demo.add_argument(
        "--fixed", action="store_true", help="stāsta datumi 2023–2025 (dienā 03.11.2025), nevis ap šodienu"
    )
    demo.set_defaults(handler=demo_command)

    commands.add_parser("projects", help="projektu saraksts").set_defaults(handler=list_command)

    export = commands.add_parser("export", help="eksportēt projektu paketē (.pvz: ZIP ar datiem un pielikumiem)")
    export.add_argument("number", metavar="NUMURS", help="projekta numurs, piemēram 2023.LV/NVOF/MAC/041/58")
    export.add_argument("--funder", metavar="NOSAUKUMS", help="finansētājs, ja numurs ir vairākiem")
    export.add_argument("-o", "--output", metavar="FAILS.pvz", required=True, type=Path)
    export.set_defaults(handler=export_command)

    imp = commands.add_parser("import", help="importēt projektu no paketes (.pvz vai vecās versijas .json)")
    imp.add_argument("file", metavar="FAILS.pvz", type=Path)
    imp.set_defaults(handler=import_command)


def demo_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core import clock
    from projektu_vadiba.core.demo import fill_demo
    from projektu_vadiba.core.validation import parse_date

    around = None if args.fixed else parse_date(args.around, "around") if args.around else clock.today()
    with db.session() as s:
        summary = fill_demo(s, seed=args.seed, around=around)
    print(
        f"Demonstrācijas dati ielikti: projekti {summary.projects}, pasākumi {summary.events}, "
        f"personas {summary.people}, dalības ieraksti {summary.attendances}."
    )
    return 0


def list_command(db: Database, _args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.projects import list_projects

    with db.session() as s:
        rows = list_projects(s)
    if not rows:
        print("Datubāzē nav projektu.")
        return 0
    width = max(len(r.number) for r in rows)
    for r in rows:
        period = f"{r.start_date:%d.%m.%Y}–{r.end_date:%d.%m.%Y}"
        print(f"{r.number:<{width}}  {STATUS_LV[r.status]:<8}  {period}  {r.title}")
    return 0


def export_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.bundle import write_bundle
    from projektu_vadiba.core.errors import AppError

    output: Path = args.output
    if output.suffix.lower() == ".json":  # the JSON alone cannot carry the attachments: not a file to import
        raise AppError.of("cli.export_json_name", suggested=str(output.with_suffix(".pvz")))
    with db.session() as s:
        write_bundle(s, args.number, output, args.funder)
    print(f"Projekts {args.number} eksportēts: {output}")
    return 0


def import_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.bundle import import_bundle, open_bundle_file

    with open_bundle_file(args.file) as opened, db.session() as s:
        summary = import_bundle(s, opened.data, files=opened.archive)
    lang = language.current()
    print(render("cli.imported", {"number": summary.number}, lang))
    for warning in summary.warnings:
        print(render("cli.warning", {"text": text_of(warning, lang)}, lang), file=sys.stderr)
    return 0
