"""run_gui (the composition root), fonts, translations, and what the GUI does not import at start."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.ui import app as app_module
from projektu_vadiba.ui import fonts
from projektu_vadiba.ui.app import make_application, run_gui
from projektu_vadiba.ui.fonts import SYSTEM_DEJAVU, covers_latvian, font_files, is_slanted, load_fonts
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.translations import install_translators

from .conftest import Seeded

LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.mark.parametrize(
    "url",
    [
        "folder",  # an existing folder is no SQLite file: core raises AppError
        "sqlite:////proc/nav-tādas-mapes/pv.sqlite",  # the folder cannot be made: OSError from core
        "nesaprotams://x",  # no such SQLAlchemy dialect
    ],
)
def test_run_gui_explains_an_unopenable_database(
    qapp: QApplication, critical: list[tuple[str, str]], tmp_path: Path, url: str
) -> None:
    if url == "folder":
        url = f"sqlite:///{tmp_path}"
    assert run_gui(url) == 1
    assert len(critical) == 1
    title, text = critical[0]
    assert title == "Projektu vadība"
    assert "Neizdevās atvērt datubāzi" in text or "Nederīga datubāzes adrese" in text
    assert "Traceback" not in text
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_run_gui_shows_the_main_window_and_returns_its_exit_code(qapp: QApplication, seeded: Seeded) -> None:
    seen: list[str] = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        seen.extend(w.count_label.text() for w in windows)
        for w in windows:
            w.close()

    safety_net = QTimer()  # never hang the test run if the window does not close
    safety_net.setSingleShot(True)
    safety_net.timeout.connect(lambda: QCoreApplication.exit(3))
    safety_net.start(5000)
    QTimer.singleShot(0, look_and_close)
    try:
        assert run_gui(seeded.db.url) == 0
    finally:
        safety_net.stop()
    assert seen == [f"Projektu vadība — {seeded.db.display_name}", "3 projekti"]
    assert qapp.applicationName() == "Projektu vadība"
    assert qapp.organizationName() == "projektu-vadiba"
    assert not qapp.windowIcon().isNull()


@pytest.mark.skipif(not (SYSTEM_DEJAVU / "DejaVuSans.ttf").is_file(), reason="fonts-dejavu-core is not installed")
def test_dejavu_sans_becomes_the_app_font_offscreen(qapp: QApplication, tmp_path: Path) -> None:
    files = font_files(bundled_dir=tmp_path)  # nothing bundled: the system's DejaVu
    assert files and all(p.parent == SYSTEM_DEJAVU for p in files)
    assert load_fonts(qapp, files) == "DejaVu Sans"
    assert qapp.font().family() == "DejaVu Sans"
    assert covers_latvian(QFont("DejaVu Sans"))


@pytest.mark.skipif(not (SYSTEM_DEJAVU / "DejaVuSans.ttf").is_file(), reason="fonts-dejavu-core is not installed")
def test_fonts_load_from_a_folder_with_latvian_letters(qapp: QApplication, tmp_path: Path) -> None:
    # The installed app lives under "C:\\Program Files\\Projektu vadība": fonts are read as bytes, whatever the path.
    folder = tmp_path / "Projektu vadība" / "fonts"
    folder.mkdir(parents=True)
    (folder / "DejaVuSans.ttf").write_bytes((SYSTEM_DEJAVU / "DejaVuSans.ttf").read_bytes())
    files = font_files(bundled_dir=folder)
    assert load_fonts(qapp, [*files, folder / "gone.ttf"]) == "DejaVu Sans"  # a missing file is passed over
    assert covers_latvian(qapp.font())


def test_a_bundled_font_wins_over_the_system(tmp_path: Path) -> None:
    (tmp_path / "Fonts-LV.ttf").write_bytes(b"not really a font")
    (tmp_path / "readme.txt").write_text("x")
    assert font_files(bundled_dir=tmp_path) == [tmp_path / "Fonts-LV.ttf"]
    assert font_files(bundled_dir=tmp_path / "missing", system_dir=tmp_path / "none") == []


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed")
def test_a_translation_file_changes_the_ui_language(
    qtbot: QtBot, qapp: QApplication, empty_db: Database, settings: Settings, tmp_path: Path
) -> None:
    ts = tmp_path / "projektu_vadiba_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en" sourcelanguage="lv">'
        "<context><name>MainWindow</name>"
        "<message><source>&amp;Fails</source><translation>&amp;File</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    subprocess.run(
        [str(LRELEASE), str(ts), "-qm", str(tmp_path / "projektu_vadiba_en.qm")], check=True, capture_output=True
    )
    installed = install_translators(qapp, "en", directory=tmp_path)
    try:
        assert installed
        window = MainWindow(empty_db, settings)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "&File" and menus[-1] == "&Palīdzība"  # untranslated stays Latvian
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_latvian_loads_qts_own_latvian_strings_and_nothing_else(qapp: QApplication, tmp_path: Path) -> None:
    installed = install_translators(qapp, "lv", directory=tmp_path)
    try:
        qt_lv = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_lv.qm"
        assert len(installed) == (1 if qt_lv.is_file() else 0)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert install_translators(qapp, "xx", directory=tmp_path) == []


def test_starting_the_gui_imports_no_report_libraries() -> None:
    code = (
        "import sys, projektu_vadiba.ui.app\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'openpyxl', 'pypdf', 'docx', 'lxml'})\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_slanted_fonts_and_the_scalable_icon_follow_the_first_paint(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing in the first window is italic and no icon is drawn larger than 256 px: those faces and the SVG (Qt
    loads its SVG library for it) come after the window is up, as the project page does (MainWindow's warm-up)."""
    registered: list[list[str]] = []
    real = fonts.register_fonts

    def recording(files: Iterable[Path]) -> list[str]:
        files = list(files)
        registered.append(sorted(p.name for p in files))
        return real(files)

    monkeypatch.setattr(fonts, "register_fonts", recording)  # load_fonts, now
    monkeypatch.setattr(app_module, "register_fonts", recording)  # finish_application, after the first paint
    files = font_files()
    assert make_application() is qapp
    upright = sorted(p.name for p in files if not is_slanted(p))
    slanted = sorted(p.name for p in files if is_slanted(p))
    assert upright and slanted  # DejaVu Sans: regular and bold now, oblique and bold oblique later
    assert registered == [upright]
    assert qapp.windowIcon().pixmap(512, 512).width() == 256  # the PNGs
    assert qapp.font().family() == "DejaVu Sans"
    qtbot.waitUntil(lambda: slanted in registered, timeout=5000)
    assert qapp.windowIcon().pixmap(512, 512).width() == 512  # the SVG, drawn at any size


def test_the_start_freezes_what_it_imported_out_of_the_garbage_collectors_walks(qapp: QApplication) -> None:
    make_application()
    assert gc.get_freeze_count() > 0


def test_the_first_window_loads_no_team_listener_scan_or_cleanup_modules(tmp_path: Path) -> None:
    """On SQLite the first window needs none of these; each is imported when first used (team access on PostgreSQL,
    the live listener, printing a sheet (opening the file claims its installation without the print records), the
    clean-up of a real start)."""
    url = f"sqlite:///{tmp_path / 'pv.sqlite'}"
    open_database(url).close()  # made and migrated here: the child opens it as a later start does
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from projektu_vadiba.core.db import open_database\n"
        "from projektu_vadiba.ui.app import make_application\n"
        "from projektu_vadiba.ui.main_window import MainWindow\n"
        "from projektu_vadiba.ui.settings import Settings\n"
        "app = make_application()\n"
        f"window = MainWindow(open_database({url!r}), Settings())\n"
        "window.show()\n"
        "def painted():\n"
        "    print(','.join(sorted(m for m in sys.modules if m.startswith('projektu_vadiba'))))\n"
        "    app.quit()\n"
        "QTimer.singleShot(0, painted)\n"
        "app.exec()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    loaded = set(result.stdout.strip().split(","))
    assert "projektu_vadiba.ui.main_window" in loaded  # the window was built
    unneeded = {
        "projektu_vadiba.core.team.server",
        "projektu_vadiba.core.team.policies",
        "projektu_vadiba.core.live_changes",
        "projektu_vadiba.core.connection",
        "projektu_vadiba.core.scan.marks",
        "projektu_vadiba.core.services.prints",
        "projektu_vadiba.core.leftovers",
    }
    assert loaded & unneeded == set()
