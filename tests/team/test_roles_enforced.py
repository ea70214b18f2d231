"""Users and roles enforced by PostgreSQL itself: raw connections of each role, and the app's services as them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from projektu_vadiba.core.dto import ExpenseInput, PersonInput
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.services import activities, attendance, finance, people
from projektu_vadiba.core.team.access import my_access
from tests.team.conftest import Team, event_input


@pytest.fixture
def raw(team: Team) -> Iterator[object]:
    """A plain connection as a user, as psql would have: no app in between."""
    engines = []

    def connect(role: str):  # type: ignore[no-untyped-def]
        engine = create_engine(team.server.url_as(team.user(role)))
        engines.append(engine)
        return engine.connect()

    yield connect
    for engine in engines:
        engine.dispose()


def _denied(conn, sql: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ProgrammingError) as caught:
        conn.execute(text(sql))
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value  # insufficient_privilege
    conn.rollback()


def test_staff_raw_session_is_refused_money_and_other_projects(team: Team, raw) -> None:  # type: ignore[no-untyped-def]
    with raw("staff") as conn:
        # The money of their own project too: no row (the admin sees a budget line and an expense per project).
        for table in ("budget_lines", "budget_amounts", "expenses", "payments", "cofinancing"):
            assert conn.execute(text(f"SELECT * FROM {table}")).all() == [], table
        _denied(conn, f"UPDATE expenses SET amount = 0 WHERE project_id = {team.project_a}")
        _denied(conn, f"INSERT INTO payments (project_id, kind, received_on, amount, note) VALUES ({team.project_a},"
                " 'advance', now(), 1, '')")  # fmt: skip
        assert conn.execute(text("SELECT id FROM projects")).scalars().all() == [team.project_a]
        assert conn.execute(text("SELECT id FROM events")).scalars().all() == [team.event_a]
        assert conn.execute(text("SELECT id FROM people")).scalars().all() == [team.person_a]
        assert conn.execute(text("SELECT count(*) FROM people WHERE surname = 'Bērziņa'")).scalar() == 0
        assert conn.execute(text("SELECT DISTINCT event_id FROM attendance")).scalars().all() == [team.event_a]
        _denied(conn, "SELECT * FROM audit_log")  # only managers and administrators read the audit


def test_staff_cannot_write_into_another_project_nor_list_a_hidden_person(team: Team, raw) -> None:  # type: ignore[no-untyped-def]
    with raw("staff") as conn:
        with pytest.raises(ProgrammingError, match="row-level security"):
            conn.execute(
                text("INSERT INTO events (project_id, title, type, starts_at, ends_at, place, address, municipality,"
                     " online, online_link, unlisted_count, description, created_at, updated_at) VALUES"
                     " (:p, 'X', 'meeting', now(), now(), '', '', '', false, '', 0, '', now(), now())"),
                {"p": team.project_b},
            )  # fmt: skip
        conn.rollback()
        with pytest.raises(ProgrammingError, match="row-level security"):  # a person id guessed from project B
            conn.execute(
                text("INSERT INTO attendance (event_id, person_id, status, role, no_photos, note, days)"
                     " VALUES (:e, :p, 'registered', 'participant', false, '', '')"),
                {"e": team.event_a, "p": team.person_b},
            )  # fmt: skip
        conn.rollback()
        assert conn.execute(text("UPDATE events SET title = 'X' WHERE id = :e"), {"e": team.event_b}).rowcount == 0
        conn.rollback()


def test_the_money_is_there_for_the_others(team: Team, raw) -> None:  # type: ignore[no-untyped-def]
    with raw("accountant") as conn:
        assert conn.execute(text("SELECT DISTINCT project_id FROM expenses")).scalars().all() == [team.project_a]
        assert conn.execute(text("SELECT count(*) FROM budget_amounts")).scalar() == 1
    with raw("staff_b") as conn:
        assert conn.execute(text("SELECT count(*) FROM expenses")).scalar() == 0


def test_viewer_reads_but_cannot_write(team: Team, raw) -> None:  # type: ignore[no-untyped-def]
    with raw("viewer") as conn:
        assert conn.execute(text("SELECT count(*) FROM expenses")).scalar() == 1  # their project's money
        _denied(conn, f"UPDATE events SET title = 'X' WHERE id = {team.event_a}")
        _denied(conn, f"DELETE FROM attendance WHERE event_id = {team.event_a}")
        _denied(conn, f"UPDATE projects SET title = 'X' WHERE id = {team.project_a}")
        _denied(conn, "INSERT INTO team_members (project_id, role_name, project_role) VALUES (1, 'x', 'manager')")


def test_accountant_writes_money_of_their_project_only(team: Team) -> None:
    db = team.server.open_as(team.user("accountant"))
    try:
        with db.session() as s:
            added = finance.add_expense(s, team.project_a, ExpenseInput(date=date(2023, 6, 1), amount=Decimal("3.00")))
            assert {e.id for e in finance.list_expenses(s, team.project_b)} == set()
        with pytest.raises(NotFoundError), db.session() as s:  # project B is not there for them at all
            finance.add_expense(s, team.project_b, ExpenseInput(date=date(2023, 6, 1), amount=Decimal("3.00")))
        with pytest.raises(DBAPIError, match="permission denied"), db.session() as s:
            activities.create_event(s, team.project_a, event_input("Grāmatveža pasākums"))
        with db.session() as s:
            finance.delete_expense(s, added.id)
    finally:
        db.close()


def test_staff_works_through_the_services_on_their_project(team: Team) -> None:
    db = team.server.open_as(team.user("staff"))
    try:
        with db.session() as s:
            event = activities.create_event(s, team.project_a, event_input("Darbnīca"))
            person = people.create_person(s, PersonInput("Pēteris", "Kalniņš"))
            attendance.register(s, event.id, person.id)
            # The new person is theirs before and after being listed; nobody else's project sees him.
            assert [p.surname for p in people.search_people(s, "kalni")] == ["Kalniņš"]
            activities.delete_event(s, event.id)
            assert [p.surname for p in people.search_people(s, "kalni")] == ["Kalniņš"]
    finally:
        db.close()
    other = team.server.open_as(team.user("staff_b"))
    try:
        with other.session() as s:
            assert people.search_people(s, "kalni") == []
    finally:
        other.close()


def test_my_access_follows_the_same_rules(team: Team) -> None:
    expected = {
        "manager": (True, True, True, True),
        "accountant": (True, True, False, False),
        "staff": (False, False, True, False),
        "viewer": (True, False, False, False),
    }
    for role, (sees_money, edits_money, edits_events, manages) in expected.items():
        db = team.server.open_as(team.user(role))
        try:
            with db.session() as s:
                access = my_access(s)
        finally:
            db.close()
        assert access.team and not access.is_admin and access.user == team.user(role)
        assert access.role_in(team.project_a) == role and access.role_in(team.project_b) is None
        got = (access.sees_finance(team.project_a), access.edits_finance(team.project_a),
               access.edits_events(team.project_a), access.manages(team.project_a))  # fmt: skip
        assert got == (sees_money, edits_money, edits_events, manages), role
    admin = team.server.open_as(team.server.admin)
    try:
        with admin.session() as s:
            assert my_access(s).is_admin and my_access(s).manages(team.project_b)
    finally:
        admin.close()


def test_staff_imports_a_participant_list_into_their_event(team: Team, tmp_path: Path) -> None:
    """The bulk path (COPY for one person) goes through plain INSERTs where row-level security applies."""
    from projektu_vadiba.core.imports import apply_plan, build_plan, read_table

    path = tmp_path / "saraksts.csv"
    path.write_text("Vārds;Uzvārds;E-pasts\nAnna;Liepiņa;anna@example.lv\nOskars;Zariņš;oskars@example.lv\n")
    db = team.server.open_as(team.user("staff"))
    try:
        with db.session() as s:
            plan = build_plan(s, read_table(path), event_id=team.event_a)
            result = apply_plan(s, plan)
        with db.session() as s:
            listed = {a.person.surname for a in attendance.event_list(s, team.event_a)}
    finally:
        db.close()
    assert result.created == 2 and {"Liepiņa", "Zariņš"} <= listed
    other = team.server.open_as(team.user("staff_b"))
    try:
        with other.session() as s:
            assert people.search_people(s, "liepi") == []
    finally:
        other.close()
