"""Organizācijas dati from the empty start page: typed by keyboard, every problem at once, the logo chosen, saved
as one undoable step that the menu names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.own_organisation import OwnOrganisationInput, get_own, save_own
from projektu_vadiba.resources import resource
from projektu_vadiba.ui.dialogs import organisation_form
from projektu_vadiba.ui.dialogs.organisation_form import OrganisationForm
from projektu_vadiba.ui.settings import Settings

from .conftest import Seeded
from .helpers import activate, dialogs_closed, make_window, on_dialog

__all__ = ["dialogs_closed"]


def _click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))


def _type(text: str) -> None:
    """One key event per character with its text (QTest.keyClick garbles ā, ņ, “)."""
    for ch in text:
        target = QApplication.focusWidget()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_organisation_details_typed_checked_saved_and_undone(
    qtbot: QtBot, empty_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(organisation_form, "choose_logo_file", lambda _parent: str(resource("logos", "leader.png")))
    window = make_window(qtbot, empty_db, settings)
    seen: dict[str, str] = {}

    def fill(form: OrganisationForm) -> None:
        activate(form)
        _click(form.name)
        _type("Biedrība “Ūdru kopiena”")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _type("4000801234")  # one digit short
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _type("Skolas iela 1, Ķekava")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        _type("info@udri")  # no domain
        _click(form.logo.choose_button)
        assert form.logo.logo is not None and form.logo.remove_button.isEnabled()
        _click(form.buttons.button(form.buttons.StandardButton.Save))
        assert form.isVisible()  # refused, both problems shown at once
        seen["reg"], seen["email"] = form.error_text("reg_number"), form.error_text("email")
        form.reg_number.selectAll()
        _click(form.reg_number)
        form.reg_number.selectAll()
        _type("40008012345")
        form.email.selectAll()
        _click(form.email)
        form.email.selectAll()
        _type("info@udri.lv")
        QTest.keyClick(form.email, Qt.Key.Key_Return)

    on_dialog(fill)
    _click(window.project_list.organisation_button)
    assert "11 cipari" in seen["reg"] and "nav derīga e-pasta adrese" in seen["email"]
    with empty_db.session() as s:
        own = get_own(s)
    assert own is not None
    assert (own.name, own.reg_number, own.address, own.email, own.has_logo) == (
        "Biedrība “Ūdru kopiena”",
        "40008012345",
        "Skolas iela 1, Ķekava",
        "info@udri.lv",
        True,
    )
    assert window.undo_action.text() == "&Atsaukt: Organizācijas dati: Biedrība “Ūdru kopiena”"
    activate(window)  # the dialog has closed: the main window has the keyboard again
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with empty_db.session() as s:
        assert get_own(s) is None
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with empty_db.session() as s:
        again = get_own(s)
    assert again is not None and again.reg_number == "40008012345" and again.has_logo


def test_a_file_that_is_no_picture_gets_a_message(
    qtbot: QtBot, empty_db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"not a picture")
    monkeypatch.setattr(organisation_form, "choose_logo_file", lambda _parent: str(broken))
    window = make_window(qtbot, empty_db, settings)
    form = OrganisationForm(window.ws, window)
    form.show()
    activate(form)
    _click(form.name)
    _type("Biedrība")
    _click(form.logo.choose_button)
    QTest.keyClick(form.name, Qt.Key.Key_Return)
    assert form.isVisible() and form.error_text("logo") == "Šo failu nevar nolasīt kā attēlu."
    with empty_db.session() as s:
        assert get_own(s) is None


def test_a_new_project_is_implemented_by_our_organisation(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    with seeded.db.session() as s:
        save_own(s, OwnOrganisationInput("Biedrība “Ūdru kopiena”", "40008012345"))
    window = make_window(qtbot, seeded.db, settings)
    seen: list[str] = []

    def look(form) -> None:  # type: ignore[no-untyped-def]
        seen.append(form.implementer.currentText())
        QTest.keyClick(form, Qt.Key.Key_Escape)

    on_dialog(look)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Biedrība “Ūdru kopiena”"]


def test_a_projects_own_publicity_and_logo_typed_saved_and_undone(
    qtbot: QtBot, seeded: Seeded, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A municipality's project: its sentence typed into the project form, its logo chosen, Enter saves (one
    undoable step), Ctrl+Z takes both back."""
    monkeypatch.setattr(organisation_form, "choose_logo_file", lambda _parent: str(resource("logos", "leader.png")))
    pid = seeded.ids["2023-NVO-07"]
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(pid, "overview")
    sentence = "Projektu finansē Ķekavas novada pašvaldība."

    def fill(form) -> None:  # type: ignore[no-untyped-def]
        activate(form)
        _click(form.publicity)
        _type(sentence)
        _click(form.logo.choose_button)
        QTest.keyClick(form.number, Qt.Key.Key_Return)

    on_dialog(fill)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    with seeded.db.session() as s:
        saved = projects.get_project(s, pid)
    assert saved.publicity == sentence and saved.logo is not None and saved.logo.startswith(b"\x89PNG")
    activate(window)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with seeded.db.session() as s:
        undone = projects.get_project(s, pid)
    assert (undone.publicity, undone.logo) == ("", None)
