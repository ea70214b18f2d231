"""A month as a 6 × 7 table (weeks from Monday) whose cells hold the day's events, for the calendar view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventDTO
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.models.rows_table import Index

DATE_ROLE = int(Qt.ItemDataRole.UserRole) + 20  # the cell's date (datetime.date)
EVENTS_ROLE = int(Qt.ItemDataRole.UserRole) + 21  # the day's events (list[EventDTO], by start time)
IN_MONTH_ROLE = int(Qt.ItemDataRole.UserRole) + 22  # False for the days of the neighbouring months
TODAY_ROLE = int(Qt.ItemDataRole.UserRole) + 23


def weekday_name(i: int) -> str:
    names = (
        QCoreApplication.translate("MonthModel", "Pirmdiena"),
        QCoreApplication.translate("MonthModel", "Otrdiena"),
        QCoreApplication.translate("MonthModel", "Trešdiena"),
        QCoreApplication.translate("MonthModel", "Ceturtdiena"),
        QCoreApplication.translate("MonthModel", "Piektdiena"),
        QCoreApplication.translate("MonthModel", "Sestdiena"),
        QCoreApplication.translate("MonthModel", "Svētdiena"),
    )
    return names[i]


def month_name(month: int) -> str:
    names = (
        QCoreApplication.translate("MonthModel", "janvāris"),
        QCoreApplication.translate("MonthModel", "februāris"),
        QCoreApplication.translate("MonthModel", "marts"),
        QCoreApplication.translate("MonthModel", "aprīlis"),
        QCoreApplication.translate("MonthModel", "maijs"),
        QCoreApplication.translate("MonthModel", "jūnijs"),
        QCoreApplication.translate("MonthModel", "jūlijs"),
        QCoreApplication.translate("MonthModel", "augusts"),
        QCoreApplication.translate("MonthModel", "septembris"),
        QCoreApplication.translate("MonthModel", "oktobris"),
        QCoreApplication.translate("MonthModel", "novembris"),
        QCoreApplication.translate("MonthModel", "decembris"),
    )
    return names[month - 1]


def month_title(year: int, month: int) -> str:
    """'2025. gada novembris' / 'November 2025'."""
    return (
        QCoreApplication.translate("MonthModel", "%1. gada %2")
        .replace("%1", str(year))
        .replace("%2", month_name(month))
    )


class MonthModel(QAbstractTableModel):
    ROWS, COLUMNS = 6, 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        today = clock.today()
        self.year, self.month = today.year, today.month
        self._by_day: dict[date, list[EventDTO]] = {}

    # ---- data in -------------------------------------------------------------------------------------

    def set_events(self, events: Sequence[EventDTO]) -> None:
        """Every event of the project; each is shown on every day it runs (a two-day study trip: two cells)."""
        self.beginResetModel()
        self._by_day = {}
        for e in sorted(events, key=lambda e: (e.starts_at, e.id)):
            day, last = e.starts_at.date(), max(e.ends_at.date(), e.starts_at.date())
            while day <= last and (day - e.starts_at.date()).days < 62:
                self._by_day.setdefault(day, []).append(e)
                day += timedelta(days=1)
        self.endResetModel()

    def set_month(self, year: int, month: int) -> None:
        self.beginResetModel()
        self.year, self.month = year, month
        self.endResetModel()

    def shift(self, months: int) -> None:
        index = self.year * 12 + (self.month - 1) + months
        self.set_month(index // 12, index % 12 + 1)

    def first_day(self) -> date:
        """The Monday the grid starts with."""
        first = date(self.year, self.month, 1)
        return first - timedelta(days=first.weekday())

    def day_at(self, row: int, column: int) -> date:
        return self.first_day() + timedelta(days=row * 7 + column)

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first_day()).days
        if not 0 <= offset < self.ROWS * self.COLUMNS:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def events_in_month(self) -> int:
        return len({e.id for d, es in self._by_day.items() if (d.year, d.month) == (self.year, self.month) for e in es})

    # ---- Qt model API --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.ROWS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return weekday_name(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        day = self.day_at(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DATE_ROLE:
            return day
        if role == EVENTS_ROLE:
            return list(self._by_day.get(day, []))
        if role == IN_MONTH_ROLE:
            return day.month == self.month
        if role == TODAY_ROLE:
            return day == clock.today()
        if role == Qt.ItemDataRole.ToolTipRole:
            events = self._by_day.get(day, [])
            lines = [format_date(day), *(f"{e.starts_at:%H:%M} {e.title}" for e in events)]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            events = self._by_day.get(day, [])
            return ", ".join([format_date(day), *(e.title for e in events)])
        return None
