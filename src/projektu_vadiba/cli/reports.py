"""`report` commands: printable documents of a project. Each kind of report is a sub-command of `report`.

projektu-vadiba report attendance NUMBER [--event ID | --activity CODE | --all] [--blank-rows N]
                                         [--landscape | --portrait] [--blank | --attended] -o FILE.pdf
projektu-vadiba report final NUMBER [--draft] [--with-lists] [--lang en] -o FILE.pdf|FILE.docx
projektu-vadiba report interim NUMBER --from D --to D [--draft] [--with-lists] [--lang en] -o FILE.pdf|FILE.docx

A final or interim report whose FILE ends in .docx is written as an editable Word document (the same content,
without the appended lists).
projektu-vadiba report financial NUMBER [--from D --to D] [--lang en] -o FILE.xlsx
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from projektu_vadiba.cli import language, report_texts
from projektu_vadiba.core.dates import parse_date
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto_sheets import SheetSet
from projektu_vadiba.core.errors import AppError, ValidationError
from projektu_vadiba.core.messages import text_of

if TYPE_CHECKING:
    from projektu_vadiba.core.services.report_dto import ReportData

ATTENDANCE_EPILOG = """\
Bez --event, --activity vai --all komanda parāda projekta pasākumus ar to ID un beidz darbu ar kodu 2:
izvēlieties vienu pasākumu (--event ID), vienas aktivitātes pasākumus (--activity KODS) vai visus (--all).
Paketē katram pasākumam ir sava lapa ar savu lapu numerāciju ("Lapa 1 no N").

Piemēri:
  projektu-vadiba report attendance 2023.LV/NVOF/MAC/041/58
  projektu-vadiba report attendance 2023.LV/NVOF/MAC/041/58 --event 7 -o lapa.pdf
  projektu-vadiba report attendance 2023.LV/NVOF/MAC/041/58 --all --blank-rows 10 -o visas.pdf
  projektu-vadiba report attendance 2023.LV/NVOF/MAC/041/58 --event 7 --attended -o pielikums.pdf"""


def register(commands: Any) -> None:
    report = commands.add_parser("report", help="sagatavot dokumentus drukai (PDF)")
    kinds = report.add_subparsers(dest="report_kind", metavar="VEIDS", required=True)

    sheet = kinds.add_parser(
        "attendance",
        help="dalībnieku reģistrācijas lapas (PDF) pasākumam, aktivitātei vai visam projektam",
        description="Dalībnieku reģistrācijas lapas finansētāja formā: reģistrētie dalībnieki latviešu alfabēta "
        "secībā, tukšas rindas ienācējiem, publicitātes teikums un personas datu paziņojums.",
        epilog=ATTENDANCE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sheet.add_argument("number", metavar="NUMURS", help="projekta numurs, piemēram 2023.LV/NVOF/MAC/041/58")
    sheet.add_argument("--funder", metavar="NOSAUKUMS", help="finansētājs, ja numurs ir vairākiem")
    target = sheet.add_mutually_exclusive_group()
    target.add_argument("--event", type=int, metavar="ID", help="viens pasākums (ID no saraksta)")
    target.add_argument("--activity", metavar="KODS", help="visi vienas aktivitātes pasākumi, piemēram 1.2")
    target.add_argument("--all", action="store_true", help="visi projekta pasākumi vienā PDF")
    variant = sheet.add_mutually_exclusive_group()
    variant.add_argument("--blank", action="store_true", help="tukša lapa bez vārdiem")
    variant.add_argument("--attended", action="store_true", help="ieradušos dalībnieku saraksts pārskata pielikumam")
    sheet.add_argument(
        "--blank-rows",
        type=_not_negative,
        metavar="N",
        help="tukšās rindas ienācējiem (noklusēti pēc finansētāja profila, parasti 5; tukšai lapai — pilna lapa)",
    )
    orientation = sheet.add_mutually_exclusive_group()
    orientation.add_argument("--landscape", action="store_true", help="A4 guliski")
    orientation.add_argument("--portrait", action="store_true", help="A4 stateniski (noklusēti, ja profils nenosaka)")
    sheet.add_argument("-o", "--output", metavar="FAILS.pdf", type=Path, help="kur saglabāt PDF")
    sheet.set_defaults(handler=attendance_command)
    _register_reports(kinds)


REPORT_EPILOG = """\
Pārskats ir finansētāja profila struktūrā: tā sadaļas un to secība, saturiskā un finanšu daļa, pielikumi.
Ja obligātā teksta sadaļa (piemēram, “Projekta mērķis un tā sasniegšana”) vēl nav aizpildīta, komanda to
nosauc un beidz darbu ar kodu 1; ar --draft top melnraksts ar atzīmi “MELNRAKSTS” un vietu, kas jāaizpilda.
Datumi: 17.10.2020 vai 2020-10-17.

Piemēri:
  projektu-vadiba report final 2023.LV/NVOF/MAC/041/58 -o nosleguma-parskats.pdf
  projektu-vadiba report final 2023.LV/NVOF/MAC/041/58 --with-lists -o ar-sarakstiem.pdf
  projektu-vadiba report interim 2023.LV/NVOF/MAC/041/58 --from 01.03.2023 --to 31.07.2023 -o starpposma.pdf
  projektu-vadiba report financial 2023.LV/NVOF/MAC/041/58 -o finanses.xlsx"""


def _register_reports(kinds: Any) -> None:
    final = kinds.add_parser(
        "final",
        help="projekta noslēguma pārskats (PDF) finansētāja formā",
        description="Noslēguma pārskats: projekta dati, aktivitātes un pasākumi, rādītāji, mērķa grupas, "
        "publicitāte, izmaiņas, finanšu kopsavilkums pa izmaksu pozīcijām un avotiem, pielikumu saraksts.",
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    interim = kinds.add_parser(
        "interim",
        help="starpposma pārskats (PDF) par izvēlētu periodu",
        description="Starpposma pārskats: tās pašas sadaļas, bet tikai pasākumi, dalība, izdevumi un maksājumi "
        "no --from līdz --to (ieskaitot abas dienas).",
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    financial = kinds.add_parser(
        "financial",
        help="finanšu pārskats grāmatvedim (XLSX): budžets pret izlietojumu, izdevumi, maksājumi",
        description="Finanšu pārskats XLSX formātā: budžets pa izmaksu pozīcijām un avotiem pret izlietoto, "
        "izdevumu uzskaite, saņemtie maksājumi un kopsavilkums; summas ir formulas.",
        epilog=REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for parser, kind in ((final, "final"), (interim, "interim"), (financial, "financial")):
        parser.add_argument("number", metavar="NUMURS", help="projekta numurs, piemēram 2023.LV/NVOF/MAC/041/58")
        parser.add_argument("--funder", metavar="NOSAUKUMS", help="finansētājs, ja numurs ir vairākiem")
        parser.add_argument("--from", dest="date_from", type=_day, metavar="DATUMS", required=kind == "interim",
                            help="perioda sākums" + ("" if kind == "interim" else " (neobligāts)"))  # fmt: skip
        parser.add_argument("--to", dest="date_to", type=_day, metavar="DATUMS", required=kind == "interim",
                            help="perioda beigas" + ("" if kind == "interim" else " (neobligāts)"))  # fmt: skip
        parser.add_argument("--lang", choices=("lv", "en"), default="lv", help="pārskata valoda (noklusēti lv)")
        if kind == "financial":
            parser.add_argument("-o", "--output", metavar="FAILS.xlsx", type=Path, required=True,
                                help="kur saglabāt XLSX")  # fmt: skip
        else:
            parser.add_argument("-o", "--output", metavar="FAILS.pdf|FAILS.docx", type=Path, required=True,
                                help="kur saglabāt: .pdf — PDF, .docx — rediģējams Word dokuments")  # fmt: skip
        if kind != "financial":
            parser.add_argument("--draft", action="store_true", help="melnraksts, arī ja trūkst obligāto tekstu")
            parser.add_argument("--with-lists", action="store_true",
                                help="pievienot ieradušos dalībnieku sarakstus pārskata beigās")  # fmt: skip
        parser.set_defaults(handler=financial_command if kind == "financial" else report_command)
    final.set_defaults(date_from=None, date_to=None)
    report_texts.register(kinds, _day)


def _day(text: str) -> date:
    """A date as the forms take it (core.dates: 30.11.2026, 5.3.2026, 2026-11-30 …); argparse shows the refusal."""
    try:
        return parse_date(text, "date")
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(text_of(exc, language.current())) from None


def _period(args: argparse.Namespace) -> tuple[date, date] | None:
    if (args.date_from is None) != (args.date_to is None):
        raise AppError.of("cli.period_incomplete")
    return (args.date_from, args.date_to) if args.date_from is not None else None


def report_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.projects import find_project_id
    from projektu_vadiba.reports.final_story import ReportOptions, gather

    docx = args.output.suffix.lower() == ".docx"
    if docx and args.with_lists:  # the lists are signed sheets: PDF pages, not text to edit
        raise AppError.of("cli.docx_no_lists")
    period = _period(args)
    with db.session() as s:
        project_id = find_project_id(s, args.number, args.funder)
        data, lists = gather(s, project_id, period, with_lists=args.with_lists, lang=args.lang)
    try:
        if docx:
            return _write_docx(data, args)
        from projektu_vadiba.reports.final_report import write_report_pdf

        pdf = write_report_pdf(data, args.output, ReportOptions(args.draft, args.with_lists), lists)
    except AppError as exc:
        if data.missing_texts and not args.draft:  # the message ends "... vai veidojiet pārskata melnrakstu."
            raise AppError.of("cli.needs_draft", reason=exc.message) from exc
        raise
    lists_text = (
        f", pievienoti saraksti: {len(lists.sheets)} ({pdf.list_pages} lapas)" if lists and pdf.list_pages else ""
    )
    print(f"Saglabāts: {args.output} (lapas: {pdf.report_pages}{lists_text})")
    if pdf.missing:
        names = ", ".join(f"“{m.title}”" for m in pdf.missing)
        print(f"Melnraksts: jāaizpilda {names}.", file=sys.stderr)
    return 0


def _write_docx(data: ReportData, args: argparse.Namespace) -> int:
    from projektu_vadiba.reports.final_docx import write_report_docx
    from projektu_vadiba.reports.final_story import ReportOptions

    made = write_report_docx(data, args.output, ReportOptions(args.draft))
    print(f"Saglabāts: {args.output} (rediģējams DOCX)")
    if made.missing:
        names = ", ".join(f"“{m.title}”" for m in made.missing)
        print(f"Melnraksts: jāaizpilda {names}.", file=sys.stderr)
    return 0


def financial_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.money_summary import money_summary
    from projektu_vadiba.core.services.projects import find_project_id

    period = _period(args)
    if period is not None and period[1] < period[0]:
        raise AppError.of("cli.period_reversed")
    with db.session() as s:
        summary = money_summary(s, find_project_id(s, args.number, args.funder), period, args.lang)
    from projektu_vadiba.reports.financial_xlsx import write_financial_xlsx

    write_financial_xlsx(summary, args.output, args.lang)
    print(f"Saglabāts: {args.output} (izdevumu ieraksti: {len(summary.ledger)}, maksājumi: {len(summary.payments)})")
    for message in summary.messages:
        print(f"Uzmanību: {message}", file=sys.stderr)
    return 0


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” nav vesels skaitlis") from None
    if not 0 <= value <= 500:
        raise argparse.ArgumentTypeError("jābūt no 0 līdz 500")
    return value


def attendance_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.dto_sheets import SheetVariant
    from projektu_vadiba.core.services import sheets
    from projektu_vadiba.core.services.projects import find_project_id

    variant = SheetVariant.BLANK if args.blank else SheetVariant.ATTENDED if args.attended else SheetVariant.PREFILLED
    chosen = args.event is not None or args.activity is not None or args.all
    if chosen and args.output is None:
        print("Kļūda: norādiet, kur saglabāt PDF: -o FAILS.pdf", file=sys.stderr)
        return 2
    from projektu_vadiba.reports.attendance_sheet import SheetOptions, build_attendance_pdf
    from projektu_vadiba.reports.sheet_print import print_attendance_pdf

    landscape = True if args.landscape else False if args.portrait else None
    options = SheetOptions(landscape=landscape, blank_rows=args.blank_rows)
    with db.session() as s:
        project_id = find_project_id(s, args.number, args.funder)
        if args.event is not None:
            data = sheets.event_sheets(s, args.event, variant)
            if data.project.id != project_id:
                raise AppError.of("cli.event_not_in_project", event=args.event, number=args.number)
        elif args.activity is not None:
            data = sheets.activity_sheets(s, sheets.find_activity_id(s, project_id, args.activity), variant)
        elif args.all:
            data = sheets.project_sheets(s, project_id, variant)
        else:
            return _list_events(sheets.project_sheets(s, project_id, SheetVariant.BLANK), args.number)
        if not data.sheets:
            raise AppError.of("cli.no_events")
        # A sheet people sign is recorded (who stands on which row) so its scan can be read back. The record
        # commits BEFORE the file is written: a crash in between leaves a record without a file, never a file
        # whose print id the next print takes again.
        pdf = (
            build_attendance_pdf(data, options)
            if variant is SheetVariant.ATTENDED
            else print_attendance_pdf(s, data, options)
        )
    write_bytes(args.output, pdf.data)
    events = len(data.sheets)
    print(f"Saglabāts: {args.output} (pasākumi: {events}, lapas: {pdf.page_count})")
    return 0


def _list_events(data: SheetSet, number: str) -> int:
    if not data.sheets:
        print(f"Projektā {number} nav neviena pasākuma.", file=sys.stderr)
        return 2
    print(f"Projekta {number} pasākumi:")
    for sheet in data.sheets:
        event = sheet.event
        code = f"{sheet.activity.code:<6}" if sheet.activity else " " * 6
        print(
            f"  ID {event.id:>5}  {event.starts_at:%d.%m.%Y %H:%M}  {code}  {sheet.registered:>4} pers.  {event.title}"
        )
    print(
        "Izvēlieties pasākumu: --event ID, aktivitāti: --activity KODS vai visus: --all (un -o FAILS.pdf).",
        file=sys.stderr,
    )
    return 2


def write_bytes(path: Path, data: bytes) -> None:
    from projektu_vadiba.core import atomic_files

    atomic_files.write_bytes(path, data)
