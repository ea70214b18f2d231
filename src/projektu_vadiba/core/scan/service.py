"""Reads scanned files against this database's print record. Reading changes nothing; apply.py applies.

report = read_scans(session, [Path("skans.pdf"), Path("foto.jpg")])
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import cv2
from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import Message, as_message
from projektu_vadiba.core.models import Event
from projektu_vadiba.core.scan import reader
from projektu_vadiba.core.scan.marks import PagePayload
from projektu_vadiba.core.scan.pdf_pages import page_images
from projektu_vadiba.core.scan.reader import RowState
from projektu_vadiba.core.scan.results import ScanError, ScannedPage, ScannedRow, ScanReport
from projektu_vadiba.core.services import prints
from projektu_vadiba.core.services.attendance_days import event_days

OTHER_DATABASE = Message("scan.other_database")
UNREADABLE = Message("scan.unreadable")
UNKNOWN_PRINT = Message("scan.unknown_print")


def read_scans(session: Session, files: Sequence[Path], *, keep_images: bool = False) -> ScanReport:
    pages: list[ScannedPage] = []
    errors: list[ScanError] = []
    ours = prints.short_installation(session)
    for path in files:
        try:
            for number, image in page_images(path):
                if isinstance(image, str):  # a page without a picture to read: its message
                    errors.append(ScanError(str(path), number, image))
                    continue
                try:
                    pages.append(read_page(session, ours, str(path), number, image, keep_images))
                except AppError as exc:
                    errors.append(ScanError(str(path), number, as_message(exc)))
                except (cv2.error, ValueError, IndexError):  # OpenCV or zxing on a degenerate picture
                    errors.append(ScanError(str(path), number, UNREADABLE))
        except AppError as exc:
            errors.append(ScanError(str(path), None, as_message(exc)))
    return ScanReport(tuple(pages), tuple(errors))


def _column_days(session: Session, event_id: int, columns: int) -> tuple[date, ...]:
    """The day of each signature column of a per-day sheet: the sheet prints one per event day, in order. The
    print record keeps no dates, so when the event's days no longer match the columns, the days are not known
    (the rows then count for the whole event, as a one-column sheet does)."""
    event = session.get(Event, event_id)
    if event is None or columns < 2:
        return ()
    days = event_days(event.starts_at, event.ends_at)
    return days if len(days) == columns else ()


def _checked_print(session: Session, ours: str, payload: PagePayload) -> prints.PrintedPage:
    """The print record the page's code names, only when the code agrees with it: the installation it was printed
    under (a copy of the database has its own), the rows and, on sheets that carry it, who stands on each row. The
    code is data from paper: a page whose code and record disagree ticks nobody."""
    made_under = prints.print_installation(session, payload.print_id)
    if made_under is None:
        raise AppError.of("scan.other_database" if payload.installation != ours else "scan.unknown_print")
    if made_under != payload.installation:
        raise AppError.of("scan.other_database")
    printed = prints.printed_page(session, payload.print_id, payload.event_id, payload.page)
    if printed is None:
        raise AppError.of("scan.unknown_print")
    numbers = [row.number for row in printed.rows]
    landscape = printed.width_mm > printed.height_mm
    if (numbers[0] if numbers else 0, len(numbers)) != (
        payload.first_row,
        payload.rows,
    ) or landscape != payload.landscape:
        raise AppError.of("scan.record_mismatch", print_id=payload.print_id, page=payload.page)
    if payload.people and printed.people and payload.people != printed.people:
        raise AppError.of("scan.record_mismatch", print_id=payload.print_id, page=payload.page)
    return printed


def read_page(session: Session, ours: str, file: str, number: int, image: Any, keep_image: bool) -> ScannedPage:
    search = reader.Search.of(reader.to_gray(image))
    payload = reader.read_code(search)
    printed = _checked_print(session, ours, payload)
    aligned = reader.align(search, payload)
    days = _column_days(session, payload.event_id, len(printed.signature_columns))
    found: dict[RowState, list[ScannedRow]] = {state: [] for state in RowState}
    walk_ins: list[int] = []
    for row in printed.rows:
        shares = [
            reader.ink_share(aligned.page, left, row.top_mm, right, row.bottom_mm)
            for left, right in printed.signature_columns
        ]
        share = max(shares, default=0.0)
        if row.person_id is None:  # a blank row: anything written in it is a walk-in to type in
            writing = max(
                (
                    reader.ink_share(aligned.page, left, row.top_mm, right, row.bottom_mm)
                    for left, right in printed.writing_columns
                ),
                default=0.0,
            )
            if reader.state_of(max(share, writing)) is not RowState.EMPTY:
                walk_ins.append(row.number)
            continue
        state = reader.state_of(share)
        # The days signed: cells as sure as the row's best one (an uncertain row: its uncertain cells).
        signed_days = (
            tuple(d for d, s in zip(days, shares, strict=False) if reader.state_of(s) is state) if days else ()
        )
        found[state].append(ScannedRow(row.number, row.person_id, row.name, round(share, 4), signed_days))
    png = b""
    if keep_image:  # at half the reading resolution (3 px/mm): the review screen shows it at most 540 px wide
        small = cv2.resize(aligned.page, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        png = bytes(cv2.imencode(".png", small)[1].tobytes())
    return ScannedPage(
        file=file,
        page=number,
        event_id=payload.event_id,
        print_id=payload.print_id,
        sheet_page=payload.page,
        signed=tuple(found[RowState.SIGNED]),
        empty=tuple(found[RowState.EMPTY]),
        uncertain=tuple(found[RowState.UNCERTAIN]),
        walk_in_rows=tuple(walk_ins),
        image_png=png,
    )
