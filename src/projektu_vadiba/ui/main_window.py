"""The main window: the navigation on the left (start page, projects by status, the open project's sections),
the start page or the open project on the right, menus, and a status bar.

Data flow: every change runs through the workspace (ui/workspace.py), which emits `dataChanged` once; the
navigator, the start page and the project's sections reload themselves from it. The window remembers its size,
the splitter and where the user was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.db import Database, open_database, sqlite_path
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.projects import get_project
from projektu_vadiba.ui import screen
from projektu_vadiba.ui.connection_state import ConnectionBanner, ConnectionMonitor
from projektu_vadiba.ui.error_hook import install_error_hook, on_connection_lost
from projektu_vadiba.ui.live_refresh import start_live_refresh
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.models.project_tree import SECTIONS, section_label
from projektu_vadiba.ui.plural import count, language
from projektu_vadiba.ui.settings import (
    LAST_PROJECT,
    LAST_SECTION,
    MAIN_WINDOW_GEOMETRY,
    MAIN_WINDOW_SPLITTER,
    REOPEN_LAST_PROJECT,
    Settings,
)
from projektu_vadiba.ui.translations import switch_language
from projektu_vadiba.ui.views.navigator import NavigatorPanel
from projektu_vadiba.ui.views.start_page import StartPage
from projektu_vadiba.ui.workspace import Workspace

if TYPE_CHECKING:  # imported when first needed: a start on the start page does not load them
    from projektu_vadiba.ui.dialogs.about import AboutDialog
    from projektu_vadiba.ui.views.project_list import ProjectListPanel
    from projektu_vadiba.ui.views.project_page import ProjectPage


# After the first paint, before a user's first click: the project page and the ORM mapping are made then, so the
# first project opened is as quick as before the start was made lighter (a click before it builds them itself).
WARM_UP_MS = 300


class MainWindow(QMainWindow):
    dataChanged = Signal()  # emitting it asks every view to reload (the same as the workspace's signal)

    def __init__(
        self,
        db: Database,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings if settings is not None else Settings()
        self.ws = workspace if workspace is not None else Workspace(db, self)
        self.dataChanged.connect(self.ws.dataChanged)
        self.ws.dataChanged.connect(self._after_change)
        self.ws.problem.connect(self._show_problem)
        self.live_refresh = start_live_refresh(self.ws)  # PostgreSQL: other users' changes reload the views
        self.database_label = QLabel(self)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.database_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        self._window_actions: list[QAction] = []
        self._warm_up_armed = False
        self._build_connection_banner()
        self._build()
        stack = self.ws.undo_stack
        stack.canUndoChanged.connect(self._update_undo)
        stack.canRedoChanged.connect(self._update_undo)
        stack.indexChanged.connect(self._update_undo)
        self._restore_state()

    # ---- building (again after a language change) ----------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Projektu vadība — %1").replace("%1", self.db.display_name))
        self.navigator = NavigatorPanel(self.ws, self)
        self.start_page = StartPage(self.ws, self.settings, self)
        self._project_page: ProjectPage | None = None  # built when a project is first opened (see project_page)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.start_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # The connection banner (hidden unless the team server is away) over the contents; it outlives rebuilds.
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.connection_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        central.show()  # at once, not when the event loop gets to it (a rebuilt window reloads on show)
        self._build_menu()

        self.navigator.startRequested.connect(self.show_start)
        self.navigator.projectRequested.connect(self.open_project)
        self.navigator.countChanged.connect(self._show_count)
        self.start_page.openProject.connect(self.open_project)
        self.start_page.openEvent.connect(self.open_event)
        self.start_page.newProject.connect(self.new_project)
        self._show_database()
        self.navigator.reload()
        self.start_page.reload()

    def _build_menu(self) -> None:
        # A rebuild (new language) makes new actions: the old ones must go, or every key would belong to two
        # window actions at once and Qt would run neither ("Ambiguous shortcut overload").
        for old in self._window_actions:
            self.removeAction(old)
            old.deleteLater()
        self._window_actions.clear()
        bar = self.menuBar()
        for menu in bar.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            menu.deleteLater()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&Fails"))
        self.new_project_action = self._action(self.tr("&Jauns projekts…"), "Ctrl+N", self.new_project)
        self.refresh_action = self._action(
            self.tr("&Atjaunot"), QKeySequence.StandardKey.Refresh, self.ws.dataChanged.emit
        )
        self.import_bundle_action = self._action(self.tr("Importēt &projektu (.pvz)…"), "", self.import_bundle)
        self.export_bundle_action = self._action(self.tr("&Eksportēt projektu (.pvz)…"), "", self.export_bundle)
        self.organisation_action = self._action(self.tr("&Organizācijas dati…"), "", self.edit_organisation)
        self.settings_action = self._action(self.tr("&Iestatījumi…"), "Ctrl+,", self.show_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.database_action = self._action(self.tr("&Datubāze…"), "", self.show_database_settings)
        self.users_action = self._action(self.tr("&Lietotāji…"), "", self.show_users)
        self.audit_action = self._action(self.tr("Izmaiņu &žurnāls…"), "", self.show_audit)
        self._show_team_actions()
        self.quit_action = self._action(self.tr("&Iziet"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (
            self.new_project_action,
            self.refresh_action,
            None,
            self.import_bundle_action,
            self.export_bundle_action,
            None,
            self.organisation_action,
            self.settings_action,
            self.database_action,
            self.users_action,
            self.audit_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)

        edit_menu = bar.addMenu(self.tr("&Rediģēt"))
        self.undo_action = self._action(self.tr("&Atsaukt"), QKeySequence.StandardKey.Undo, lambda: self.ws.undo(self))
        self.redo_action = self._action(self.tr("Atcelt atsau&kšanu"), "Ctrl+Shift+Z", self.ws.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._update_undo()

        view_menu = bar.addMenu(self.tr("&Skats"))
        self.start_action = self._action(self.tr("&Sākums"), "Alt+Home", self.show_start)
        view_menu.addAction(self.start_action)
        view_menu.addSeparator()
        self.section_actions: dict[str, QAction] = {}
        for n, key in enumerate(SECTIONS, start=1):
            action = self._action(section_label(key), f"Ctrl+{n}", lambda _=False, k=key: self.show_section(k))
            view_menu.addAction(action)
            self.section_actions[key] = action

        project_menu = bar.addMenu(self.tr("&Projekts"))
        # Enabled only while a project is open, so its page exists by then.
        self.edit_project_action = self._action(
            self.tr("&Labot projektu…"), "Ctrl+E", lambda _=False: self.project_page.edit_project()
        )
        self.delete_project_action = self._action(
            self.tr("&Dzēst projektu…"), "", lambda _=False: self.project_page.delete_project()
        )
        project_menu.addAction(self.new_project_action)
        project_menu.addAction(self.edit_project_action)
        project_menu.addAction(self.delete_project_action)
        project_menu.addSeparator()
        self.scan_action = self._action(self.tr("&Nolasīt parakstītās lapas…"), "", self.read_scans)
        self.evidence_action = self._action(self.tr("Pierādījumu &arhīvs (ZIP)…"), "", self.export_evidence)
        project_menu.addAction(self.scan_action)
        project_menu.addAction(self.evidence_action)

        people_menu = bar.addMenu(self.tr("P&ersonas"))
        self.registry_action = self._action(self.tr("Personu &reģistrs…"), "Ctrl+Shift+P", self.show_registry)
        self.import_people_action = self._action(self.tr("&Importēt personas no CSV/XLSX…"), "", self.import_people)
        people_menu.addAction(self.registry_action)
        people_menu.addAction(self.import_people_action)

        help_menu = bar.addMenu(self.tr("&Palīdzība"))
        self.guide_action = self._action(
            self.tr("&Lietošanas pamācība"), QKeySequence.StandardKey.HelpContents, self.show_guide
        )
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        self.about_action = self._action(self.tr("&Par programmu…"), "", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        self._update_project_actions()

    def show_registry(self) -> None:
        if getattr(self, "registry_window", None) is None:
            from projektu_vadiba.ui.people_window import PeopleRegistryWindow

            self.registry_window = PeopleRegistryWindow(self.ws, self)
        self.registry_window.show()
        self.registry_window.raise_()
        self.registry_window.activateWindow()

    def read_scans(self) -> None:
        from projektu_vadiba.ui.scan import open_scan_review

        open_scan_review(self, self.ws)  # applying is a workspace command: it emits dataChanged itself

    def export_evidence(self) -> None:
        project_id = self.current_project_id()
        if project_id is not None:
            from projektu_vadiba.ui.scan import export_evidence

            export_evidence(self, self.db, project_id)

    def export_bundle(self) -> None:
        project_id = self.current_project_id()
        if project_id is not None:
            from projektu_vadiba.ui.actions.project_bundle import export_project_bundle

            export_project_bundle(self, self.db, project_id)

    def import_bundle(self) -> None:
        from projektu_vadiba.ui.actions.project_bundle import import_project_bundle

        project_id = import_project_bundle(self, self.ws)
        if project_id is not None:
            self.open_project(project_id)

    def import_people(self) -> None:
        from projektu_vadiba.ui.people_window import import_people

        import_people(self.ws, self, self.current_project_id())

    def _action(self, text: str, keys: QKeySequence | QKeySequence.StandardKey | str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work while the menu bar is hidden too
        self._window_actions.append(action)
        return action

    def rebuild(self) -> None:
        """Build the window's contents again in the current UI language; keep where the user was."""
        project = self.current_project_id()
        section = self.project_page.current_section() if self._project_page is not None else "overview"
        sizes = self.splitter.sizes()
        old = self.centralWidget()
        self._build()
        if old is not None:
            old.deleteLater()
        self.splitter.setSizes(sizes)
        if project is not None:
            self.open_project(project, section)

    # ---- navigation ----------------------------------------------------------------------------------

    @property
    def project_page(self) -> ProjectPage:
        """The open project's page (its seven sections), built the first time it is asked for: a start on the
        start page does not import or build them."""
        if self._project_page is None:
            from projektu_vadiba.ui.views.project_page import ProjectPage

            page = ProjectPage(self.ws, self.settings, self)
            self.right.addWidget(page)
            page.sectionChanged.connect(self._section_changed)
            page.projectDeleted.connect(lambda _id: self.show_start())
            self._project_page = page
        return self._project_page

    @property
    def project_list(self) -> ProjectListPanel:
        """The table of every project (on the start page)."""
        return self.start_page.project_list

    def current_project_id(self) -> int | None:
        page = self._project_page
        if page is not None and self.right.currentWidget() is page and page.project is not None:
            return page.project.id
        return None

    def show_start(self) -> None:
        self.right.setCurrentWidget(self.start_page)
        self.navigator.select(None)
        self._update_project_actions()

    def open_project(self, project_id: int, section: str = "overview") -> None:
        try:
            if self.current_project_id() != project_id:
                self.project_page.show_project(project_id, section)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Projektu vadība"), text_of(exc))
            self.show_start()
            self.ws.dataChanged.emit()
            return
        self.right.setCurrentWidget(self.project_page)
        self.project_page.show_section(section)
        self.navigator.select(project_id, section)
        self._update_project_actions()

    def open_event(self, project_id: int, event_id: int) -> None:
        self.open_project(project_id, "events")
        if self.current_project_id() == project_id:
            self.project_page.open_event(event_id)

    def show_section(self, key: str) -> None:
        project = self.current_project_id()
        if project is not None:
            self.open_project(project, key)

    def _section_changed(self, key: str) -> None:
        project = self.current_project_id()
        if project is not None:
            self.navigator.select(project, key)

    def _update_project_actions(self) -> None:
        has = self.current_project_id() is not None
        for action in (
            *self.section_actions.values(),
            self.edit_project_action,
            self.delete_project_action,
            self.evidence_action,
            self.export_bundle_action,
        ):
            action.setEnabled(has)
        project = self.current_project_id()
        if project is not None:  # team mode: what the database would refuse this user is not offered
            access = self.ws.access
            for key in self.ws.hidden_sections(project):
                self.section_actions[key].setEnabled(False)
            self.edit_project_action.setEnabled(access.manages(project))
            self.delete_project_action.setEnabled(access.is_admin)
        self.new_project_action.setEnabled(self.ws.access.is_admin)
        self._show_team_actions()

    def _show_team_actions(self) -> None:
        """Team mode only: users for administrators; the change log for them and for project managers (the
        database's row security shows each only their projects' entries)."""
        access = self.ws.access
        self.users_action.setVisible(access.team and access.is_admin)
        self.audit_action.setVisible(access.team and (access.is_admin or "manager" in access.project_roles.values()))

    # ---- actions -------------------------------------------------------------------------------------

    def new_project(self) -> None:
        from projektu_vadiba.ui.dialogs.project_form import ProjectForm

        form = ProjectForm(self.ws, parent=self)
        if form.exec() and form.result_value is not None:
            self.open_project(form.result_value.id)

    def show_settings(self) -> None:
        from projektu_vadiba.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, language(), self, database_name=self.db.display_name)
        if dialog.exec() and dialog.chosen_language() != language():
            self.apply_language(dialog.chosen_language())
        if dialog.chosen_database_url:  # chosen and stored in its own dialog, whatever became of the rest
            self.switch_database(dialog.chosen_database_url)
        self.start_page.reload()

    def show_users(self) -> None:
        from projektu_vadiba.ui.team.users_dialog import UsersDialog

        UsersDialog(self.ws, self).exec()
        self.ws.dataChanged.emit()  # memberships decide which projects and sections this user sees

    def show_audit(self) -> None:
        from projektu_vadiba.ui.team.audit_dialog import AuditDialog

        AuditDialog(self.ws, self.current_project_id(), self).exec()

    def show_database_settings(self) -> None:
        from projektu_vadiba.ui.dialogs.database_settings import DatabaseSettingsDialog

        dialog = DatabaseSettingsDialog(self.settings, self)
        if dialog.exec() and dialog.chosen_url:
            self.switch_database(dialog.chosen_url)

    def switch_database(self, url: str) -> bool:
        """Open `url` and work on it from now on; the current database stays open when the new one cannot be."""
        try:
            new = open_database(url)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Datubāze"), text_of(exc))
            return False
        old, self.db = self.db, new
        self.connection.stop()
        self.connection_banner.hide()
        self.show_start()
        self.ws.use_database(new)  # clears the undo history and what the user may do
        if self.live_refresh is not None:  # it listened to the old database
            self.live_refresh.stop()
            self.live_refresh.deleteLater()
        self.live_refresh = start_live_refresh(self.ws)
        registry = getattr(self, "registry_window", None)
        if registry is not None:  # its table model holds the old database: made anew when next asked for
            registry.close()
            registry.deleteLater()
            del self.registry_window  # show_registry makes it anew
        self.rebuild()  # some views hold the database itself, not the workspace: build them on the new one
        old.close()
        install_error_hook(sqlite_path(new.url))
        self.setWindowTitle(self.tr("Projektu vadība — %1").replace("%1", new.display_name))
        self._show_database()
        self.statusBar().showMessage(
            self.tr("Atvērta datubāze %1. Atsaukšanas vēsture notīrīta: tā attiecās uz iepriekšējo datubāzi.").replace(
                "%1", new.display_name
            ),
            15000,
        )
        return True

    def apply_language(self, code: str) -> None:
        app = QApplication.instance()
        if app is not None:
            switch_language(app, code)
        self.rebuild()

    def about_dialog(self) -> AboutDialog:
        from projektu_vadiba.ui.dialogs.about import AboutDialog

        return AboutDialog(self.db.display_name, self)

    def edit_organisation(self) -> None:
        from projektu_vadiba.ui.dialogs.organisation_form import edit_organisation

        edit_organisation(self.ws, self)

    def show_guide(self) -> None:
        from projektu_vadiba.ui.dialogs.user_guide import UserGuideDialog

        guide = getattr(self, "guide_dialog", None)
        if guide is None or guide.lang != language():  # made again after a language switch
            if guide is not None:
                guide.deleteLater()
            guide = self.guide_dialog = UserGuideDialog(self)
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def show_about(self) -> None:
        self.about_dialog().exec()

    # ---- reactions -----------------------------------------------------------------------------------

    def _after_change(self) -> None:
        """After any change: a project that is gone (deleted, or undone) gives way to the start page."""
        page = self._project_page
        if page is not None and self.right.currentWidget() is page and page.project is None:
            self.show_start()
        elif page is not None and self.right.currentWidget() is page and page.project is not None:
            pid = page.project.id
            try:
                self.ws.read(lambda s: get_project(s, pid))
            except AppError:
                page.project = None
                self.show_start()
        self._update_project_actions()

    def _update_undo(self) -> None:
        stack = self.ws.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_text, redo_text = stack.undoText(), stack.redoText()
        self.undo_action.setText(self.tr("&Atsaukt: %1").replace("%1", undo_text) if undo_text else self.tr("&Atsaukt"))
        self.redo_action.setText(
            self.tr("Atcelt atsau&kšanu: %1").replace("%1", redo_text) if redo_text else self.tr("Atcelt atsau&kšanu")
        )

    def _show_problem(self, message: str) -> None:
        QMessageBox.information(self, self.tr("Atsaukt"), message)

    def _build_connection_banner(self) -> None:
        """A strip above the window's contents, shown only while the team server is away (or just came back)."""
        self.connection = ConnectionMonitor(self.ws, self)
        self.connection_banner = ConnectionBanner(self.connection, self)
        on_connection_lost(self.ws.connectionLost.emit)  # an error no action caught: the banner, not a dialog

    def _show_database(self) -> None:
        name = self.db.display_name
        metrics = self.database_label.fontMetrics()
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, 520)
        self.database_label.setText(self.tr("Datubāze: %1").replace("%1", elided))
        self.database_label.setToolTip(name)

    def _show_count(self, n: int) -> None:
        self.count_label.setText(count(n, self.tr("projekts"), self.tr("projekti"), self.tr("projektu")))

    # ---- window state --------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.get(MAIN_WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(self._default_size())
        splitter = self.settings.get(MAIN_WINDOW_SPLITTER)
        if splitter.isEmpty() or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([290, max(400, self.width() - 290)])
        last = self.settings.get(LAST_PROJECT)
        if last and self.settings.get(REOPEN_LAST_PROJECT):
            section = self.settings.get(LAST_SECTION) or "overview"
            try:
                self.ws.read(lambda s: get_project(s, last))
            except AppError:
                return  # gone since: start on the start page
            self.open_project(last, section if section in SECTIONS else "overview")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warm_up_armed:
            self._warm_up_armed = True
            QTimer.singleShot(WARM_UP_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        from sqlalchemy.orm import configure_mappers

        configure_mappers()  # what the first project's queries would otherwise wait for
        _ = self.project_page
        self.ws.tidy_later()  # upkeep an import left when the app closed before it was done (usually none)

    def _default_size(self) -> QSize:
        """1280×800, or 90 % of a smaller screen (a 1366×768 laptop: 1229×655)."""
        return QSize(1280, 800).boundedTo(screen.available_geometry(self).size() * 0.9)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Every change is saved the moment it is made (forms ask before closing with unsaved input).
        self.settings.set(MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(MAIN_WINDOW_SPLITTER, self.splitter.saveState())
        project = self.current_project_id()
        self.settings.set(LAST_PROJECT, project or 0)
        self.settings.set(LAST_SECTION, self.project_page.current_section() if project else "")
        self.settings.sync()
        if self.live_refresh is not None:
            self.live_refresh.stop()
        self.connection.stop()
        self.ws.upkeep.stop()  # between two steps, before the database is closed
        on_connection_lost(None)
        super().closeEvent(event)
