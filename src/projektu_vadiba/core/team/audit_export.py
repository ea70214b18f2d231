"""The audit log as an XLSX file: one line per changed field; personal data shows as its field name only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.exports.formula_guard import guard, safe_cell
from projektu_vadiba.core.team.audit import OPERATIONS, TABLES, AuditRow

HEADER = ("Laiks", "Lietotājs", "Tabula", "Ieraksts", "Projekts", "Darbība", "Lauks", "Bija", "Kļūst")
PERSONAL = "(personas dati)"


def lines(rows: Sequence[AuditRow]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for row in rows:
        common = (
            _local(row.at), row.user, TABLES.get(row.table, row.table), row.row_id, row.project_id,
            OPERATIONS.get(row.operation, row.operation),
        )  # fmt: skip
        if not row.changes:
            out.append((*common, "", "", ""))
        for change in row.changes:
            if change.personal:
                out.append((*common, change.field, PERSONAL, PERSONAL))
            else:
                out.append((*common, change.field, _value(change.old), _value(change.new)))
    return out


def write_xlsx(rows: Sequence[AuditRow], path: Path) -> int:
    """Returns the number of lines written (besides the header)."""
    from openpyxl import Workbook  # heavy: only when an XLSX is written
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Audits")
    bold = Font(bold=True)
    header = []
    for label in HEADER:
        cell = WriteOnlyCell(sheet, value=safe_cell(label))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    body = lines(rows)
    for line in body:
        sheet.append([guard(v) for v in line])
    atomic_files.write_with(path, book.save)
    return len(body)


def _local(at: datetime) -> datetime:
    """Excel has no time zones: the local wall-clock time."""
    return at.astimezone().replace(tzinfo=None) if at.tzinfo is not None else at


def _value(value: Any) -> Any:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    return str(value)
