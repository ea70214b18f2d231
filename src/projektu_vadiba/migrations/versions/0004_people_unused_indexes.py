"""people: drop two indexes that no query uses, so that every insert (a 10,000-row import most of all) stops
paying for them

- ix_people_search_text: search goes through the SQLite FTS5 table and the PostgreSQL GIN index on
  to_tsvector(search_text) (migration 0002); a B-tree on the whole text serves neither.
- ix_people_email: e-mails are matched case-blind (lower(email), or e-mail keys compared in Python), which a
  B-tree on the stored text cannot serve; the queries that read e-mails scan the table (EXPLAIN on both back-ends).

Dropping an index needs no table rebuild, so the SQLite search triggers of 0002 stay in place.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 19:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_search_text"))
        batch_op.drop_index(batch_op.f("ix_people_email"))


def downgrade() -> None:
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_search_text"), ["search_text"], unique=False)
