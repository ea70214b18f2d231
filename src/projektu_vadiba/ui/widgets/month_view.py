"""A month calendar of events: a 6 × 7 grid (weeks from Monday), each day listing its events as small chips.

Keyboard: arrows move between days, Page Up / Page Down change the month, Enter opens the day's event (or offers
a choice when there are several); on an empty day Enter plans a new event on it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventDTO
from projektu_vadiba.ui.models.month import DATE_ROLE, EVENTS_ROLE, IN_MONTH_ROLE, TODAY_ROLE, MonthModel, month_title
from projektu_vadiba.ui.widgets.cards import scaled_font

CHIP = QColor("#d7e6fb")
CHIP_TEXT = QColor("#0b3a78")
OUTSIDE = QColor("#f1f3f4")
TODAY = QColor("#1a73e8")


def split_line(text: str, metrics: QFontMetrics, width: int) -> tuple[str, str]:
    """The words of `text` that fit on one line of `width`, and the rest."""
    words = text.split()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        if metrics.horizontalAdvance(head) <= width:
            return head, " ".join(words[n:])
    return "", text


class MonthDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.fillRect(rect, palette.base() if index.data(IN_MONTH_ROLE) else OUTSIDE)
        if selected:
            painter.fillRect(rect, palette.highlight().color().lighter(175))
        painter.setPen(palette.mid().color())
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        metrics = option.fontMetrics
        line = metrics.height() + 2
        number = QRect(rect.left() + 4, rect.top() + 2, rect.width() - 8, line)
        if index.data(TODAY_ROLE):
            painter.setPen(TODAY)
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
        else:
            painter.setPen(palette.text().color() if index.data(IN_MONTH_ROLE) else palette.mid().color())
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(index.data()))
        painter.setFont(option.font)
        events: list[EventDTO] = index.data(EVENTS_ROLE) or []
        space = rect.height() - line - 4
        # Two lines a chip (time and the start of the title, then the rest) while the day has room for them.
        lines = 2 if events and len(events) * (2 * line + 1) <= space else 1
        room = max(0, space // (lines * line + 1))
        shown = events if len(events) <= room else events[: max(0, room - 1)]
        y = rect.top() + line + 2
        for e in shown:
            chip = QRect(rect.left() + 3, y, rect.width() - 6, lines * line)
            painter.fillRect(chip, CHIP)
            painter.setPen(CHIP_TEXT)
            inner = chip.adjusted(3, 0, -3, 0)
            text = f"{e.starts_at:%H:%M} {e.title}"
            if lines == 1:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
                painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                first, rest = split_line(text, metrics, inner.width())
                rest = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, inner.width())
                for n, part in enumerate((first, rest)):
                    row = QRect(inner.left(), inner.top() + n * line, inner.width(), line)
                    painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, part)
            y += lines * line + 1
        hidden = len(events) - len(shown)
        if hidden > 0:
            painter.setPen(palette.text().color())
            more = QRect(rect.left() + 4, y, rect.width() - 8, line)
            painter.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.more_text(hidden))
        painter.restore()

    @staticmethod
    def more_text(n: int) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("MonthView", "+ vēl %1").replace("%1", str(n))


class MonthView(QWidget):
    eventActivated = Signal(int)
    dayActivated = Signal(object)  # datetime.date of an empty day: plan an event on it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MonthModel(self)
        self.title = QLabel(self)
        self.title.setFont(scaled_font(self, 1.15, bold=True))
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setToolTip(self.tr("Iepriekšējais mēnesis (Page Up)"))
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(self.tr("Nākamais mēnesis (Page Down)"))
        self.today_button = QPushButton(self.tr("Šodien"), self)
        for button in (self.previous_button, self.next_button, self.today_button):
            button.setAutoDefault(False)
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(self.fontMetrics().horizontalAdvance("◀") * 4)
        self.previous_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.today_button.clicked.connect(self.go_today)

        self.grid = _Grid(self)
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(MonthDelegate(self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setShowGrid(False)
        self.grid.setTabKeyNavigation(False)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.horizontalHeader().setHighlightSections(False)
        self.grid.activated.connect(self._activated)
        self.grid.page.connect(self.shift)

        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addSpacing(8)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.today_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid, 1)
        self._update_title()

    def set_events(self, events: list[EventDTO]) -> None:
        self.model.set_events(events)

    def set_month(self, year: int, month: int) -> None:
        self.model.set_month(year, month)
        self._update_title()

    def shift(self, months: int) -> None:
        current = self.grid.currentIndex()
        day = current.data(DATE_ROLE) if current.isValid() else None
        self.model.shift(months)
        self._update_title()
        if isinstance(day, date):
            target = min(day.day, 28)
            self.grid.setCurrentIndex(self.model.index_of(date(self.model.year, self.model.month, target)))

    def go_today(self) -> None:
        today = clock.today()
        self.set_month(today.year, today.month)
        self.grid.setCurrentIndex(self.model.index_of(today))

    def show_day(self, day: date) -> None:
        self.set_month(day.year, day.month)
        self.grid.setCurrentIndex(self.model.index_of(day))

    def _update_title(self) -> None:
        self.title.setText(month_title(self.model.year, self.model.month))

    def _activated(self, index: QModelIndex) -> None:
        events: list[EventDTO] = index.data(EVENTS_ROLE) or []
        if len(events) == 1:
            self.eventActivated.emit(events[0].id)
        elif events:
            menu = QMenu(self)
            for e in events:
                action = menu.addAction(f"{e.starts_at:%H:%M} {e.title}")
                action.setData(e.id)
            rect = self.grid.visualRect(index)
            chosen = menu.exec(self.grid.viewport().mapToGlobal(rect.center()))
            if chosen is not None:
                self.eventActivated.emit(int(chosen.data()))
        else:
            self.dayActivated.emit(index.data(DATE_ROLE))


class _Grid(QTableView):
    page = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageUp:
            self.page.emit(-1)
            return
        if event.key() == Qt.Key.Key_PageDown:
            self.page.emit(1)
            return
        super().keyPressEvent(event)
