"""Indicators: planned vs achieved; the achieved value is entered by hand or computed from the data."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from projektu_vadiba.core.models.base import Base, Quantity, Timestamps, Versioned, str_enum
from projektu_vadiba.core.models.enums import IndicatorMethod
from projektu_vadiba.core.models.projects import Project


class Indicator(Timestamps, Versioned, Base):
    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(500))
    unit: Mapped[str] = mapped_column(String(60), default="")
    planned_value: Mapped[Decimal] = mapped_column(Quantity)
    method: Mapped[IndicatorMethod] = mapped_column(str_enum(IndicatorMethod), default=IndicatorMethod.MANUAL)
    method_param: Mapped[str] = mapped_column(String(200), default="")
    achieved_manual: Mapped[Decimal | None] = mapped_column(Quantity)
    comment: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship()
