"""Team mode, part one: a `version` on every row two people may edit (existing rows start at 1), and on PostgreSQL
triggers that NOTIFY the channel `pv_changes` with the table and the project after each committed change, so other
users' open views refresh (core/live_changes.py). SQLite (one user) gets the columns only.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table a user edits row by row (core/models: the `Versioned` mixin).
VERSIONED = (
    "activities",
    "attendance",
    "budget_amounts",
    "budget_lines",
    "cofinancing",
    "events",
    "expenses",
    "funders",
    "indicators",
    "organisations",
    "payments",
    "people",
    "programmes",
    "project_partners",
    "project_target_groups",
    "project_texts",
    "projects",
    "report_deadlines",
)
# Other tables whose changes an open view shows (documents, printed sheets, scans).
NOTIFIED = (*VERSIONED, "attachments", "print_pages", "scan_applies")

CHANNEL = "pv_changes"

# The payload is small JSON: t = table, p = project id (null for shared records: people, organisations),
# c = the writing app's client id (an app skips its own changes), x = transaction id (identical notices of one
# transaction are merged by PostgreSQL into one). SECURITY DEFINER: the project of an attendance row is found
# even where row-level security hides the event from the writer; only its id leaves the function.
NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION pv_notify_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    r jsonb;
    pid bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
    IF TG_TABLE_NAME = 'projects' THEN
        pid := (r->>'id')::bigint;
    ELSIF TG_TABLE_NAME = 'attendance' THEN
        SELECT project_id INTO pid FROM events WHERE id = (r->>'event_id')::bigint;
    ELSIF TG_TABLE_NAME = 'budget_amounts' THEN
        SELECT project_id INTO pid FROM budget_lines WHERE id = (r->>'line_id')::bigint;
    ELSE
        pid := (r->>'project_id')::bigint;
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        't', TG_TABLE_NAME, 'p', pid, 'c', current_setting('pv.client', true), 'x', txid_current())::text);
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    # Plain ADD / DROP COLUMN on both back-ends (SQLite 3.35+): a batch rebuild of `people` would drop its FTS triggers.
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(NOTIFY_FUNCTION)
    for table in NOTIFIED:
        op.execute(
            f"CREATE TRIGGER pv_notify_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION pv_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFIED:
            op.execute(f"DROP TRIGGER IF EXISTS pv_notify_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS pv_notify_change()")
    for table in VERSIONED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
