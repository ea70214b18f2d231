"""The main window: the project list on the left, the open project on the right, a menu and a status bar.

Data flow: anything that changes data emits `dataChanged` once; the list and the page reload themselves from it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.dialogs.about import AboutDialog
from projektu_vadiba.ui.formatting import count_text
from projektu_vadiba.ui.icons import app_icon
from projektu_vadiba.ui.settings import MAIN_WINDOW_GEOMETRY, MAIN_WINDOW_SPLITTER, Settings
from projektu_vadiba.ui.views.project_list import ProjectListPanel
from projektu_vadiba.ui.views.project_page import ProjectPage


class MainWindow(QMainWindow):
    dataChanged = Signal()

    def __init__(self, db: Database, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(self.tr("Projektu vadība — %1").replace("%1", db.display_name))
        self.setWindowIcon(app_icon())

        self.project_list = ProjectListPanel(db, self)
        self.project_page = ProjectPage(db, self)
        self.placeholder = QLabel(self.tr("Izvēlieties projektu sarakstā: dubultklikšķis vai Enter."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.project_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.project_list)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.database_label = QLabel(self)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_menu()

        self.project_list.projectActivated.connect(self.open_project)
        self.project_list.countChanged.connect(self._show_count)
        self.dataChanged.connect(self.project_list.reload)
        self.dataChanged.connect(self._reload_page)
        self._show_database()
        self.project_list.reload()
        self._restore_state()

    # ---- actions -------------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fails"))
        self.refresh_action = QAction(self.tr("&Atjaunot"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.dataChanged)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Iziet"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Palīdzība"))
        self.about_action = QAction(self.tr("&Par programmu…"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def open_project(self, project_id: int) -> None:
        try:
            self.project_page.show_project(project_id)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Projektu vadība"), exc.message)
            self.right.setCurrentWidget(self.placeholder)
            self.dataChanged.emit()
            return
        self.right.setCurrentWidget(self.project_page)

    def about_dialog(self) -> AboutDialog:
        return AboutDialog(self.db.display_name, self)

    def show_about(self) -> None:
        self.about_dialog().exec()

    # ---- reactions -----------------------------------------------------------------------------------

    def _reload_page(self) -> None:
        if self.right.currentWidget() is self.project_page and self.project_page.project is not None:
            self.open_project(self.project_page.project.id)

    def _show_database(self) -> None:
        name = self.db.display_name
        metrics = self.database_label.fontMetrics()
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, 520)
        self.database_label.setText(self.tr("Datubāze: %1").replace("%1", elided))
        self.database_label.setToolTip(name)

    def _show_count(self, n: int) -> None:
        self.placeholder.setVisible(n > 0)  # with no projects the list itself explains what to do
        self.count_label.setText(count_text(n, self.tr("projekts"), self.tr("projekti"), self.tr("projektu")))

    # ---- window state --------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.get(MAIN_WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        splitter = self.settings.get(MAIN_WINDOW_SPLITTER)
        if splitter.isEmpty() or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([self.width() // 2, self.width() - self.width() // 2])

    def _default_size(self) -> QSize:
        """1280×780, or 90 % of a smaller screen."""
        wanted = QSize(1280, 780)
        screen = self.screen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size() * 0.9
        return wanted.boundedTo(available)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(MAIN_WINDOW_SPLITTER, self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
