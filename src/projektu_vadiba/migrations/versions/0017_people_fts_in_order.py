"""people search (SQLite): the full-text index numbers its rows in Latvian order (core.people_order)

- people_fts is made again contentless, its rowid `bucket << 32 | id` (people_fts_buckets cuts the registry into
  runs of 16 people in Latvian order), so a search reads its matches in that order and stops after one page
  instead of walking ix_people_sort_search from the first person (a surname's people came after ~70,000 entries
  in a registry of 1,000,000). The triggers are made again with the rowid; same tokenizer and prefix indexes.
- ix_people_sort_search (0016) is dropped on SQLite: nothing walks it there any more, and every insert paid for it.
  PostgreSQL: nothing (it keeps the index for its first-people look).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 03:00:00
"""

from collections.abc import Sequence

from alembic import op

from projektu_vadiba.core import people_order

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TRIGGERS = ("people_fts_ai", "people_fts_ad", "people_fts_au")
# 0016's table and 0002's triggers, for the way back.
_OLD_FTS = (
    "CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content='people', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4')"
)
_OLD_TRIGGERS = (
    "CREATE TRIGGER people_fts_ai AFTER INSERT ON people "
    "WHEN NOT EXISTS (SELECT 1 FROM people_fts_pause) BEGIN "
    "INSERT INTO people_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER people_fts_ad AFTER DELETE ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER people_fts_au AFTER UPDATE OF search_text ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO people_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)


def _drop_fts() -> None:
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS people_fts")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_fts()
    op.execute("DROP INDEX IF EXISTS ix_people_sort_search")
    op.execute(people_order.BUCKETS_TABLE)
    op.execute(people_order.FTS_TABLE)
    people_order.rebuild(op.get_bind())
    for ddl in people_order.TRIGGERS_0017:
        op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop_fts()
    op.execute("DROP TABLE IF EXISTS people_fts_buckets")
    op.execute(_OLD_FTS)
    op.execute("INSERT INTO people_fts(people_fts) VALUES ('rebuild')")
    for ddl in _OLD_TRIGGERS:
        op.execute(ddl)
    op.execute("CREATE INDEX IF NOT EXISTS ix_people_sort_search ON people (sort_key, id, search_text)")
