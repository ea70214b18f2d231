"""people: derived keys (name, phone, Latvian sort order) and a full-text index for as-you-type search

SQLite: an external-content FTS5 table over people.search_text (unicode61, diacritics removed, prefix indexes for
1-3 letters), kept in sync by triggers, so every writer (services, bundle import) keeps it right without knowing it
exists; the bulk import pauses the insert trigger and indexes its rows in one statement.
PostgreSQL: a GIN index on to_tsvector('simple', search_text); built in, no extension, no superuser.

A later migration that rebuilds `people` in batch mode on SQLite drops these triggers with the old table:
it must run SQLITE_TRIGGERS again afterwards (tests/core/test_people_search.py checks they exist at head).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS people_fts USING fts5("
    "search_text, content='people', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
)
# A bulk import puts a row here inside its transaction, inserts thousands of people without the per-row trigger,
# indexes them with one INSERT … SELECT and removes the row again (about twice as fast; see docs/people.md).
SQLITE_PAUSE = "CREATE TABLE IF NOT EXISTS people_fts_pause (id INTEGER PRIMARY KEY)"
SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS people_fts_ai AFTER INSERT ON people "
    "WHEN NOT EXISTS (SELECT 1 FROM people_fts_pause) BEGIN "
    "INSERT INTO people_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_fts_ad AFTER DELETE ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_fts_au AFTER UPDATE OF search_text ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO people_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)
PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_people_search_tsv ON people "
    "USING gin (to_tsvector('simple'::regconfig, search_text))"
)


def _backfill() -> None:
    # Imported here: the key functions are plain Python; existing rows get the same keys new rows get.
    from projektu_vadiba.core.person_keys import name_key, phone_key, search_text, sort_key

    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT p.id, p.given_name, p.surname, p.email, p.phone, p.municipality, o.name "
            "FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id"
        )
    ).all()
    if not rows:
        return
    params = [
        {
            "id": pid,
            "st": search_text(given, surname, email, org or "", municipality),
            "nk": name_key(given, surname),
            "pk": phone_key(phone),
            "sk": sort_key(surname, given),
        }
        for pid, given, surname, email, phone, municipality, org in rows
    ]
    bind.execute(
        sa.text("UPDATE people SET search_text = :st, name_key = :nk, phone_key = :pk, sort_key = :sk WHERE id = :id"),
        params,
    )


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=200), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("phone_key", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("sort_key", sa.String(length=400), nullable=False, server_default=""))
    _backfill()
    with op.batch_alter_table("people", schema=None) as batch_op:
        for name in ("name_key", "phone_key", "sort_key"):
            batch_op.alter_column(name, server_default=None)
        batch_op.create_index(batch_op.f("ix_people_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_phone_key"), ["phone_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_sort_key"), ["sort_key"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_FTS)
        op.execute(SQLITE_PAUSE)
        for ddl in SQLITE_TRIGGERS:
            op.execute(ddl)
        op.execute("INSERT INTO people_fts(people_fts) VALUES ('rebuild')")
    else:
        op.execute(PG_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("people_fts_ai", "people_fts_ad", "people_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS people_fts")
        op.execute("DROP TABLE IF EXISTS people_fts_pause")
    else:
        op.execute("DROP INDEX IF EXISTS ix_people_search_tsv")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_sort_key"))
        batch_op.drop_index(batch_op.f("ix_people_phone_key"))
        batch_op.drop_index(batch_op.f("ix_people_name_key"))
        batch_op.drop_column("sort_key")
        batch_op.drop_column("phone_key")
        batch_op.drop_column("name_key")
