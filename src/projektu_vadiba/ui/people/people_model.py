"""A table of people over `people.search_people`, fetched a page at a time (fetchMore) so 100,000 people cost
one page of rows until the user scrolls; the order is the service's (Latvian alphabetical)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PersonDTO
from projektu_vadiba.core.services import people

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 3
PAGE = 100


class PeopleModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._query = ""
        self._rows: list[PersonDTO] = []
        self._total = 0
        self._more = False  # more than people.COUNT_CAP: how many is not known, pages are fetched until one is short
        self._headers = [
            QCoreApplication.translate("people", "Uzvārds"),
            QCoreApplication.translate("people", "Vārds"),
            QCoreApplication.translate("people", "Organizācija"),
            QCoreApplication.translate("people", "Pašvaldība"),
            QCoreApplication.translate("people", "E-pasts"),
            QCoreApplication.translate("people", "Tālrunis"),
        ]

    # ---- data in --------------------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self._query = query
        with self._db.session() as s:
            # capped per keystroke; the whole registry's size exactly (asked once, a count of ~60 ms at 1,000,000)
            cap = people.COUNT_CAP if query.strip() else None
            self._total = people.count_people(s, query, cap=cap)
            self._rows = people.search_people(s, query, limit=PAGE)
        self._more = cap is not None and self._total > cap
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    @property
    def total(self) -> int:
        """The count of the query's people; with `more`, people.COUNT_CAP + 1 standing for "more than COUNT_CAP"."""
        return self._total

    @property
    def more(self) -> bool:
        return self._more

    def person_at(self, row: int) -> PersonDTO:
        return self._rows[row]

    # ---- Qt model API -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and (self._more or len(self._rows) < self._total)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        with self._db.session() as s:
            more = people.search_people(s, self._query, limit=PAGE, offset=len(self._rows))
        if len(more) < PAGE and self._more:  # the last page: now it is known how many
            self._more, self._total = False, len(self._rows) + len(more)
        if not more:
            self._total = len(self._rows)  # someone deleted people meanwhile (or the count was capped)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.surname, p.given_name, p.organisation_name or "", p.municipality, p.email, p.phone)[
                index.column()
            ]
        if role == ID_ROLE:
            return p.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if p.anonymised:
                return QCoreApplication.translate("people", "Anonimizēta persona: vārds un kontakti dzēsti.")
            # The whole value: the registry shows one line a person and cuts a long one with "…".
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
