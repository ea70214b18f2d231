"""Command line: argument parsing that calls the same services as the GUI; no logic of its own.

projektu-vadiba [--db URL] [gui | demo | projects | export | import ...]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from projektu_vadiba import __version__
from projektu_vadiba.core.db import ENV_VAR, Database, open_database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import ProjectStatus

STATUS_LV = {ProjectStatus.PLANNED: "plānots", ProjectStatus.RUNNING: "notiek", ProjectStatus.CLOSED: "noslēgts"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="projektu-vadiba",
        description="Projektu vadība — NVO projektu, pasākumu, dalībnieku un pārskatu uzskaite.",
        epilog=f"Datubāze: --db URL, vides mainīgais {ENV_VAR} vai noklusētais SQLite fails lietotāja datu mapē.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help="datubāze: sqlite:///ceļš.sqlite, faila ceļš vai postgresql+psycopg://…"
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMANDA")

    commands.add_parser("gui", help="atvērt programmas logu (noklusētā darbība)")
    demo = commands.add_parser("demo", help="aizpildīt tukšu datubāzi ar demonstrācijas organizāciju")
    demo.add_argument("--seed", type=int, default=2026, help="gadījumskaitļu sēkla (tie paši dati katru reizi)")
    commands.add_parser("projects", help="projektu saraksts")

    export = commands.add_parser("export", help="eksportēt projektu JSON paketē")
    export.add_argument("number", metavar="NUMURS", help="projekta numurs, piemēram 2023.LV/NVOF/MAC/041/58")
    export.add_argument("--funder", metavar="NOSAUKUMS", help="finansētājs, ja numurs ir vairākiem")
    export.add_argument("-o", "--output", metavar="FAILS.json", required=True, type=Path)

    imp = commands.add_parser("import", help="importēt projektu no JSON paketes")
    imp.add_argument("file", metavar="FAILS.json", type=Path)
    return parser


def _demo(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.demo import fill_demo

    with db.session() as s:
        summary = fill_demo(s, seed=args.seed)
    print(
        f"Demonstrācijas dati ielikti: {summary.projects} projekti, {summary.events} pasākumi, "
        f"{summary.people} personas, {summary.attendances} dalības ieraksti."
    )
    return 0


def _projects(db: Database, _args: argparse.Namespace) -> int:
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


def _export(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.bundle import dump_bundle, export_project

    with db.session() as s:
        bundle = export_project(s, args.number, args.funder)
    text = dump_bundle(bundle)
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise AppError(f"Neizdevās ierakstīt failu {args.output}: {exc.strerror}") from exc
    print(f"Projekts {args.number} eksportēts: {args.output}")
    return 0


def _import(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.bundle import import_bundle, load_bundle_file

    data = load_bundle_file(args.file)
    with db.session() as s:
        summary = import_bundle(s, data)
    print(f"Projekts {summary.number} importēts.")
    return 0


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "demo": _demo,
    "projects": _projects,
    "export": _export,
    "import": _import,
}


def main(argv: Sequence[str] | None = None, gui: Callable[[str | None], int] | None = None) -> int:
    """`gui` starts the window; the composition root (projektu_vadiba.app) passes it, so this module stays
    headless and the same commands run where Qt is not installed."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        if gui is None:
            print("Kļūda: programmas logs šajā vidē nav pieejams; izmantojiet komandas (--help).", file=sys.stderr)
            return 2
        return gui(args.db)
    try:
        db = open_database(args.db)
        try:
            return HANDLERS[args.command](db, args)
        finally:
            db.close()
    except AppError as exc:  # a user's mistake: a message, no traceback
        print(f"Kļūda: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Pārtraukts.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
