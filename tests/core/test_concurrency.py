"""No lost updates: two users (two Database objects, two connection pools) on the same database, SQLite and
PostgreSQL. A save over a newer version is one coded conflict carrying both versions; a merge keeps every field."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import EventInput, ExpenseInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import render
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, attendance_days, finance, people
from projektu_vadiba.core.services.event_delete import event_input


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second user: the same database through its own engine."""
    second = open_database(db.url)
    yield second
    second.close()


@pytest.fixture
def event_id(db: Database, project: ProjectDetail) -> int:
    with db.session() as s:
        return activities.create_event(
            s, project.id, EventInput("Kopienu sapulce", datetime(2023, 5, 2, 18), datetime(2023, 5, 2, 20))
        ).id


def _form(db: Database, event_id: int) -> EventInput:
    """What an event form holds when it opens: the event's values at the version read."""
    with db.session() as s:
        return event_input(activities.get_event(s, event_id))


def test_rows_start_at_version_one_and_each_save_adds_one(db: Database, event_id: int) -> None:
    first = _form(db, event_id)
    assert first.version == 1
    with db.session() as s:
        saved = activities.update_event(s, event_id, replace(first, place="Ķekavas kultūras nams"))
    assert saved.version == 2
    with db.session() as s:  # the same values again: nothing written, the version stays
        assert (
            activities.update_event(s, event_id, replace(first, place="Ķekavas kultūras nams", version=2)).version == 2
        )


def test_two_users_editing_the_same_event_one_conflict_and_no_lost_field(
    db: Database, other: Database, event_id: int
) -> None:
    anna, beate = _form(db, event_id), _form(other, event_id)
    with db.session() as s:
        activities.update_event(s, event_id, replace(anna, title="Kopienu sapulce Baldonē"))
    conflicts: list[ConflictError] = []
    try:
        with other.session() as s:
            activities.update_event(s, event_id, replace(beate, place="Baldones skola", planned_participants=40))
    except ConflictError as exc:
        conflicts.append(exc)
    assert len(conflicts) == 1
    [conflict] = conflicts
    assert (conflict.code, conflict.expected, conflict.current) == ("conflict.changed", 1, 2)
    assert render(conflict.code, conflict.values, "en").startswith("Event: someone else saved it")
    diffs = {d.name: d for d in conflict.with_original(beate).fields}
    assert set(diffs) == {"title", "place", "planned_participants"}
    assert (diffs["title"].mine, diffs["title"].theirs) == ("Kopienu sapulce", "Kopienu sapulce Baldonē")
    assert diffs["title"].changed_by_them and not diffs["title"].changed_by_me
    assert diffs["place"].suggested_mine and diffs["planned_participants"].suggested_mine
    with other.session() as s:  # nothing of Beate's was written
        assert activities.get_event(s, event_id).place == ""
    # Beate merges: her place and headcount, Anna's title; saved at Anna's version.
    merged = conflict.with_original(beate).merged(lambda name: diffs[name].suggested_mine)
    with other.session() as s:
        saved = activities.update_event(s, event_id, merged)
    assert (saved.title, saved.place, saved.planned_participants, saved.version) == (
        "Kopienu sapulce Baldonē",
        "Baldones skola",
        40,
        3,
    )


def test_an_input_without_a_version_saves_as_before(db: Database, event_id: int) -> None:
    with db.session() as s:  # scripts, imports: no form, no check
        saved = activities.update_event(s, event_id, replace(_form(db, event_id), title="Cits", version=None))
    assert saved.title == "Cits"


def test_people_and_expenses_are_versioned_too(db: Database, other: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        person = people.create_person(s, PersonInput("Ilze", "Ozola"))
        expense = finance.add_expense(s, project.id, ExpenseInput(datetime(2023, 5, 2).date(), Decimal("12.50")))
    mine_person = people.person_input(person)
    mine_expense = finance.expense_input(expense)
    with other.session() as s:
        people.update_person(s, person.id, replace(people.person_input(person), phone="+371 20000000"))
        finance.update_expense(s, expense.id, replace(finance.expense_input(expense), supplier="SIA Koks"))
    with pytest.raises(ConflictError) as person_conflict, db.session() as s:
        people.update_person(s, person.id, replace(mine_person, email="ilze@example.lv"))
    assert {d.name for d in person_conflict.value.fields} == {"email", "phone"}
    with pytest.raises(ConflictError) as expense_conflict, db.session() as s:
        finance.update_expense(s, expense.id, replace(mine_expense, amount=Decimal("13.00")))
    assert {d.name for d in expense_conflict.value.fields} == {"amount", "supplier"}


def test_simultaneous_saves_of_one_version_one_wins_one_conflicts(db: Database, other: Database, event_id: int) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two writers at the same moment: PostgreSQL (SQLite has one writer)")
    form = _form(db, event_id)
    outcomes = _race(
        [
            lambda: _save(db, event_id, replace(form, title="Anna")),
            lambda: _save(other, event_id, replace(form, place="Beate")),
        ]
    )
    assert sorted(outcomes) == ["conflict.changed", "saved"]
    with db.session() as s:
        final = activities.get_event(s, event_id)
    assert final.version == 2 and (final.title == "Anna") != (final.place == "Beate")


def _save(db: Database, event_id: int, data: EventInput) -> str:
    try:
        with db.session() as s:
            activities.update_event(s, event_id, data)
        return "saved"
    except AppError as exc:
        return exc.code


def _race(steps: list[Callable[[], str]]) -> list[str]:
    barrier = threading.Barrier(len(steps))
    results: list[str] = []

    def run(step: Callable[[], str]) -> None:
        barrier.wait()
        results.append(step())

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_ticks_by_two_people_on_one_sheet_both_survive(db: Database, other: Database, event_id: int) -> None:
    with db.session() as s:
        ids = [people.create_person(s, PersonInput(f"Dalībnieks{i}", "Bērziņš")).id for i in range(4)]
        rows = [attendance.register(s, event_id, pid).id for pid in ids]
    # Anna ticks the first two, Beate the last two and one of Anna's (the same person twice: harmless).
    with db.session() as s:
        attendance_days.mark(s, rows[:2], AttendanceStatus.ATTENDED)
    with other.session() as s:
        attendance_days.mark(s, [rows[1], *rows[2:]], AttendanceStatus.ATTENDED)
    with db.session() as s:
        attendance.walk_in(s, event_id, ids[3])  # ticked again by Anna: no second row, no error
    with db.session() as s:
        listed = attendance.event_list(s, event_id)
    assert len(listed) == 4 and {a.status for a in listed} == {AttendanceStatus.ATTENDED}


def test_concurrent_ticks_both_survive_and_one_person_twice_is_one_row(
    db: Database, other: Database, event_id: int
) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("simultaneous writers: PostgreSQL")
    with db.session() as s:
        ids = [people.create_person(s, PersonInput(f"Dalībnieks{i}", "Liepa")).id for i in range(3)]
        registered = attendance.register(s, event_id, ids[0]).id

    def tick(database: Database, person_id: int) -> Callable[[], str]:
        def step() -> str:
            with database.session() as s:
                attendance.walk_in(s, event_id, person_id)
            return "ticked"

        return step

    def mark(database: Database) -> Callable[[], str]:
        def step() -> str:
            with database.session() as s:
                attendance_days.mark(s, [registered], AttendanceStatus.ATTENDED)
            return "ticked"

        return step

    for _round in range(3):  # different people, the same new person twice, the same listed person twice
        assert _race([tick(db, ids[1]), tick(other, ids[2])]) == ["ticked", "ticked"]
        assert _race([tick(db, ids[2]), tick(other, ids[2])]) == ["ticked", "ticked"]
        assert _race([mark(db), mark(other)]) == ["ticked", "ticked"]
    with db.session() as s:
        listed = attendance.event_list(s, event_id)
    assert sorted(a.person.id for a in listed) == sorted(ids)
    assert {a.status for a in listed} == {AttendanceStatus.ATTENDED}


def test_every_table_with_a_version_column_is_checked_by_the_orm() -> None:
    """A model that sets its own `__mapper_args__` must keep the mixin's version counter (people once lost it)."""
    from projektu_vadiba.core.models import Base

    unchecked = [
        m.local_table.name
        for m in Base.registry.mappers
        if "version" in m.local_table.c and m.version_id_col is not m.local_table.c.version
    ]
    assert unchecked == []
    assert len([m for m in Base.registry.mappers if m.version_id_col is not None]) >= 18
