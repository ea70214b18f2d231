"""Command line: argument parsing that calls the same services as the GUI; no logic of its own.

    projektu-vadiba [--db URL] [--lang lv|en] [gui | demo | projects | export | import | ...]

Each command group lives in its own module with a `register(commands)` that adds its sub-commands and sets
`handler(db, args) -> exit code` on them.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from projektu_vadiba import __version__
from projektu_vadiba.cli import admin, attendance, certificates, evidence, language, people, projects, reports
from projektu_vadiba.core.db import ENV_VAR, Database, open_database, resolve_url, sqlite_path
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import as_app_error, database_error
from projektu_vadiba.core.messages import LANGUAGES, render, text_of

# After SQLite's own busy wait (busy_timeout, 5 s, itself retrying with backoff): two more rounds.
LOCK_RETRY_SECONDS = (1.0, 3.0)
GROUPS = (projects, reports, people, attendance, evidence, certificates, admin)


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
    headless and the same commands run where Qt is not installed. Nothing leaves here as a traceback."""
    _printable_output()
    try:
        code = _main(argv, gui)
        sys.stdout.flush()  # inside the try: a reader gone (`| head`) shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return 1


def _main(argv: Sequence[str] | None, gui: Callable[[str | None], int] | None) -> int:
    lang = language.choose(argv)
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        if gui is None:
            print("Kļūda: programmas logs šajā vidē nav pieejams; izmantojiet komandas (--help).", file=sys.stderr)
            return 2
        return gui(args.db)
    try:
        if getattr(args, "own_database", False):  # admin init-server: its URL is an argument, nothing opened here
            code: int = args.handler(None, args)
            return code
        db = open_database(args.db)
        try:
            _clean_leftovers(db.url, args)
            return _run_retrying(db, args, lang)
        finally:
            db.close()
    except AppError as exc:  # a user's mistake: a message, no traceback
        print(render("cli.error", {"text": text_of(exc, lang)}, lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Pārtraukts.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:  # the boundary: a damaged file, a locked database or a bug, as a message
        name, sqlite_file = _database_of(args.db)
        error = as_app_error(exc, path=name, sqlite_file=sqlite_file)
        print(render("cli.error", {"text": text_of(error, lang)}, lang), file=sys.stderr)
        return 1


def _run_retrying(db: Database, args: argparse.Namespace, lang: str) -> int:
    """Run the command; when another program holds the database's write lock past SQLite's own busy wait, say so
    and run it again after a growing pause. Safe: every command writes in one transaction at most (the sessions
    before it only read), and the locked one was rolled back, so nothing is done twice."""
    for pause in (*LOCK_RETRY_SECONDS, None):
        try:
            code: int = args.handler(db, args)
            return code
        except Exception as exc:
            locked = database_error(exc)
            if pause is None or locked is None or locked.code != "db.locked":
                raise
            print(render("db.locked_retrying", {"seconds": pause}, lang), file=sys.stderr)
            _pause(pause)
    raise AssertionError("unreachable")  # the last round returns or raises


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def _database_of(explicit: str | None) -> tuple[str | None, Path | None]:
    """The database's file or address (password hidden) for a message about it, and its SQLite file."""
    try:
        url = resolve_url(explicit)
        path = sqlite_path(url)
        return (str(path) if path else make_url(url).render_as_string(hide_password=True)), path
    except Exception:  # naming it is a courtesy; the message goes out without it
        return None, None


def _printable_output() -> None:
    """Printing never fails on a terminal or file that cannot show a letter: such letters become "?" (on
    Windows, where a redirected stream is in the ANSI code page, the output is UTF-8 instead)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            try:
                if sys.platform == "win32":
                    stream.reconfigure(encoding="utf-8", errors="replace")
                else:
                    stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # a stream already in use in another way: leave it as it is
                pass


def _silence_stdout() -> None:
    """Python's recipe for a closed pipe: point stdout at devnull so the final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # no file descriptor (tests capture output)
        pass


def _clean_leftovers(url: str, args: argparse.Namespace) -> None:
    """Temporaries a killed run left: in the data folders and in the folder this command writes to."""
    from projektu_vadiba.core.leftovers import clean_leftovers

    output = getattr(args, "output", None)
    clean_leftovers(url, [output.parent if output is not None else None])


if __name__ == "__main__":
    sys.exit(main())
