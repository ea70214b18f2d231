"""Reading the audit log: per project, filtered by user, table and dates (the rows the database's trigger wrote).

A project manager reads their projects' entries, an administrator all (row-level security decides, not this code).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, cast, or_, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import Attendance, AuditEntry, Event

OPERATIONS = {"INSERT": "pievienots", "UPDATE": "mainīts", "DELETE": "dzēsts"}
TABLES = {
    "projects": "projekts",
    "activities": "aktivitāte",
    "events": "pasākums",
    "attendance": "dalība",
    "people": "persona",
    "budget_lines": "budžeta pozīcija",
    "budget_amounts": "budžeta summa",
    "expenses": "izdevumi",
    "payments": "maksājums",
    "cofinancing": "līdzfinansējums",
    "indicators": "rādītājs",
    "attachments": "pielikums",
    "team_members": "projekta dalībnieks (lietotājs)",
    "team_users": "lietotājs",
    "organisations": "organizācija",
    "funders": "finansētājs",
    "programmes": "programma",
    "project_partners": "partneris",
    "project_target_groups": "mērķa grupa",
    "project_texts": "pārskata teksts",
    "report_deadlines": "termiņš",
    "personal_data_log": "personas datu izsniegšana",
    "sheet_prints": "izdrukāta lapa",
    "print_pages": "izdrukas lappuse",
    "print_rows": "izdrukas rinda",
    "scan_applies": "skenētas lapas ievade",
    "app_meta": "lietotnes iestatījums",
}
# Bookkeeping every save touches: not worth a reader's attention in the window (the XLSX keeps it).
META_FIELDS = frozenset({"version", "created_at", "updated_at", "name_key", "search_text"})


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any
    personal: bool  # personal data: only the field's name is logged


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    table: str
    row_id: str
    project_id: int | None
    operation: str
    transaction_id: int | None
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class AuditFilter:
    project_id: int | None = None
    user: str | None = None
    table: str | None = None
    start: date | None = None
    end: date | None = None  # inclusive
    limit: int = 100_000


def read_log(session: Session, wanted: AuditFilter = AuditFilter()) -> list[AuditRow]:
    """Oldest first. Per project: its rows, and the changes of the people on its events' lists (a person belongs
    to no project, so their rows carry none)."""
    stmt = select(AuditEntry)
    if wanted.project_id is not None:
        attending = (
            select(cast(Attendance.person_id, String))
            .join(Event, Event.id == Attendance.event_id)
            .where(Event.project_id == wanted.project_id)
        )
        stmt = stmt.where(
            or_(
                AuditEntry.project_id == wanted.project_id,
                (AuditEntry.table_name == "people") & AuditEntry.row_id.in_(attending),
            )
        )
    if wanted.user:
        stmt = stmt.where(AuditEntry.db_user == wanted.user)
    if wanted.table:
        stmt = stmt.where(AuditEntry.table_name == wanted.table)
    if wanted.start is not None:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(wanted.start, time.min))
    if wanted.end is not None:
        stmt = stmt.where(AuditEntry.at < datetime.combine(wanted.end + timedelta(days=1), time.min))
    stmt = stmt.order_by(AuditEntry.at, AuditEntry.id).limit(wanted.limit)
    return [_row(e) for e in session.scalars(stmt)]


def _row(entry: AuditEntry) -> AuditRow:
    changes = tuple(
        FieldChange(name, None, None, True) if value is None else FieldChange(name, value[0], value[1], False)
        for name, value in sorted((entry.changes or {}).items())
    )
    return AuditRow(
        entry.id, entry.at, entry.db_user, entry.table_name, entry.row_id, entry.project_id, entry.operation,
        entry.transaction_id, changes,
    )  # fmt: skip
