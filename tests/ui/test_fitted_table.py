"""A short table's fitted column widths are measured once and kept until what they depend on changes (rows, cells,
font, delegate); the widths are Qt's own, the same as a plain QTableView gives."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.ui.models.rows_table import Column, RowsTableModel
from projektu_vadiba.ui.widgets.table_view import _FIT_ROWS, FittedTableView, make_sorted_view

Row = tuple[str, str, str]
COLUMNS = [Column[Row](title, lambda r, i=i: r[i]) for i, title in enumerate(("Numurs", "Nosaukums", "Statuss"))]
ROWS = [(f"2024/{n}", f"Projekts {'Ābeļdārzs ' * (n % 4)}{n}", "Īstenošanā" if n % 2 else "Plānots") for n in range(12)]


class CountingDelegate(QStyledItemDelegate):
    """Counts the cells Qt measures (each measured cell asks the delegate for its size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measured = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.measured += 1
        return super().sizeHint(option, index)


def fitted(qtbot: QtBot, rows: list[Row]) -> tuple[QTableView, RowsTableModel[Row]]:
    model = RowsTableModel[Row](COLUMNS)
    model.set_rows(rows)
    view = make_sorted_view(model, stretch_column=1)
    qtbot.addWidget(view)
    view.resize(700, 400)
    return view, model


def plain_widths(qtbot: QtBot, rows: list[Row], font_size: float | None = None) -> list[int]:
    """The same table in Qt's own QTableView: the widths Qt measures every time."""
    model = RowsTableModel[Row](COLUMNS)
    model.set_rows(rows)
    view = QTableView()
    qtbot.addWidget(view)
    if font_size is not None:
        font = view.font()
        font.setPointSizeF(font_size)
        view.setFont(font)
    view.setModel(model)
    view.horizontalHeader().setResizeContentsPrecision(_FIT_ROWS)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return [view.sizeHintForColumn(c) for c in range(len(COLUMNS))]


def test_a_short_table_is_measured_once_for_all_its_layouts(qtbot: QtBot) -> None:
    view, _ = fitted(qtbot, ROWS)
    assert isinstance(view, FittedTableView)
    counting = CountingDelegate(view)
    view.setItemDelegate(counting)
    view.show()
    qtbot.waitExposed(view)
    shown = counting.measured
    assert shown > 0
    for width in (900, 650, 800):  # a stretched column: every resize lays the header out again
        view.resize(width, 400)
        qtbot.wait(10)
    assert counting.measured == shown  # Qt measured the cells three more times before
    assert [view.sizeHintForColumn(c) for c in range(len(COLUMNS))] == plain_widths(qtbot, ROWS)


def test_new_rows_a_changed_cell_and_a_new_font_are_measured_again(qtbot: QtBot) -> None:
    view, model = fitted(qtbot, ROWS)
    view.show()
    qtbot.waitExposed(view)
    before = view.sizeHintForColumn(0)
    longer = [*ROWS, ("2024/LV/NVOF/MIC/000123", "Jauns", "Plānots")]
    model.set_rows(longer)
    assert view.sizeHintForColumn(0) > before
    assert [view.sizeHintForColumn(c) for c in range(len(COLUMNS))] == plain_widths(qtbot, longer)
    model.set_rows(ROWS)
    assert view.sizeHintForColumn(0) == before
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    assert view.sizeHintForColumn(0) > before
    assert [view.sizeHintForColumn(c) for c in range(len(COLUMNS))] == plain_widths(qtbot, ROWS, font.pointSizeF())


def test_a_long_table_is_measured_by_qt_every_time(qtbot: QtBot) -> None:
    """Longer than _FIT_ROWS: Qt measures the rows around the visible ones, which move with scrolling."""
    rows = [(f"{n}", "x" * (n % 7), "y") for n in range(_FIT_ROWS + 50)]
    view, _ = fitted(qtbot, rows)
    counting = CountingDelegate(view)
    view.setItemDelegate(counting)
    view.sizeHintForColumn(0)
    once = counting.measured
    view.sizeHintForColumn(0)
    assert once > 0 and counting.measured == 2 * once
