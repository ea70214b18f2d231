"""Anonymising a person in the registry names the upgrade backups that still hold the data and removes them on
request (real mouse clicks; the confirmation boxes answered through QMessageBox.question)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services import gdpr
from projektu_vadiba.ui.people.registry_view import PeopleRegistryView
from projektu_vadiba.ui.workspace import Workspace


@pytest.mark.parametrize("delete", [False, True])
def test_anonymising_offers_to_delete_the_backups(
    qtbot, revision_0001_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delete: bool
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.sqlite"
    shutil.copyfile(revision_0001_template, path)
    database = open_database(f"sqlite:///{path}")  # upgraded: one backup with every name in it
    with database.session() as s:
        (backup,) = gdpr.backups_with_personal_data(s)
    asked: list[str] = []
    answers = [
        QMessageBox.StandardButton.Yes,
        QMessageBox.StandardButton.Yes if delete else QMessageBox.StandardButton.No,
    ]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answers.pop(0))
    view = PeopleRegistryView(Workspace(database))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    table = view.table
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(view.model.index(0, 0)).center())
    QTest.mouseClick(view.anonymise_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and str(backup) in asked[1]
    assert backup.exists() is not delete
    database.close()
