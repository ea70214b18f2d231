"""What every printed sheet page carries so that a scan of it reads itself back.

The QR code holds the database's short installation id, the print, the event, the page, the first row's number and
the number of rows, and the page's orientation (enough to straighten the page before the print record is read).
Four ArUco markers (DICT_4X4_50, ids 0-3 clockwise from the top-left) sit in the corner squares the sheet margins
keep free; their known positions give the homography that straightens a skewed or rotated photo.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

PREFIX = "PV1"
A4_MM = (210.0, 297.0)
MARKER_MM = 10.0  # side of a marker
MARKER_INSET_MM = 5.0  # from the page edges to the marker: inside the 15 mm corner square, clear of printers' margins
QR_MM = 18.0  # the footer's QR slot
MARKER_IDS = (0, 1, 2, 3)  # top-left, top-right, bottom-right, bottom-left


@dataclass(frozen=True)
class PagePayload:
    installation: str  # short form of the database's installation id
    print_id: int
    event_id: int
    page: int
    first_row: int
    rows: int
    landscape: bool
    people: str = ""  # rows_digest of the page's (row, person) pairs; "" on sheets printed before it existed

    def encode(self) -> str:
        orient = "L" if self.landscape else "P"
        fields = (self.print_id, self.event_id, self.page, self.first_row, self.rows)
        tail = (self.people,) if self.people else ()
        return ":".join((PREFIX, self.installation, *map(str, fields), orient, *tail))

    @property
    def page_size_mm(self) -> tuple[float, float]:
        width, height = A4_MM
        return (height, width) if self.landscape else (width, height)


def decode(text: str) -> PagePayload | None:
    """None when the text is not a sheet code of this program."""
    parts = text.strip().split(":")
    if len(parts) not in (8, 9) or parts[0] != PREFIX or parts[7] not in ("P", "L"):
        return None
    if not re.fullmatch(r"[0-9A-F]{1,8}", parts[1]):
        return None
    people = parts[8] if len(parts) == 9 else ""
    if people and not re.fullmatch(r"[0-9a-f]{8}", people):
        return None
    try:
        print_id, event_id, page, first_row, rows = (int(p) for p in parts[2:7])
    except ValueError:
        return None
    if print_id < 0 or min(event_id, page) < 1 or first_row < 0 or not 0 <= rows <= MAX_ROWS:
        return None
    return PagePayload(parts[1], print_id, event_id, page, first_row, rows, parts[7] == "L", people)


MAX_ROWS = 500  # far more than an A4 page holds; a bigger number is not a code this program printed


def rows_digest(rows: Iterable[tuple[int, int | None]]) -> str:
    """Who stands on which row of a page, in 8 hex digits: the QR carries it, the scan compares it with the print
    record, so a sheet never ticks people its record does not list on those rows."""
    text = ";".join(f"{number}={person or 0}" for number, person in rows)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def short_installation(installation_id: str) -> str:
    return installation_id.replace("-", "")[:8].upper()


def marker_corners_mm(width_mm: float, height_mm: float) -> dict[int, tuple[tuple[float, float], ...]]:
    """Each marker's four corners (top-left, top-right, bottom-right, bottom-left, as OpenCV reports them), in mm
    from the page's top-left corner."""
    inset, size = MARKER_INSET_MM, MARKER_MM
    origins = {
        0: (inset, inset),
        1: (width_mm - inset - size, inset),
        2: (width_mm - inset - size, height_mm - inset - size),
        3: (inset, height_mm - inset - size),
    }
    return {marker: ((x, y), (x + size, y), (x + size, y + size), (x, y + size)) for marker, (x, y) in origins.items()}
