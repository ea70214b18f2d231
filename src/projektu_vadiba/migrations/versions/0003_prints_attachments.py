"""Sheet prints (which person stood on which row), attachments kept as evidence, applied scans, and this
database's installation id (a random UUID; its short form in every sheet's QR code tells another database's
sheets apart).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 17:00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_meta")),
    )
    op.create_table(
        "sheet_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("installation", sa.String(length=40), nullable=False),
        sa.Column("options", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sheet_prints")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=300), nullable=False),
        sa.Column("stored_name", sa.String(length=100), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("expense_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activities.id"], name=op.f("fk_attachments_activity_id_activities"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_attachments_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["expense_id"], ["expenses.id"], name=op.f("fk_attachments_expense_id_expenses"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_attachments_project_id_projects"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_activity_id"), "attachments", ["activity_id"], unique=False)
    op.create_index(op.f("ix_attachments_event_id"), "attachments", ["event_id"], unique=False)
    op.create_index(op.f("ix_attachments_expense_id"), "attachments", ["expense_id"], unique=False)
    op.create_index(op.f("ix_attachments_project_id"), "attachments", ["project_id"], unique=False)
    op.create_index(op.f("ix_attachments_sha256"), "attachments", ["sha256"], unique=False)
    op.create_table(
        "print_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("print_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("geometry", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_print_pages_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["print_id"], ["sheet_prints.id"], name=op.f("fk_print_pages_print_id_sheet_prints"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_pages")),
        sa.UniqueConstraint("print_id", "event_id", "page", name=op.f("uq_print_pages_print_id_event_id_page")),
    )
    op.create_index(op.f("ix_print_pages_event_id"), "print_pages", ["event_id"], unique=False)
    op.create_index(op.f("ix_print_pages_print_id"), "print_pages", ["print_id"], unique=False)
    op.create_table(
        "print_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["page_id"], ["print_pages.id"], name=op.f("fk_print_rows_page_id_print_pages"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_print_rows_person_id_people"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_rows")),
    )
    op.create_index(op.f("ix_print_rows_page_id"), "print_rows", ["page_id"], unique=False)
    op.create_index(op.f("ix_print_rows_person_id"), "print_rows", ["person_id"], unique=False)
    op.create_table(
        "scan_applies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_scan_applies_attachment_id_attachments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_scan_applies_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_applies")),
    )
    op.create_index(op.f("ix_scan_applies_attachment_id"), "scan_applies", ["attachment_id"], unique=False)
    op.create_index(op.f("ix_scan_applies_event_id"), "scan_applies", ["event_id"], unique=False)
    op.execute(
        sa.text("INSERT INTO app_meta (key, value) VALUES ('installation_id', :v)").bindparams(v=str(uuid.uuid4()))
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_scan_applies_event_id"), table_name="scan_applies")
    op.drop_index(op.f("ix_scan_applies_attachment_id"), table_name="scan_applies")
    op.drop_table("scan_applies")
    op.drop_index(op.f("ix_print_rows_person_id"), table_name="print_rows")
    op.drop_index(op.f("ix_print_rows_page_id"), table_name="print_rows")
    op.drop_table("print_rows")
    op.drop_index(op.f("ix_print_pages_print_id"), table_name="print_pages")
    op.drop_index(op.f("ix_print_pages_event_id"), table_name="print_pages")
    op.drop_table("print_pages")
    op.drop_index(op.f("ix_attachments_sha256"), table_name="attachments")
    op.drop_index(op.f("ix_attachments_project_id"), table_name="attachments")
    op.drop_index(op.f("ix_attachments_expense_id"), table_name="attachments")
    op.drop_index(op.f("ix_attachments_event_id"), table_name="attachments")
    op.drop_index(op.f("ix_attachments_activity_id"), table_name="attachments")
    op.drop_table("attachments")
    op.drop_table("sheet_prints")
    op.drop_table("app_meta")
