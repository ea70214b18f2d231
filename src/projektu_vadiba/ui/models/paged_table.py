"""A table model for long lists (a project's events can run into thousands): the view gets rows in chunks as it
scrolls (canFetchMore / fetchMore), so it never lays out rows nobody looks at.

Sorting and searching work on the whole list, here in the model (a proxy on top would only see the rows fetched
so far): sort keys follow Latvian alphabetical order like RowsTableModel's, the search folds diacritics and case
and wants every typed word somewhere in the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from projektu_vadiba.core.text import fold, lv_sort_key
from projektu_vadiba.ui.models.rows_table import Column, Index, RowsTableModel

T = TypeVar("T")
CHUNK = 200


class PagedRowsModel(RowsTableModel[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None, chunk: int = CHUNK) -> None:
        super().__init__(columns, parent)
        self.chunk = chunk
        self._all: list[T] = []
        self._folded: list[str] | None = None
        self._words: list[str] = []
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._shown = 0
        # True while rows are being reset or inserted: a view (or Qt's model tester) reacting to that signal must
        # not fetch again in the middle of it.
        self._changing = False

    # ---- data in -------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self._all = list(rows)
        self._folded = None
        self._apply()

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:
            self._words = words
            self._apply()

    @property
    def total_count(self) -> int:
        """Rows before the search."""
        return len(self._all)

    @property
    def match_count(self) -> int:
        """Rows the search keeps (fetched or not)."""
        return len(self._rows)

    def ensure_fetched(self, row: int) -> None:
        """Fetch up to `row` (to select a row that is further down than the user has scrolled)."""
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    # ---- Qt model API --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self._changing and self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        n = min(self.chunk, len(self._rows) - self._shown)
        self._changing = True
        try:
            self.beginInsertRows(QModelIndex(), self._shown, self._shown + n - 1)
            self._shown += n
            self.endInsertRows()
        finally:
            self._changing = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """column -1: the order the service gave."""
        self._order = None if column < 0 or column >= len(self._columns) else (column, order)
        self._apply()

    # ---- helpers -------------------------------------------------------------------------------------

    def _apply(self) -> None:
        self._changing = True
        try:
            self._reset()
        finally:
            self._changing = False

    def _reset(self) -> None:
        self.beginResetModel()
        rows = self._all
        if self._words:
            folded = self._folded_texts()
            rows = [item for item, text in zip(self._all, folded, strict=True) if all(w in text for w in self._words)]
        if self._order is not None:
            col, order = self._order
            column = self._columns[col]
            key: Any = column.sort_key or (lambda item: lv_sort_key(column.text(item)))
            rows = sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = list(rows)
        self._ranks.clear()
        self._search = None
        self._shown = min(self.chunk, len(self._rows))
        self.endResetModel()

    def _folded_texts(self) -> list[str]:
        if self._folded is None:
            self._folded = [fold(" ".join(c.text(item) for c in self._columns)) for item in self._all]
        return self._folded
