"""The one rule every exported spreadsheet cell passes (CSV and XLSX, in every report and export).

A text cell starting with = + - @ (or a tab / carriage return) would be run as a formula by a spreadsheet
(CSV/formula injection: a project title "=HYPERLINK(...)" typed by anyone who can edit the data), so such a cell
gets a leading apostrophe, which spreadsheets show as text. Numbers, dates and the formulas the app itself writes
are not text from the user and are left alone by their callers.
"""

from __future__ import annotations

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """Any value as a guarded text cell (None becomes empty)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS) else text


def guard(value: object) -> object:
    """A cell value as it is, except text, which is guarded; numbers, dates and None pass."""
    return safe_cell(value) if isinstance(value, str) else value
