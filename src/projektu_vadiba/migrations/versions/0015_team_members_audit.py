"""Team mode: users (team_users), project membership (team_members), the audit log (audit_log) and people.created_by

The tables are plain on both back-ends; the roles, grants, row-level security and audit triggers that use them are
installed by `projektu-vadiba admin init-server` (core/team/policies.py), because they name the server's roles.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 09:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("project_role", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "project_role IN ('manager', 'accountant', 'staff', 'viewer')", name=op.f("ck_team_members_project_role")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_team_members_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
        sa.UniqueConstraint("project_id", "role_name", name=op.f("uq_team_members_project_id_role_name")),
    )
    op.create_index(op.f("ix_team_members_project_id"), "team_members", ["project_id"], unique=False)
    op.create_index(op.f("ix_team_members_role_name"), "team_members", ["role_name"], unique=False)
    op.create_table(
        "team_users",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'manager', 'accountant', 'staff', 'viewer')", name=op.f("ck_team_users_role")
        ),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_team_users")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("db_user", sa.String(length=63), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("row_id", sa.String(length=60), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("operation", sa.String(length=6), nullable=False),
        sa.Column("transaction_id", sa.BigInteger(), nullable=True),
        sa.Column("changes", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_index(op.f("ix_audit_log_db_user"), "audit_log", ["db_user"], unique=False)
    op.create_index(op.f("ix_audit_log_project_id"), "audit_log", ["project_id"], unique=False)
    # A plain ADD COLUMN (SQLite has it): a batch rebuild of people would drop the search triggers of 0002.
    op.add_column("people", sa.Column("created_by", sa.String(length=63), server_default="", nullable=False))


def downgrade() -> None:
    op.drop_column("people", "created_by")  # SQLite 3.35+ drops a column in place
    op.drop_table("audit_log")
    op.drop_table("team_users")
    op.drop_table("team_members")
