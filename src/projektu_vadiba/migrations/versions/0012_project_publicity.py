"""projects.publicity and projects.logo: the sentence and the logo a funder without a built-in profile (a
municipality, Latviešu fonds, a foreign fund) asks every page to carry, entered per project; "" / NULL for every
existing project, which keeps printing its profile's own

Revision ID: 0012
Revises: 0007
Create Date: 2026-12-05 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("publicity", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_column("logo")
        batch_op.drop_column("publicity")
