"""A sort/filter proxy for RowsTableModel: Latvian order through SORT_ROLE, diacritic-blind word search."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRegularExpression, QSortFilterProxyModel

from projektu_vadiba.core.text import fold
from projektu_vadiba.ui.models.rows_table import SEARCH_ROLE, SORT_ROLE


class SearchProxyModel(QSortFilterProxyModel):
    """Sorts by the source's rank role and keeps rows whose folded text contains every typed word.

    "berz 2023" keeps "Bērzi … 01.03.2023–…": words in any order, any case, with or without diacritics.
    Both comparisons stay in C++ (int ranks, one regular expression), so large lists remain quick.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        pattern = "^" + "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in words) if words else ""
        self.setFilterRegularExpression(QRegularExpression(pattern))
