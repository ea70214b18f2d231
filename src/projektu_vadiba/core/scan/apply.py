"""Applies confirmed ticks from scans in one step, keeps each scanned file as the event's evidence, and undoes.

Only what a person confirmed is applied: the caller passes the person ids to tick per event (by default the rows
the reader found signed; the review screen adds the uncertain rows the person checked).

A per-day sheet of a multi-day event ticks the days whose signature cells were signed (ScannedRow.days); a row
without known days ticks the whole event. Each change keeps [entry id, old status or null, old days] for undo.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Attendance, AttendanceStatus, Event, ScanApply
from projektu_vadiba.core.scan.results import ApplyResult, ScannedPage
from projektu_vadiba.core.services import attachments
from projektu_vadiba.core.services.attendance_days import attended_days, event_days, stored_form


def signed_people(pages: Sequence[ScannedPage]) -> dict[int, set[int]]:
    chosen: dict[int, set[int]] = {}
    for page in pages:
        chosen.setdefault(page.event_id, set()).update(r.person_id for r in page.signed if r.person_id is not None)
    return chosen


def signed_days(pages: Sequence[ScannedPage]) -> dict[tuple[int, int], set[date]]:
    """(event, person) -> the days read as signed on a per-day sheet (rows of every state: the review screen's
    choice of a person decides whether they count at all)."""
    out: dict[tuple[int, int], set[date]] = {}
    for page in pages:
        for r in (*page.signed, *page.uncertain):
            if r.person_id is not None and r.days:
                out.setdefault((page.event_id, r.person_id), set()).update(r.days)
    return out


def apply_ticks(
    session: Session,
    pages: Sequence[ScannedPage],
    chosen: Mapping[int, set[int]] | None = None,
    *,
    file_scans: bool = True,
) -> ApplyResult:
    """Marks the chosen people of each event as attended and files the scans; the caller commits (one transaction).
    `file_scans=False` (redoing an undone apply): the scans were filed the first time and stay filed by undo."""
    chosen = signed_people(pages) if chosen is None else chosen
    by_day = signed_days(pages)
    apply_ids: list[int] = []
    attended = filed = 0
    for event_id, people in chosen.items():
        event = session.get(Event, event_id)
        if event is None:
            raise AppError.of("scan.event_gone")
        changes: list[list[object]] = []
        days = event_days(event.starts_at, event.ends_at)
        for person_id in sorted(people):
            row = session.scalar(
                select(Attendance).where(Attendance.event_id == event_id, Attendance.person_id == person_id)
            )
            signed = by_day.get((event_id, person_id), set()) & set(days)
            if row is None:  # taken off the list after printing, yet signed: back on the list as attended
                row = Attendance(event_id=event_id, person_id=person_id, status=AttendanceStatus.REGISTERED)
                session.add(row)
                session.flush()
                changes.append([row.id, None, ""])
            elif row.status is AttendanceStatus.ATTENDED:
                # Already came: a per-day sheet may add days (none known: the whole event, nothing to add).
                had = attended_days(row.status, row.days, days)
                more = stored_form(set(had) | signed, days) if signed else row.days
                if more != row.days:
                    changes.append([row.id, str(row.status), row.days])
                    row.days = more
                continue
            else:
                changes.append([row.id, str(row.status), row.days])
            row.status = AttendanceStatus.ATTENDED
            row.days = stored_form(signed, days) if signed else ""
            attended += 1
        attachment_id = None
        for file in sorted({p.file for p in pages if p.event_id == event_id} if file_scans else ()):
            owner = attachments.Owner(project_id=event.project_id, activity_id=event.activity_id, event_id=event_id)
            kept = attachments.add(session, Path(file), owner, kind="signed_sheet", description="Noskenēta lapa")
            attachment_id = attachment_id or kept.id
            filed += 1
        record = ScanApply(event_id=event_id, attachment_id=attachment_id, changes=json.dumps(changes))
        session.add(record)
        session.flush()
        apply_ids.append(record.id)
    return ApplyResult(tuple(apply_ids), attended, filed)


def undo(session: Session, apply_ids: Sequence[int]) -> int:
    """Puts back the statuses an apply replaced (the scans stay filed as evidence); returns rows restored."""
    restored = 0
    for apply_id in apply_ids:
        record = session.get(ScanApply, apply_id)
        if record is None or record.undone:
            raise AppError.of("scan.undo_gone")
        for change in json.loads(record.changes):
            attendance_id, old = change[0], change[1]
            row = session.get(Attendance, attendance_id)
            if row is None:
                continue
            if old is None:
                session.delete(row)
            else:
                row.status = AttendanceStatus(old)
                row.days = change[2] if len(change) > 2 else ""  # records made before per-day ticks: two values
            restored += 1
        record.undone = True
    session.flush()
    return restored
