"""Every project in one sortable table with a search box (on the start page), or an explanation when there is
nothing yet."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services.projects import list_projects
from projektu_vadiba.ui.models.projects_table import ProjectColumn, ProjectsTableModel
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.models.rows_table import ID_ROLE
from projektu_vadiba.ui.widgets.table_view import make_table_view, set_column_width


class ProjectListPanel(QWidget):
    projectActivated = Signal(int)
    countChanged = Signal(int)
    newProjectRequested = Signal()
    demoRequested = Signal()
    organisationRequested = Signal()  # an empty database: the user wants to look around with the demo organisation

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.model = ProjectsTableModel(self)
        self.proxy = SearchProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Meklēt projektu…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)

        self.view = make_table_view(self.proxy, stretch_column=ProjectColumn.TITLE, parent=self)
        set_column_width(self.view, ProjectColumn.FUNDER, self.fontMetrics().horizontalAdvance("M" * 10))
        self.view.activated.connect(self._on_activated)  # double-click and Enter

        self.empty_label = QLabel(
            self.tr(
                "Vēl nav neviena projekta. Ievadiet savas organizācijas datus (tie būs uz reģistrācijas lapām) un "
                "izveidojiet savu pirmo projektu vai, lai vispirms apskatītos, ielieciet demonstrācijas organizāciju: "
                "trīs projekti ar pasākumiem, dalībniekiem un budžetu ap šodienu."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_label.setMargin(12)
        self.organisation_button = QPushButton(self.tr("Organizācijas dati…"), self)
        self.organisation_button.clicked.connect(self.organisationRequested)
        self.new_button = QPushButton(self.tr("Jauns projekts…"), self)
        self.new_button.clicked.connect(self.newProjectRequested)
        self.demo_button = QPushButton(self.tr("Ielikt demonstrācijas datus…"), self)
        self.demo_button.clicked.connect(self.demoRequested)
        self.empty_panel = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.organisation_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self.empty_panel)
        column.addStretch(1)
        column.addWidget(self.empty_label)
        column.addLayout(buttons)
        column.addStretch(1)

        self.no_match_label = QLabel(self.tr("Neviens projekts neatbilst meklētajam."), self)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.hide()
        self.proxy.rowsInserted.connect(self._update_no_match)
        self.proxy.rowsRemoved.connect(self._update_no_match)
        self.proxy.modelReset.connect(self._update_no_match)
        self.proxy.layoutChanged.connect(self._update_no_match)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.no_match_label)

    def reload(self) -> None:
        """Read the projects again from the database; keeps the search text and the current row."""
        current = self.current_project_id()
        with self._db.session() as session:
            rows = list_projects(session)
        self.model.set_rows(rows)
        empty = not rows
        self.stack.setCurrentWidget(self.empty_panel if empty else self.view)
        self.search.setEnabled(not empty)
        if current is not None:
            self.select_project(current)
        self.countChanged.emit(len(rows))

    def current_project_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_project(self, project_id: int) -> bool:
        row = self.model.row_of(project_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        return True

    def _on_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        project_id = index.data(ID_ROLE)
        if project_id is not None:
            self.projectActivated.emit(int(project_id))

    def _update_no_match(self) -> None:
        self.no_match_label.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)
