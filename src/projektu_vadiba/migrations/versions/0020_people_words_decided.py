"""people search (PostgreSQL): people_words_common decided again as the registry grows

people_words_decided holds the registry's size when people_words_common was last decided. Migration 0019 decided
it once, on the registry of its day: a database created empty and filled later stored every prefix (twice the rows
at 1,000,000 people). The upkeep after a bulk insert and at start decides again once the registry has doubled
(core.people_words_common). Set here to today's registry when 0019 found common prefixes, else 0 (decided at the
first upkeep with a registry large enough). SQLite: nothing.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 18:00:00
"""

from collections.abc import Sequence

from alembic import op

from projektu_vadiba.core import people_words

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for ddl in people_words.DECIDED:
        op.execute(ddl)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS people_words_decided")
