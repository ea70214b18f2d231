"""Planned activities of a project and the events that carry them out."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from projektu_vadiba.core.models.base import Base, Timestamps, Versioned, str_enum
from projektu_vadiba.core.models.enums import ActivityStatus, EventType
from projektu_vadiba.core.models.projects import Project


class Activity(Timestamps, Versioned, Base):
    __tablename__ = "activities"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))  # "1", "2.1" as in the application form
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    planned_start: Mapped[date | None]
    planned_end: Mapped[date | None]
    status: Mapped[ActivityStatus] = mapped_column(str_enum(ActivityStatus), default=ActivityStatus.PLANNED)
    result: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship()
    events: Mapped[list[Event]] = relationship(
        back_populates="activity",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Event.starts_at",
    )


class Event(Timestamps, Versioned, Base):
    __tablename__ = "events"
    __table_args__ = (CheckConstraint("ends_at >= starts_at", name="period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    type: Mapped[EventType] = mapped_column(str_enum(EventType), default=EventType.MEETING)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(300), default="")  # venue name
    address: Mapped[str] = mapped_column(String(300), default="")
    municipality: Mapped[str] = mapped_column(String(120), default="")
    online: Mapped[bool] = mapped_column(default=False)
    online_link: Mapped[str] = mapped_column(String(500), default="")
    planned_participants: Mapped[int | None]
    # An open event's headcount of people not on the list: attendances, never unique people (core/counting.py).
    unlisted_count: Mapped[int] = mapped_column(default=0, server_default="0")
    description: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship()
    activity: Mapped[Activity | None] = relationship(back_populates="events")
