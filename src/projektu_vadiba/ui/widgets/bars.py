"""Indicator progress drawn as bars: achieved against planned, with a tick where progress should be by now
(planned × time gone). Painted by hand: a few rows, cheap, and the same in every style."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from projektu_vadiba.ui.formatting import format_number, format_percent

GOOD = QColor("#2e7d32")
BEHIND = QColor("#e37400")
TRACK = QColor("#e6e8eb")
TICK = QColor("#3c4043")


@dataclass(frozen=True)
class Bar:
    id: int
    label: str
    achieved: float
    planned: float
    expected: float | None  # None: no "by now" tick
    behind: bool
    text: str  # "45 / 120 (38 %)"
    tooltip: str = ""


def bar_text(achieved: object, planned: object, share: float) -> str:
    return f"{format_number(achieved)} / {format_number(planned)} ({format_percent(share)})"  # type: ignore[arg-type]


def paint_bar(painter: QPainter, rect: QRect, share: float, expected_share: float | None, behind: bool) -> None:
    """A rounded track, the achieved part over it (capped at the track's end), a tick at the expected share."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    track = QRectF(rect)
    painter.setBrush(TRACK)
    painter.drawRoundedRect(track, 3, 3)
    if share > 0:
        filled = QRectF(track)
        filled.setWidth(max(4.0, track.width() * min(share, 1.0)))
        painter.setBrush(BEHIND if behind else GOOD)
        painter.drawRoundedRect(filled, 3, 3)
    if expected_share is not None and 0 < expected_share <= 1:
        x = track.left() + track.width() * expected_share
        painter.setPen(QPen(TICK, 2))
        painter.drawLine(int(x), int(track.top()) - 2, int(x), int(track.bottom()) + 2)
    painter.restore()


class IndicatorBars(QWidget):
    """One row per indicator: its name on the left, the bar, the numbers on the right. Click: `barClicked(id)`."""

    barClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.updateGeometry()
        self.update()

    def row_height(self) -> int:
        return self.fontMetrics().height() * 2 + 10

    def sizeHint(self) -> QSize:
        return QSize(480, max(1, len(self.bars)) * self.row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        h = self.row_height()
        number_width = max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0) + 8
        for i, bar in enumerate(self.bars):
            top = i * h
            label_rect = QRect(0, top + 2, self.width() - number_width - 4, metrics.height())
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(
                label_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_rect.width()),
            )
            track = QRect(0, top + metrics.height() + 6, self.width() - number_width - 4, max(8, metrics.height() // 2))
            share = bar.achieved / bar.planned if bar.planned else 0.0
            expected = bar.expected / bar.planned if bar.expected is not None and bar.planned else None
            paint_bar(painter, track, share, expected, bar.behind)
            painter.setPen(BEHIND.darker(130) if bar.behind else self.palette().color(self.foregroundRole()))
            number_rect = QRect(self.width() - number_width, track.top() - 4, number_width, track.height() + 8)
            painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, bar.text)
        painter.end()

    def bar_at(self, y: int) -> Bar | None:
        i = y // self.row_height()
        return self.bars[i] if 0 <= i < len(self.bars) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(int(event.position().y()))
        self.setToolTip(bar.tooltip if bar else "")
        self.setCursor(Qt.CursorShape.PointingHandCursor if bar else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(int(event.position().y()))
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.barClicked.emit(bar.id)


class ProgressDelegate(QStyledItemDelegate):
    """The "Izpilde" column of the indicators table: a small bar with the percentage beside it."""

    SHARE_ROLE = int(Qt.ItemDataRole.UserRole) + 30

    def __init__(self, share_of_row, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.share_of_row = share_of_row  # (row) -> (share, expected_share | None, behind)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:  # type: ignore[no-untyped-def]
        super().paint(painter, option, index)
        values = self.share_of_row(index)
        if values is None:
            return
        share, expected, behind = values
        rect = option.rect
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance("100 %") + 10
        bar = QRect(rect.left() + 6, rect.center().y() - 4, max(10, rect.width() - text_width - 12), 8)
        paint_bar(painter, bar, share, expected, behind)
