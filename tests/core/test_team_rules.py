"""The team rules cover every table, and on a one-person database (SQLite, plain PostgreSQL) roles are off."""

from __future__ import annotations

from sqlalchemy import text

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.models import Base, Person
from projektu_vadiba.core.services import people
from projektu_vadiba.core.team.access import my_access
from projektu_vadiba.core.team.audit import AuditFilter, read_log
from projektu_vadiba.core.team.audit_triggers import HIDDEN, PROJECT_OF, SHOWN
from projektu_vadiba.core.team.policies import CAPABILITIES, RULES
from projektu_vadiba.core.team.roles import Groups, scram_verifier


def test_every_table_has_a_rule_and_every_rule_a_table() -> None:
    tables = {*Base.metadata.tables, "alembic_version"}
    assert set(RULES) == tables, "give a new table its rule in core/team/policies.py (who reads, who writes)"
    for table, rule in RULES.items():
        assert rule.read in CAPABILITIES and (rule.write is None or rule.write in CAPABILITIES), table
    for table in {*PROJECT_OF, *HIDDEN, *SHOWN}:
        assert table in tables
    for table, columns in {**HIDDEN, **SHOWN}.items():
        assert set(columns) <= set(Base.metadata.tables[table].columns.keys()), table


def test_staff_never_gets_the_money() -> None:
    money = ("budget_lines", "budget_amounts", "expenses", "payments", "cofinancing")
    for table in money:
        rule = RULES[table]
        assert "staff" not in CAPABILITIES[rule.read] and (
            rule.write is None or "staff" not in CAPABILITIES[rule.write]
        )


def test_roles_are_off_on_a_one_person_database(db: Database) -> None:
    with db.session() as s:
        access = my_access(s)
        person = people.create_person(s, PersonInput("Ilze", "Ābele"))
    assert not access.team and access.is_admin and access.sees_finance(12345) and access.role_in(1) == "admin"
    with db.session() as s:
        assert read_log(s, AuditFilter(project_id=1)) == []  # no triggers without team mode
        assert s.get_one(Person, person.id).created_by == ""
        assert s.execute(text("SELECT count(*) FROM team_members")).scalar() == 0


def test_group_names_and_the_password_verifier() -> None:
    assert Groups("pv_").all == ("pv_admin", "pv_manager", "pv_accountant", "pv_staff", "pv_viewer")
    first, second = scram_verifier("parole-123"), scram_verifier("parole-123")
    assert first.startswith("SCRAM-SHA-256$4096:") and first != second  # a fresh salt each time
    assert "parole" not in first


def _migrate(db: Database, step: str, revision: str) -> None:
    from alembic import command

    from projektu_vadiba.core import migrations

    cfg = migrations.alembic_config(db.engine)
    with db.engine.connect() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, step)(cfg, revision)


def test_0015_adds_the_team_tables_and_keeps_the_people(db: Database) -> None:
    from sqlalchemy import inspect

    with db.session() as s:
        person = people.create_person(s, PersonInput("Ilze", "Ābele"))
    try:
        _migrate(db, "downgrade", "0014")
        with db.engine.connect() as conn:
            assert not {"team_users", "team_members", "audit_log"} & set(inspect(conn).get_table_names())
            assert "created_by" not in {c["name"] for c in inspect(conn).get_columns("people")}
    finally:
        _migrate(db, "upgrade", "head")  # the PostgreSQL database is shared by the tests that follow
    with db.session() as s:
        assert s.get_one(Person, person.id).created_by == ""
        assert [p.surname for p in people.search_people(s, "abele")] == ["Ābele"]  # the search triggers survived
