"""events.unlisted_count: people who came to an open event without being listed ("more than 80 at the fair"),
counted in attendances and marked so, never as unique people; 0 for every existing event

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 07:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unlisted_count", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("unlisted_count")
