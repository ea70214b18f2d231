"""Team administration: set up a team database on PostgreSQL, manage its users, export the audit log.

projektu-vadiba admin init-server postgresql+psycopg://postgres@serveris/komanda --admin anna
projektu-vadiba --db postgresql+psycopg://anna@serveris/komanda admin user add janis --role staff
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from projektu_vadiba.cli.reports import _day
from projektu_vadiba.core.db import Database, resolve_url
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models.team import PROJECT_ROLES, USER_ROLES


def register(commands: Any) -> None:
    admin = commands.add_parser("admin", help="komandas datubāze (PostgreSQL): izveide, lietotāji, audita žurnāls")
    sub = admin.add_subparsers(dest="admin_command", metavar="DARBĪBA", required=True)

    init = sub.add_parser("init-server", help="izveidot komandas datubāzi tukšā PostgreSQL datubāzē")
    init.add_argument("url", metavar="URL", help="tukšas datubāzes adrese; lietotājs, kas drīkst veidot lomas")
    init.add_argument("--admin", required=True, metavar="VĀRDS", help="pirmā administratora lietotājvārds")
    init.add_argument("--prefix", default="pv_", metavar="X", help="grupu lomu prefikss (noklusētais: pv_)")
    init.add_argument("--password-file", type=Path, metavar="FAILS", help="parole faila pirmajā rindā")
    init.set_defaults(handler=init_server_command, own_database=True)

    user = sub.add_parser("user", help="lietotāji un viņu lomas").add_subparsers(
        dest="user_command", metavar="DARBĪBA", required=True
    )
    add = user.add_parser("add", help="pievienot lietotāju (savu PostgreSQL lomu)")
    add.add_argument("name", metavar="VĀRDS")
    add.add_argument("--role", required=True, choices=USER_ROLES)
    add.add_argument("--full-name", default="", metavar="TEKSTS", help="vārds un uzvārds, ko rādīt")
    add.add_argument("--password-file", type=Path, metavar="FAILS")
    add.set_defaults(handler=user_add_command)

    user.add_parser("list", help="lietotāji, lomas un projekti").set_defaults(handler=user_list_command)

    remove = user.add_parser("remove", help="dzēst lietotāju (audita ieraksti paliek)")
    remove.add_argument("name", metavar="VĀRDS")
    remove.set_defaults(handler=user_remove_command)

    role = user.add_parser("role", help="mainīt lietotāja lomu komandā")
    role.add_argument("name", metavar="VĀRDS")
    role.add_argument("role", choices=USER_ROLES)
    role.set_defaults(handler=user_role_command)

    password = user.add_parser("password", help="mainīt lietotāja paroli")
    password.add_argument("name", metavar="VĀRDS")
    password.add_argument("--password-file", type=Path, metavar="FAILS")
    password.set_defaults(handler=user_password_command)

    member = user.add_parser("member", help="lietotāja loma vienā projektā")
    member.add_argument("name", metavar="VĀRDS")
    member.add_argument("project", metavar="NUMURS", help="projekta numurs")
    what = member.add_mutually_exclusive_group(required=True)
    what.add_argument("--role", choices=PROJECT_ROLES)
    what.add_argument("--remove", action="store_true", help="izņemt no projekta")
    member.set_defaults(handler=user_member_command)

    audit = sub.add_parser("audit", help="audita žurnāls").add_subparsers(
        dest="audit_command", metavar="DARBĪBA", required=True
    )
    export = audit.add_parser("export", help="audita žurnāls XLSX failā")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FAILS.xlsx")
    export.add_argument("--project", metavar="NUMURS", help="tikai šis projekts")
    export.add_argument("--user", metavar="VĀRDS", help="tikai šī lietotāja izmaiņas")
    export.add_argument("--table", metavar="TABULA", help="tikai šī tabula (piem. events, expenses, people)")
    export.add_argument("--from", dest="start", type=_day, metavar="DATUMS")
    export.add_argument("--to", dest="end", type=_day, metavar="DATUMS")
    export.set_defaults(handler=audit_export_command)


def read_password(path: Path | None) -> str:
    """From the file's first line, or asked twice without echo."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            from projektu_vadiba.core.failures import os_error

            raise os_error(exc, path=str(path)) from exc
        if not lines or not lines[0]:
            raise AppError.of("team.no_password")
        return lines[0]
    first = getpass.getpass("Parole: ")
    if not first:
        raise AppError.of("team.no_password")
    if getpass.getpass("Parole vēlreiz: ") != first:
        raise AppError.of("team.passwords_differ")
    return first


def init_server_command(_db: Database | None, args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from projektu_vadiba.core.team.server import init_server

    url = resolve_url(args.url)
    if make_url(url).get_backend_name() != "postgresql":
        raise AppError.of("team.needs_postgresql", url=args.url)
    setup = init_server(url, args.admin, read_password(args.password_file), prefix=args.prefix)
    print(
        f"Komandas datubāze “{setup.database}” gatava: tabulas {setup.tables}, grupu lomas {', '.join(setup.groups)}, "
        f"administrators {setup.administrator}."
    )
    return 0


def user_add_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.team import users

    password = read_password(args.password_file)
    with db.session() as s:
        user = users.add_user(s, args.name, args.role, password, args.full_name)
    print(f"Lietotājs {user.name} pievienots ar lomu {user.role}.")
    return 0


def user_list_command(db: Database, _args: argparse.Namespace) -> int:
    from projektu_vadiba.core.team import users

    with db.session() as s:
        found = users.list_users(s)
    for u in found:
        projects = ", ".join(f"{m.project_number}: {m.project_role}" for m in u.projects) or "—"
        state = "" if u.can_login else " (nevar pieteikties)"
        print(f"{u.name:<24} {u.role:<11} {u.full_name}{state}  projekti: {projects}")
    return 0


def user_remove_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.team import users

    with db.session() as s:
        users.remove_user(s, args.name)
    print(f"Lietotājs {args.name} dzēsts; viņa izmaiņas audita žurnālā paliek.")
    return 0


def user_role_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.team import users

    with db.session() as s:
        user = users.set_role(s, args.name, args.role)
    print(f"Lietotāja {user.name} loma: {user.role}.")
    return 0


def user_password_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.team import users

    password = read_password(args.password_file)
    with db.session() as s:
        users.set_password(s, args.name, password)
    print(f"Lietotāja {args.name} parole nomainīta.")
    return 0


def user_member_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.projects import find_project_id
    from projektu_vadiba.core.team import users

    with db.session() as s:
        project_id = find_project_id(s, args.project)
        user = users.set_membership(s, args.name, project_id, None if args.remove else args.role)
    if args.remove:
        print(f"Lietotājs {user.name} izņemts no projekta {args.project}.")
    else:
        print(f"Lietotājs {user.name} projektā {args.project}: {args.role}.")
    return 0


def audit_export_command(db: Database, args: argparse.Namespace) -> int:
    from projektu_vadiba.core.services.projects import find_project_id
    from projektu_vadiba.core.team.audit import AuditFilter, read_log
    from projektu_vadiba.core.team.audit_export import write_xlsx

    with db.session() as s:
        project_id = find_project_id(s, args.project) if args.project else None
        rows = read_log(s, AuditFilter(project_id, args.user, args.table, args.start, args.end))
    count = write_xlsx(rows, args.output)
    print(f"Audita žurnāls: {len(rows)} izmaiņas ({count} rindas) → {args.output}")
    return 0
