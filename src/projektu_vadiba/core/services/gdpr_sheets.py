"""Signed-sheet images of anonymised people (GDPR / VDAR), removed on request.

A scanned sheet is an image of every signature on it: anonymising a person clears their name in the database, but
the page still shows it. These functions list the signed sheets of the events anonymised people were on (with how
many other people signed the same page: the sheet is also their evidence for the funder) and remove the ones the
user chooses. The files go through `attachments.remove`, so a stored name is checked before anything is deleted.
Kept apart from gdpr.py (which anonymises the records) so each can change on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Attachment, Attendance, Event, Person
from projektu_vadiba.core.services import attachments

SIGNED_SHEET = "signed_sheet"


@dataclass(frozen=True)
class SignedSheet:
    attachment_id: int
    event_id: int
    event_title: str
    event_start: dt.datetime
    original_name: str
    anonymised: int  # anonymised people on the event's list
    others: int  # people on the list who are not anonymised (the sheet is their evidence too)


def sheets_of_anonymised(session: Session, person_ids: Iterable[int] | None = None) -> list[SignedSheet]:
    """Signed sheets of events with anonymised people on the list (all of them, or only `person_ids`)."""
    anonymised = select(Person.id).where(Person.anonymised_at.is_not(None))
    if person_ids is not None:
        anonymised = anonymised.where(Person.id.in_(list(person_ids)))
    events = select(Attendance.event_id).where(Attendance.person_id.in_(anonymised)).distinct()
    rows = session.execute(
        select(Attachment.id, Event.id, Event.title, Event.starts_at, Attachment.original_name)
        .join(Event, Event.id == Attachment.event_id)
        .where(Attachment.kind == SIGNED_SHEET, Attachment.event_id.in_(events))
        .order_by(Event.starts_at, Attachment.id)
    ).all()
    counts = _list_counts(session, {row[1] for row in rows})
    return [
        SignedSheet(aid, eid, title, start, name, *counts.get(eid, (0, 0))) for aid, eid, title, start, name in rows
    ]


def _list_counts(session: Session, event_ids: set[int]) -> dict[int, tuple[int, int]]:
    if not event_ids:
        return {}
    rows = session.execute(
        select(Attendance.event_id, Person.anonymised_at.is_not(None), func.count())
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.event_id.in_(sorted(event_ids)))
        .group_by(Attendance.event_id, Person.anonymised_at.is_not(None))
    )
    out: dict[int, list[int]] = {}
    for event_id, is_anonymised, count in rows:
        out.setdefault(event_id, [0, 0])[0 if is_anonymised else 1] += int(count)
    return {k: (v[0], v[1]) for k, v in out.items()}


def remove_signed_sheets(session: Session, attachment_ids: Iterable[int]) -> int:
    """Removes the chosen signed sheets (record and file, when no other record uses the file); refuses anything
    that is not a signed sheet. Returns how many were removed."""
    ids = sorted(set(attachment_ids))
    found = {a.id: a for a in session.scalars(select(Attachment).where(Attachment.id.in_(ids)))}
    folder = attachments.store_dir(session)
    for aid in ids:  # every one checked before the first file is deleted
        if aid not in found or found[aid].kind != SIGNED_SHEET:
            raise AppError.of("gdpr.sheet_not_found")
        attachments.stored_path(folder, found[aid].stored_name)
    for aid in ids:
        attachments.remove(session, aid)
    return len(ids)
