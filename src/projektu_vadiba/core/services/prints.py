"""The print record: every attendance sheet printed for signing is recorded with which person stands on which row
of which page, so a scan of it maps its rows to people even after the list has changed.

    stamp = start_print(session, {"landscape": False})     # reserves the print id that goes into the QR codes
    pdf = build_attendance_pdf(sheets, SheetOptions(stamp=stamp))
    record_pages(session, stamp, pdf.pages)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import AppMeta, Person, PrintPage, PrintRow, SheetPrint

INSTALLATION_KEY = "installation_id"


@dataclass(frozen=True)
class PrintStamp:
    installation: str  # short form printed in the QR code
    print_id: int


@dataclass(frozen=True)
class PrintedRow:
    number: int
    person_id: int | None
    name: str  # "" for a blank (walk-in) row
    top_mm: float
    bottom_mm: float


@dataclass(frozen=True)
class PrintedPage:
    print_id: int
    event_id: int
    page: int
    width_mm: float
    height_mm: float
    rows: tuple[PrintedRow, ...]
    signature_columns: tuple[tuple[float, float], ...]
    writing_columns: tuple[tuple[float, float], ...]  # where a walk-in writes (every column but the row number)


class _RowLike(Protocol):
    @property
    def number(self) -> int | None: ...
    @property
    def person_id(self) -> int | None: ...
    @property
    def top_mm(self) -> float: ...
    @property
    def bottom_mm(self) -> float: ...


class _PlanLike(Protocol):  # reports.sheet_layout.PagePlan, without core importing reports
    @property
    def event_id(self) -> int: ...
    @property
    def page(self) -> int: ...
    @property
    def width_mm(self) -> float: ...
    @property
    def height_mm(self) -> float: ...
    @property
    def rows(self) -> Sequence[_RowLike]: ...
    @property
    def columns(self) -> Sequence[tuple[str, float, float]]: ...
    @property
    def signature_columns(self) -> Sequence[tuple[float, float]]: ...


def installation_id(session: Session) -> str:
    """This database's random id; made by migration 0003, and here for a database made another way."""
    meta = session.get(AppMeta, INSTALLATION_KEY)
    if meta is None:
        meta = AppMeta(key=INSTALLATION_KEY, value=str(uuid.uuid4()))
        session.add(meta)
        session.flush()
    return meta.value


def short_installation(session: Session) -> str:
    from projektu_vadiba.core.scan.marks import short_installation as short

    return short(installation_id(session))


def start_print(session: Session, options: dict[str, Any] | None = None) -> PrintStamp:
    record = SheetPrint(installation=short_installation(session), options=json.dumps(options or {}, sort_keys=True))
    session.add(record)
    session.flush()
    return PrintStamp(record.installation, record.id)


def record_pages(session: Session, stamp: PrintStamp, plans: Iterable[_PlanLike]) -> None:
    for plan in plans:
        geometry = {
            "width": plan.width_mm,
            "height": plan.height_mm,
            "rows": [[r.number, r.top_mm, r.bottom_mm] for r in plan.rows if r.number is not None],
            "signature": [list(c) for c in plan.signature_columns],
            "writing": [[left, right] for key, left, right in plan.columns if key != "number"],
        }
        page = PrintPage(print_id=stamp.print_id, event_id=plan.event_id, page=plan.page, geometry=json.dumps(geometry))
        session.add(page)
        session.flush()
        session.add_all(
            PrintRow(page_id=page.id, number=r.number, person_id=r.person_id) for r in plan.rows if r.number is not None
        )
    session.flush()


def printed_page(session: Session, print_id: int, event_id: int, page: int) -> PrintedPage | None:
    record = session.scalars(
        select(PrintPage).where(PrintPage.print_id == print_id, PrintPage.event_id == event_id, PrintPage.page == page)
    ).first()
    if record is None:
        return None
    geometry = json.loads(record.geometry)
    people: dict[int, int | None] = {
        number: person
        for number, person in session.execute(
            select(PrintRow.number, PrintRow.person_id).where(PrintRow.page_id == record.id)
        )
    }
    ids = [p for p in people.values() if p is not None]
    names = {
        pid: f"{given} {surname}".strip()
        for pid, given, surname in session.execute(
            select(Person.id, Person.given_name, Person.surname).where(Person.id.in_(ids))
        )
    }
    rows = tuple(
        PrintedRow(number, people.get(number), names.get(people.get(number) or 0, ""), top, bottom)
        for number, top, bottom in geometry["rows"]
    )
    return PrintedPage(
        print_id=print_id,
        event_id=event_id,
        page=page,
        width_mm=geometry["width"],
        height_mm=geometry["height"],
        rows=rows,
        signature_columns=tuple((a, b) for a, b in geometry["signature"]),
        writing_columns=tuple((a, b) for a, b in geometry["writing"]),
    )
