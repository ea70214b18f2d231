"""Export: one project from the database as bundle data, and that data as deterministic JSON text."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.bundle.common import FILE_NAME, FILES_FOLDER, FORMAT, VERSION
from projektu_vadiba.core.bundle.texts import texts_out
from projektu_vadiba.core.errors import BundleError, NotFoundError
from projektu_vadiba.core.models import (
    Activity,
    Attachment,
    Attendance,
    BudgetAmount,
    BudgetLine,
    Cofinancing,
    Event,
    Expense,
    Indicator,
    Organisation,
    Payment,
    Person,
    Project,
    ProjectPartner,
    ProjectTargetGroup,
    ReportDeadline,
)
from projektu_vadiba.core.text import name_key

_CENT = Decimal("0.01")
_MILLI = Decimal("0.001")


def export_project(session: Session, number: str, funder_name: str | None = None) -> dict[str, Any]:
    """The bundle of one project as plain JSON-ready data (str, int, bool, None, lists, dicts)."""
    project = _find_project(session, number, funder_name)
    pid = project.id
    partners = _all(session, select(ProjectPartner).where(ProjectPartner.project_id == pid), ProjectPartner)
    cofinancing = _all(session, select(Cofinancing).where(Cofinancing.project_id == pid), Cofinancing)
    activities = _all(session, select(Activity).where(Activity.project_id == pid), Activity)
    events = _all(session, select(Event).where(Event.project_id == pid), Event)
    attendance = _all(session, select(Attendance).join(Event).where(Event.project_id == pid), Attendance)
    people = _project_people(session, pid)
    lines = _all(session, select(BudgetLine).where(BudgetLine.project_id == pid), BudgetLine)
    expenses = _all(session, select(Expense).where(Expense.project_id == pid), Expense)
    attachments = _project_attachments(session, pid, activities, events, expenses)

    org_ids = {project.implementer_id, *(p.organisation_id for p in partners)}
    org_ids |= {c.organisation_id for c in cofinancing if c.organisation_id is not None}
    org_ids |= {p.organisation_id for p in people if p.organisation_id is not None}
    organisations = _all(session, select(Organisation).where(Organisation.id.in_(org_ids)), Organisation)

    org_keys = _keys(organisations, "org")
    act_keys = _keys(activities, "act")
    event_keys = _keys(events, "ev")
    person_keys = _keys(people, "person")
    line_keys = _keys(lines, "line")
    expense_keys = _keys(expenses, "exp")
    files: dict[str, str] = {}  # name in the ZIP -> SHA-256 of its content

    return {
        "format": FORMAT,
        "version": VERSION,
        "project": _project_out(session, project, org_keys, partners, cofinancing, files),
        "organisations": [_organisation_out(o, org_keys[o.id], files) for o in organisations],
        "activities": [_activity_out(a, act_keys[a.id]) for a in activities],
        "events": [_event_out(e, event_keys[e.id], act_keys) for e in events],
        "people": [_person_out(p, person_keys[p.id], org_keys) for p in people],
        "attendance": [_attendance_out(a, event_keys, person_keys) for a in attendance],
        "indicators": [
            _indicator_out(i, act_keys)
            for i in _all(session, select(Indicator).where(Indicator.project_id == pid), Indicator)
        ],
        "budget_lines": [_budget_line_out(session, line, line_keys[line.id]) for line in lines],
        "expenses": [_expense_out(e, expense_keys[e.id], line_keys) for e in expenses],
        "payments": [_payment_out(p) for p in _all(session, select(Payment).where(Payment.project_id == pid), Payment)],
        "attachments": [
            _attachment_out(a, pid, {"activity": act_keys, "event": event_keys, "expense": expense_keys}, files)
            for a in attachments
        ],
        "files": [{"name": name, "sha256": files[name]} for name in sorted(files)],
    }


_M = TypeVar("_M", bound=Any)


def _project_people(session: Session, project_id: int) -> list[Person]:
    in_project = select(Attendance.person_id).join(Event).where(Event.project_id == project_id)
    return _all(session, select(Person).where(Person.id.in_(in_project)), Person)


def _project_attachments(
    session: Session, pid: int, activities: list[Activity], events: list[Event], expenses: list[Expense]
) -> list[Attachment]:
    """Evidence filed on the project itself or on any of its activities, events and expenses."""
    owned = or_(
        Attachment.project_id == pid,
        Attachment.activity_id.in_([a.id for a in activities]),
        Attachment.event_id.in_([e.id for e in events]),
        Attachment.expense_id.in_([e.id for e in expenses]),
    )
    return _all(session, select(Attachment).where(owned), Attachment)


def person_ids_by_key(session: Session, project_id: int) -> dict[str, int]:
    """The bundle key each of the project's people gets ("person-3") -> their id: undo of a project delete imports
    the bundle onto the very same people."""
    return {key: pid for pid, key in _keys(_project_people(session, project_id), "person").items()}


def _all(session: Session, query: Any, model: type[_M]) -> list[_M]:
    """Rows ordered by id: the order that keys are numbered in and that an import recreates."""
    return list(session.scalars(query.order_by(model.id)).all())


def _keys(rows: list[Any], prefix: str) -> dict[int, str]:
    return {row.id: f"{prefix}-{n}" for n, row in enumerate(rows, start=1)}


def _find_project(session: Session, number: str, funder_name: str | None) -> Project:
    number = number.strip()
    query = select(Project).where(Project.number == number).order_by(Project.id)
    candidates = list(session.scalars(query).all())
    if funder_name is not None:
        wanted = name_key(funder_name)
        candidates = [p for p in candidates if p.funder.name_key == wanted]
    if not candidates:
        if funder_name is not None:
            raise NotFoundError.of("bundle.project_not_found_of_funder", number=number, funder=funder_name)
        raise NotFoundError.of("bundle.project_not_found", number=number)
    if len(candidates) > 1:
        funders = ", ".join(f"“{p.funder.name}”" for p in candidates)
        raise BundleError.of("bundle.number_ambiguous", number=number, funders=funders)
    return candidates[0]


def _project_out(
    session: Session,
    project: Project,
    org_keys: dict[int, str],
    partners: list[ProjectPartner],
    cofinancing: list[Cofinancing],
    files: dict[str, str],
) -> dict[str, Any]:
    pid = project.id
    funder, programme = project.funder, project.programme
    groups = _all(session, select(ProjectTargetGroup).where(ProjectTargetGroup.project_id == pid), ProjectTargetGroup)
    deadlines = _all(session, select(ReportDeadline).where(ReportDeadline.project_id == pid), ReportDeadline)
    return {
        "number": project.number,
        "title": project.title,
        "status": project.status.value,
        "start_date": _day_out(project.start_date),
        "end_date": _day_out(project.end_date),
        "total_cost": _money_out(project.total_cost),
        "grant_amount": _money_out(project.grant_amount),
        "aim": project.aim,
        "retention_until": _opt_day_out(project.retention_until),
        "publicity": project.publicity,
        "logo": _logo_file(project.logo, files),
        "funder": {"name": funder.name, "short_name": funder.short_name, "profile_key": funder.profile_key},
        "programme": None
        if programme is None
        else {
            "name": programme.name,
            "strand": programme.strand,
            "call_year": programme.call_year,
            "profile_key": programme.profile_key,
        },
        "implementer": org_keys[project.implementer_id],
        "partners": [
            {"organisation": org_keys[p.organisation_id], "role": p.role.value, "description": p.description}
            for p in partners
        ],
        "cofinancing": [
            {
                "source": c.source.value,
                "organisation": None if c.organisation_id is None else org_keys[c.organisation_id],
                "amount": _money_out(c.amount),
                "note": c.note,
            }
            for c in cofinancing
        ],
        "target_groups": [{"name": g.name, "planned_count": g.planned_count} for g in groups],
        **texts_out(session, pid),
        "report_deadlines": [
            {
                "kind": d.kind.value,
                "due_date": _day_out(d.due_date),
                "period_start": _opt_day_out(d.period_start),
                "period_end": _opt_day_out(d.period_end),
                "submitted_on": _opt_day_out(d.submitted_on),
                "note": d.note,
            }
            for d in deadlines
        ],
    }


def _logo_file(logo: bytes | None, files: dict[str, str]) -> str | None:
    """The logo's name in the ZIP (a PNG: the services check it), registered in $.files; None without a logo."""
    if not logo:
        return None
    digest = hashlib.sha256(logo).hexdigest()
    name = f"{FILES_FOLDER}{digest}.png"
    files[name] = digest
    return name


def _organisation_out(org: Organisation, key: str, files: dict[str, str]) -> dict[str, Any]:
    logo = _logo_file(org.logo, files)
    return {
        "key": key,
        "name": org.name,
        "kind": org.kind.value,
        "reg_number": org.reg_number,
        "address": org.address,
        "municipality": org.municipality,
        "email": org.email,
        "phone": org.phone,
        "website": org.website,
        "own": org.is_own,
        "logo": logo,
    }


def _activity_out(activity: Activity, key: str) -> dict[str, Any]:
    return {
        "key": key,
        "code": activity.code,
        "title": activity.title,
        "description": activity.description,
        "planned_start": _opt_day_out(activity.planned_start),
        "planned_end": _opt_day_out(activity.planned_end),
        "status": activity.status.value,
        "result": activity.result,
    }


def _event_out(event: Event, key: str, act_keys: dict[int, str]) -> dict[str, Any]:
    return {
        "key": key,
        "activity": None if event.activity_id is None else act_keys.get(event.activity_id),
        "title": event.title,
        "type": event.type.value,
        "starts_at": _moment_out(event.starts_at),
        "ends_at": _moment_out(event.ends_at),
        "place": event.place,
        "address": event.address,
        "municipality": event.municipality,
        "online": event.online,
        "online_link": event.online_link,
        "planned_participants": event.planned_participants,
        "description": event.description,
        "unlisted_count": event.unlisted_count,
    }


def _person_out(person: Person, key: str, org_keys: dict[int, str]) -> dict[str, Any]:
    return {
        "key": key,
        "given_name": person.given_name,
        "surname": person.surname,
        "organisation": None if person.organisation_id is None else org_keys[person.organisation_id],
        "municipality": person.municipality,
        "email": person.email,
        "phone": person.phone,
        "gender": None if person.gender is None else person.gender.value,
        "birth_year": person.birth_year,
        "age_group": person.age_group,
        "target_group": person.target_group,
        "consent_data": person.consent_data,
        "consent_photo": person.consent_photo,
        "notes": person.notes,
        "anonymised_at": None if person.anonymised_at is None else _moment_out(person.anonymised_at),
    }


def _attendance_out(row: Attendance, event_keys: dict[int, str], person_keys: dict[int, str]) -> dict[str, Any]:
    return {
        "event": event_keys[row.event_id],
        "person": person_keys[row.person_id],
        "status": row.status.value,
        "role": row.role.value,
        "no_photos": row.no_photos,
        "note": row.note,
        **({"days": row.days.split()} if row.days else {}),  # per-day ticks of a multi-day event
    }


def _indicator_out(indicator: Indicator, act_keys: dict[int, str]) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "activity": None if indicator.activity_id is None else act_keys.get(indicator.activity_id),
        "name": indicator.name,
        "unit": indicator.unit,
        "planned": _quantity_out(indicator.planned_value),
        "method": indicator.method.value,
        "method_param": indicator.method_param,
        "achieved_manual": None if indicator.achieved_manual is None else _quantity_out(indicator.achieved_manual),
        "comment": indicator.comment,
    }


def _budget_line_out(session: Session, line: BudgetLine, key: str) -> dict[str, Any]:
    amounts = _all(session, select(BudgetAmount).where(BudgetAmount.line_id == line.id), BudgetAmount)
    return {
        "key": key,
        "code": line.code,
        "category_key": line.category_key,
        "name": line.name,
        "unit": line.unit,
        "quantity": _quantity_out(line.quantity),
        "unit_cost": _money_out(line.unit_cost),
        "amounts": {a.source.value: _money_out(a.amount) for a in amounts},
    }


def _expense_out(expense: Expense, key: str, line_keys: dict[int, str]) -> dict[str, Any]:
    return {
        "key": key,
        "budget_line": None if expense.budget_line_id is None else line_keys.get(expense.budget_line_id),
        "date": _day_out(expense.date),
        "document_number": expense.document_number,
        "supplier": expense.supplier,
        "description": expense.description,
        "amount": _money_out(expense.amount),
        "eligible": expense.eligible,
        "paid_on": _opt_day_out(expense.paid_on),
        "source": expense.source.value,
    }


def _payment_out(payment: Payment) -> dict[str, Any]:
    return {
        "kind": payment.kind.value,
        "received_on": _day_out(payment.received_on),
        "amount": _money_out(payment.amount),
        "note": payment.note,
    }


def _attachment_out(
    attachment: Attachment, pid: int, keys: dict[str, dict[int, str]], files: dict[str, str]
) -> dict[str, Any]:
    name = FILES_FOLDER + attachment.stored_name
    match = FILE_NAME.fullmatch(name)
    if match is None or match.group(1) != attachment.sha256:  # stored by an older or foreign hand: the content's
        name = FILES_FOLDER + attachment.sha256  # name, so that the import files it as `attachments.add` would
    files[name] = attachment.sha256
    owners = {
        "activity": attachment.activity_id,
        "event": attachment.event_id,
        "expense": attachment.expense_id,
    }
    return {
        "file": name,
        "original_name": attachment.original_name,
        "mime": attachment.mime,
        "kind": attachment.kind,
        "date": _day_out(attachment.date),
        "description": attachment.description,
        "added_at": _moment_out(attachment.added_at),
        "project": attachment.project_id == pid,
        **{owner: None if oid is None else keys[owner].get(oid) for owner, oid in owners.items()},
    }


def _money_out(value: Decimal) -> str:
    """Always two decimals ("1234.50"); a string, because a JSON number would become a float somewhere."""
    amount = value.quantize(_CENT)
    return f"{amount.copy_abs() if amount.is_zero() else amount:f}"  # never "-0.00"


def _quantity_out(value: Decimal) -> str:
    """Shortest exact form ("12", "1.5"): quantities carry up to 3 decimals."""
    number = value.quantize(_MILLI).normalize()
    return f"{number.copy_abs() if number.is_zero() else number:f}"


def _day_out(value: date) -> str:
    return value.isoformat()


def _opt_day_out(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _moment_out(value: datetime) -> str:
    return value.replace(tzinfo=None).isoformat(timespec="seconds")


def dump_bundle(bundle: dict[str, Any]) -> str:
    """Readable, deterministic JSON: Latvian letters as they are, two-space indent, trailing newline."""
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


def write_bundle(session: Session, number: str, target: Path, funder_name: str | None = None) -> dict[str, Any]:
    """The version 2 bundle file: a ZIP of project.json and the files it names (archive.py); returns the data."""
    from projektu_vadiba.core.bundle.archive import write_archive
    from projektu_vadiba.core.bundle.stored import export_files

    bundle = export_project(session, number, funder_name)
    write_archive(target, dump_bundle(bundle), export_files(session, bundle))
    return bundle
