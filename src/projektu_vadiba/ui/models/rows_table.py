"""A read-only QAbstractTableModel over a list of DTOs, described by a list of columns.

Roles beyond display:
- SORT_ROLE: an int, the row's rank in the column's order (Latvian alphabetical order for text, via
  core.text.lv_sort_key). Ranks are computed once per column in Python, so the proxy compares plain ints in C++.
- SEARCH_ROLE: the row's visible texts folded (lower case, no diacritics), for diacritic-blind filtering.
- ID_ROLE: the DTO's `id`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from projektu_vadiba.core.text import fold, lv_sort_key

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SEARCH_ROLE = int(Qt.ItemDataRole.UserRole) + 2
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 3

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, Any], ...]:
    """'Nr. 9' before 'Nr. 10': digit runs compare as numbers, the rest in Latvian order."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, lv_sort_key(part)) for part in _DIGITS.split(text.strip()) if part
    )


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, the text of a cell, and optionally a sort key (default: the text, Latvian order)."""

    header: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    align: Qt.AlignmentFlag = field(default=LEFT)
    tooltip: bool = False  # show the full text as a tooltip (long titles)


class RowsTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        # A row's text colour (an overdue deadline in red); None: the view's default.
        self.row_foreground: Callable[[T], QColor | None] | None = None
        self._rows: list[T] = []
        self._ranks: dict[int, list[int]] = {}
        self._search: list[str] | None = None
        self._answers: dict[int, Callable[[int, int], Any]] = {
            int(Qt.ItemDataRole.DisplayRole): self._display,
            int(Qt.ItemDataRole.ToolTipRole): self._tooltip,
            int(Qt.ItemDataRole.TextAlignmentRole): self._alignment,
            int(Qt.ItemDataRole.ForegroundRole): self._foreground,
            SORT_ROLE: self._sort_rank,
            SEARCH_ROLE: self._search_text,
            ID_ROLE: self._id,
        }

    # ---- data in -------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._ranks.clear()
        self._search = None
        self.endResetModel()

    def row_at(self, row: int) -> T:
        return self._rows[row]

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def row_of(self, id_: int) -> int | None:
        """The row of the item with this `id` (None if not listed)."""
        return next((i for i, item in enumerate(self._rows) if getattr(item, "id", None) == id_), None)

    # ---- Qt model API --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._columns[section].align)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called tens of thousands of times as a big table is laid out and painted, mostly for roles no column
        # uses (font, decoration, size hint...): those leave at the first dict look-up, before any other work.
        answer = self._answers.get(role)
        if answer is None:
            return None
        row, col = index.row(), index.column()
        if row < 0 or col < 0 or row >= len(self._rows) or col >= len(self._columns):
            return None
        return answer(row, col)

    def _display(self, row: int, col: int) -> Any:
        return self._columns[col].text(self._rows[row])

    def _tooltip(self, row: int, col: int) -> Any:
        column = self._columns[col]
        return column.text(self._rows[row]) if column.tooltip else None

    def _alignment(self, row: int, col: int) -> Any:
        return int(self._columns[col].align)

    def _foreground(self, row: int, col: int) -> Any:
        return None if self.row_foreground is None else self.row_foreground(self._rows[row])

    def _sort_rank(self, row: int, col: int) -> Any:
        return self._rank(col)[row]

    def _search_text(self, row: int, col: int) -> Any:
        return self._search_texts()[row]

    def _id(self, row: int, col: int) -> Any:
        return getattr(self._rows[row], "id", None)

    # ---- helpers -------------------------------------------------------------------------------------

    def _rank(self, col: int) -> list[int]:
        ranks = self._ranks.get(col)
        if ranks is None:
            column = self._columns[col]
            key = column.sort_key or (lambda item: lv_sort_key(column.text(item)))
            order = sorted(range(len(self._rows)), key=lambda i: key(self._rows[i]))
            ranks = [0] * len(order)
            for rank, i in enumerate(order):
                ranks[i] = rank
            self._ranks[col] = ranks
        return ranks

    def _search_texts(self) -> list[str]:
        if self._search is None:
            self._search = [fold(" ".join(c.text(item) for c in self._columns)) for item in self._rows]
        return self._search
