"""`report texts`: the texts of one report (the final report, or with --interim FROM TO the interim report of that
period) set from UTF-8 files and read back to files or stdout.

projektu-vadiba report texts NUMBER [--interim FROM TO] [--set KEY FILE ...] [--from-dir DIR] [--to-dir DIR]
                                    [--show KEY]
Without --set/--from-dir/--to-dir/--show it lists the report's text sections and which are filled."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from projektu_vadiba.cli import language
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import render

EPILOG = """\
Katram pārskatam ir savi teksti: noslēguma pārskatam un katram starpposma pārskatam pēc tā perioda.
Faili ir UTF-8 teksts; mapē katrai sadaļai ir fails SADAĻA.txt (piemēram, changes.txt).

Piemēri:
  projektu-vadiba report texts 2023.LV/NVOF/MAC/041/58
  projektu-vadiba report texts 2023.LV/NVOF/MAC/041/58 --set changes izmainas.txt
  projektu-vadiba report texts 2023.LV/NVOF/MAC/041/58 --interim 01.01.2023 31.12.2023 --from-dir teksti-2023
  projektu-vadiba report texts 2023.LV/NVOF/MAC/041/58 --interim 01.01.2023 31.12.2023 --show interim_progress"""


def register(kinds: Any, day: Any) -> None:
    parser = kinds.add_parser(
        "texts",
        help="pārskata teksti: ierakstīt no failiem, nolasīt failos vai ekrānā",
        description="Noslēguma vai starpposma pārskata teksti (sadaļas, ko dati neaizpilda).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("number", metavar="NUMURS", help="projekta numurs, piemēram 2023.LV/NVOF/MAC/041/58")
    parser.add_argument("--funder", metavar="NOSAUKUMS", help="finansētājs, ja numurs ir vairākiem")
    parser.add_argument("--interim", nargs=2, type=day, metavar=("NO", "LĪDZ"),
                        help="starpposma pārskata periods (bez tā: noslēguma pārskats)")  # fmt: skip
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--set", nargs=2, action="append", metavar=("SADAĻA", "FAILS"),
                        help="sadaļas teksts no UTF-8 faila (var atkārtot)")  # fmt: skip
    source.add_argument("--from-dir", type=Path, metavar="MAPE", help="visi SADAĻA.txt faili no mapes")
    parser.add_argument("--to-dir", type=Path, metavar="MAPE", help="ierakstīt tekstus mapē kā SADAĻA.txt")
    parser.add_argument("--show", metavar="SADAĻA", help="izdrukāt sadaļas tekstu")
    parser.set_defaults(handler=texts_command)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise AppError.of("cli.texts_not_utf8", path=str(path), position=exc.start + 1) from None
    except OSError as exc:
        raise AppError.of("cli.texts_file_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def _from_dir(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        raise AppError.of("cli.texts_dir_missing", path=str(folder))
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise AppError.of("cli.texts_dir_empty", path=str(folder))
    return {f.stem: _read(f) for f in files}


def texts_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services import report_texts
    from projektu_vadiba.core.services.projects import find_project_id

    lang = language.current()
    period = tuple(args.interim) if args.interim else None
    given: dict[str, str] = {}
    if args.set:
        given = {key: _read(Path(file)) for key, file in args.set}
    elif args.from_dir is not None:
        given = _from_dir(args.from_dir)
    with db.session() as s:  # one transaction: every text is kept, or none
        pid = find_project_id(s, args.number, args.funder)
        if given:
            report_texts.set_texts(s, pid, period, given)
        sections = report_texts.text_sections(s, pid, period)
    name = report_texts.period_text(report_texts.as_period(period)) or "noslēguma pārskats"
    if given:
        print(render("cli.texts_saved", {"count": len(given), "report": name}, lang))
    texts = {x.key: x.text for x in sections}
    if args.show is not None:
        if args.show not in texts:
            raise AppError.of("cli.texts_unknown_section", key=args.show, keys=", ".join(texts))
        print(texts[args.show])
    if args.to_dir is not None:
        _to_dir(args.to_dir, texts, lang)
    if not given and args.show is None and args.to_dir is None:
        print(f"Pārskata teksti ({name}):")
        for x in sections:
            mark = "aizpildīts" if x.text.strip() else ("TRŪKST" if x.mandatory else "tukšs")
            print(f"  {x.key:<24} {mark:<11} {x.title}{' *' if x.mandatory else ''}")
    return 0


def _to_dir(folder: Path, texts: dict[str, str], lang: str) -> None:
    from projektu_vadiba.core import atomic_files

    filled = {k: v for k, v in texts.items() if v}
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AppError.of("cli.texts_write_failed", path=str(folder), reason=exc.strerror or str(exc)) from None
    for key, text in filled.items():
        atomic_files.write_bytes(folder / f"{key}.txt", text.encode("utf-8"))
    print(render("cli.texts_written", {"count": len(filled), "path": str(folder)}, lang), file=sys.stderr)
