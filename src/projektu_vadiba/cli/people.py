"""Commands on the people registry: import, search, export, counts, anonymise."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from projektu_vadiba.cli import language
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import render

_MAX_MESSAGES = 200


def register(commands: Any) -> None:
    people = commands.add_parser("people", help="personu reģistrs: imports, meklēšana, eksports, anonimizēšana")
    sub = people.add_subparsers(dest="people_command", metavar="DARBĪBA", required=True)

    imp = sub.add_parser("import", help="importēt personas (un dalību pasākumā) no CSV vai XLSX")
    imp.add_argument("file", metavar="FAILS", type=Path)
    imp.add_argument("--event", type=int, metavar="ID", help="pasākums, kura sarakstā ielikt importētās personas")
    imp.add_argument("--dry-run", action="store_true", help="tikai pārbaudīt; neko nesaglabāt")
    imp.add_argument("--skip-invalid", action="store_true", help="saglabāt derīgās rindas, kļūdainās izlaist")
    imp.add_argument("--delimiter", metavar="X", help="CSV atdalītājs (; , tab |); pēc noklusējuma nosaka pats")
    imp.add_argument("--encoding", metavar="X", help="CSV kodējums (utf-8, cp1257); pēc noklusējuma nosaka pats")
    imp.add_argument("--sheet", metavar="NOSAUKUMS", help="XLSX lapa; pēc noklusējuma pirmā")
    imp.set_defaults(handler=import_command)

    search = sub.add_parser("search", help="meklēt personas (vārds, e-pasts, organizācija, pašvaldība)")
    search.add_argument("query", metavar="TEKSTS")
    search.add_argument("--limit", type=int, default=50)
    search.set_defaults(handler=search_command)

    export = sub.add_parser("export", help="dalībnieku saraksts CSV vai XLSX failā")
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument("--project", metavar="NUMURS", help="projekta numurs")
    scope.add_argument("--event", type=int, metavar="ID", help="pasākuma ID")
    export.add_argument("--attended", action="store_true", help="tikai tie, kas piedalījās (projektam)")
    export.add_argument("-o", "--output", metavar="FAILS.csv|.xlsx", required=True, type=Path)
    export.set_defaults(handler=export_command)

    stats = sub.add_parser("stats", help="unikālās personas un dalības reizes projektā")
    stats.add_argument("--project", metavar="NUMURS", required=True)
    stats.set_defaults(handler=stats_command)

    anon = sub.add_parser("anonymise", help="neatgriezeniski dzēst vārdus un kontaktus (skaiti paliek)")
    target = anon.add_mutually_exclusive_group(required=True)
    target.add_argument("--project", metavar="NUMURS", help="visi projekta pasākumu dalībnieki")
    target.add_argument("--person", type=int, metavar="ID", help="viena persona")
    anon.add_argument("--yes", action="store_true", help="apstiprināt; bez tā tikai parāda, kas notiks")
    anon.add_argument(
        "--delete-backups", action="store_true", help="dzēst arī datubāzes rezerves kopijas (tajās dati vēl ir)"
    )
    anon.set_defaults(handler=anonymise_command)

    sheets = sub.add_parser(
        "signed-sheets", help="anonimizēto personu parakstītās lapas (attēli ar vārdiem): saraksts un dzēšana"
    )
    sheets.add_argument("--remove", type=int, nargs="+", metavar="ID", help="dzēst šīs lapas (ID no saraksta)")
    sheets.add_argument("--yes", action="store_true", help="apstiprināt dzēšanu")
    sheets.set_defaults(handler=signed_sheets_command)


def import_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.imports import apply_plan, build_plan, read_table
    from projektu_vadiba.core.imports.mapping import FIELD_BY_KEY

    table = read_table(args.file, delimiter=args.delimiter, encoding=args.encoding, sheet=args.sheet)
    with db.session() as s:
        plan = build_plan(s, table, event_id=args.event)
        mapped = [
            f"{h or '?'} → {FIELD_BY_KEY[k].label}" for h, k in zip(table.header, plan.mapping, strict=False) if k
        ]
        print(f"Galvene {plan.header_row}. rindā; kolonnas: {'; '.join(mapped) or 'nav atpazīta neviena'}.")
        messages = plan.messages(language.current())
        for line in messages[:_MAX_MESSAGES]:
            print(line, file=sys.stderr)
        if len(messages) > _MAX_MESSAGES:
            print(f"… un vēl {len(messages) - _MAX_MESSAGES} kļūdas.", file=sys.stderr)
        for r in plan.duplicates:
            target = f"{r.existing_name} (nr. {r.existing_id})" if r.existing_id else f"{r.same_as_row}. rinda"
            print(f"{r.row}. rinda: iespējams dublikāts — {target}: {', '.join(r.reasons) or 'tā pati persona'}.")
        valid = len(plan.rows) - len(plan.invalid)
        if plan.problems:  # the file as a whole (its header): no row was checked, so no row counts to give
            print(render("import.nothing_saved_columns", {}, language.current()), file=sys.stderr)
            return 1
        if plan.invalid and not args.skip_invalid:
            print(
                f"Nekas netika saglabāts: kļūdainas rindas {len(plan.invalid)} no {len(plan.rows)}. "
                "Izlabojiet tās vai lietojiet --skip-invalid.",
                file=sys.stderr,
            )
            return 1
        if args.dry_run:
            new = sum(1 for r in plan.rows if r.valid and not r.is_duplicate)
            print(f"Pārbaude: derīgas rindas {valid}, jaunas personas {new}, dublikāti {len(plan.duplicates)}; "
                  "nekas netika saglabāts (--dry-run).")  # fmt: skip
            return 0
        result = apply_plan(s, plan, skip_invalid=args.skip_invalid)
    line = f"Importēts: jaunas personas {result.created}, sasaistītas ar esošām {result.linked}"
    if args.event is not None:
        line += f", pievienotas pasākuma sarakstam {result.attendances_added}"
    if result.skipped_rows:
        line += f"; izlaistas kļūdainās rindas: {', '.join(map(str, result.skipped_rows))}"
    print(line + ".", flush=True)
    from projektu_vadiba.core import search_upkeep

    search_upkeep.run(db.engine)  # the search index's merging a large import leaves (the import is saved already)
    return 0


def search_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.people import count_people, search_people

    with db.session() as s:
        found = search_people(s, args.query, limit=args.limit)
        total = count_people(s, args.query)
    for p in found:
        extra = ", ".join(x for x in (p.organisation_name or "", p.municipality, p.email, p.phone) if x)
        print(f"{p.id:>7}  {p.surname} {p.given_name}" + (f"  ({extra})" if extra else ""))
    print(f"Atrastas personas: {total}" + (f" (parādītas {len(found)})" if total > len(found) else "") + ".")
    return 0


def _project_id(db: Database, number: str) -> int:
    from projektu_vadiba.core.services.projects import find_project_id

    with db.session() as s:
        return find_project_id(s, number)


def export_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.exports.people_export import event_table, project_table, write_table

    if args.output.suffix.lower() not in (".csv", ".xlsx"):
        raise AppError.of("export.unknown_kind", suffix=args.output.suffix)
    with db.session() as s:
        if args.event is not None:
            table = event_table(s, args.event)
        else:
            table = project_table(s, _project_id(db, args.project), attended_only=args.attended)
    write_table(table, args.output)
    print(f"Saraksts ierakstīts: {args.output} (personas: {len(table.rows)}).")
    return 0


def stats_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.people_stats import people_stats

    project_id = _project_id(db, args.project)
    with db.session() as s:
        st = people_stats(s, project_id)
    print(
        f"Unikālās personas: {st.unique_people}; dalības reizes: {st.attendances}; notikušie pasākumi: {st.events} "
        f"(ar atzīmētiem dalībniekiem: {st.events_with_attendance})."
    )
    for title, rows in (
        ("Mērķa grupa", st.by_target_group),
        ("Pašvaldība", st.by_municipality),
        ("Dzimums", st.by_gender),
        ("Vecuma grupa", st.by_age_group),
    ):
        print(f"{title}:")
        for r in rows:
            print(f"  {r.label}: personas {r.people}, dalības reizes {r.attendances}")
    return 0


def anonymise_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services import gdpr

    if args.person is not None:
        if not args.yes:
            print(f"Personas nr. {args.person} vārds, kontakti, dzimšanas gads un piezīmes tiks neatgriezeniski dzēsti "
                  "(skaiti paliek). Atkārtojiet ar --yes, lai to izdarītu.")  # fmt: skip
            return 2
        with db.session() as s:
            person = gdpr.anonymise_person(s, args.person)
        print(f"Persona nr. {person.id} anonimizēta.")
        _backups_after_anonymising(db, args.delete_backups)
        return 0
    project_id = _project_id(db, args.project)
    with db.session() as s:
        plan = gdpr.plan_project(s, project_id)
    until = plan.retention_until.strftime("%d.%m.%Y") if plan.retention_until else "nav norādīts"
    print(f"Projekts {plan.project_number}: glabāšanas termiņš {until}"
          + ("" if plan.retention_passed else " (vēl nav beidzies)") + ".")  # fmt: skip
    print(f"Tiks anonimizētas personas: {plan.to_anonymise}; jau anonimizētas: {plan.already_anonymised}.")
    for k in plan.kept:
        print(f"Netiks anonimizēts {k.full_name} (nr. {k.person_id}): ir arī projektos {', '.join(k.other_projects)}, "
              "kuru glabāšanas termiņš vēl nav beidzies.")  # fmt: skip
    if not args.yes:
        print("Nekas netika mainīts. Atkārtojiet ar --yes, lai anonimizētu.")
        return 2
    with db.session() as s:
        result = gdpr.anonymise_project(s, project_id)
    print(f"Anonimizētas personas: {result.anonymised}.")
    _backups_after_anonymising(db, args.delete_backups)
    return 0


def _backups_after_anonymising(db: Database, delete: bool) -> None:
    """Upgrade backups are copies from before the anonymisation: removed on request, otherwise named."""
    from projektu_vadiba.core.messages import latvian
    from projektu_vadiba.core.services import gdpr

    with db.session() as s:
        backups = gdpr.backups_with_personal_data(s)
    if delete:
        for path in gdpr.remove_backups(backups):
            print(f"Dzēsta rezerves kopija: {path}")
    remaining = [path for path in backups if path.exists()]
    if remaining:
        print(latvian("gdpr.backups_remain", files=", ".join(str(p) for p in remaining)))


def signed_sheets_command(db: Database, args: argparse.Namespace) -> int:
    """Signed sheets still show anonymised people's names and signatures; removed only on request."""
    from projektu_vadiba.core.services.gdpr_sheets import remove_signed_sheets, sheets_of_anonymised

    if args.remove:
        if not args.yes:
            print(f"Tiks neatgriezeniski dzēstas parakstītās lapas: {', '.join(map(str, args.remove))} (arī faili). "
                  "Atkārtojiet ar --yes, lai to izdarītu.")  # fmt: skip
            return 2
        with db.session() as s:
            removed = remove_signed_sheets(s, args.remove)
        print(f"Dzēstas parakstītās lapas: {removed}.")
        return 0
    with db.session() as s:
        found = sheets_of_anonymised(s)
    if not found:
        print("Nav parakstītu lapu ar anonimizētām personām.")
        return 0
    for x in found:
        print(f"{x.attachment_id:>7}  {x.event_start:%d.%m.%Y}  {x.event_title}  ({x.original_name}; "
              f"anonimizētas {x.anonymised}, citi sarakstā {x.others})")  # fmt: skip
    print("Dzēst: projektu-vadiba people signed-sheets --remove ID ... --yes "
          "(lapa ir arī pārējo sarakstā esošo dalības pierādījums).")  # fmt: skip
    return 0
