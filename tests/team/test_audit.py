"""The audit log, written by the database's triggers: every change of a run made through the services as different
users, with personal data as field names only; read per project and filtered; exported to XLSX."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import ProgrammingError

from projektu_vadiba.core.dto import ExpenseInput, PersonInput
from projektu_vadiba.core.models import AttendanceStatus, AuditEntry
from projektu_vadiba.core.services import activities, attendance, finance, people, projects
from projektu_vadiba.core.team import users
from projektu_vadiba.core.team.audit import AuditFilter, AuditRow, read_log
from projektu_vadiba.core.team.audit_export import HEADER, PERSONAL, write_xlsx
from tests.core.factories import project_input
from tests.team.conftest import Team, event_input

SECRET = ("Kalniņš", "peteris@example.lv", "+371 2000 0001", "1987", "alerģija pret riekstiem")


@dataclass(frozen=True)
class Run:
    first_id: int  # the first audit entry of the run
    event: int
    person: int
    attendance: int
    expense: int


@pytest.fixture(scope="module")
def run(team: Team) -> Run:
    """One working session of a team: staff, accountant, manager and administrator each change something."""
    server = team.server
    admin = server.open_as(server.admin)
    with admin.session() as s:
        first = (s.scalar(select(func.max(AuditEntry.id))) or 0) + 1
    staff = server.open_as(team.user("staff"))
    with staff.session() as s:
        event = activities.create_event(s, team.project_a, event_input("Darbnīca jauniešiem"))
        data = PersonInput("Pēteris", "Kalniņš", email="peteris@example.lv", phone="+371 2000 0001", birth_year=1987,
                           notes="alerģija pret riekstiem")  # fmt: skip
        person = people.create_person(s, data)
        entry = attendance.register(s, event.id, person.id)
    with staff.session() as s:
        activities.update_event(s, event.id, replace(event_input("Darbnīca jauniešiem"), title="Darbnīca vecākiem"))
        attendance.set_status(s, [entry.id], AttendanceStatus.ATTENDED)
        people.update_person(s, person.id, replace(data, surname="Kalniņš-Ozola"))
    staff.close()
    accountant = server.open_as(team.user("accountant"))
    with accountant.session() as s:
        expense = finance.add_expense(s, team.project_a, ExpenseInput(date=date(2023, 6, 1), amount=Decimal("9.99")))
    accountant.close()
    manager = server.open_as(team.user("manager"))
    with manager.session() as s:
        detail = projects.get_project(s, team.project_a)
        projects.update_project(s, team.project_a, project_input(number=detail.number, title="Jauns nosaukums"))
    manager.close()
    with admin.session() as s:
        users.set_membership(s, team.user("viewer"), team.project_b, "viewer")
    admin.close()
    return Run(first, event.id, person.id, entry.id, expense.id)


def _log(team: Team, user: str, wanted: AuditFilter | None = None) -> list[AuditRow]:
    db = team.server.open_as(user)
    try:
        with db.session() as s:
            return read_log(s, wanted or AuditFilter())
    finally:
        db.close()


def _entry(rows: list[AuditRow], table: str, row_id: int, operation: str) -> AuditRow:
    found = [r for r in rows if r.table == table and r.row_id == str(row_id) and r.operation == operation]
    assert len(found) >= 1, (table, row_id, operation)
    return found[0]


def test_every_change_of_the_run_is_logged_under_its_user(team: Team, run: Run) -> None:
    rows = [r for r in _log(team, team.server.admin) if r.id >= run.first_id]
    staff, accountant, manager = team.user("staff"), team.user("accountant"), team.user("manager")
    expected = [
        ("events", run.event, "INSERT", staff),
        ("people", run.person, "INSERT", staff),
        ("attendance", run.attendance, "INSERT", staff),
        ("events", run.event, "UPDATE", staff),
        ("attendance", run.attendance, "UPDATE", staff),
        ("people", run.person, "UPDATE", staff),
        ("expenses", run.expense, "INSERT", accountant),
        ("projects", team.project_a, "UPDATE", manager),
    ]
    for table, row_id, operation, user in expected:
        assert _entry(rows, table, row_id, operation).user == user
    title = _entry(rows, "events", run.event, "UPDATE").changes
    assert [(c.field, c.old, c.new) for c in title if c.field == "title"] == [
        ("title", "Darbnīca jauniešiem", "Darbnīca vecākiem")
    ]
    status = {c.field: (c.old, c.new) for c in _entry(rows, "attendance", run.attendance, "UPDATE").changes}
    assert status["status"] == ("registered", "attended")
    assert _entry(rows, "expenses", run.expense, "INSERT").project_id == team.project_a
    assert _entry(rows, "attendance", run.attendance, "INSERT").project_id == team.project_a
    membership = [r for r in rows if r.table == "team_members" and r.operation == "INSERT"]
    assert [r.user for r in membership] == [team.server.admin]
    # one use case, one transaction: the staff member's first session is one transaction id
    first_session = {_entry(rows, t, i, "INSERT").transaction_id for t, i in
                     (("events", run.event), ("people", run.person), ("attendance", run.attendance))}  # fmt: skip
    assert len(first_session) == 1


def test_personal_data_is_logged_as_field_names_only(team: Team, run: Run) -> None:
    rows = [r for r in _log(team, team.server.admin) if r.id >= run.first_id]
    inserted = {c.field: c for c in _entry(rows, "people", run.person, "INSERT").changes}
    for field in ("given_name", "surname", "email", "phone", "birth_year", "notes", "name_key", "search_text"):
        assert inserted[field].personal and inserted[field].old is None and inserted[field].new is None, field
    assert not inserted["id"].personal and inserted["id"].new == run.person
    updated = {c.field for c in _entry(rows, "people", run.person, "UPDATE").changes}
    assert "surname" in updated and "email" not in updated  # what changed, by name
    # Nowhere in the stored log (all tables, the raw JSON) is any of the person's values.
    admin = team.server.open_as(team.server.admin)
    try:
        with admin.session() as s:
            stored = s.execute(text("SELECT changes::text FROM audit_log WHERE id >= :i"), {"i": run.first_id})
            raw = "\n".join(row[0] for row in stored)
    finally:
        admin.close()
    for value in SECRET:
        assert json.dumps(value)[1:-1] not in raw and value not in raw, value


def test_the_log_is_read_per_project_and_filtered(team: Team, run: Run) -> None:
    admin_rows = _log(team, team.server.admin, AuditFilter(project_id=team.project_a))
    assert {r.project_id for r in admin_rows} <= {team.project_a, None}
    assert any(r.table == "people" and r.row_id == str(run.person) for r in admin_rows)  # a participant's changes
    only_staff = _log(team, team.server.admin, AuditFilter(project_id=team.project_a, user=team.user("staff")))
    assert only_staff and {r.user for r in only_staff} == {team.user("staff")}
    only_events = _log(team, team.server.admin, AuditFilter(table="events", user=team.user("staff")))
    assert {r.table for r in only_events} == {"events"} and len(only_events) == 2
    today = date.today()
    assert _log(team, team.server.admin, AuditFilter(start=today - timedelta(days=1), end=today + timedelta(days=1)))
    assert _log(team, team.server.admin, AuditFilter(end=today - timedelta(days=2))) == []
    # A manager reads their project's entries and no other project's; staff may not read the log at all.
    managed = _log(team, team.user("manager"))
    assert managed and {r.project_id for r in managed} == {team.project_a}
    with pytest.raises(ProgrammingError, match="permission denied"):
        _log(team, team.user("staff"))


def test_no_client_can_write_or_rewrite_the_log(team: Team, run: Run) -> None:
    for role in ("staff", "manager"):
        db = team.server.open_as(team.user(role))
        try:
            for sql in (
                "INSERT INTO audit_log (db_user, table_name, row_id, operation, changes)"
                " VALUES ('x', 'x', '1', 'X', '{}')",
                f"DELETE FROM audit_log WHERE id >= {run.first_id}",
                f"UPDATE audit_log SET db_user = 'x' WHERE id >= {run.first_id}",
            ):
                with pytest.raises(ProgrammingError, match="permission denied"), db.session() as s:
                    s.execute(text(sql))
        finally:
            db.close()


def test_xlsx_export_opens_with_the_runs_rows(team: Team, run: Run, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = _log(team, team.server.admin, AuditFilter(project_id=team.project_a))
    path = tmp_path / "audits.xlsx"
    count = write_xlsx(rows, path)
    sheet = load_workbook(path, read_only=True).active
    assert sheet is not None
    lines = [tuple(c for c in line) for line in sheet.iter_rows(values_only=True)]
    assert lines[0] == HEADER and len(lines) == count + 1
    assert any(line[6] == "title" and line[7] == "Darbnīca jauniešiem" and line[8] == "Darbnīca vecākiem"
               for line in lines)  # fmt: skip
    assert any(line[3] == str(run.person) and line[6] == "surname" and line[7] == PERSONAL for line in lines)
    cells = "\n".join(str(c) for line in lines for c in line)
    for value in SECRET:
        assert value not in cells
