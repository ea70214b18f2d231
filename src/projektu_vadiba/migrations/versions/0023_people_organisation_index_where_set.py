"""people: the organisation index holds only the people who have one

ix_people_organisation_id becomes partial (WHERE organisation_id IS NOT NULL): most people belong to no
organisation (98.8 % of the benchmark's 1,000,000), and their NULL entries were ~1 s of a 100,000-row import into
that registry on PostgreSQL (8.70 s against 7.70 s for the insert and the rest of storing, four pairs). The
foreign key's ON DELETE SET NULL and every query by organisation ask for a set value, which the partial index
serves on both back-ends.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 19:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_people_organisation_id")
    op.execute("CREATE INDEX ix_people_organisation_id ON people (organisation_id) WHERE organisation_id IS NOT NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_people_organisation_id")
    op.execute("CREATE INDEX ix_people_organisation_id ON people (organisation_id)")
