"""Command line: argument parsing that calls the same services as the GUI; no logic of its own.

    projektu-vadiba [--db URL] [--lang lv|en] [gui | demo | projects | export | import | ...]

Each command group lives in its own module with a `register(commands)` that adds its sub-commands and sets
`handler(db, args) -> exit code` on them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from projektu_vadiba import __version__
from projektu_vadiba.cli import attendance, certificates, evidence, language, people, projects, reports
from projektu_vadiba.core.db import ENV_VAR, open_database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import LANGUAGES, render, text_of

GROUPS = (projects, reports, people, attendance, evidence, certificates)


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
    parser.add_argument(
        "--lang",
        dest="message_lang",
        choices=LANGUAGES,
        default="lv",
        help="kļūdu un pārbaudes ziņojumu valoda (noklusētā: lv); en — angliski",
    )
    commands = parser.add_subparsers(dest="command", metavar="KOMANDA")
    commands.add_parser("gui", help="atvērt programmas logu (noklusētā darbība)")
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None, gui: Callable[[str | None], int] | None = None) -> int:
    """`gui` starts the window; the composition root (projektu_vadiba.app) passes it, so this package stays
    headless and the same commands run where Qt is not installed."""
    lang = language.choose(argv)
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        if gui is None:
            print("Kļūda: programmas logs šajā vidē nav pieejams; izmantojiet komandas (--help).", file=sys.stderr)
            return 2
        return gui(args.db)
    try:
        db = open_database(args.db)
        try:
            _clean_leftovers(db.url, args)
            code: int = args.handler(db, args)
            return code
        finally:
            db.close()
    except AppError as exc:  # a user's mistake: a message, no traceback
        print(render("cli.error", {"text": text_of(exc, lang)}, lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Pārtraukts.", file=sys.stderr)
        return 130


def _clean_leftovers(url: str, args: argparse.Namespace) -> None:
    """Temporaries a killed run left: in the data folders and in the folder this command writes to."""
    from projektu_vadiba.core.leftovers import clean_leftovers

    output = getattr(args, "output", None)
    clean_leftovers(url, [output.parent if output is not None else None])


if __name__ == "__main__":
    sys.exit(main())
