"""Import: validate a bundle, match what the database already has, then insert the project."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.bundle.archive import BundleArchive
from projektu_vadiba.core.bundle.checks import check_profile_keys, complete_imported
from projektu_vadiba.core.bundle.reader import Plan, Row, read_bundle
from projektu_vadiba.core.bundle.stored import read_logos, write_files
from projektu_vadiba.core.bundle.texts import write_texts
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.models import (
    Activity,
    Attachment,
    Attendance,
    BudgetAmount,
    BudgetLine,
    Cofinancing,
    Event,
    Expense,
    Funder,
    Indicator,
    Organisation,
    Payment,
    Person,
    Programme,
    Project,
    ProjectPartner,
    ProjectTargetGroup,
    ReportDeadline,
)
from projektu_vadiba.core.services.people import log_personal_data, search_text
from projektu_vadiba.core.text import fold, name_key, normalise_space
from projektu_vadiba.core.write_lock import take_write_lock

_M = TypeVar("_M", bound=Any)


@dataclass(frozen=True)
class ImportSummary:
    """What an import created and what it found already in the database (matched)."""

    project_id: int
    number: str
    funder_name: str
    funder_created: bool
    organisations_created: int
    organisations_matched: int
    people_created: int
    people_matched: int
    activities: int
    events: int
    attendances: int
    indicators: int
    budget_lines: int
    expenses: int
    payments: int
    attachments: int = 0
    warnings: tuple[str, ...] = ()  # Messages: number form, the funder's limits, a funder kept with another profile


def import_bundle(
    session: Session,
    data: Any,
    *,
    files: BundleArchive | None = None,
    known_people: Mapping[str, int] | None = None,
) -> ImportSummary:
    """Validate the whole bundle, match what the database already has, then insert the project.

    `files`: the version 2 ZIP the data came from (archive.open_bundle_file), holding the files $.files names.
    `known_people` (bundle key -> person id) names people for certain, as undo of a project delete does; those
    still in the registry are used as they are. Raises BundleError (message: JSON path and what is wrong) before
    anything is written; a file whose content is not what $.files says stops the import, and every file it
    unpacked is removed again."""
    plan = read_bundle(data)
    check_profile_keys(plan)
    _check_archive(plan, files)
    logos = read_logos(plan, files)
    take_write_lock(session)  # the duplicate checks and the inserts: no other import in between
    matches = _match(session, plan)
    if known_people:
        alive = set(session.scalars(select(Person.id).where(Person.id.in_(list(known_people.values())))))
        matches.people.update({key: pid for key, pid in known_people.items() if pid in alive})
    summary = _write(session, plan, matches, logos)
    write_files(session, plan, files)
    return summary


def _check_archive(plan: Plan, files: BundleArchive | None) -> None:
    if files is not None:
        files.check_files(plan.files)
    elif plan.files:
        raise BundleError.of("bundle.files_without_zip", count=len(plan.files))


@dataclass
class _Matches:
    """Records the database already has; looked up before any insert, so bundle rows never match each other."""

    funder: Funder | None
    programme: Programme | None
    organisations: dict[str, Organisation]  # bundle key -> existing organisation
    people: dict[str, int]  # bundle key -> existing person id


def _person_key(values: dict[str, Any]) -> tuple[str, str, str]:
    given, surname, email = values["given_name"], values["surname"], values["email"]
    return (fold(normalise_space(given)), fold(normalise_space(surname)), email.strip().casefold())


def _match(session: Session, plan: Plan) -> _Matches:
    funder = _match_funder(session, plan.funder["name"])
    number = plan.project["number"]
    if funder is not None:
        duplicate = select(Project.id).where(Project.funder_id == funder.id, Project.number == number)
        if session.scalar(duplicate) is not None:
            raise BundleError.of("bundle.already_imported", number=number, funder=funder.name)
    return _Matches(
        funder=funder,
        programme=_match_programme(funder, plan.programme),
        organisations=_match_organisations(session, plan.organisations),
        people=_match_people(session, plan.people),
    )


def _match_funder(session: Session, name: str) -> Funder | None:
    return session.scalars(select(Funder).where(Funder.name_key == name_key(name))).first()


def _match_programme(funder: Funder | None, values: dict[str, Any] | None) -> Programme | None:
    if funder is None or values is None:
        return None
    wanted = (values["name"], values["strand"], values["call_year"])
    return next((p for p in funder.programmes if (p.name, p.strand, p.call_year) == wanted), None)


def _match_organisations(session: Session, rows: list[Row]) -> dict[str, Organisation]:
    """Same registration number; else the same name (case-insensitive), where the numbers do not disagree."""
    by_reg: dict[str, Organisation] = {}
    by_name: dict[str, Organisation] = {}
    by_name_unregistered: dict[str, Organisation] = {}
    for org in session.scalars(select(Organisation).order_by(Organisation.id)):
        reg = (org.reg_number or "").strip()
        if reg:
            by_reg.setdefault(reg, org)
        else:
            by_name_unregistered.setdefault(org.name_key, org)
        by_name.setdefault(org.name_key, org)
    found: dict[str, Organisation] = {}
    for row in rows:
        reg = (row.values["reg_number"] or "").strip()
        name = name_key(row.values["name"])
        match = (by_reg.get(reg) or by_name_unregistered.get(name)) if reg else by_name.get(name)
        if match is not None:
            found[row.key] = match
    return found


def _match_people(session: Session, rows: list[Row]) -> dict[str, int]:
    """Same folded given name and surname and the same non-empty e-mail (case-insensitive)."""
    if not any(row.values["email"].strip() for row in rows):
        return {}
    existing: dict[tuple[str, str, str], int] = {}
    query = select(Person.id, Person.given_name, Person.surname, Person.email).where(Person.email != "")
    for pid, given, surname, email in session.execute(query.order_by(Person.id)):
        existing.setdefault(_person_key({"given_name": given, "surname": surname, "email": email}), pid)
    found: dict[str, int] = {}
    for row in rows:
        key = _person_key(row.values)
        if key[2] and key in existing:
            found[row.key] = existing[key]
    return found


def _write(session: Session, plan: Plan, matches: _Matches, logos: dict[str, bytes]) -> ImportSummary:
    """Insert in bundle order, flushing per table, so ids ascend in the order the export numbered them."""
    funder = matches.funder
    if funder is None:
        funder = Funder(**plan.funder)
        session.add(funder)
    programme = matches.programme
    if programme is None and plan.programme is not None:
        programme = Programme(funder=funder, **plan.programme)
        session.add(programme)

    orgs = dict(matches.organisations)
    created_orgs = {row.key: Organisation(**row.values) for row in plan.organisations if row.key not in orgs}
    _own_and_logos(session, plan, created_orgs, logos)
    session.add_all(created_orgs.values())
    orgs.update(created_orgs)
    session.flush()

    project = Project(funder=funder, programme=programme, implementer_id=orgs[plan.implementer].id, **plan.project)
    if plan.project_logo is not None:
        project.logo = logos[plan.project_logo]
    session.add(project)
    session.flush()
    pid = project.id
    _write_project_parts(session, plan, pid, orgs)

    activities = _insert_rows(session, Activity, plan.activities, project_id=pid)
    events = {
        row.key: Event(project_id=pid, activity_id=_id(activities, row.refs["activity"]), **row.values)
        for row in plan.events
    }
    session.add_all(events.values())
    session.flush()
    people = _write_people(session, plan, matches, orgs)
    attendances = _write_attendance(session, plan, events, people)

    session.add_all(
        Indicator(project_id=pid, activity_id=_id(activities, row.refs["activity"]), **row.values)
        for row in plan.indicators
    )
    lines = _insert_rows(session, BudgetLine, plan.budget_lines, project_id=pid)
    session.add_all(BudgetAmount(line_id=lines[row.ref("line")].id, **row.values) for row in plan.budget_amounts)
    expenses = {
        row.key or row.path: Expense(project_id=pid, budget_line_id=_id(lines, row.refs["budget_line"]), **row.values)
        for row in plan.expenses
    }
    session.add_all(expenses.values())
    session.add_all(Payment(project_id=pid, **row.values) for row in plan.payments)
    session.flush()
    session.add_all(
        Attachment(
            project_id=pid if row.refs["project"] else None,
            activity_id=_id(activities, row.refs["activity"]),
            event_id=_id(events, row.refs["event"]),
            expense_id=_id(expenses, row.refs["expense"]),
            **row.values,
        )
        for row in plan.attachments
    )
    session.flush()
    warnings = complete_imported(session, project, plan, matches.funder)

    return ImportSummary(
        project_id=pid,
        number=project.number,
        funder_name=funder.name,
        funder_created=matches.funder is None,
        organisations_created=len(created_orgs),
        organisations_matched=len(matches.organisations),
        people_created=len(plan.people) - len(matches.people),
        people_matched=len(matches.people),
        activities=len(activities),
        events=len(events),
        attendances=attendances,
        indicators=len(plan.indicators),
        budget_lines=len(lines),
        expenses=len(plan.expenses),
        payments=len(plan.payments),
        attachments=len(plan.attachments),
        warnings=tuple(warnings),
    )


def _id(objects: dict[str, Any], key: str | None) -> int | None:
    return None if key is None else int(objects[key].id)


def _insert_rows(session: Session, model: type[_M], rows: list[Row], **common: Any) -> dict[str, _M]:
    objects = {row.key: model(**common, **row.values) for row in rows}
    session.add_all(objects.values())
    session.flush()
    return objects


def _write_project_parts(session: Session, plan: Plan, pid: int, orgs: dict[str, Organisation]) -> None:
    # Two bundle organisations may match the same database one; it is then one partner, not two.
    partner_ids: set[int] = set()
    for row in plan.partners:
        org_id = orgs[row.ref("organisation")].id
        if org_id not in partner_ids:
            partner_ids.add(org_id)
            session.add(ProjectPartner(project_id=pid, organisation_id=org_id, **row.values))
    for row in plan.cofinancing:
        org = row.refs["organisation"]
        session.add(Cofinancing(project_id=pid, organisation_id=None if org is None else orgs[org].id, **row.values))
    session.add_all(ProjectTargetGroup(project_id=pid, **row.values) for row in plan.target_groups)
    write_texts(session, plan, pid)
    session.add_all(ReportDeadline(project_id=pid, **row.values) for row in plan.deadlines)
    session.flush()


def _own_and_logos(session: Session, plan: Plan, created: dict[str, Organisation], logos: dict[str, bytes]) -> None:
    """New organisations get their logo; the bundle's own organisation becomes ours only in a database that has
    none yet (there is at most one), so an import never takes that place from the organisation using the app."""
    has_own = session.scalar(select(Organisation.id).where(Organisation.is_own.is_(True)).limit(1)) is not None
    for row in plan.organisations:
        org = created.get(row.key)
        if org is None:
            continue
        logo = row.refs.get("logo")
        if logo is not None:
            org.logo = logos[logo]
        if row.refs.get("own") and not has_own:
            org.is_own = has_own = True


def _write_people(session: Session, plan: Plan, matches: _Matches, orgs: dict[str, Organisation]) -> dict[str, int]:
    """Bundle key -> person id. New people get the same search text and personal-data log entry (GDPR
    accountability) as people entered by hand; matched people are left as they are."""
    created: dict[str, Person] = {}
    for row in plan.people:
        if row.key in matches.people:
            continue
        org_key = row.refs["organisation"]
        org = None if org_key is None else orgs[org_key]
        v = row.values
        search = search_text(v["given_name"], v["surname"], v["email"], org.name if org else "", v["municipality"])
        created[row.key] = Person(organisation=org, search_text=search, **v)
    session.add_all(created.values())
    session.flush()
    for person in created.values():
        log_personal_data(session, person.id, "imported", [])
    return {**matches.people, **{key: person.id for key, person in created.items()}}


def _write_attendance(session: Session, plan: Plan, events: dict[str, Event], people: dict[str, int]) -> int:
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for row in plan.attendance:
        pair = (events[row.ref("event")].id, people[row.ref("person")])
        if pair in seen:  # two bundle people matched the same database person
            continue
        seen.add(pair)
        rows.append({"event_id": pair[0], "person_id": pair[1], **row.values})
    if rows:
        session.execute(insert(Attendance), rows)
    return len(rows)
