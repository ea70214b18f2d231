"""people: the duplicate check's look-ups served by indexes instead of a pass over the registry

- ix_people_dup_email on the e-mail as SQL folds it to lower case, ASCII letters only (SQLite's lower();
  PostgreSQL's lower() under the "C" collation). Every e-mail of printable ASCII without spaces (nearly all) is
  found by its key through it: an import's look-up reads the people who may match instead of everyone, and a
  form's e-mail check no longer scans the table.
- ix_people_dup_email_odd: the few people whose e-mail has anything else (a space, a letter beyond ASCII), whose key
  SQL cannot fold as Python does (services/duplicates.py); they are read with the indexed ones and compared in
  Python.
- ix_people_dup_name: name_key of the people without an e-mail or without a phone. A namesake who has both matches
  a row only through them when the row has both (services/duplicates.py), so an import whose rows have contacts
  reads these namesakes only, not every person of a common name (at 1,000,000 people ~110 a row).
Not model indexes (core.migrations.UNMODELLED_PREFIXES): their expressions differ between the back-ends.

PostgreSQL: 0014's change notice for `people` is sent once per statement instead of once per row. Its payload
never depended on the row (a person belongs to no project: p is null), and PostgreSQL merges a transaction's
identical notices into one, so listeners get the same notices; a statement that changed no row sends none, as
before (its transition table is empty). Per row, the notice cost an import of 84,600 people ~30 % of its insert.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06 03:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "CREATE INDEX IF NOT EXISTS ix_people_dup_name ON people (name_key) WHERE email = '' OR phone_key = ''"
# The same expressions as the queries in services/duplicates.py: a planner uses an index only for its own text.
_SQLITE = (
    "CREATE INDEX IF NOT EXISTS ix_people_dup_email ON people (lower(email))",
    "CREATE INDEX IF NOT EXISTS ix_people_dup_email_odd ON people (id) WHERE email GLOB '*[^!-~]*'",
    _NAME,
)
_POSTGRESQL = (
    'CREATE INDEX IF NOT EXISTS ix_people_dup_email ON people (lower(email COLLATE "C"))',
    "CREATE INDEX IF NOT EXISTS ix_people_dup_email_odd ON people (id) WHERE email COLLATE \"C\" ~ '[^!-~]'",
    _NAME,
)


# The payload of 0014's pv_notify_change() for a table without a project column, once per statement that changed
# a row. Transition tables need a trigger per event.
_NOTIFY_STATEMENT = """
CREATE OR REPLACE FUNCTION pv_notify_statement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed_rows) THEN
        PERFORM pg_notify('pv_changes', json_build_object(
            't', TG_TABLE_NAME, 'p', NULL::bigint, 'c', current_setting('pv.client', true), 'x', txid_current())::text);
    END IF;
    RETURN NULL;
END
$$
"""
_STATEMENT_TRIGGERS = (
    ("pv_notify_people", "INSERT", "NEW"),
    ("pv_notify_people_update", "UPDATE", "NEW"),
    ("pv_notify_people_delete", "DELETE", "OLD"),
)


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in _POSTGRESQL if postgresql else _SQLITE:
        op.execute(statement)
    if postgresql:
        op.execute(_NOTIFY_STATEMENT)
        op.execute("DROP TRIGGER IF EXISTS pv_notify_people ON people")
        for name, event, table in _STATEMENT_TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON people REFERENCING {table} TABLE AS changed_rows "
                "FOR EACH STATEMENT EXECUTE FUNCTION pv_notify_statement()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, _event, _table in _STATEMENT_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON people")
        op.execute("DROP FUNCTION IF EXISTS pv_notify_statement()")
        op.execute(
            "CREATE TRIGGER pv_notify_people AFTER INSERT OR UPDATE OR DELETE ON people "
            "FOR EACH ROW EXECUTE FUNCTION pv_notify_change()"
        )
    op.execute("DROP INDEX IF EXISTS ix_people_dup_name")
    op.execute("DROP INDEX IF EXISTS ix_people_dup_email_odd")
    op.execute("DROP INDEX IF EXISTS ix_people_dup_email")
