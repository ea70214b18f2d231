"""The audit evidence pack: one ZIP per project (or per period) with an index PDF, the generated attendance lists
and every attached file in folders by activity and event, and by budget line.

    pack = evidence_pack(session, project_id)          # what goes where; reports.evidence_zip writes it

The index's first page lists what is missing: past events without a signed sheet, expenses without an invoice.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Activity, Attachment, BudgetLine, Event, Expense, Project
from projektu_vadiba.core.services.attachments import AttachmentDTO, refused_photos, to_dto


@dataclass(frozen=True)
class PackedFile:
    path: str  # inside the ZIP
    attachment: AttachmentDTO


@dataclass(frozen=True)
class EvidenceEvent:
    id: int
    title: str
    starts_at: dt.datetime
    files: tuple[PackedFile, ...]
    has_signed_sheet: bool
    past: bool
    photo_refusals: tuple[str, ...] = ()  # people who asked not to be photographed, at an event with photos filed


@dataclass(frozen=True)
class EvidenceActivity:
    code: str
    title: str
    events: tuple[EvidenceEvent, ...]
    files: tuple[PackedFile, ...]


@dataclass(frozen=True)
class EvidenceExpense:
    id: int
    date: dt.date
    document_number: str
    supplier: str
    description: str
    amount: Decimal
    line: str  # "1.2. Telpu noma" or "" when not on a budget line
    files: tuple[PackedFile, ...]
    has_invoice: bool


@dataclass(frozen=True)
class EvidencePack:
    project_number: str
    project_title: str
    period: tuple[dt.date, dt.date] | None
    project_files: tuple[PackedFile, ...]
    activities: tuple[EvidenceActivity, ...]
    expenses: tuple[EvidenceExpense, ...]
    generated: tuple[str, ...]  # files the program made for the pack

    @property
    def events_missing_sheet(self) -> list[EvidenceEvent]:
        return [e for a in self.activities for e in a.events if e.past and not e.has_signed_sheet]

    @property
    def events_with_photo_refusals(self) -> list[EvidenceEvent]:
        return [e for a in self.activities for e in a.events if e.photo_refusals]

    @property
    def expenses_missing_invoice(self) -> list[EvidenceExpense]:
        return [x for x in self.expenses if not x.has_invoice]

    @property
    def files(self) -> list[PackedFile]:
        found = [*self.project_files]
        for activity in self.activities:
            found.extend(activity.files)
            for event in activity.events:
                found.extend(event.files)
        for expense in self.expenses:
            found.extend(expense.files)
        return found


def slug(text: str, limit: int = 50) -> str:
    """A file or folder name that keeps its letters (Latvian, Cyrillic: ZIP stores names as UTF-8), lower case so
    that no two names differ only in case (Windows folders do not tell them apart), with every other character a
    dash; "x" only when nothing is left."""
    lowered = unicodedata.normalize("NFC", text).casefold()
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in lowered)
    return re.sub(r"-+", "-", cleaned).strip("-")[:limit].rstrip("-") or "x"


def evidence_pack(session: Session, project_id: int, period: tuple[dt.date, dt.date] | None = None) -> EvidencePack:
    project = session.get(Project, project_id)
    if project is None:
        raise AppError.of("project.not_found")
    attached = list(session.scalars(select(Attachment).where(Attachment.project_id == project_id)))
    events_q = select(Event).where(Event.project_id == project_id).order_by(Event.starts_at, Event.id)
    expenses_q = select(Expense).where(Expense.project_id == project_id).order_by(Expense.date, Expense.id)
    if period is not None:
        start, end = period
        events_q = events_q.where(Event.starts_at >= dt.datetime.combine(start, dt.time()))
        events_q = events_q.where(Event.starts_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
        expenses_q = expenses_q.where(Expense.date >= start, Expense.date <= end)
    events = list(session.scalars(events_q))
    expenses = list(session.scalars(expenses_q))
    # Attachments of other owners (an event's, an expense's) may lack project_id: fetch them by owner too.
    event_ids, expense_ids = [e.id for e in events], [x.id for x in expenses]
    seen = {a.id for a in attached}
    for column, ids in ((Attachment.event_id, event_ids), (Attachment.expense_id, expense_ids)):
        if ids:
            attached.extend(a for a in session.scalars(select(Attachment).where(column.in_(ids))) if a.id not in seen)
            seen = {a.id for a in attached}
    used: set[str] = set()

    def packed(folder: str, items: list[Attachment]) -> tuple[PackedFile, ...]:
        out = []
        for a in sorted(items, key=lambda a: (a.date, a.id)):
            stem, dot, ext = a.original_name.rpartition(".")
            name = f"{a.date:%Y-%m-%d}-{slug(stem or a.original_name, 40)}{'.' + slug(ext, 8) if dot else ''}"
            path, n = f"{folder}/{name}", 2
            while path in used:  # two files of the same name and date
                path, n = f"{folder}/{n}-{name}", n + 1
            used.add(path)
            out.append(PackedFile(path, to_dto(a)))
        return tuple(out)

    now = clock.now()
    activities = list(
        session.scalars(select(Activity).where(Activity.project_id == project_id).order_by(Activity.code))
    )
    groups: list[tuple[str, str, int | None]] = [(a.code, a.title, a.id) for a in activities]
    if any(e.activity_id is None for e in events):
        groups.append(("", "Pasākumi ārpus aktivitātēm", None))
    result_activities = []
    for code, title, activity_id in groups:
        folder = f"aktivitates/{slug(code or 'citi', 10)}-{slug(title, 30)}"
        own = [a for a in attached if activity_id and a.activity_id == activity_id and a.event_id is None]
        evs = []
        for event in (e for e in events if e.activity_id == activity_id):
            files = [a for a in attached if a.event_id == event.id and a.expense_id is None]
            evs.append(
                EvidenceEvent(
                    event.id,
                    event.title,
                    event.starts_at,
                    packed(f"{folder}/{event.starts_at:%Y-%m-%d}-{slug(event.title, 30)}", files),
                    any(a.kind == "signed_sheet" for a in files),
                    event.starts_at <= now,
                    tuple(refused_photos(session, event.id)) if any(a.kind == "photo" for a in files) else (),
                )
            )
        if activity_id is not None or evs:
            result_activities.append(EvidenceActivity(code, title, tuple(evs), packed(folder, own)))
    lines = {b.id: b for b in session.scalars(select(BudgetLine).where(BudgetLine.project_id == project_id))}
    result_expenses = []
    for x in expenses:
        line = lines.get(x.budget_line_id or 0)
        folder = f"budzets/{slug(line.code, 10)}-{slug(line.name, 40)}" if line else "budzets/bez-pozicijas"
        files = [a for a in attached if a.expense_id == x.id]
        result_expenses.append(
            EvidenceExpense(
                x.id,
                x.date,
                x.document_number,
                x.supplier,
                x.description,
                x.amount,
                f"{line.code}. {line.name}" if line else "",
                packed(folder, files),
                any(a.kind == "invoice" for a in files),
            )
        )
    project_files = [
        a for a in attached if a.project_id == project_id and not (a.activity_id or a.event_id or a.expense_id)
    ]
    return EvidencePack(
        project.number,
        project.title,
        period,
        packed("projekts", project_files),
        tuple(result_activities),
        tuple(result_expenses),
        (),
    )
