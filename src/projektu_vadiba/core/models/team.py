"""Team mode on PostgreSQL: who belongs to which project in which role, and the audit log the database writes.

On SQLite (one person) both tables exist and stay empty; on a team server core/team/policies.py gives them their
row-level security and the triggers that fill the audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, DateTime, ForeignKey, Integer, String, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from projektu_vadiba.core.models.base import Base

# The roles a user can have in one project (the administrator is not a project role: it sees every project).
PROJECT_ROLES = ("manager", "accountant", "staff", "viewer")
USER_ROLES = ("admin", *PROJECT_ROLES)


class TeamUser(Base):
    """A person who logs in as their own PostgreSQL role: their role in the team (the database group they are in
    besides the groups of their project roles) and a name to show."""

    __tablename__ = "team_users"
    __table_args__ = (CheckConstraint("role IN ('admin', 'manager', 'accountant', 'staff', 'viewer')", name="role"),)

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))
    full_name: Mapped[str] = mapped_column(String(200), default="")


class TeamMember(Base):
    """A database user's role in one project; row-level security reads it to decide what the user sees."""

    __tablename__ = "team_members"
    __table_args__ = (
        UniqueConstraint("project_id", "role_name"),
        CheckConstraint("project_role IN ('manager', 'accountant', 'staff', 'viewer')", name="project_role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    role_name: Mapped[str] = mapped_column(String(63), index=True)  # the PostgreSQL login role
    project_role: Mapped[str] = mapped_column(String(20))


_Changes: Any = JSON().with_variant(JSONB(), "postgresql")


class AuditEntry(Base):
    """One row changed, as the database saw it: written only by the audit trigger (no client can skip it).

    `changes` maps a field to [old, new]; a personal-data field of a person maps to null: its name, never its value.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now(), index=True)
    db_user: Mapped[str] = mapped_column(String(63), index=True)
    table_name: Mapped[str] = mapped_column(String(63))
    row_id: Mapped[str] = mapped_column(String(60))
    project_id: Mapped[int | None] = mapped_column(index=True)  # no foreign key: the log outlives the project
    operation: Mapped[str] = mapped_column(String(6))  # INSERT, UPDATE, DELETE
    transaction_id: Mapped[int | None] = mapped_column(BigInteger)  # one use case = one transaction
    changes: Mapped[dict[str, Any]] = mapped_column(_Changes)
