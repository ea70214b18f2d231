"""people search (SQLite): a bulk insert may leave its people out of the full-text index until the upkeep

- people_fts_unindexed holds ranges of ids that a bulk insert did not index (core.people_order): the upkeep after
  the commit indexes them (core.search_upkeep), search tests them with LIKE meanwhile (services.people_search).
  Indexing 84,600 people into a registry of 1,000,000 was 0.44 s of a 100,000-row import's ~5.3 s.
- The three triggers leave a person in a range alone: a contentless index must never be told to delete an entry it
  does not hold.
PostgreSQL: nothing.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 16:00:00
"""

from collections.abc import Sequence

from alembic import op

from projektu_vadiba.core import people_order

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _triggers(ddl: Sequence[str]) -> None:
    for name in people_order.TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in ddl:
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(people_order.UNINDEXED_TABLE)
    _triggers(people_order.TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    connection = op.get_bind()
    while people_order.index_step(connection, 1_000_000_000):  # everyone indexed before the ranges go
        pass
    _triggers(people_order.TRIGGERS_0017)
    op.execute("DROP TABLE IF EXISTS people_fts_unindexed")
