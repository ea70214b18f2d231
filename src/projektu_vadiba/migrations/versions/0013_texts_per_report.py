"""project_texts per report: the final report's texts (no period) and each interim report's texts by its period
(period_start..period_end). Every existing text becomes the final report's text: an interim report no longer
borrows them (the 2024 interim report printed the 2023 text) and asks for its own.

Downgrade keeps the final report's texts and drops the interim reports' (one text per key and project again).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FINAL_ONLY = sa.text("period_start IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("project_texts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("period_end", sa.Date(), nullable=True))
        batch_op.drop_constraint(op.f("uq_project_texts_project_id_key"), type_="unique")
        batch_op.create_unique_constraint(
            op.f("uq_project_texts_project_id_key_period_start_period_end"),
            ["project_id", "key", "period_start", "period_end"],
        )
        batch_op.create_check_constraint(
            op.f("ck_project_texts_period"),
            "(period_start IS NULL AND period_end IS NULL)"
            " OR (period_start IS NOT NULL AND period_end IS NOT NULL AND period_end >= period_start)",
        )
    op.create_index(
        op.f("ix_project_texts_final_key"),
        "project_texts",
        ["project_id", "key"],
        unique=True,
        sqlite_where=FINAL_ONLY,
        postgresql_where=FINAL_ONLY,
    )


def downgrade() -> None:
    op.execute("DELETE FROM project_texts WHERE period_start IS NOT NULL")
    op.drop_index(op.f("ix_project_texts_final_key"), table_name="project_texts")
    with op.batch_alter_table("project_texts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_project_texts_period"), type_="check")
        batch_op.drop_constraint(op.f("uq_project_texts_project_id_key_period_start_period_end"), type_="unique")
        batch_op.create_unique_constraint(op.f("uq_project_texts_project_id_key"), ["project_id", "key"])
        batch_op.drop_column("period_end")
        batch_op.drop_column("period_start")
