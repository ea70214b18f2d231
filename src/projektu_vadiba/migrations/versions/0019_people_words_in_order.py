"""people search (PostgreSQL): people_words, the people's words by two-letter prefix in Latvian order

A row per person and two-letter prefix of their words (a one-letter word is its own prefix): (prefix, sort_key, id,
words), `words` the person's words with that prefix joined by spaces, in a btree on (prefix, sort_key, id) that
includes `words`. A query word of two letters or more walks its prefix's entries in Latvian order and tests the word
with LIKE in the index itself, stopping after one page: 'be' read every entry of every 'be…' word from GIN (32,788
in a registry of 1,000,000) and then ~21,000 heap pages for the sort keys (services/people_search.py). Prefixes
that a fifth of a registry of 10,000+ holds are listed in people_words_common and not stored. Filled by
statement triggers with transition tables (one INSERT … SELECT per statement, COPY too), SECURITY DEFINER so that a
team member's insert fills it. SQLite: nothing (its full-text index is in order since 0017).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 03:40:00
"""

from collections.abc import Sequence

from alembic import op

from projektu_vadiba.core import people_words

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for ddl in people_words.DDL:
        op.execute(ddl)
    op.execute(people_words.FILL)
    op.execute(people_words.INDEX)
    for ddl in people_words.TRIGGERS:
        op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for ddl in people_words.DROP:
        op.execute(ddl)
