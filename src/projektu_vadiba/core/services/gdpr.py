"""Personal data (GDPR / VDAR): anonymising a person or a whole project's people, for good.

What anonymising does to a person (the record stays, so every count stays):
- name -> "Anonimizēts" + "Nr. <id>" (the id: stable, says nothing about the person);
- e-mail, phone, notes, birth year and the attendance notes are cleared;
- kept, because the indicators and report breakdowns count by them: gender, age group (a group derived from the
  birth year is stored first), target group, municipality, organisation, consents, attendance status and role;
- anonymised_at is set and the personal-data log gets an "anonymised" entry (field names only, never values).

A project's people: everyone on a list of one of its events. A person who is also on a list of another project
whose retention date has not passed (or is not set) is left as they are, and the plan says so by name and
project number; anonymising a single person (someone's erasure request) anonymises them whatever their projects.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.age_groups import band_of
from projektu_vadiba.core.dto import PersonDTO
from projektu_vadiba.core.dto_people import AnonymisePlan, AnonymiseResult, KeptPerson
from projektu_vadiba.core.models import Attendance, Event, Person, Project
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import log_personal_data, person_dto, set_keys
from projektu_vadiba.core.services.people_stats import first_event_years

ANONYMOUS_GIVEN = "Anonimizēts"
_CLEARED = ("given_name", "surname", "email", "phone", "notes", "birth_year")


def _anonymise(session: Session, person: Person, reference_year: int | None) -> None:
    if not person.age_group and person.birth_year is not None and reference_year is not None:
        person.age_group = band_of(person.birth_year, reference_year)
    person.given_name, person.surname = ANONYMOUS_GIVEN, f"Nr. {person.id}"
    person.email = person.phone = person.notes = ""
    person.birth_year = None
    person.anonymised_at = clock.now()
    for row in session.scalars(select(Attendance).where(Attendance.person_id == person.id)):
        row.note = ""
    set_keys(person, person.organisation.name if person.organisation else "")
    log_personal_data(session, person.id, "anonymised", list(_CLEARED))


def anonymise_person(session: Session, person_id: int) -> PersonDTO:
    person = get_or_404(session, Person, person_id, "Persona")
    if person.anonymised_at is None:
        _anonymise(session, person, first_event_years(session, [person.id]).get(person.id))
        session.flush()
    return person_dto(person)


def _retention_passed(until: date | None, today: date) -> bool:
    return until is not None and until < today


def _project_people(session: Session, project_id: int) -> set[int]:
    stmt = select(Attendance.person_id).join(Event, Event.id == Attendance.event_id)
    return set(session.scalars(stmt.where(Event.project_id == project_id)))


def plan_project(session: Session, project_id: int) -> AnonymisePlan:
    project = get_or_404(session, Project, project_id, "Projekts")
    today = clock.today()
    members = _project_people(session, project_id)
    others: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(
        select(Attendance.person_id, Project.number, Project.retention_until)
        .join(Event, Event.id == Attendance.event_id)
        .join(Project, Project.id == Event.project_id)
        .where(Attendance.person_id.in_(members), Project.id != project_id)
    )
    for pid, number, until in rows:
        if not _retention_passed(until, today):
            others[pid].add(number)
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(members)))}
    already = sum(1 for p in people.values() if p.anonymised_at is not None)
    kept = tuple(
        KeptPerson(pid, f"{people[pid].given_name} {people[pid].surname}", tuple(sorted(others[pid])))
        for pid in sorted(others, key=lambda i: (people[i].sort_key, i))
        if people[pid].anonymised_at is None
    )
    return AnonymisePlan(
        project_id,
        project.number,
        project.retention_until,
        _retention_passed(project.retention_until, today),
        len(people) - already - len(kept),
        already,
        kept,
    )


def anonymise_project(session: Session, project_id: int) -> AnonymiseResult:
    plan = plan_project(session, project_id)
    kept = {k.person_id for k in plan.kept}
    targets = sorted(_project_people(session, project_id) - kept)
    years = first_event_years(session, targets)
    count = 0
    for person in session.scalars(select(Person).where(Person.id.in_(targets), Person.anonymised_at.is_(None))):
        _anonymise(session, person, years.get(person.id))
        count += 1
    session.flush()
    return AnonymiseResult(count, plan.kept)


def projects_past_retention(session: Session) -> list[tuple[int, str, date]]:
    """(id, number, retention date) of projects whose retention date has passed and that still hold names."""
    today = clock.today()
    rows = session.execute(
        select(Project.id, Project.number, Project.retention_until)
        .where(Project.retention_until.is_not(None), Project.retention_until < today)
        .where(
            Project.id.in_(
                select(Event.project_id)
                .join(Attendance, Attendance.event_id == Event.id)
                .join(Person, Person.id == Attendance.person_id)
                .where(Person.anonymised_at.is_(None))
            )
        )
        .order_by(Project.retention_until)
    )
    return [(pid, number, until) for pid, number, until in rows if until is not None]


def backups_with_personal_data(session: Session) -> tuple[Path, ...]:
    """The upgrade backups beside an SQLite database. They are copies from before the anonymisation (at an older
    schema, so they cannot be anonymised in place): the user is told which files still hold the names, and may
    remove them with remove_backups."""
    from projektu_vadiba.core.db import sqlite_path
    from projektu_vadiba.core.db_backup import backups_of

    path = sqlite_path(str(session.get_bind().engine.url))
    return tuple(backups_of(path)) if path is not None else ()


def remove_backups(paths: Iterable[Path]) -> tuple[Path, ...]:
    """Deletes the given backups (overwritten first, so the names do not stay in the disk's free space as easily);
    returns the ones removed."""
    removed = []
    for path in paths:
        try:
            size = path.stat().st_size
            with path.open("r+b") as handle:
                handle.write(b"\0" * size)
                handle.flush()
                os.fsync(handle.fileno())
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return tuple(removed)
