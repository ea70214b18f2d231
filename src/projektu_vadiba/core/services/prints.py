"""The print record: every attendance sheet printed for signing is recorded with which person stands on which row
of which page, so a scan of it maps its rows to people even after the list has changed.

    stamp = start_print(session, {"landscape": False})     # reserves the print id that goes into the QR codes
    pdf = build_attendance_pdf(sheets, SheetOptions(stamp=stamp))
    record_pages(session, stamp, pdf.pages)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import Person, PrintPage, PrintRow, SheetPrint

# The installation id lives in core/services/installation.py (opening a database claims it); known here as before.
from projektu_vadiba.core.services.installation import INSTALLATION_KEY as INSTALLATION_KEY
from projektu_vadiba.core.services.installation import LOCATION_KEY as LOCATION_KEY
from projektu_vadiba.core.services.installation import claim_installation as claim_installation
from projektu_vadiba.core.services.installation import installation_id


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
    people: str = ""  # the rows' digest as printed (marks.rows_digest); "" for pages recorded before it was kept


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


def print_installation(session: Session, print_id: int) -> str | None:
    """The (short) installation id a print was made under, or None when there is no such print."""
    record = session.get(SheetPrint, print_id)
    return None if record is None else record.installation


def short_installation(session: Session) -> str:
    from projektu_vadiba.core.scan.marks import short_installation as short

    return short(installation_id(session))


def start_print(session: Session, options: dict[str, Any] | None = None) -> PrintStamp:
    record = SheetPrint(installation=short_installation(session), options=json.dumps(options or {}, sort_keys=True))
    session.add(record)
    session.flush()
    return PrintStamp(record.installation, record.id)


def record_pages(session: Session, stamp: PrintStamp, plans: Iterable[_PlanLike]) -> None:
    from projektu_vadiba.core.scan.marks import rows_digest  # not at import: opening a database claims through here

    for plan in plans:
        geometry = {
            "width": plan.width_mm,
            "height": plan.height_mm,
            "rows": [[r.number, r.top_mm, r.bottom_mm] for r in plan.rows if r.number is not None],
            "signature": [list(c) for c in plan.signature_columns],
            "writing": [[left, right] for key, left, right in plan.columns if key != "number"],
            # the same digest the page's QR code carries (reports/attendance_sheet.py); kept as printed, so a later
            # merge or deletion of a person does not make the sheet's own record disagree with it
            "people": rows_digest((r.number, r.person_id) for r in plan.rows if r.number is not None),
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
        people=str(geometry.get("people", "")),
    )
