"""What reading scans returns: plain frozen values (no images, no ORM objects); the CLI prints them as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class ScannedRow:
    row: int  # the number printed on the sheet
    person_id: int | None
    name: str
    share: float  # ink share in the signature cell(s)
    days: tuple[date, ...] = ()  # a per-day sheet: the days whose signature cell has ink (empty: not known)


@dataclass(frozen=True)
class ScannedPage:
    file: str
    page: int  # page of the scanned file, from 1
    event_id: int
    print_id: int
    sheet_page: int  # page within the printed sheet
    signed: tuple[ScannedRow, ...]
    empty: tuple[ScannedRow, ...]
    uncertain: tuple[ScannedRow, ...]
    walk_in_rows: tuple[int, ...]  # blank rows with writing: people to type in
    image_png: bytes = field(default=b"", repr=False)  # the straightened page, for the review screen

    def as_json(self) -> dict[str, Any]:
        def rows(items: tuple[ScannedRow, ...]) -> list[dict[str, Any]]:
            return [
                {"row": r.row, "name": r.name, "person_id": r.person_id}
                | ({"days": [d.isoformat() for d in r.days]} if r.days else {})
                for r in items
            ]

        return {
            "file": self.file,
            "page": self.page,
            "event": self.event_id,
            "print": self.print_id,
            "sheet_page": self.sheet_page,
            "signed": rows(self.signed),
            "empty": rows(self.empty),
            "uncertain": rows(self.uncertain),
            "walk_in_rows": list(self.walk_in_rows),
        }


@dataclass(frozen=True)
class ScanError:
    file: str
    page: int | None
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "page": self.page, "message": self.message}


@dataclass(frozen=True)
class ScanReport:
    pages: tuple[ScannedPage, ...]
    errors: tuple[ScanError, ...]

    def as_json(self) -> dict[str, Any]:
        return {"pages": [p.as_json() for p in self.pages], "errors": [e.as_json() for e in self.errors]}


@dataclass(frozen=True)
class ApplyResult:
    apply_ids: tuple[int, ...]
    attended: int  # people newly ticked as attended
    attachments: int
