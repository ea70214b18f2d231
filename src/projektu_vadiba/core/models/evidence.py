"""Printed sheets, the files kept as evidence and applied scans.

A print is recorded so that a sheet read back later maps its rows to the people it showed when it was printed,
whatever happened to the list since. The installation id tells this database's sheets from another's.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from projektu_vadiba.core import clock
from projektu_vadiba.core.models.base import Base


class AppMeta(Base):
    """Key/value facts about this database; `installation_id` is a random UUID made by migration 0003."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class SheetPrint(Base):
    __tablename__ = "sheet_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    printed_at: Mapped[datetime] = mapped_column(default=clock.now)
    installation: Mapped[str] = mapped_column(String(40))  # the installation id printed in the QR codes
    options: Mapped[str] = mapped_column(String(200), default="")  # orientation, variant, blank rows (JSON)


class PrintPage(Base):
    """One printed page: which event, its page number and geometry (JSON: page size, rows, signature columns)."""

    __tablename__ = "print_pages"
    __table_args__ = (UniqueConstraint("print_id", "event_id", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    print_id: Mapped[int] = mapped_column(ForeignKey("sheet_prints.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    geometry: Mapped[str] = mapped_column(Text)


class PrintRow(Base):
    __tablename__ = "print_rows"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("print_pages.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # the number printed on the row
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)


class Attachment(Base):
    """A file kept as evidence, stored once under its SHA-256 name; exactly one owner id is usually set."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(100))
    mime: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(20), default="other")  # signed_sheet, photo, invoice, publication, other
    date: Mapped[dt.date]
    description: Mapped[str] = mapped_column(String(500), default="")
    added_at: Mapped[datetime] = mapped_column(default=clock.now)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    expense_id: Mapped[int | None] = mapped_column(ForeignKey("expenses.id", ondelete="CASCADE"), index=True)


class ScanApply(Base):
    """Ticks applied from a scan, with the statuses they replaced (JSON), so the step can be undone."""

    __tablename__ = "scan_applies"

    id: Mapped[int] = mapped_column(primary_key=True)
    applied_at: Mapped[datetime] = mapped_column(default=clock.now)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    attachment_id: Mapped[int | None] = mapped_column(ForeignKey("attachments.id", ondelete="SET NULL"), index=True)
    changes: Mapped[str] = mapped_column(Text, default="[]")
    undone: Mapped[bool] = mapped_column(default=False)
