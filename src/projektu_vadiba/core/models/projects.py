"""Projects and what hangs directly on them: partners, co-financing, target groups, report texts, deadlines."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from projektu_vadiba.core.models.base import Base, Timestamps, Versioned, str_enum
from projektu_vadiba.core.models.enums import DeadlineKind, FundingSource, PartnerRole, ProjectStatus
from projektu_vadiba.core.models.organisations import Funder, Organisation, Programme


class Project(Timestamps, Versioned, Base):
    __tablename__ = "projects"
    __table_args__ = (
        UniqueConstraint("funder_id", "number"),
        CheckConstraint("end_date >= start_date", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    funder_id: Mapped[int] = mapped_column(ForeignKey("funders.id", ondelete="RESTRICT"), index=True)
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id", ondelete="SET NULL"))
    implementer_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    number: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(500))
    status: Mapped[ProjectStatus] = mapped_column(str_enum(ProjectStatus), default=ProjectStatus.PLANNED)
    start_date: Mapped[date]
    end_date: Mapped[date]
    total_cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    grant_amount: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    aim: Mapped[str] = mapped_column(Text, default="")
    # Personal data of this project's participants may be kept until then (funder's audit period).
    retention_until: Mapped[date | None]
    # The funder's publicity sentence and logo for this project; "" / None: the profile's own (every page prints it).
    publicity: Mapped[str] = mapped_column(Text, default="", server_default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # PNG

    funder: Mapped[Funder] = relationship()
    programme: Mapped[Programme | None] = relationship()
    implementer: Mapped[Organisation] = relationship()
    partners: Mapped[list[ProjectPartner]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectPartner.id"
    )
    cofinancing: Mapped[list[Cofinancing]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Cofinancing.id"
    )
    target_groups: Mapped[list[ProjectTargetGroup]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectTargetGroup.id"
    )
    texts: Mapped[list[ProjectText]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectText.key"
    )
    deadlines: Mapped[list[ReportDeadline]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ReportDeadline.due_date"
    )

    @property
    def profile_key(self) -> str:
        """The one rule for which funder profile a project follows: its programme's when that has one (one
        funder, several programmes with their own paperwork), otherwise its funder's."""
        if self.programme is not None and self.programme.profile_key:
            return self.programme.profile_key
        return self.funder.profile_key


class ProjectPartner(Versioned, Base):
    __tablename__ = "project_partners"
    __table_args__ = (UniqueConstraint("project_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="RESTRICT"))
    role: Mapped[PartnerRole] = mapped_column(str_enum(PartnerRole), default=PartnerRole.PARTNER)
    description: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="partners")
    organisation: Mapped[Organisation] = relationship()


class Cofinancing(Versioned, Base):
    """Money for the project that does not come from the funder's grant."""

    __tablename__ = "cofinancing"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    source: Mapped[FundingSource] = mapped_column(str_enum(FundingSource))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    amount: Mapped[Decimal]
    note: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="cofinancing")
    organisation: Mapped[Organisation | None] = relationship()


class ProjectTargetGroup(Versioned, Base):
    __tablename__ = "project_target_groups"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    planned_count: Mapped[int | None]

    project: Mapped[Project] = relationship(back_populates="target_groups")


# The final report's texts have no period; NULLs never collide in a unique constraint, so they get their own index.
_FINAL_ONLY = sql_text("period_start IS NULL")


class ProjectText(Versioned, Base):
    """Free text a report needs that the data cannot fill (aim reached, changes, publicity ...), by section key,
    for one report: the final report (no period) or the interim report of one period (period_start..period_end,
    exactly the period that report is made for)."""

    __tablename__ = "project_texts"
    __table_args__ = (
        UniqueConstraint("project_id", "key", "period_start", "period_end"),
        Index(
            "ix_project_texts_final_key",
            "project_id",
            "key",
            unique=True,
            sqlite_where=_FINAL_ONLY,
            postgresql_where=_FINAL_ONLY,
        ),
        CheckConstraint(
            "(period_start IS NULL AND period_end IS NULL)"
            " OR (period_start IS NOT NULL AND period_end IS NOT NULL AND period_end >= period_start)",
            name="period",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text, default="")
    period_start: Mapped[date | None]  # None (with period_end): the final report's text
    period_end: Mapped[date | None]

    project: Mapped[Project] = relationship(back_populates="texts")


class ReportDeadline(Versioned, Base):
    __tablename__ = "report_deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DeadlineKind] = mapped_column(str_enum(DeadlineKind))
    due_date: Mapped[date]
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    submitted_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="deadlines")
