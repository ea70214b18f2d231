"""What an attendance sheet needs, read once from the database: plain frozen values, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from projektu_vadiba.core.models.enums import AttendanceRole, AttendanceStatus, EventType, Gender


class SheetVariant(StrEnum):
    PREFILLED = "prefilled"  # registered people printed, then blank rows for walk-ins
    BLANK = "blank"  # numbered empty rows only
    ATTENDED = "attended"  # people marked as attended: the list for the report's annexes


@dataclass(frozen=True)
class SheetProject:
    id: int
    number: str
    title: str
    profile_key: str  # the programme's profile when it has one, else the funder's
    funder_name: str
    programme_name: str
    implementer: str
    implementer_reg_number: str
    implementer_address: str
    implementer_contact: str  # e-mail and/or phone of the implementer, "" when unknown
    retention_until: date | None
    implementer_logo: bytes | None = None  # PNG kept with the organisation (Organizācijas dati)
    publicity: str = ""  # the project's own publicity sentence ("" = the profile's)
    logo: bytes | None = None  # the project's own funder logo (PNG)


@dataclass(frozen=True)
class SheetActivity:
    id: int
    code: str
    title: str


@dataclass(frozen=True)
class SheetEvent:
    id: int
    title: str
    type: EventType
    starts_at: datetime
    ends_at: datetime
    place: str
    address: str
    municipality: str
    online: bool
    online_link: str


@dataclass(frozen=True)
class SheetRow:
    """One person on a sheet; `number` is the person's number on the attendance screen (Latvian order)."""

    number: int
    person_id: int
    given_name: str
    surname: str
    organisation: str
    municipality: str
    email: str
    phone: str
    gender: Gender | None
    age_group: str
    status: AttendanceStatus
    role: AttendanceRole
    no_photos: bool


@dataclass(frozen=True)
class EventSheet:
    project: SheetProject
    activity: SheetActivity | None
    event: SheetEvent
    rows: tuple[SheetRow, ...]
    registered: int  # everyone on the list, also when `rows` holds only those who attended


@dataclass(frozen=True)
class SheetSet:
    """One or many events' sheets of one project, in the order of the events (start time)."""

    project: SheetProject
    variant: SheetVariant
    sheets: tuple[EventSheet, ...]
