"""Input widgets of the forms: dates shown as 17.10.2020, optional dates that can stay empty, money and numbers
typed as text (parsed by core.validation, so a wrong one gets the core's Latvian message next to the field)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLineEdit, QSpinBox, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.ui.formatting import format_number

DATE_FORMAT = "dd.MM.yyyy"
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"
_EMPTY = QDate(1900, 1, 1)


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        self.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.set_value(value or clock.today())

    def value(self) -> date:
        return pydate(self.date())

    def set_value(self, value: date) -> None:
        self.setDate(qdate(value))


class OptionalDateEdit(DateEdit):
    """A date that may be left empty: Delete or Backspace empties it; typing or the calendar sets it."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText(" ")  # shown at the minimum date: "no date"
        self.set_value(value)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:  # type: ignore[override]
        return None if self.date() == _EMPTY else pydate(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(_EMPTY if value is None else qdate(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self.lineEdit()
        whole = edit.selectedText() == edit.text()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.value() is not None and whole:
            self.set_value(None)
            return
        if self.value() is None and event.text().isdigit():
            self.set_value(clock.today())  # start from a real date, then let the key edit it
            self.setSelectedSection(QDateEdit.Section.DaySection)
        super().keyPressEvent(event)

    def stepBy(self, steps: int) -> None:
        if self.value() is None:
            self.set_value(clock.today())
            return
        super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.value() is None:
            today = qdate(clock.today())
            self.calendarWidget().setSelectedDate(today)
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


class DateTimeEdit(QDateTimeEdit):
    def __init__(self, value: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATETIME_FORMAT)
        self.setCalendarPopup(True)
        self.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.set_value(value or clock.now().replace(minute=0, second=0))

    def value(self) -> datetime:
        d, t = self.dateTime().date(), self.dateTime().time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def set_value(self, value: datetime) -> None:
        self.setDateTime(QDateTime(qdate(value.date()), QTime(value.hour, value.minute)))


class AmountEdit(QLineEdit):
    """Money or a quantity as the user types it ("1 234,56"); the form parses it with core.validation."""

    def __init__(self, value: Decimal | None = None, places: int | None = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places = places
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0,00" if places == 2 else "0")
        self.set_value(value)

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format_number(value, self.places))


class CountSpin(QSpinBox):
    """A whole number that may be left empty (shown as "—")."""

    def __init__(
        self, value: int | None = None, minimum: int = 0, maximum: int = 100000, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._none = minimum - 1
        self.setRange(self._none, maximum)
        self.setSpecialValueText("—")
        self.setGroupSeparatorShown(False)
        self.set_value(value)

    def value_or_none(self) -> int | None:
        return None if self.value() == self._none else self.value()

    def set_value(self, value: int | None) -> None:
        self.setValue(self._none if value is None else value)
