"""A day at the registration desk, driven through the real window with keys and the mouse: walk-ins by picking an
offer or typing a new name (never a junk name made of an offer's text), ticks, taking a wrong entry off the list,
deleting a person in the registry, importing a list into an event; every step is one undo entry with a Latvian
label, Ctrl+Z undoes exactly that step (never an earlier one) and every open view follows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, people
from projektu_vadiba.ui.commands import CreateCommand
from projektu_vadiba.ui.entities import EVENT
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.people.attendance_model import ATTENDED, NAME, STATUS
from projektu_vadiba.ui.people.event_attendance import EventAttendanceWidget
from projektu_vadiba.ui.people_window import PeopleRegistryWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.wiring import unwire_features, wire_features

from .conftest import Seeded
from .helpers import (  # noqa: F401
    acknowledge_message,
    activate,
    answer_message,
    button,
    dialogs_closed,
    make_window,
    on_dialog,
)

PROJECT = "2023-NVO-07"


@pytest.fixture(autouse=True)
def wired() -> Iterator[None]:
    wire_features()
    yield
    unwire_features()
    clock.set_clock(None)


def _event_id(seeded: Seeded) -> int:
    with seeded.db.session() as s:
        [event] = activities.list_events(s, seeded.ids[PROJECT])
        people.create_person(
            s, PersonInput("Ilze", "Ķēniņa", municipality="Ķekavas novads", email="ilze.kenina@example.lv")
        )
    return event.id


def _open(qtbot: QtBot, seeded: Seeded, settings: Settings, event_id: int) -> tuple[MainWindow, EventAttendanceWidget]:
    window = make_window(qtbot, seeded.db, settings)
    window.open_event(seeded.ids[PROJECT], event_id)
    checklist = window.project_page.findChild(EventAttendanceWidget)
    assert checklist is not None and checklist.isVisible()
    return window, checklist


def target() -> QWidget:
    """Where a key goes: an open popup (the offers' list) takes the keys, as on a desktop; else the focus."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(text: str) -> None:
    """One key event per character, with its text (QTest's ASCII key table has no ā, Ē, ņ)."""
    for ch in text:
        code = ord(ch.upper()) if ch.isascii() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target(), QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, ch))


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(target(), k, modifier)


def focus(widget: QWidget) -> None:
    activate(widget.window())
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(10, widget.height() // 2))
    assert QApplication.focusWidget() is widget


def on_list(seeded: Seeded, event_id: int) -> list[tuple[str, AttendanceStatus]]:
    with seeded.db.session() as s:
        return [(a.person.full_name, a.status) for a in attendance.event_list(s, event_id)]


def click_row(checklist: EventAttendanceWidget, row: int, column: int = NAME) -> None:
    rect = checklist.table.visualRect(checklist.model.index(row, column))
    QTest.mouseClick(checklist.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_check(checklist: EventAttendanceWidget, row: int) -> None:
    """A click on the check box itself (where the style draws it in the "Piedalījās" cell)."""
    index = checklist.model.index(row, ATTENDED)
    option = QStyleOptionViewItem()
    delegate = checklist.table.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    option.rect = checklist.table.visualRect(index)
    style = checklist.table.style()
    box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, checklist.table)
    QTest.mouseClick(checklist.table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_walk_ins_by_offer_and_by_name_then_ctrl_z_undoes_only_them(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    clock.set_clock(datetime(2023, 4, 22, 11, 0))  # during the event: whoever is typed came
    event_id = _event_id(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    # An event made earlier in this session: the Ctrl+Z below must never reach it.
    later = EventInput("Otrā talka", datetime(2023, 5, 20, 10), datetime(2023, 5, 20, 14))
    window.ws.execute(CreateCommand(window.ws, EVENT, seeded.ids[PROJECT], later, "Pievienots pasākums: Otrā talka"))
    box = checklist.walk_in
    focus(box)
    type_text("ilze")
    popup = box.completer_.popup()
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    key(Qt.Key.Key_Down)
    assert box.text() == "Ilze Ķēniņa (Ķekavas novads, ilze.kenina@example.lv)"
    key(Qt.Key.Key_Return)
    assert box.text() == ""  # the offer was taken: the next keys start a new name
    changes: list[int] = []
    window.ws.dataChanged.connect(lambda: changes.append(1))
    type_text("Oskars Ērglis")
    key(Qt.Key.Key_Return)
    assert box.text() == "" and changes == [1]  # one change, one signal
    assert on_list(seeded, event_id) == [
        ("Jānis Bērziņš", AttendanceStatus.ATTENDED),
        ("Oskars Ērglis", AttendanceStatus.ATTENDED),
        ("Ilze Ķēniņa", AttendanceStatus.ATTENDED),
        ("Līga Ozoliņa", AttendanceStatus.REGISTERED),
    ]
    assert checklist.model.rowCount() == 4 and checklist.summary.text() == "Sarakstā 4, piedalījās 3, nepiedalījās 0"
    assert window.undo_action.text() == "&Atsaukt: Pievienots dalībnieks: Oskars Ērglis"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_action.text() == "&Atsaukt: Pievienots dalībnieks: Ilze Ķēniņa"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [name for name, _ in on_list(seeded, event_id)] == ["Jānis Bērziņš", "Līga Ozoliņa"]
    assert checklist.model.rowCount() == 2
    with seeded.db.session() as s:
        assert people.search_people(s, "erglis") == []  # the new person went with the undo
        assert people.search_people(s, "kenina") != []  # the existing one stays in the registry
        assert [e.title for e in activities.list_events(s, seeded.ids[PROJECT])][-1] == "Otrā talka"
    assert window.undo_action.text() == "&Atsaukt: Pievienots pasākums: Otrā talka"
    key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo: Ilze back on the list
    assert [name for name, _ in on_list(seeded, event_id)] == ["Jānis Bērziņš", "Ilze Ķēniņa", "Līga Ozoliņa"]


def test_an_offers_text_with_more_typed_never_becomes_a_person(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    clock.set_clock(datetime(2023, 4, 22, 11, 0))
    event_id = _event_id(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    box = checklist.walk_in
    focus(box)
    type_text("ilze")
    popup = box.completer_.popup()
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Escape)  # the list closes, the offer's text stays in the box
    assert box.text().startswith("Ilze Ķēniņa (")
    box.end(False)
    type_text("ozol")
    seen: list[str] = []
    acknowledge_message(seen)
    key(Qt.Key.Key_Return)
    assert "nav vārds un uzvārds" in seen[0]
    assert len(on_list(seeded, event_id)) == 2
    with seeded.db.session() as s:
        assert people.count_people(s) == 3  # nobody new
    assert not window.ws.undo_stack.canUndo()


def test_a_typed_name_of_someone_in_the_registry_asks_before_making_a_second_record(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    clock.set_clock(datetime(2023, 4, 22, 11, 0))
    event_id = _event_id(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    focus(checklist.walk_in)
    type_text("Ilze Kenina")  # typed in full; the offers' list opens, none is picked
    popup = checklist.walk_in.completer_.popup()
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    seen: list[str] = []
    answer_message("Izmantot esošo", seen)
    key(Qt.Key.Key_Return)
    assert seen[0] == "Reģistrā jau ir līdzīga persona."
    assert ("Ilze Ķēniņa", AttendanceStatus.ATTENDED) in on_list(seeded, event_id)
    assert checklist.walk_in.text() == ""
    with seeded.db.session() as s:
        assert people.count_people(s) == 3
    assert window.undo_action.text() == "&Atsaukt: Pievienots dalībnieks: Ilze Ķēniņa"


def test_the_other_gender_form_of_a_surname_offers_and_finds_the_registered_person(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    clock.set_clock(datetime(2023, 4, 22, 11, 0))
    event_id = _event_id(seeded)
    _window, checklist = _open(qtbot, seeded, settings, event_id)
    box = checklist.walk_in
    focus(box)
    type_text("kenins")  # the masculine form, as people usually type it: Ilze Ķēniņa is offered
    popup = box.completer_.popup()
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    assert [p.surname for p in box.suggestions] == ["Ķēniņa"]
    key(Qt.Key.Key_Escape)
    key(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Backspace)
    assert box.text() == ""
    type_text("Ilze Ķēniņš")  # typed in full, no offer picked: the duplicate check knows the form as well
    seen: list[str] = []
    answer_message("Izmantot esošo", seen)
    key(Qt.Key.Key_Return)
    assert seen[0] == "Reģistrā jau ir līdzīga persona."
    assert ("Ilze Ķēniņa", AttendanceStatus.ATTENDED) in on_list(seeded, event_id)
    with seeded.db.session() as s:
        assert people.count_people(s) == 3  # no second record in the masculine form


def test_before_the_event_a_typed_name_is_a_registration(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    clock.set_clock(datetime(2023, 4, 20, 9, 0))  # two days before the event
    event_id = _event_id(seeded)
    _window, checklist = _open(qtbot, seeded, settings, event_id)
    assert checklist.walk_in.placeholderText().startswith("Pieteikt")
    focus(checklist.walk_in)
    type_text("Anna Zariņa")
    key(Qt.Key.Key_Return)
    assert ("Anna Zariņa", AttendanceStatus.REGISTERED) in on_list(seeded, event_id)


def test_tick_and_remove_from_the_list_with_keys_and_undo_brings_the_entry_back(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    event_id = _event_id(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    click_row(checklist, 1, ATTENDED)  # Līga Ozoliņa's "Piedalījās" cell becomes current
    key(Qt.Key.Key_Space)
    assert on_list(seeded, event_id)[1] == ("Līga Ozoliņa", AttendanceStatus.ATTENDED)
    assert window.undo_action.text() == "&Atsaukt: Atzīmēta dalība: Līga Ozoliņa"
    assert checklist.summary.text() == "Sarakstā 2, piedalījās 2, nepiedalījās 0"
    click_check(checklist, 1)  # the mouse on her tick: off (did not come), then on again
    assert on_list(seeded, event_id)[1] == ("Līga Ozoliņa", AttendanceStatus.ABSENT)
    click_check(checklist, 1)
    assert on_list(seeded, event_id)[1] == ("Līga Ozoliņa", AttendanceStatus.ATTENDED)
    assert window.ws.undo_stack.count() == 3
    changes: list[int] = []
    window.ws.dataChanged.connect(lambda: changes.append(1))
    click_row(checklist, 1, STATUS)  # the status by its list: double click, Up (to "Reģistrējies"), Enter
    where = checklist.table.visualRect(checklist.model.index(1, STATUS)).center()
    QTest.mouseDClick(checklist.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert isinstance(QApplication.focusWidget(), QComboBox)
    key(Qt.Key.Key_Up)
    with qtbot.waitSignal(window.ws.dataChanged):  # the delegate commits on its next turn of the event loop
        key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checklist.model.row_at(1).status is AttendanceStatus.REGISTERED)
    assert on_list(seeded, event_id)[1] == ("Līga Ozoliņa", AttendanceStatus.REGISTERED) and changes == [1]
    assert window.undo_action.text() == "&Atsaukt: Atzīmēts, ka reģistrējies: Līga Ozoliņa"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_list(seeded, event_id)[1] == ("Līga Ozoliņa", AttendanceStatus.ATTENDED)
    click_row(checklist, 0)
    assert QApplication.focusWidget() is checklist.table
    key(Qt.Key.Key_Delete)
    assert on_list(seeded, event_id) == [("Līga Ozoliņa", AttendanceStatus.ATTENDED)]
    assert window.undo_action.text() == "&Atsaukt: Noņemts no saraksta: Jānis Bērziņš"
    assert checklist.model.rowCount() == 1
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_list(seeded, event_id) == [("Jānis Bērziņš", AttendanceStatus.ATTENDED),
                                         ("Līga Ozoliņa", AttendanceStatus.ATTENDED)]  # fmt: skip
    # The same from the button (and the context menu's action) after selecting two rows.
    click_row(checklist, 0)
    QTest.mouseClick(
        checklist.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        checklist.table.visualRect(checklist.model.index(1, NAME)).center(),
    )
    assert checklist.remove_action in checklist.table.actions()
    QTest.mouseClick(button(checklist, "Noņemt no saraksta"), Qt.MouseButton.LeftButton)
    assert on_list(seeded, event_id) == []
    assert window.undo_action.text() == "&Atsaukt: Noņemti no saraksta: 2 dalībnieki"
    for _ in range(4):  # the removal, the two clicks and the tick
        key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.ws.undo_stack.canUndo()
    assert on_list(seeded, event_id) == [("Jānis Bērziņš", AttendanceStatus.ATTENDED),
                                         ("Līga Ozoliņa", AttendanceStatus.REGISTERED)]  # fmt: skip


def test_registry_follows_other_views_and_deletes_a_person_undoably(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    clock.set_clock(datetime(2023, 4, 22, 11, 0))
    event_id = _event_id(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    window.registry_action.trigger()
    registry = window.findChild(PeopleRegistryWindow)
    assert registry is not None and registry.view.model.rowCount() == 3
    focus(checklist.walk_in)
    type_text("Oskars Ērglis")
    key(Qt.Key.Key_Return)
    view = registry.view
    assert view.model.rowCount() == 4  # the registry window read itself again
    activate(registry)
    rect = view.table.visualRect(view.model.index(0, 0))  # Bērziņš, first in Latvian order
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected()[0].surname == "Bērziņš"
    seen: list[str] = []
    answer_message("Dzēst", seen)
    QTest.mouseClick(button(view, "Dzēst dalībnieku…"), Qt.MouseButton.LeftButton)
    assert seen[0] == "Dzēst Jānis Bērziņš?"
    assert "1 ieraksts pasākumu sarakstos" in seen[1] and "atsaukt ar Ctrl+Z" in seen[1]
    assert view.model.rowCount() == 3
    assert [n for n, _ in on_list(seeded, event_id)] == ["Oskars Ērglis", "Līga Ozoliņa"]
    assert checklist.model.rowCount() == 2  # the event's list followed
    activate(window)
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.model.rowCount() == 4
    assert on_list(seeded, event_id)[0] == ("Jānis Bērziņš", AttendanceStatus.ATTENDED)
    registry.close()  # a closed registry catches up when it is opened again
    focus(checklist.walk_in)
    type_text("Anna Zariņa")
    key(Qt.Key.Key_Return)
    key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert registry.isVisible() and view.model.rowCount() == 5
    registry.close()


def test_import_from_the_people_menu_into_an_event_and_undo(
    qtbot: QtBot, seeded: Seeded, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set_clock(datetime(2023, 4, 1, 9, 0))  # before the event: the imported people registered
    event_id = _event_id(seeded)
    path = tmp_path / "pieteikumi.csv"
    path.write_text(
        "Vārds;Uzvārds;E-pasts;Tālrunis\nIlze;Ķēniņa;ilze.kenina@example.lv;+371 26000001\nAnna;Zariņa;;\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids[PROJECT], "overview")

    def run(dialog):  # type: ignore[no-untyped-def]
        QTest.mouseClick(button(dialog, "Izvēlēties failu…"), Qt.MouseButton.LeftButton)
        activate(dialog)
        dialog.event_box.setFocus()
        assert QApplication.focusWidget() is dialog.event_box
        key(Qt.Key.Key_Down)  # the project's one event
        assert dialog.event_box.currentData() == event_id
        QTest.mouseClick(button(dialog, "Pārbaudīt"), Qt.MouseButton.LeftButton)
        assert dialog.duplicates.rowCount() == 1  # Ilze: link to the existing record (the default)
        acknowledge_message()
        QTest.mouseClick(button(dialog, "Importēt"), Qt.MouseButton.LeftButton)

    on_dialog(run)
    window.import_people_action.trigger()
    assert on_list(seeded, event_id) == [
        ("Jānis Bērziņš", AttendanceStatus.ATTENDED),
        ("Ilze Ķēniņa", AttendanceStatus.REGISTERED),
        ("Līga Ozoliņa", AttendanceStatus.REGISTERED),
        ("Anna Zariņa", AttendanceStatus.REGISTERED),
    ]
    with seeded.db.session() as s:
        assert people.search_people(s, "kenina")[0].phone == "+371 26000001"  # filled from the file
    assert window.undo_action.text() == "&Atsaukt: Imports: 2 dalībnieki"
    activate(window)
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [n for n, _ in on_list(seeded, event_id)] == ["Jānis Bērziņš", "Līga Ozoliņa"]
    with seeded.db.session() as s:
        assert people.search_people(s, "kenina")[0].phone == ""
        assert people.search_people(s, "zarina") == []


def test_registry_add_edit_and_merge_are_undone_by_ctrl_z_in_the_registry_window(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    _event_id(seeded)
    window = make_window(qtbot, seeded.db, settings)
    key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    registry = window.findChild(PeopleRegistryWindow)
    assert registry is not None and registry.isVisible()
    activate(registry)
    view = registry.view
    changes: list[int] = []
    window.ws.dataChanged.connect(lambda: changes.append(1))

    def fill(dialog):  # type: ignore[no-untyped-def]
        activate(dialog)
        dialog.fields["given_name"].setFocus()
        type_text("Jānis")
        key(Qt.Key.Key_Tab)
        type_text("Bērziņš")
        key(Qt.Key.Key_Tab)
        type_text("Zaļā Ķekava")

        def keep_new(box):  # type: ignore[no-untyped-def]
            button(box, "Tomēr izveidot jaunu").click()

        on_dialog(keep_new)  # "Jānis Bērziņš" is in the registry already
        key(Qt.Key.Key_Return)

    on_dialog(fill)
    QTest.mouseClick(button(view, "Pievienot…"), Qt.MouseButton.LeftButton)
    assert len(changes) == 1 and view.model.rowCount() == 4
    assert window.undo_action.text() == "&Atsaukt: Pievienots dalībnieks: Jānis Bērziņš"
    # Edit Līga (double-click her row): her municipality.
    liga = next(r for r in range(view.model.rowCount()) if view.model.person_at(r).surname == "Ozoliņa")

    def edit(dialog):  # type: ignore[no-untyped-def]
        activate(dialog)
        dialog.fields["municipality"].setFocus()
        type_text("Baldone")
        key(Qt.Key.Key_Return)

    on_dialog(edit)
    activate(registry)
    where = view.table.visualRect(view.model.index(liga, 0)).center()
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click's first press
    QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.undo_action.text() == "&Atsaukt: Labots dalībnieks: Līga Ozoliņa" and len(changes) == 2
    activate(registry)
    view.table.setFocus()
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with seeded.db.session() as s:
        assert people.search_people(s, "ozolina")[0].municipality == ""
    key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    with seeded.db.session() as s:
        assert people.search_people(s, "ozolina")[0].municipality == "Baldone"
    changes.clear()
    # Merge the two Bērziņš records: the first (on the event's list) stays.
    rows = [r for r in range(view.model.rowCount()) if view.model.person_at(r).surname == "Bērziņš"]
    activate(registry)
    for i, r in enumerate(rows):
        QTest.mouseClick(
            view.table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier,
            view.table.visualRect(view.model.index(r, 0)).center(),
        )
    assert len(view.selected()) == 2 and view.merge_button.isEnabled()

    def merge(dialog):  # type: ignore[no-untyped-def]
        button(dialog, "Apvienot").click()

    on_dialog(merge)
    QTest.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert view.model.rowCount() == 3 and len(changes) == 1
    assert window.undo_action.text().startswith("&Atsaukt: Apvienoti dalībnieki: Jānis Bērziņš")
    activate(registry)
    view.table.setFocus()
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the registry window itself
    assert view.model.rowCount() == 4 and len(changes) == 2
    assert window.undo_action.text() == "&Atsaukt: Labots dalībnieks: Līga Ozoliņa"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the new Jānis Bērziņš goes
    assert view.model.rowCount() == 3
    with seeded.db.session() as s:
        assert [p.organisation_name for p in people.search_people(s, "berzins")] == [None]
    registry.close()
