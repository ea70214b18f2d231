"""At start the app looks for what a killed save left in the folders reports were saved to (the last folder and
every recent report's folder) and removes only its own temporaries there."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.leftovers import clean_leftovers
from projektu_vadiba.ui.reports.recent import RecentFiles, report_folders
from projektu_vadiba.ui.reports.view import LAST_FOLDER


def test_report_folders_come_from_the_last_folder_and_the_recent_lists(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    last, a, b = tmp_path / "Dokumenti", tmp_path / "Pārskati", tmp_path / "Saraksti"
    settings.setValue(LAST_FOLDER, str(last))
    RecentFiles(settings, 1).add(a / "nosleguma-parskats.pdf", "final")
    RecentFiles(settings, 2).add(b / "saraksts.pdf", "lists")
    RecentFiles(settings, 2).add(b / "finanses.xlsx", "financial")
    settings.setValue("reports/recent/3", "{not json")  # a damaged entry is passed over
    assert report_folders(settings, LAST_FOLDER) == [last, a.resolve(), b.resolve()]


def test_a_killed_save_in_a_report_folder_is_cleaned_at_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "Pārskati"
    folder.mkdir()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    left = folder / f".pārskats.pdf.{child.pid}.0badcafe{atomic_files.SUFFIX}"
    left.write_bytes(b"%PDF-1.4 half")
    (folder / "pārskats.pdf").write_bytes(b"%PDF-1.4 whole")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reports/recent/1", json.dumps([{"path": str(folder / "pārskats.pdf"), "kind": "final",
                                                        "at": "2026-12-05T06:00:00"}]))  # fmt: skip
    removed = clean_leftovers(f"sqlite:///{tmp_path / 'db' / 'pv.sqlite'}", report_folders(settings, LAST_FOLDER))
    assert removed == [left]
    assert [p.name for p in folder.iterdir()] == ["pārskats.pdf"]
