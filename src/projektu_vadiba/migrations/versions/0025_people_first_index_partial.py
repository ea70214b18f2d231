"""PostgreSQL: the covering index of the first people in Latvian order holds only the first people

ix_people_sort_search (0016: sort_key, id, search_text) is read only from its start: the first 2,000 people in
Latvian order for a page of one-letter or common words, the first 10,000 for a capped count. Indexing everyone
made it the largest index on people (188 MB of 1,000,000 people) and the dearest to keep up: each new person's
entry lands anywhere in it, 0.5-0.7 s of a 100,000-row import's COPY into 1,000,000 and a third of its write-ahead
log. A registry of 80,000 people or more now indexes only those who sort before the 40,001st person's sort key
(core.people_first, where the upkeep decides again as the registry changes); a smaller one keeps the whole index.
The searches give the same pages either way. SQLite has no such index since 0017.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-08 01:00:00
"""

from collections.abc import Sequence

from alembic import op

from projektu_vadiba.core import people_first

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    key = people_first.decide(bind)
    if key is not None:
        people_first.build(bind, key)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and people_first.threshold(bind) is not None:
        people_first.build(bind, None)  # everyone again, as 0016 made it
