"""Participant lists to CSV (UTF-8 with BOM and ';', as Latvian Excel opens it) and XLSX.

Every cell passes the formula guard (core/exports/formula_guard.py); the file is written atomically
(core/atomic_files.py): killed midway, the previous file stays.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.dto import PersonDTO
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.exports.formula_guard import safe_cell
from projektu_vadiba.core.models import Attendance, AttendanceRole, AttendanceStatus, Event, Project
from projektu_vadiba.core.services.attendance import event_list
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.people import people_by_ids
from projektu_vadiba.core.services.people_stats import GENDER_LABELS

STATUS_LABELS = {
    AttendanceStatus.REGISTERED: "reģistrējies",
    AttendanceStatus.ATTENDED: "piedalījās",
    AttendanceStatus.ABSENT: "nepiedalījās",
}
ROLE_LABELS = {
    AttendanceRole.PARTICIPANT: "dalībnieks",
    AttendanceRole.SPEAKER: "lektors",
    AttendanceRole.MODERATOR: "moderators",
    AttendanceRole.MENTOR: "mentors",
    AttendanceRole.VOLUNTEER: "brīvprātīgais",
    AttendanceRole.ORGANISER: "organizators",
}
PERSON_HEADER = (
    "Nr.",
    "Vārds",
    "Uzvārds",
    "Organizācija",
    "Pašvaldība",
    "E-pasts",
    "Tālrunis",
    "Dzimums",
    "Dzimšanas gads",
    "Vecuma grupa",
    "Mērķa grupa",
)


@dataclass(frozen=True)
class ExportTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _person_cells(n: int, p: PersonDTO) -> tuple[str, ...]:
    gender = GENDER_LABELS.get(p.gender.value, "") if p.gender is not None else ""
    birth = str(p.birth_year) if p.birth_year else ""
    return (str(n), p.given_name, p.surname, p.organisation_name or "", p.municipality, p.email, p.phone, gender, birth,
            p.age_group, p.target_group)  # fmt: skip


def event_table(session: Session, event_id: int) -> ExportTable:
    event = get_or_404(session, Event, event_id, "Pasākums")
    rows = [
        (*_person_cells(i, a.person), STATUS_LABELS[a.status], ROLE_LABELS[a.role], "jā" if a.no_photos else "")
        for i, a in enumerate(event_list(session, event_id), start=1)
    ]
    header = (*PERSON_HEADER, "Statuss", "Loma", "Nefotografēt")
    return ExportTable(f"{event.title} {event.starts_at:%d.%m.%Y}", header, tuple(rows))


def project_table(
    session: Session, project_id: int, *, attended_only: bool = False, start: datetime | None = None,
    end: datetime | None = None,
) -> ExportTable:  # fmt: skip
    """Everyone on a list of the project's events (in a period), each once, in Latvian alphabetical order."""
    project = get_or_404(session, Project, project_id, "Projekts")
    stmt = select(Attendance.person_id).join(Event, Event.id == Attendance.event_id)
    stmt = stmt.where(Event.project_id == project_id)
    if attended_only:
        stmt = stmt.where(Attendance.status == AttendanceStatus.ATTENDED)
    if start is not None:
        stmt = stmt.where(Event.starts_at >= start)
    if end is not None:
        stmt = stmt.where(Event.starts_at <= datetime.combine(end.date(), time.max))
    people = people_by_ids(session, sorted(set(session.scalars(stmt))))
    rows = tuple(_person_cells(i, p) for i, p in enumerate(people, start=1))
    return ExportTable(f"{project.number} dalībnieki", PERSON_HEADER, rows)


def people_table(people: Sequence[PersonDTO], title: str = "Personas") -> ExportTable:
    """A filtered list (e.g. the registry's search result) as it is."""
    return ExportTable(title, PERSON_HEADER, tuple(_person_cells(i, p) for i, p in enumerate(people, start=1)))


def write_csv(table: ExportTable, path: Path) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=";")
    writer.writerow([safe_cell(c) for c in table.header])
    writer.writerows([safe_cell(c) for c in row] for row in table.rows)
    atomic_files.write_text(path, text.getvalue(), encoding="utf-8-sig")


def write_xlsx(table: ExportTable, path: Path) -> None:
    from openpyxl import Workbook  # heavy: only when an XLSX is written
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(table.title))
    bold = Font(bold=True)

    header = []
    for text in table.header:
        cell = WriteOnlyCell(sheet, value=safe_cell(text))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([safe_cell(c) for c in row])
    atomic_files.write_with(path, book.save)


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or "Dalībnieki")[:31]


def write_table(table: ExportTable, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(table, path)
    elif suffix == ".xlsx":
        write_xlsx(table, path)
    else:
        raise AppError.of("export.unknown_kind", suffix=path.suffix)
