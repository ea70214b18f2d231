"""Building blocks of the pages: a card (a titled, framed box), a section heading with its buttons, a note box,
a row of facts (label: value) and text helpers."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

_BOX = "border-radius: 4px; padding: 6px 8px;"
NOTE_STYLES = {
    "warning": f"QLabel {{ background: #fff4ce; color: #4d3800; border: 1px solid #f0d68a; {_BOX} }}",
    "info": f"QLabel {{ background: #e8f0fe; color: #17365d; border: 1px solid #c5d7f5; {_BOX} }}",
    "muted": "QLabel { color: palette(mid); padding: 4px 0; }",
}


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def text_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True, selectable: bool = True) -> QLabel:
    """Plain text (never interpreted as HTML: titles come from users)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


def note(text: str = "", kind: str = "info", parent: QWidget | None = None) -> QLabel:
    label = text_label(text, parent)
    label.setStyleSheet(NOTE_STYLES[kind])
    return label


class Card(QFrame):
    """A framed box with a bold title and room for buttons at the right of the title.

    The box is painted here, not by a style sheet: a style sheet on the card made Qt style every widget inside it
    (tables, headers, scroll bars) through its slower style-sheet engine; the first paint of the start page's three
    cards alone cost ~9 ms."""

    RADIUS = 6

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setContentsMargins(1, 1, 1, 1)  # the 1 px border, inside which the layout's margins count
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("cardTitle")
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 12)
        outer.addLayout(self.header)
        outer.addLayout(self.body)

    def add_button(self, button: QPushButton) -> QPushButton:
        button.setParent(self)
        self.header.addWidget(button)
        return button

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded box in the palette's base colour with a 1 px border in its midlight colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Midlight), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), self.RADIUS, self.RADIUS)

    def add(self, widget: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(widget, QLayout):
            self.body.addLayout(widget, stretch)
        else:
            self.body.addWidget(widget, stretch)


class SectionHeading(QWidget):
    """The section's title on the left, its buttons on the right."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(title, self)
        self.title_label.setFont(scaled_font(self, 1.25, bold=True))
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 4)
        self.row.addWidget(self.title_label)
        self.row.addStretch(1)

    def add_button(self, text: str, tooltip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tooltip)
        button.setAutoDefault(False)
        self.row.addWidget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        self.row.addWidget(widget)


class FactsGrid(QGridLayout):
    """Label: value pairs in two columns; values wrap within their column."""

    def __init__(self, keys_left: list[tuple[str, str]], keys_right: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__()
        self.values: dict[str, QLabel] = {}
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(4)
        self.setColumnStretch(1, 3)
        self.setColumnMinimumWidth(2, 16)
        self.setColumnStretch(4, 2)
        for column, rows in ((0, keys_left), (3, keys_right)):
            for row, (key, caption) in enumerate(rows):
                label = QLabel(caption, parent)
                label.setStyleSheet("color: palette(dark);")
                value = text_label("", parent)
                value.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
                self.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
                self.addWidget(value, row, column + 1, Qt.AlignmentFlag.AlignTop)
                self.values[key] = value
