"""Settings → Database with the keyboard and the mouse: switching to another SQLite file or to a team server
re-opens the workspace (undo history cleared, with a notice); the connection test speaks Latvian; the dialog fits a
1366×768 laptop. And the server going away under an open form: a banner, the form and its input kept, nothing
saved, Save works again once the server is back (real PostgreSQL behind a proxy the test cuts)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from projektu_vadiba.core.db import Database, open_database, sqlite_path
from projektu_vadiba.core.services.projects import list_projects
from projektu_vadiba.ui.database_choice import DB_FILE, DB_KIND, DB_USER, SERVER, load_choice
from projektu_vadiba.ui.dialogs.database_settings import DatabaseSettingsDialog
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.dialogs.settings_dialog import SettingsDialog
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from tests.conftest import POSTGRES_ENV, _truncate_all
from tests.pg_proxy import Proxy
from tests.ui.conftest import LAPTOP_AVAILABLE
from tests.ui.helpers import activate, button, dialogs_closed, make_window, on_dialog  # noqa: F401
from tests.ui.keys import CTRL, click, key, shortcut, type_into, type_text
from tests.ui.test_screen_fit import problems_of


def remember_something(window: MainWindow) -> None:
    """An entry in the undo history (what it undoes does not matter here: only that switching clears it)."""
    window.ws.undo_stack.push(QUndoCommand("iepriekšēja darbība"))
    assert window.ws.undo_stack.count() == 1


def test_switching_to_another_file_with_the_keyboard_clears_the_history(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    remember_something(window)
    target = tmp_path / "cits" / "birojs.sqlite"
    seen: list[str] = []

    def in_settings(settings: SettingsDialog) -> None:
        def in_database(dialog: DatabaseSettingsDialog) -> None:
            activate(dialog)
            assert dialog.local.isChecked() and not dialog.server_box.isEnabled()
            seen.extend(problems_of(dialog, "Datubāze"))
            key(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Alt+F: the file field, by its label
            assert QApplication.focusWidget() is dialog.file
            type_text(str(target))
            click(dialog.save_button)

        on_dialog(in_database)
        click(settings.database_button)
        assert str(target) in settings.database_name.text()
        click(button(settings, "Atcelt"))  # the database was chosen in its own dialog: it is switched anyway

    on_dialog(in_settings)
    shortcut(window, Qt.Key.Key_Comma, CTRL)
    assert seen == []  # the dialog and each of its buttons inside the laptop's screen
    assert sqlite_path(window.db.url) == target and target.exists()
    assert window.ws.db is window.db and window.ws.undo_stack.count() == 0
    assert "Atsaukšanas vēsture notīrīta" in window.statusBar().currentMessage()
    assert str(target) in window.database_label.toolTip()
    assert window.settings.get(DB_FILE) == str(target)
    assert window.project_list.model.rowCount() == 0  # the new, empty file's projects: none


def test_a_database_that_cannot_be_opened_leaves_the_current_one(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("projektu_vadiba.ui.main_window.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    before = window.db
    remember_something(window)
    assert not window.switch_database(f"sqlite:///{tmp_path}")  # a folder is no database file
    assert window.db is before and window.ws.undo_stack.count() == 1
    assert shown and "Neizdevās atvērt datubāzi" in shown[0]


def test_the_dialog_fits_the_laptop_with_a_message_showing(qtbot: QtBot, laptop: None, settings: Settings) -> None:
    dialog = DatabaseSettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click(dialog.server)
    click(dialog.test_button)  # nothing typed: it says what is missing, connects nowhere
    assert dialog.result_label.text() == "Jānorāda: serveris, datubāze, lietotājs."
    assert problems_of(dialog, "Datubāze") == []
    assert LAPTOP_AVAILABLE.contains(dialog.frameGeometry())


# ---- against the real server ---------------------------------------------------------------------------------


@pytest.fixture
def pg_url() -> str:
    value = os.environ.get(POSTGRES_ENV)
    if not value:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV}")
    return value


@pytest.mark.postgres
def test_connecting_to_the_team_server_step_by_step(
    qtbot: QtBot,
    window: MainWindow,
    pg_url: str,
    postgres_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    url = make_url(pg_url)
    remember_something(window)
    said: list[str] = []

    def fill(dialog: DatabaseSettingsDialog) -> None:
        activate(dialog)
        click(dialog.server)
        assert dialog.server_box.isEnabled()
        type_into(dialog.host, url.host or "127.0.0.1")
        type_into(dialog.port, str(url.port or 5432))
        type_into(dialog.database, url.database or "")
        type_into(dialog.user, url.username or "")
        type_into(dialog.password, "nepareiza")
        key(Qt.Key.Key_Tab)  # to "Atcerēties paroli", then Tab on to the test button and Space presses it
        key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.test_button
        key(Qt.Key.Key_Space)
        said.append(dialog.result_label.text())
        click(dialog.save_button)  # refused: the check failed, the dialog stays with the reason
        assert dialog.isVisible()
        type_into(dialog.password, url.password or "")
        click(dialog.test_button)
        said.append(dialog.result_label.text())
        click(dialog.save_button)

    on_dialog(fill)
    window.database_action.trigger()  # Fails → Datubāze…
    assert said[0].endswith(f"lietotājvārds “{url.username}” vai parole nav pareiza.")
    assert said[1].startswith("Savienojums izdevās: PostgreSQL")
    assert window.db.engine.dialect.name == "postgresql"
    assert make_url(window.db.url).password is None  # remembered in the passfile, not in the URL or settings
    passfile = tmp_path / "pgpass"
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600 and f":{url.password}" in passfile.read_text()
    assert window.settings.get(DB_KIND) == SERVER and window.settings.get(DB_USER) == url.username
    stored = Path(window.settings.store.fileName()).read_text(encoding="utf-8").splitlines()
    assert [line for line in stored if line.startswith("password") or url.password in line.split("=", 1)[-1]] == [
        f"name={url.database}",  # the test role's password is its name: only the name and the user hold it
        f"user={url.username}",
    ] or url.password not in "".join(stored)
    assert window.ws.undo_stack.count() == 0
    assert f"{url.username}@{url.host}" in window.windowTitle()
    assert load_choice(window.settings).url() == window.db.url


@pytest.fixture
def proxied(postgres_db: Database, pg_url: str) -> Iterator[tuple[Database, Proxy]]:
    _truncate_all(postgres_db)
    target = make_url(pg_url)
    proxy = Proxy(target.host or "127.0.0.1", target.port or 5432)
    db = open_database(target.set(port=proxy.port).render_as_string(hide_password=False))
    yield db, proxy
    db.close()
    proxy.close()


@pytest.mark.postgres
def test_the_server_going_away_under_an_open_form(
    qtbot: QtBot, proxied: tuple[Database, Proxy], postgres_db: Database, tmp_path: Path
) -> None:
    db, proxy = proxied
    window = make_window(qtbot, db, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    banner = window.connection_banner
    assert not banner.isVisible()
    seen: dict[str, object] = {}

    def fill(form: ProjectForm) -> None:
        activate(form)
        type_text("2026-KOM-1")
        key(Qt.Key.Key_Tab)
        type_text("Kopienu sarunas Daugmalē")
        type_into(form.funder.lineEdit(), "Sabiedrības integrācijas fonds")
        type_into(form.implementer.lineEdit(), "Biedrība “Daugmales kopiena”")
        type_into(form.start, "1.12.2026")
        type_into(form.end, "30.11.27")
        proxy.cut()  # the server goes away while the user types
        key(Qt.Key.Key_Return)  # Save
        seen["open"] = form.isVisible()
        seen["message"] = form.general_error.text()
        seen["number"], seen["title"] = form.number.text(), form.title.text()
        seen["banner"] = banner.isVisible() and banner.label.text()
        seen["undo"] = window.ws.undo_stack.count()
        proxy.restore()
        qtbot.waitUntil(lambda: "atjaunots" in banner.label.text(), timeout=30000)  # the app's own retry
        activate(form)
        key(Qt.Key.Key_Return)  # Save again: now it goes through

    on_dialog(fill)
    shortcut(window, Qt.Key.Key_N, CTRL)
    assert seen["open"] is True
    assert str(seen["message"]).startswith("Savienojums ar serveri pārtrūka. Nekas no šīs darbības netika saglabāts")
    assert (seen["number"], seen["title"]) == ("2026-KOM-1", "Kopienu sarunas Daugmalē")  # the input is kept
    assert seen["banner"] == "Nav savienojuma ar serveri — mēģina vēlreiz…"
    assert seen["undo"] == 0  # the failed change was never pushed
    assert window.ws.undo_stack.count() == 1
    with db.session() as s:
        assert [p.number for p in list_projects(s)] == ["2026-KOM-1"]  # saved once, not twice

    # Ctrl+Z while the server is away: nothing undone, and the step stays in the history for later.
    stack = window.ws.undo_stack
    proxy.cut()
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert (stack.count(), stack.index()) == (1, 1) and banner.isVisible()
    with postgres_db.session() as s:  # straight to the server, not through the cut proxy
        assert [p.number for p in list_projects(s)] == ["2026-KOM-1"]
    proxy.restore()
    qtbot.waitUntil(lambda: "atjaunots" in banner.label.text(), timeout=30000)
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert stack.index() == 0
    with postgres_db.session() as s:
        assert list_projects(s) == []


@pytest.mark.postgres
def test_a_lost_server_no_action_caught_goes_to_the_banner_not_a_dialog(
    qtbot: QtBot, proxied: tuple[Database, Proxy], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from projektu_vadiba.ui import error_hook

    shown: list[str] = []
    monkeypatch.setattr(error_hook.QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    db, proxy = proxied
    window = make_window(qtbot, db, Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    proxy.cut()
    with pytest.raises(Exception) as caught, db.engine.connect() as conn:  # a view's own query, uncaught
        conn.exec_driver_sql("SELECT 1")
    error_hook.show_unexpected(caught.value)
    assert shown == [] and window.connection_banner.isVisible()
    proxy.restore()
    window.close()
    error_hook.show_unexpected(RuntimeError("x"))  # the window gone: unexpected errors are boxes again
    assert len(shown) == 1
