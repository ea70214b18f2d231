"""The GUI's composition root: application, fonts, translations, settings, database, main window.

Only this module wires them together; everything else receives what it needs. Heavy libraries (reportlab,
openpyxl) are not imported here: a report module imports them when a report is made.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from projektu_vadiba import __version__
from projektu_vadiba.core.db import Database, open_database, sqlite_path
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import as_app_error
from projektu_vadiba.ui.error_hook import install_error_hook
from projektu_vadiba.ui.fonts import font_files, is_slanted, load_fonts, register_fonts
from projektu_vadiba.ui.icons import app_icon
from projektu_vadiba.ui.main_window import WARM_UP_MS, MainWindow
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.screen import install_screen_fit, remove_screen_fit
from projektu_vadiba.ui.settings import ORGANISATION, Settings
from projektu_vadiba.ui.smoke import arm_smoke_quit
from projektu_vadiba.ui.translations import choose_language, switch_language
from projektu_vadiba.ui.wiring import wire_features

APP_NAME = "Projektu vadība"
DESKTOP_FILE = "projektu-vadiba"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (the existing one under tests), named and given its icon and fonts."""
    freeze_start_heap()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon(scalable=False))
    files = font_files()
    upright = [path for path in files if not is_slanted(path)]
    load_fonts(app, upright or files)
    later = [path for path in files if is_slanted(path)] if upright else []
    QTimer.singleShot(WARM_UP_MS, app, lambda: finish_application(app, later))
    return app


def finish_application(app: QApplication, fonts: list[Path]) -> None:
    """After the first paint, before a user's first click: what the first window does not show, the icon's SVG (Qt
    loads its SVG library for it) and the slanted fonts (nothing in the first window is italic)."""
    app.setWindowIcon(app_icon())
    register_fonts(fonts)


_heap_frozen = False


def freeze_start_heap() -> None:
    """What is imported by now (SQLAlchemy, the models, Qt's types) lives as long as the app: kept out of the cyclic
    garbage collector's walks (gc.freeze), which otherwise went through it again and again while the first window
    was built (~10 ms of the start) and later in every full collection. Once per process."""
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.freeze()


def open_or_explain(db_url: str | None) -> Database | None:
    """Open the database; on failure show why in Latvian (no traceback) and return None."""
    title = QCoreApplication.translate("app", "Projektu vadība")
    try:
        return open_database(db_url)
    except AppError as exc:
        message = text_of(exc)
    except Exception as exc:  # anything core let through unwrapped: a sentence, the traceback to the log
        message = text_of(as_app_error(exc))
    QMessageBox.critical(None, title, message)
    return None


def start_url(db_url: str | None, settings: Settings) -> str | None:
    """--db / the environment, else the database chosen in Settings → Database; a team server whose password is
    not kept on this computer asks for it (None: the user cancelled)."""
    from projektu_vadiba.ui.database_choice import SERVER, explicit_url, load_choice

    explicit = explicit_url(db_url)
    if explicit:
        return explicit
    choice = load_choice(settings)
    if choice.kind == SERVER and not choice.remember_password:
        from projektu_vadiba.ui.dialogs.database_settings import ask_password

        password = ask_password(choice.address)
        return None if password is None else choice.url(password)
    return choice.url()


def open_chosen_or_explain(url: str, settings: Settings) -> Database | None:
    """The database of the settings: when it cannot be opened (server away, wait for the administrator), the
    message offers Settings → Database, so the user is never locked out by their own choice."""
    from projektu_vadiba.ui.dialogs.database_settings import DatabaseSettingsDialog

    title = QCoreApplication.translate("app", "Projektu vadība")
    while True:
        try:
            return open_database(url)
        except Exception as exc:
            message = text_of(as_app_error(exc))
        box = QMessageBox(QMessageBox.Icon.Critical, title, message)
        change = box.addButton(
            QCoreApplication.translate("app", "Datubāzes iestatījumi…"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QCoreApplication.translate("app", "Iziet"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not change:
            return None
        dialog = DatabaseSettingsDialog(settings)
        if not dialog.exec() or not dialog.chosen_url:
            return None
        url = dialog.chosen_url


def _report_folders(settings: Settings) -> list[Path]:
    from projektu_vadiba.ui.reports.recent import report_folders
    from projektu_vadiba.ui.reports.view import LAST_FOLDER

    return report_folders(settings.store, LAST_FOLDER)


def run_gui(db_url: str | None = None, *, language: str | None = None) -> int:
    """Start the desktop app on `db_url` (None: --db / environment / the default file). Returns the exit code."""
    app = make_application()
    install_error_hook()
    settings = Settings()
    switch_language(app, choose_language(language, settings))
    from projektu_vadiba.ui.database_choice import explicit_url

    url = start_url(db_url, settings)
    if url is None:
        return 1
    db = open_or_explain(url) if explicit_url(db_url) else open_chosen_or_explain(url, settings)
    if db is None:
        return 1
    from projektu_vadiba.core.leftovers import clean_leftovers  # only a real start cleans up

    clean_leftovers(db.url, _report_folders(settings))
    install_error_hook(sqlite_path(db.url))
    wire_features()
    fit = install_screen_fit(app)  # every window and dialog opens inside the screen
    window = MainWindow(db, settings)
    window.show()
    arm_smoke_quit(window, app.quit)  # only with PROJEKTU_VADIBA_SMOKE_QUIT_MS set (build smoke tests)
    try:
        return int(app.exec())
    finally:
        remove_screen_fit(app, fit)
        window.db.close()  # the one open now (Settings → Database may have switched it)
