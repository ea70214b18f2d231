"""PostgreSQL: the personal-data log lets go of a deleted person by a statement trigger instead of a foreign key

The foreign key fk_personal_data_log_person_id_people (ON DELETE SET NULL) checked each new log entry against
people with a row lock on the person (SELECT … FOR KEY SHARE): an import of 84,600 people into 1,000,000 spent
0.45-0.7 s of its 0.6-0.8 s of log entries on those checks, one per entry, since PostgreSQL 15 does not check a
statement's rows in bulk (0.22 s without them). What the key did for the app is its ON DELETE SET NULL: a deleted
person's entries stay, anonymous. A statement trigger on people with the deleted rows as a transition table now does
that, once per DELETE, SECURITY DEFINER as the key's action was (a team member who may delete a person has no
right to update the log).

Every log entry is written by the app for a person it has just read or written, in the same transaction; the
sequence never gives an id twice, so an entry whose person was deleted by a transaction that committed meanwhile
names nobody and can name nobody else. The row-level security of a team member's insert (core.team.policies) still
asks that the person is one they see. SQLite keeps the key: its check is a look-up of the primary key, without a
lock (0.06 s for 84,600 entries).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 21:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_personal_data_log_person_id_people"
_UNLINK = """
CREATE OR REPLACE FUNCTION personal_data_log_unlink() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE personal_data_log SET person_id = NULL WHERE person_id IN (SELECT id FROM old_people);
    RETURN NULL;
END
$$
"""
_TRIGGER = (
    "CREATE TRIGGER personal_data_log_unlink AFTER DELETE ON people REFERENCING OLD TABLE AS old_people "
    "FOR EACH STATEMENT EXECUTE FUNCTION personal_data_log_unlink()"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_UNLINK)
    op.execute(_TRIGGER)
    op.execute(f"ALTER TABLE personal_data_log DROP CONSTRAINT IF EXISTS {FK}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # An entry written for a person deleted meanwhile (see above) names nobody: the key would refuse it.
    op.execute(
        "UPDATE personal_data_log l SET person_id = NULL WHERE person_id IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = l.person_id)"
    )
    op.execute(
        f"ALTER TABLE personal_data_log ADD CONSTRAINT {FK} FOREIGN KEY (person_id) REFERENCES people (id) "
        "ON DELETE SET NULL"
    )
    op.execute("DROP TRIGGER IF EXISTS personal_data_log_unlink ON people")
    op.execute("DROP FUNCTION IF EXISTS personal_data_log_unlink()")
