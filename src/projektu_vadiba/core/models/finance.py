"""Money: budget lines split by source, the expense ledger and payments received from the funder."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from projektu_vadiba.core.models.base import Base, Quantity, Timestamps, Versioned, str_enum
from projektu_vadiba.core.models.enums import FundingSource, PaymentKind
from projektu_vadiba.core.models.projects import Project


class BudgetLine(Timestamps, Versioned, Base):
    """A line of the approved budget; a lump sum (quantity 1) or quantity x unit cost."""

    __tablename__ = "budget_lines"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    category_key: Mapped[str] = mapped_column(String(60))  # a cost category of the funder profile
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str] = mapped_column(String(60), default="")
    quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal("1"))
    unit_cost: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))

    project: Mapped[Project] = relationship()
    amounts: Mapped[list[BudgetAmount]] = relationship(
        back_populates="line", cascade="all, delete-orphan", order_by="BudgetAmount.id"
    )


class BudgetAmount(Versioned, Base):
    """The planned amount of a budget line paid from one source (grant, own, municipality, other)."""

    __tablename__ = "budget_amounts"
    __table_args__ = (
        UniqueConstraint("line_id", "source"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("budget_lines.id", ondelete="CASCADE"), index=True)
    source: Mapped[FundingSource] = mapped_column(str_enum(FundingSource))
    amount: Mapped[Decimal]

    line: Mapped[BudgetLine] = relationship(back_populates="amounts")


class Expense(Timestamps, Versioned, Base):
    __tablename__ = "expenses"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    budget_line_id: Mapped[int | None] = mapped_column(ForeignKey("budget_lines.id", ondelete="SET NULL"), index=True)
    date: Mapped[dt.date]
    document_number: Mapped[str] = mapped_column(String(80), default="")
    supplier: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal]
    eligible: Mapped[bool] = mapped_column(default=True)
    paid_on: Mapped[dt.date | None]
    source: Mapped[FundingSource] = mapped_column(str_enum(FundingSource), default=FundingSource.GRANT)

    project: Mapped[Project] = relationship()
    budget_line: Mapped[BudgetLine | None] = relationship()


class Payment(Versioned, Base):
    """Money received from the funder."""

    __tablename__ = "payments"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PaymentKind] = mapped_column(str_enum(PaymentKind))
    received_on: Mapped[date]
    amount: Mapped[Decimal]
    note: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship()
