"""File → Eksportēt projektu / Importēt projektu, by keyboard: the menu opened with Alt+F and the action's letter,
the file chosen in the (stubbed) system dialog, the message read and closed with Enter. A project with its
attachments moves to an empty database and comes out again as the same bytes; a file that is not a bundle gets a
message and changes nothing."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.models import Attachment, Project
from projektu_vadiba.core.services import attachments
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from tests.core.bundle_sources import Source, make_source
from tests.core.test_bundle import NUMBER

from .helpers import acknowledge_message, activate, make_window
from .keys import key


@pytest.fixture
def source(sqlite_template: Path, tmp_path: Path) -> Iterator[Source]:
    yield from make_source(sqlite_template, tmp_path)


def _file_menu(window: MainWindow, letter: Qt.Key) -> None:
    """Alt+F opens Fails; the action's underlined letter runs it."""
    activate(window)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.activePopupWidget() is not None, "Alt+F did not open the File menu"
    key(letter)


def _project_id(db: Database) -> int:
    with db.session() as s:
        pid = s.scalar(select(Project.id).where(Project.number == NUMBER))
    assert pid is not None
    return int(pid)


def test_a_project_with_its_files_moves_to_another_database_and_back_out_unchanged(
    qtbot: QtBot,
    source: Source,
    empty_db: Database,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = tmp_path / "eksports" / "projekts", tmp_path / "eksports" / "atkal.pvz"
    first.parent.mkdir()
    window = make_window(qtbot, source.db, settings)
    assert not window.export_bundle_action.isEnabled()  # no project open yet
    window.open_project(_project_id(source.db), "overview")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(first), ""))
    seen: list[str] = []
    acknowledge_message(seen)
    _file_menu(window, Qt.Key.Key_E)  # &Eksportēt projektu (.pvz)…
    written = first.with_suffix(".pvz")  # the name without a suffix gets the bundle's
    qtbot.waitUntil(lambda: bool(seen))
    assert written.is_file() and str(written) in seen[0] and "Pielikumi: 5." in seen[0]
    with zipfile.ZipFile(written) as archive:
        assert archive.namelist()[0] == "project.json" and len(archive.namelist()) == 6  # 3 files, 2 logos

    other = make_window(qtbot, empty_db, settings)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), ""))
    seen.clear()
    acknowledge_message(seen)
    _file_menu(other, Qt.Key.Key_P)  # Importēt &projektu (.pvz)…
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].startswith(f"Projekts {NUMBER} importēts: pasākumi 3, personas 4, pielikumi 5.")
    assert other.current_project_id() == _project_id(empty_db)  # the imported project is open
    assert other.export_bundle_action.isEnabled()
    with empty_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 5
        folder = attachments.store_dir(s)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in source.folder.iterdir())

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(second), ""))
    seen.clear()
    acknowledge_message(seen)
    _file_menu(other, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: bool(seen))
    assert second.read_bytes() == written.read_bytes()


def test_a_file_that_is_not_a_bundle_gets_a_message_and_changes_nothing(
    qtbot: QtBot, empty_db: Database, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "atvaļinājums.pvz"
    fake.write_bytes(b"JFIF, not a bundle" * 20)
    window = make_window(qtbot, empty_db, settings)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    seen: list[str] = []
    acknowledge_message(seen)
    _file_menu(window, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0] == f"Fails “{fake}” nav projekta pakete: tas nav ZIP fails vai ir bojāts."
    assert window.current_project_id() is None
    with empty_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 0


def test_cancelling_either_dialog_does_nothing(
    qtbot: QtBot, source: Source, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = make_window(qtbot, source.db, settings)
    window.open_project(_project_id(source.db), "overview")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    _file_menu(window, Qt.Key.Key_E)
    _file_menu(window, Qt.Key.Key_P)
    assert QApplication.activeModalWidget() is None
    assert list(tmp_path.glob("*.pvz")) == []
    with source.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Project)) == 2
