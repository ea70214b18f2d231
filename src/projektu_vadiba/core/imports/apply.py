"""Storing a checked import: all or nothing, in the caller's one transaction.

Nothing is stored while any row is invalid unless the caller chose to skip invalid rows. A cancel (the progress
callback returns False) or any error raises, so the caller's `with db.session()` rolls everything back.
People are inserted in bulk (`people_insert.insert_people`), never one ORM object per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import cast

from sqlalchemy import Engine, Table, delete, insert, literal, select, update
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock, person_keys
from projektu_vadiba.core.db import current_user
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports.fill import (
    Filled,
    PreparedFill,
    empty_again,
    fill_empty,
    prepare_fill,
    write_prepared,
)
from projektu_vadiba.core.imports.gc_pause import gc_paused
from projektu_vadiba.core.imports.plan import Choice, ImportCancelled, ImportPlan, PlannedRow, Progress
from projektu_vadiba.core.models import (
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    OrganisationKind,
    Person,
    PersonalDataLog,
)
from projektu_vadiba.core.services.duplicates import Keys, build_index, registry_state
from projektu_vadiba.core.services.organisations import find_or_create_organisation
from projektu_vadiba.core.services.people_insert import copies_rows, insert_people, insert_tuples, page_cache
from projektu_vadiba.core.write_lock import take_write_lock


class ImportInvalid(AppError):
    """Some rows are wrong and the user has not chosen to skip them: nothing was stored."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        bad = len(plan.invalid)
        if bad:
            super().__init__(code="import.invalid_rows", values={"count": bad})
        else:
            super().__init__(code="import.invalid_file", values={"problems": " ".join(plan.problems)})


@dataclass(frozen=True)
class ImportResult:
    created: int
    linked: int  # rows that became an existing person (a duplicate in the registry or an earlier row)
    skipped_rows: tuple[int, ...]  # invalid rows left out
    attendances_added: int = 0
    attendances_updated: int = 0
    # What an undo needs (ui: the import's undo command; core.imports.undo_import).
    created_ids: tuple[int, ...] = ()
    listed_ids: tuple[int, ...] = ()  # people put on the event's list by this import
    old_statuses: tuple[tuple[int, AttendanceStatus], ...] = ()  # (attendance id, status before) of changed rows
    filled: tuple[Filled, ...] = ()  # empty fields of existing people filled from the file
    old_days: tuple[tuple[int, str], ...] = ()  # (attendance id, per-day ticks before) of changed rows that had any


_CACHE_MIB = 256
# The columns of a new person, in the order `_person_row` gives their values.
_PERSON_COLUMNS = (
    "given_name", "surname", "organisation_id", "municipality", "email", "phone", "gender", "birth_year",
    "age_group", "target_group", "consent_data", "consent_photo", "notes", "search_text", "name_key", "phone_key",
    "sort_key", "created_at", "updated_at",
)  # fmt: skip


def _person_row(row: PlannedRow, org_ids: dict[str, int], now: object) -> tuple[object, ...]:
    p = row.person
    org = " ".join(p.organisation_name.split())
    keys = row.keys
    # The keys the plan matched the row by are the stored keys (name_key_forms puts name_key first); the rest come
    # from caches filled while the plan was made (names and places repeat).
    if keys is not None and keys.names:
        name_key, phone_key = keys.names[0], keys.phone
    else:
        name_key, phone_key = person_keys.name_key(p.given_name, p.surname), person_keys.phone_key(p.phone)
    if row.stored is not None:  # made by the plan while its look-up was on the server
        search_text, sort_key = row.stored
    else:
        search_text = person_keys.search_text(p.given_name, p.surname, p.email, org, p.municipality)
        sort_key = person_keys.sort_key(p.surname, p.given_name)
    return (
        p.given_name,
        p.surname,
        org_ids.get(org.casefold()) if org else None,
        p.municipality.strip(),
        p.email,
        p.phone,
        p.gender,
        p.birth_year,
        p.age_group.strip(),
        p.target_group.strip(),
        p.consent_data,
        p.consent_photo,
        p.notes,
        search_text,
        name_key,
        phone_key,
        sort_key,
        now,
        now,
    )


@gc_paused
def apply_plan(
    session: Session,
    plan: ImportPlan,
    *,
    skip_invalid: bool = False,
    choices: Mapping[int, Choice] | None = None,
    default_status: AttendanceStatus = AttendanceStatus.REGISTERED,
    progress: Progress | None = None,
) -> ImportResult:
    """Store the plan's people (and their attendance of plan.event_id). `choices`: row number -> LINK / CREATE
    for the duplicates (default LINK)."""
    if plan.problems or (plan.invalid and not skip_invalid):
        raise ImportInvalid(plan)
    choices = choices or {}
    rows = [r for r in plan.rows if r.valid]
    total = len(rows) + 1

    def tick(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled

    def creates(r: PlannedRow) -> bool:
        return not r.is_duplicate or choices.get(r.row) is Choice.CREATE

    take_write_lock(session)  # the check below and the inserts: no other import in between
    # A large page cache while the rows go in (SQLite; the connection's own again after).
    with page_cache(session, _CACHE_MIB):
        # Unless nothing at all has changed since the plan looked (then the same look finds the same).
        if plan.registry_state is None or plan.registry_state != registry_state(session):
            rows = _recheck(session, rows, choices)
        new_rows = [r for r in rows if creates(r)]
        org_ids: dict[str, int] = {}
        for name in sorted({" ".join(r.person.organisation_name.split()) for r in new_rows} - {""}):
            org_ids[name.casefold()] = find_or_create_organisation(session, name, OrganisationKind.NGO).id
        now = clock.now()
        actor = current_user()
        tick(0)
        with _fill_ahead(session, _linked(rows, creates), now, actor) as ahead:
            # progress after each thousand rows, the last call with all of them (a cancel stops the insert)
            ids = insert_people(session, _PERSON_COLUMNS, [_person_row(r, org_ids, now) for r in new_rows], tick)
            person_of_row = dict(zip((r.row for r in new_rows), ids, strict=True))
            linked = 0
            for r in rows:  # in file order: an earlier row is resolved before the rows that repeat it
                if r.row in person_of_row:
                    continue
                target = r.existing_id if r.existing_id is not None else person_of_row.get(r.same_as_row or -1)
                if target is None:
                    raise AppError.of("import.link_missing", row=r.row)
                person_of_row[r.row] = target
                linked += 1
            created_ids = [person_of_row[r.row] for r in new_rows]
            _log_imported(session, created_ids, now, actor)
            created = set(created_ids)
            targets = [(person_of_row[r.row], r.person) for r in rows if person_of_row[r.row] not in created]
            prepared = ahead.result() if ahead is not None else None
            if prepared is not None and prepared.targets == targets:
                filled = write_prepared(session, prepared)
            else:
                filled = fill_empty(session, targets)
        listed: list[int] = []
        old: dict[int, AttendanceStatus] = {}
        old_days: dict[int, str] = {}
        if plan.event_id is not None:
            listed, old, old_days = _attendance(session, plan.event_id, rows, person_of_row, default_status)
        tick(total)
        session.flush()
        skipped = tuple(r.row for r in plan.invalid)
        return ImportResult(
            len(new_rows), linked, skipped, len(listed), len(old), tuple(created_ids), tuple(listed),
            tuple(old.items()), tuple(filled), tuple(old_days.items()),
        )  # fmt: skip


# Rows linked to registered people from which their filling is read and decided ahead, on PostgreSQL (_fill_ahead).
FILL_AHEAD_ROWS = 1000


def _linked(rows: list[PlannedRow], creates: Callable[[PlannedRow], bool]) -> list[tuple[int, PersonInput]]:
    """(registered person's id, the row's data) of each row that links to a registered person, in file order:
    `fill_empty`'s targets, known before the new people's ids (a row that repeats a new person's row is a new
    person's, not one of these)."""
    registered: dict[int, int | None] = {}  # row -> the registered person it links to (None: a new person)
    out = []
    for r in rows:
        if creates(r):
            registered[r.row] = None
            continue
        target = r.existing_id if r.existing_id is not None else registered.get(r.same_as_row or -1)
        registered[r.row] = target
        if target is not None:
            out.append((target, r.person))
    return out


@contextmanager
def _fill_ahead(
    session: Session, targets: list[tuple[int, PersonInput]], now: datetime, actor: str
) -> Iterator[Future[PreparedFill | None] | None]:
    """PostgreSQL, many linked rows: their filling read and decided (`fill.prepare_fill`) on a connection of its own
    in a worker thread while the new people's COPY is on the server, where the session's connection only waits:
    15,400 linked people's read and deciding, 0.2-0.3 s, leave the import's path. Leaving waits for the worker."""
    bind = session.get_bind()
    if len(targets) < FILL_AHEAD_ROWS or not isinstance(bind, Engine) or bind.dialect.name != "postgresql":
        yield None
        return

    def prepare() -> PreparedFill | None:
        with bind.connect() as connection:
            try:
                return prepare_fill(connection, targets, now, actor)
            finally:
                connection.rollback()  # (read only)

    with ThreadPoolExecutor(1, thread_name_prefix="pv-fill") as worker:
        yield worker.submit(prepare)


def _log_imported(session: Session, ids: list[int], now: datetime, actor: str) -> None:
    """An "imported" entry in the personal-data log for each person of `ids`. When they are one run of ids (an SQLite
    bulk insert's always are) one INSERT … SELECT of those people makes them, instead of a row of parameters each
    sent through the driver (9,000 people: 16-17 ms -> 8 ms; 84,600: 172 ms -> 53 ms). Not where the rows can be
    COPYed (PostgreSQL but for a team member): 84,600 entries took 0.74 s that way, 0.86 s by INSERT … SELECT."""
    table = cast(Table, PersonalDataLog.__table__)
    columns = ("at", "actor", "person_id", "action", "fields")
    if ids and ids == list(range(ids[0], ids[0] + len(ids))) and not copies_rows(session, table.name):
        source = (
            select(
                literal(now, table.c.at.type),
                literal(actor, table.c.actor.type),
                Person.id,
                literal("imported", table.c.action.type),
                literal("", table.c.fields.type),
            )
            .where(Person.id.between(ids[0], ids[-1]))
            .order_by(Person.id)
        )
        session.execute(insert(table).from_select(columns, source))
        return
    insert_tuples(session, table, columns, [(now, actor, pid, "imported", "") for pid in ids])


def _recheck(session: Session, rows: list[PlannedRow], choices: Mapping[int, Choice]) -> list[PlannedRow]:
    """Rows the plan would create, matched again under the write lock: someone (another import, a second window)
    may have registered the same person since the plan was made; such a row links to that person."""
    fresh = [r for r in rows if not r.is_duplicate and choices.get(r.row) is not Choice.CREATE]
    if not fresh:
        return rows
    keys: dict[int, Keys] = {}
    for r in fresh:
        p = r.person
        keys[r.row] = r.keys or Keys.of(p.given_name, p.surname, p.email, p.phone)
    index = build_index(session, keys.values())
    found: dict[int, int] = {}
    for r in fresh:
        matches = index.matches(keys[r.row])
        if matches:
            found[r.row] = min(matches, key=lambda pid: (-len(matches[pid]), pid))
    if not found:
        return rows
    return [replace(r, existing_id=found[r.row]) if r.row in found else r for r in rows]


def undo_import(session: Session, event_id: int | None, result: ImportResult) -> None:
    """Take back what `apply_plan` stored: the list entries it added, the statuses it changed, the fields it
    filled and the people it created. `event_id`: the event's id now (it may have been re-created meanwhile).
    With the import's large page cache (SQLite): deleting 9,000 people from seven indexes and the search index
    of 100,000 took 1.0 s with the connection's own 2 MiB, 0.68 s with it."""
    with page_cache(session, _CACHE_MIB):
        _undo(session, event_id, result)


def _undo(session: Session, event_id: int | None, result: ImportResult) -> None:
    if event_id is not None and result.listed_ids:
        for start in range(0, len(result.listed_ids), 500):
            chunk = result.listed_ids[start : start + 500]
            session.execute(delete(Attendance).where(Attendance.event_id == event_id, Attendance.person_id.in_(chunk)))
    days = dict(result.old_days)
    for aid, status in result.old_statuses:
        row = session.get(Attendance, aid)
        if row is not None:
            row.status, row.days = status, days.get(aid, "")
    empty_again(session, result.filled)
    for start in range(0, len(result.created_ids), 500):
        chunk = result.created_ids[start : start + 500]
        session.execute(update(PersonalDataLog).where(PersonalDataLog.person_id.in_(chunk)).values(person_id=None))
        session.execute(delete(Attendance).where(Attendance.person_id.in_(chunk)))
        session.execute(delete(Person).where(Person.id.in_(chunk)))
    session.flush()
    session.expire_all()


def _attendance(
    session: Session,
    event_id: int,
    rows: list[PlannedRow],
    person_of_row: dict[int, int],
    default_status: AttendanceStatus,
) -> tuple[list[int], dict[int, AttendanceStatus], dict[int, str]]:
    """Returns the people added to the list, and (attendance id -> status before) and (-> per-day ticks before)
    of the rows whose status changed."""
    on_list = {
        pid: (aid, status)
        for aid, pid, status in session.execute(
            select(Attendance.id, Attendance.person_id, Attendance.status).where(Attendance.event_id == event_id)
        )
    }
    people = sorted(set(person_of_row.values()))
    refused: set[int] = set()
    for start in range(0, len(people), 500):
        chunk = people[start : start + 500]
        refused.update(session.scalars(select(Person.id).where(Person.id.in_(chunk), Person.consent_photo.is_(False))))
    new: dict[int, dict[str, object]] = {}
    changes: dict[int, AttendanceStatus] = {}
    before: dict[int, AttendanceStatus] = {}
    days_before: dict[int, str] = {}
    for r in rows:
        pid = person_of_row[r.row]
        if pid in on_list:
            aid, status = on_list[pid]
            if r.status is not None and r.status != status:
                changes[aid] = r.status
                before[aid] = status
            continue
        if pid in new:  # the same person twice in the file: the explicit status wins
            if r.status is not None:
                new[pid]["status"] = r.status
            continue
        new[pid] = {
            "event_id": event_id,
            "person_id": pid,
            "status": r.status or default_status,
            "role": r.role or AttendanceRole.PARTICIPANT,
            "no_photos": pid in refused,
            "note": "",
        }
    if new:
        session.execute(insert(Attendance), list(new.values()))
    for aid, status in changes.items():
        row = session.get(Attendance, aid)
        if row is not None and row.status is not status:
            if row.days:
                days_before[aid] = row.days
            row.status, row.days = status, ""  # per-day ticks belong to the status they were made under
    return list(new), before, days_before
