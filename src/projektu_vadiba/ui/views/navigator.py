"""The left-hand navigation: "Sākums", a search box and the project tree (grouped by status; the open project
shows its sections). Moving the selection with the mouse or the arrow keys opens what is selected."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.models.enums import ProjectStatus
from projektu_vadiba.core.services.projects import list_projects
from projektu_vadiba.ui.models.project_tree import (
    KIND_ROLE,
    NUMBER_ROLE,
    PROJECT_ROLE,
    SECTION_ROLE,
    ProjectTreeModel,
)
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.workspace import Workspace


class ProjectItemDelegate(QStyledItemDelegate):
    """A project row in two lines: its title, and its number in grey below."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(KIND_ROLE) == "project":
            size.setHeight(option.fontMetrics.height() * 2 + 8)
        return size

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if index.data(KIND_ROLE) != "project":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = opt.rect.adjusted(4, 3, -4, -3)
        metrics = opt.fontMetrics
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        painter.save()
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setPen(palette.highlightedText().color() if selected else palette.mid().color().darker(130))
        bottom = QRect(rect.left(), rect.top() + metrics.height(), rect.width(), metrics.height())
        number = str(index.data(NUMBER_ROLE) or "")
        painter.drawText(
            bottom,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(number, Qt.TextElideMode.ElideMiddle, rect.width()),
        )
        painter.restore()


class NavigatorPanel(QWidget):
    startRequested = Signal()
    projectRequested = Signal(int, str)  # project id, section key
    countChanged = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self._quiet = False
        self.open_project: int | None = None
        self.start_button = QPushButton(self.tr("⌂  Sākums"), self)
        self.start_button.setFlat(True)
        self.start_button.setStyleSheet("QPushButton { text-align: left; padding: 6px; font-weight: bold; }")
        self.start_button.setAutoDefault(False)
        self.start_button.clicked.connect(self.startRequested)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Meklēt projektu…"))
        self.search.setClearButtonEnabled(True)

        self.model = ProjectTreeModel(self)
        self.proxy = SearchProxyModel(self)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self._search)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(ProjectItemDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(False)
        self.tree.setAnimated(False)
        self.tree.setIndentation(14)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.start_button)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        ws.dataChanged.connect(self.reload)

    def reload(self) -> None:
        projects = self.ws.read(list_projects)
        self._quiet = True
        try:
            self.model.set_projects(projects, self.ws.hidden_sections)
            for status in (ProjectStatus.RUNNING, ProjectStatus.PLANNED):
                self.tree.expand(self.proxy.mapFromSource(self.model.group_index(status)))
            if self.open_project is not None and self.model.project_index(self.open_project).isValid():
                self.tree.expand(self.proxy.mapFromSource(self.model.project_index(self.open_project)))
        finally:
            self._quiet = False
        self.countChanged.emit(len(projects))

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        if text.strip():
            self.tree.expandAll()
            for row in range(self.proxy.rowCount()):  # show matching projects, not all their sections
                group = self.proxy.index(row, 0)
                for child in range(self.proxy.rowCount(group)):
                    self.tree.collapse(self.proxy.index(child, 0, group))

    def select(self, project_id: int | None, section: str = "overview") -> None:
        """Show where the user is (without opening it again)."""
        self._quiet = True
        try:
            if project_id is None:
                self.tree.clearSelection()
                self.tree.setCurrentIndex(QModelIndex())
                return
            if self.open_project != project_id:
                if self.open_project is not None:
                    self.tree.collapse(self.proxy.mapFromSource(self.model.project_index(self.open_project)))
                self.open_project = project_id
            project = self.proxy.mapFromSource(self.model.project_index(project_id))
            if project.isValid():
                self.tree.expand(project.parent())
                self.tree.expand(project)
            index = self.proxy.mapFromSource(self.model.section_index(project_id, section))
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        finally:
            self._quiet = False

    def _current_changed(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if self._quiet or not index.isValid():
            return
        kind = index.data(KIND_ROLE)
        if kind == "project":
            self.projectRequested.emit(int(index.data(PROJECT_ROLE)), "overview")
        elif kind == "section":
            self.projectRequested.emit(int(index.data(PROJECT_ROLE)), str(index.data(SECTION_ROLE)))
