"""The registry of people (shared by all projects), their attendance of events, and the personal-data log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from projektu_vadiba.core.models.activities import Event
from projektu_vadiba.core.models.base import Base, Timestamps, Versioned, str_enum, versioned_mapper_args
from projektu_vadiba.core.models.enums import AttendanceRole, AttendanceStatus, Gender
from projektu_vadiba.core.models.organisations import Organisation
from projektu_vadiba.core.person_keys import name_key, phone_key, sort_key


def _derived(fn: Any) -> Any:
    """A column default computed from the row's own values, so that every insert (ORM, bulk, bundle import)
    fills the derived keys; updates go through services.people, which recompute them."""

    def default(context: Any) -> Any:
        params = context.get_current_parameters()
        return fn(params.get("given_name") or "", params.get("surname") or "", params.get("phone") or "")

    return default


class Person(Timestamps, Versioned, Base):
    __tablename__ = "people"

    # created_by is the database's to fill (a trigger in team mode): never sent, never fetched back after an insert,
    # loaded only when asked for (deferred), so the model also works on a database migrated only to an older revision.
    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return versioned_mapper_args(cls, eager_defaults=False)

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(100))
    surname: Mapped[str] = mapped_column(String(100))
    # Indexed where set (0023): most people belong to none, and the NULL entries cost PostgreSQL ~1 s of a
    # 100,000-row import into 1,000,000; the foreign key's ON DELETE SET NULL looks up set values only.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    municipality: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")  # matched case-blind: no plain index (0004)
    phone: Mapped[str] = mapped_column(String(40), default="")
    gender: Mapped[Gender | None] = mapped_column(str_enum(Gender))
    birth_year: Mapped[int | None]
    age_group: Mapped[str] = mapped_column(String(40), default="")  # as the sheet or the funder groups ages
    target_group: Mapped[str] = mapped_column(String(200), default="")
    # None = not asked yet; GDPR consents are per person, not per project.
    consent_data: Mapped[bool | None]
    consent_photo: Mapped[bool | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded (lower-case, no diacritics) name, e-mail, organisation and municipality for as-you-type search,
    # indexed by the SQLite FTS5 table / PostgreSQL GIN index of migration 0002 (no B-tree: migration 0004).
    search_text: Mapped[str] = mapped_column(String(800), default="")
    anonymised_at: Mapped[datetime | None]
    # The database user who registered the person (team mode: set by a trigger from current_user, never by the
    # client); it keeps a person visible to its creator before they are on an event's list (core/team/policies.py).
    created_by: Mapped[str] = mapped_column(String(63), server_default="", deferred=True)
    # Derived keys (core.person_keys): duplicate finding and Latvian alphabetical order in SQL.
    name_key: Mapped[str] = mapped_column(String(200), default=_derived(lambda g, s, _p: name_key(g, s)), index=True)
    phone_key: Mapped[str] = mapped_column(String(40), default=_derived(lambda _g, _s, p: phone_key(p)), index=True)
    sort_key: Mapped[str] = mapped_column(String(400), default=_derived(lambda g, s, _p: sort_key(s, g)), index=True)

    organisation: Mapped[Organisation | None] = relationship()
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="person", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        Index(
            "ix_people_organisation_id",
            "organisation_id",
            sqlite_where=text("organisation_id IS NOT NULL"),
            postgresql_where=text("organisation_id IS NOT NULL"),
        ),
    )


class Attendance(Versioned, Base):
    """A person on an event's list: registered beforehand, then ticked as attended or absent."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(str_enum(AttendanceStatus), default=AttendanceStatus.REGISTERED)
    role: Mapped[AttendanceRole] = mapped_column(str_enum(AttendanceRole), default=AttendanceRole.PARTICIPANT)
    no_photos: Mapped[bool] = mapped_column(default=False)  # "do not photograph me" mark on the sheet
    note: Mapped[str] = mapped_column(String(300), default="")
    # The days of a multi-day event the person came, ISO dates separated by spaces ("2023-08-17 2023-08-18");
    # empty when the status alone says it (a one-day event, a whole-event tick): core.services.attendance_days.
    # A column, not a table of day rows: every copy of an entry (undo snapshots, merge, bundle) carries it as is.
    days: Mapped[str] = mapped_column(Text, default="", server_default="")

    event: Mapped[Event] = relationship()
    person: Mapped[Person] = relationship(back_populates="attendances")


class PersonalDataLog(Base):
    """Who changed or removed personal data, when (GDPR accountability). Holds no personal data itself."""

    __tablename__ = "personal_data_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40))  # created, updated, merged, anonymised, imported, deleted
    fields: Mapped[str] = mapped_column(Text, default="")  # names of the fields touched, not their values
