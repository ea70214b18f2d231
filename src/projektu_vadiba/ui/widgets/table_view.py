"""A read-only, sortable table view configured the same way everywhere in the app."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView, QWidget

_FIT_ROWS = 200
CELL_PADDING = 16  # the style's margins either side of a cell's text, with room to spare
SORT_ARROW = 16  # the header's sort indicator

# The model's signals after which a column's fitted width may differ (any row, cell or column may have changed).
_CHANGES = (
    "modelReset",
    "layoutChanged",
    "dataChanged",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
    "columnsInserted",
    "columnsRemoved",
    "columnsMoved",
)

# Changes of the view itself after which its cells measure differently (not, say, the window becoming active).
_RESIZING_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LayoutDirectionChange,
        QEvent.Type.LocaleChange,
    }
)


class FittedTableView(QTableView):
    """A QTableView that remembers how wide its columns' contents are until the rows, the font or the style change.

    Qt measures every ResizeToContents column again each time the header lays out (when the window is shown, on
    each resize of a view with a stretched column): on the start page that was three passes over every cell, each
    cell asking the Python model for eight roles through the proxy. A table short enough to be measured whole
    (at most _FIT_ROWS rows: Qt then measures every row, wherever it is scrolled) measures the same until one of
    those changes, so only such a table keeps the width; a longer one is measured by Qt every time, as before."""

    _contentsChanged = Signal()  # any of the model's _CHANGES: passed on in C++, one Python call

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fitted: dict[int, int] = {}
        self._contentsChanged.connect(self._forget_widths)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if model is not None:  # connected before the header's own slots, which may measure at once
            for name in _CHANGES:
                getattr(model, name).connect(self._contentsChanged)
        self._fitted.clear()
        super().setModel(model)

    def sizeHintForColumn(self, column: int) -> int:
        model = self.model()
        if model is None or model.rowCount() > self.horizontalHeader().resizeContentsPrecision():
            return super().sizeHintForColumn(column)
        width = self._fitted.get(column)
        if width is None:
            width = self._fitted[column] = super().sizeHintForColumn(column)
        return width

    def setItemDelegate(self, delegate: QAbstractItemDelegate) -> None:
        self._fitted.clear()
        super().setItemDelegate(delegate)

    def setItemDelegateForColumn(self, column: int, delegate: QAbstractItemDelegate) -> None:
        self._fitted.clear()
        super().setItemDelegateForColumn(column, delegate)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESIZING_CHANGES:
            self._fitted.clear()
        super().changeEvent(event)

    def _forget_widths(self) -> None:
        self._fitted.clear()


def make_table_view(
    model: QAbstractItemModel,
    stretch_column: int | None = None,
    parent: QWidget | None = None,
    *,
    fit_contents: bool = True,
) -> QTableView:
    """Whole-row selection, no editing, sortable by header clicks; `stretch_column` takes the spare width.
    `fit_contents=False` for long (paged) lists: measuring every row's text would defeat fetching in chunks."""
    view = FittedTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order until a header is clicked
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # Fit the columns to the first rows and the visible ones, not all of them: measuring 6,000 rows' texts took
    # most of a second each time a big table opened or reloaded (bench/run_all.py).
    header.setResizeContentsPrecision(_FIT_ROWS)
    header.setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents if fit_contents else QHeaderView.ResizeMode.Interactive
    )
    if stretch_column is not None:
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def make_sorted_view(
    model: QAbstractItemModel, stretch_column: int | None = None, parent: QWidget | None = None
) -> QTableView:
    """A table view over `model` through a SearchProxyModel: header clicks sort in Latvian order."""
    from projektu_vadiba.ui.models.proxy import SearchProxyModel

    proxy = SearchProxyModel(parent)
    proxy.setSourceModel(model)
    return make_table_view(proxy, stretch_column, parent)


def set_column_width(view: QTableView, column: int, width: int) -> None:
    """A column the user may resize, starting at `width` (long texts are elided)."""
    view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    view.setColumnWidth(column, width)


def fit_column(view: QTableView, column: int, sample: str) -> None:
    """A column the user may resize, as wide as `sample` (the widest date or amount it shows) and its title with
    the sort arrow: sized from one text, not by measuring thousands of rows."""
    model = view.model()
    title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
    header = view.horizontalHeader()
    cell = view.fontMetrics().horizontalAdvance(sample) + CELL_PADDING
    heading = header.fontMetrics().horizontalAdvance(title) + CELL_PADDING + SORT_ARROW
    set_column_width(view, column, max(cell, heading))


def column_texts(view: QTableView, column: int) -> list[str]:
    """The texts of one column as the view shows them (after sorting and filtering); handy in tests."""
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def header_texts(view: QTableView) -> Iterable[str]:
    model = view.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
