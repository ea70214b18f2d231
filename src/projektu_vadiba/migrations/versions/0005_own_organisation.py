"""organisations: which one is ours (the app's user, the default implementer and the personal-data controller on
every sheet) and its logo, kept in the database so that a team sharing one database prints the same logo

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_own", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_column("logo")
        batch_op.drop_column("is_own")
