"""Input widgets of the forms: dates typed as text (parsed by core.dates, shown as 17.10.2020, with a calendar
popup), optional dates that can stay empty, money and numbers typed as text (parsed by core.validation, so a
wrong one gets the core's Latvian message next to the field)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QSpinBox, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.dates import format_date, format_datetime, parse_date, parse_datetime
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.ui.formatting import format_number
from projektu_vadiba.ui.messages import text_of

DATE_FORMAT = "dd.MM.yyyy"
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"
T = TypeVar("T")


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _calendar_icon() -> QIcon:
    """A small calendar page drawn here (no icon theme on Windows)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, QColor("#b3261e"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(x, y, 2, 2, QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QCalendarWidget):
    """The month to pick a day from: a click, or arrows and Enter; Esc closes it without a change."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class _TypedDateEdit(QLineEdit, Generic[T]):
    """A date typed as text and parsed by core.dates when the user leaves the field (or the form asks), with a
    calendar popup on the button at its end, F4 or Alt+Down.

    Text that is not a date stays as typed (nothing is silently turned into another date): `problem()` names it,
    `problem_changed` reports it on leaving the field (the form shows it under the field), and `value()` keeps
    the last good value meanwhile.
    """

    valueChanged = Signal(object)  # the parsed value changed (on leaving the field, a calendar pick, set_value)
    problem_changed = Signal(str)  # "" when the text is a good value

    field_name = "date"
    widest = "30.12.2026"  # the longest text the field shows: it is never cut to ".2026" in a tight row

    def __init__(self, value: T, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.widest + "  ") + 40)  # + the calendar button
        self._value: T = value
        self.popup: _CalendarPopup | None = None
        self.calendar_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(QCoreApplication.translate("DateEdit", "Izvēlēties kalendārā (F4)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self.commit)
        self.setText(self._format(value))

    # ---- what subclasses define ----------------------------------------------------------------------------

    def _parse(self, text: str) -> T:
        raise NotImplementedError

    def _format(self, value: T) -> str:
        raise NotImplementedError

    def _calendar_date(self) -> date | None:
        raise NotImplementedError

    def _picked(self, day: date) -> T:
        raise NotImplementedError

    # ---- value -------------------------------------------------------------------------------------------------

    def value(self) -> T:
        try:
            return self._parse(self.text())
        except ValidationError:
            return self._value

    def set_value(self, value: T) -> None:
        self.setText(self._format(value))
        self._store(value)
        self.problem_changed.emit("")  # whatever was typed before is replaced by a good value

    def problem(self) -> str:
        """Why the text is not a value ("" when it is one)."""
        try:
            self._parse(self.text())
        except ValidationError as exc:
            return text_of(exc.problems[0])
        return ""

    def commit(self) -> None:
        """Leaving the field: a good value is shown in the one format and kept; a bad one is reported."""
        try:
            value = self._parse(self.text())
        except ValidationError as exc:
            self.problem_changed.emit(text_of(exc.problems[0]))
            return
        text = self._format(value)
        if text != self.text():
            self.setText(text)
        self._store(value)
        self.problem_changed.emit("")

    def _store(self, value: T) -> None:
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)

    # ---- calendar ----------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self.popup is None:
            self.popup = _CalendarPopup(self)
            self.popup.clicked.connect(self._pick)
            self.popup.activated.connect(self._pick)
        day = self._calendar_date() or clock.today()
        self.popup.setSelectedDate(qdate(day))
        self.popup.setCurrentPage(day.year, day.month)
        self.popup.adjustSize()
        place = QRect(self.mapToGlobal(QPoint(0, self.height())), self.popup.size())
        screen = self.screen().availableGeometry()
        if place.bottom() > screen.bottom():  # no room below the field: open above it
            place.moveBottom(self.mapToGlobal(QPoint(0, 0)).y() - 1)
        place.moveRight(min(place.right(), screen.right()))
        self.popup.move(place.topLeft())
        self.popup.show()
        self.popup.setFocus(Qt.FocusReason.PopupFocusReason)

    def _pick(self, day: QDate) -> None:
        if self.popup is not None:
            self.popup.close()
        self.set_value(self._picked(pydate(day)))
        self.setFocus(Qt.FocusReason.PopupFocusReason)


class DateEdit(_TypedDateEdit[date]):
    """A required date shown as 30.11.2026; empty or not a date is a problem the form shows."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value or clock.today(), parent)
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "dd.mm.gggg"))

    def _parse(self, text: str) -> date:
        return parse_date(text, self.field_name)

    def _format(self, value: date) -> str:
        return format_date(value)

    def _calendar_date(self) -> date | None:
        return self.value()

    def _picked(self, day: date) -> date:
        return day


class OptionalDateEdit(_TypedDateEdit["date | None"]):
    """A date that may be left empty (delete the text); the calendar then opens on today."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "dd.mm.gggg"))

    def _parse(self, text: str) -> date | None:
        return parse_date(text, self.field_name) if text.strip() else None

    def _format(self, value: date | None) -> str:
        return "" if value is None else format_date(value)

    def _calendar_date(self) -> date | None:
        return self.value()

    def _picked(self, day: date) -> date | None:
        return day


class DateTimeEdit(_TypedDateEdit[datetime]):
    """A date and time shown as 30.11.2026 10:00. A date typed alone keeps the time the field had (a seminar
    moved to another day still starts at 10:00); a day picked in the calendar keeps it too."""

    widest = "30.12.2026 18:30"

    def __init__(self, value: datetime | None = None, parent: QWidget | None = None) -> None:
        super().__init__(value or clock.now().replace(minute=0, second=0, microsecond=0), parent)
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "dd.mm.gggg hh:mm"))

    def _parse(self, text: str) -> datetime:
        return parse_datetime(text, self.field_name, default_time=self._value.time())

    def _format(self, value: datetime) -> str:
        return format_datetime(value)

    def _calendar_date(self) -> date | None:
        return self.value().date()

    def _picked(self, day: date) -> datetime:
        return datetime.combine(day, self.value().time())


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
