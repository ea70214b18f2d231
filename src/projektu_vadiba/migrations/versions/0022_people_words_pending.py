"""people search (PostgreSQL): a bulk insert's people_words rows wait for the upkeep

- people_words_pending holds ranges of ids whose rows of people_words a bulk insert left for the upkeep
  (core.people_words: the insert trigger does so while the transaction's `projektu_vadiba.words_later` is 'on').
  The rows were 1.5-3.3 s of a 100,000-row import into a registry of 1,000,000.
- people_words_fill_pending(n) writes the rows of the pending people among n ids, a step of the upkeep
  (core.search_upkeep); searches leave people_words aside while a range is there (services.people_search).
SQLite: nothing.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 19:00:00
"""

from collections.abc import Sequence

from alembic import op

from projektu_vadiba.core import people_words

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(people_words.PENDING_TABLE)
    op.execute(people_words.FILL_PENDING)
    op.execute(people_words.INSERTED)
    op.execute(people_words.TRUNCATED)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(people_words.INSERTED_0019)
    op.execute(people_words.TRUNCATED_0019)
    # everyone's rows written before the ranges go
    op.execute("SELECT people_words_fill_pending(2000000000)")
    for ddl in people_words.PENDING_DROP:
        op.execute(ddl)
