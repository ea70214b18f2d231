"""people search: an index on (sort_key, id, search_text), and (SQLite) a four-letter prefix index in people_fts

- people_fts gets prefix='1 2 3 4'. A query word of four or more letters had no prefix index of its own: FTS5
  merged the entries of every word that starts with it, and in a registry every e-mail gives a word of its own
  ('berzins1234'), so 'berz' merged about 3,000 words in a registry of 100,000 people and 30,000 in one of
  1,000,000 (0.65 ms and 6.5 ms before the first match). The table is made again with the new option and rebuilt
  from people.search_text (0.5 s for 100,000 people); the triggers of 0002 name the table and stay.
- ix_people_sort_search on (sort_key, id, search_text), both back-ends: a broad query ('b': 15 % of everyone) walks
  it in Latvian order and tests its words with LIKE in the index itself, stopping after one page, instead of
  collecting every match from FTS5 or GIN first (services/people_search.py). Not a model index
  (core.migrations.UNMODELLED_PREFIXES), like the other search structures.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 00:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FTS = (
    "CREATE VIRTUAL TABLE people_fts USING fts5(search_text, content='people', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2', prefix='{prefix}')"
)


def _remake_fts(prefix: str) -> None:
    op.execute("DROP TABLE IF EXISTS people_fts")
    op.execute(_FTS.format(prefix=prefix))
    op.execute("INSERT INTO people_fts(people_fts) VALUES ('rebuild')")


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_people_sort_search ON people (sort_key, id, search_text)")
    if op.get_bind().dialect.name == "sqlite":
        _remake_fts("1 2 3 4")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_people_sort_search")
    if op.get_bind().dialect.name == "sqlite":
        _remake_fts("1 2 3")
