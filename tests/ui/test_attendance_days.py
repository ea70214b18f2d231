"""Per-day ticks of a two-day event in the real window, by the mouse and by Space on the focused cell: one tick
column per day ("17.08.", "18.08.", as on the sheet), each tick one undo entry with its day in the label and one
`dataChanged`; the status follows (came on any day = attended) and Ctrl+Z / Ctrl+Shift+Z go back and forth."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, people
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.people.attendance_model import ATTENDED, NAME, STATUS
from projektu_vadiba.ui.people.event_attendance import EventAttendanceWidget
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.wiring import unwire_features, wire_features

from .conftest import Seeded
from .helpers import activate, make_window

PROJECT = "2023-NVO-07"
D17, D18 = date(2023, 8, 17), date(2023, 8, 18)


@pytest.fixture(autouse=True)
def wired() -> Iterator[None]:
    wire_features()
    yield
    unwire_features()
    clock.set_clock(None)


def _trip(seeded: Seeded) -> int:
    """A study trip 17.08.2023 08:00 – 18.08.2023 19:00 with two people registered."""
    with seeded.db.session() as s:
        start, end = datetime(2023, 8, 17, 8), datetime(2023, 8, 18, 19)
        event_id = activities.create_event(s, seeded.ids[PROJECT], EventInput("Mācību brauciens", start, end)).id
        for given, surname in (("Ilze", "Ķēniņa"), ("Jānis", "Ozols")):
            attendance.register(s, event_id, people.create_person(s, PersonInput(given, surname)).id)
    return event_id


def _open(qtbot: QtBot, seeded: Seeded, settings: Settings, event_id: int) -> tuple[MainWindow, EventAttendanceWidget]:
    window = make_window(qtbot, seeded.db, settings)
    window.open_event(seeded.ids[PROJECT], event_id)
    checklist = window.project_page.findChild(EventAttendanceWidget)
    assert checklist is not None and checklist.isVisible()
    activate(window)
    return window, checklist


def entries(seeded: Seeded, event_id: int) -> list[tuple[str, AttendanceStatus, tuple[date, ...]]]:
    with seeded.db.session() as s:
        return [(a.person.full_name, a.status, a.days) for a in attendance.event_list(s, event_id)]


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    QTest.keyClick(widget, k, modifier)


def click_cell(checklist: EventAttendanceWidget, row: int, column: int) -> None:
    rect = checklist.table.visualRect(checklist.model.index(row, column))
    QTest.mouseClick(checklist.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_check(checklist: EventAttendanceWidget, row: int, column: int) -> None:
    """A click on the check box itself, where the style draws it in the cell."""
    index = checklist.model.index(row, column)
    option = QStyleOptionViewItem()
    delegate = checklist.table.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    option.rect = checklist.table.visualRect(index)
    box = checklist.table.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, checklist.table
    )
    QTest.mouseClick(checklist.table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_a_tick_per_day_by_space_and_mouse_each_one_undo_entry(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    event_id = _trip(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    model = checklist.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[ATTENDED : ATTENDED + 3] == ["17.08.", "18.08.", "Statuss"]
    day17, day18, status = ATTENDED, ATTENDED + 1, model.column(STATUS)
    changes: list[int] = []
    window.ws.dataChanged.connect(lambda: changes.append(1))

    click_cell(checklist, 0, day18)  # Ilze Ķēniņa (first in Latvian order), her 18.08. cell becomes current
    assert QApplication.focusWidget() is checklist.table and changes == []
    key(Qt.Key.Key_Space)
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D18,))
    assert window.undo_action.text() == "&Atsaukt: Atzīmēta dalība 18.08.: Ilze Ķēniņa" and changes == [1]
    assert model.index(0, status).data() == "Piedalījās"  # the status follows the day
    assert model.index(0, day18).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, day17).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    key(Qt.Key.Key_Left)  # the keyboard moves to her 17.08. cell; Space ticks it too
    key(Qt.Key.Key_Space)
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D17, D18))
    assert window.undo_action.text() == "&Atsaukt: Atzīmēta dalība 17.08.: Ilze Ķēniņa" and changes == [1, 1]

    click_check(checklist, 0, day18)  # the mouse on her 18.08. tick: she went home after the first day
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D17,))
    assert window.undo_action.text() == "&Atsaukt: Atzīmēts, ka nepiedalījās 18.08.: Ilze Ķēniņa"
    click_check(checklist, 1, day18)  # Jānis Ozols came on the second day only
    assert entries(seeded, event_id)[1] == ("Jānis Ozols", AttendanceStatus.ATTENDED, (D18,))
    assert changes == [1] * 4
    assert checklist.summary.text() == "Sarakstā 2, piedalījās 2, nepiedalījās 0; pa dienām: 17.08. – 1, 18.08. – 1"

    click_check(checklist, 0, day17)  # her last day unticked: she did not come at all
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ABSENT, ())
    assert model.index(0, status).data() == "Nepiedalījās"

    # The status column moved right by the extra day and still opens its list.
    click_cell(checklist, 1, status)
    QTest.mouseDClick(
        checklist.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=checklist.table.visualRect(model.index(1, status)).center(),
    )
    assert isinstance(QApplication.focusWidget(), QComboBox)
    key(Qt.Key.Key_Escape)
    click_cell(checklist, 1, NAME)

    for expected in (
        ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D17,)),
        ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D17,)),  # Jānis's tick undone
        ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D17, D18)),
        ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D18,)),
        ("Ilze Ķēniņa", AttendanceStatus.REGISTERED, ()),
    ):
        key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert entries(seeded, event_id)[0] == expected
    assert not window.ws.undo_stack.canUndo()
    assert entries(seeded, event_id)[1] == ("Jānis Ozols", AttendanceStatus.REGISTERED, ())
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D18,))
    assert model.index(0, day18).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_whole_event_mark_ticks_every_day_and_its_undo_gives_the_days_back(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    event_id = _trip(seeded)
    window, checklist = _open(qtbot, seeded, settings, event_id)
    click_check(checklist, 0, ATTENDED + 1)  # Ilze: 18.08. only
    click_cell(checklist, 0, NAME)
    QTest.mouseClick(checklist.attended_button, Qt.MouseButton.LeftButton)  # came after all: both days
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D17, D18))
    assert window.undo_action.text() == "&Atsaukt: Atzīmēta dalība: Ilze Ķēniņa"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entries(seeded, event_id)[0] == ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D18,))
    QTest.mouseClick(
        checklist.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        checklist.table.visualRect(checklist.model.index(1, NAME)).center(),
    )
    QTest.mouseClick(checklist.absent_button, Qt.MouseButton.LeftButton)
    assert [e[1:] for e in entries(seeded, event_id)] == [(AttendanceStatus.ABSENT, ())] * 2
    QTest.mouseClick(checklist.attended_button, Qt.MouseButton.LeftButton)
    assert [e[1:] for e in entries(seeded, event_id)] == [(AttendanceStatus.ATTENDED, (D17, D18))] * 2
    assert window.undo_action.text() == "&Atsaukt: Atzīmēta dalība: 2 dalībnieki"
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entries(seeded, event_id) == [
        ("Ilze Ķēniņa", AttendanceStatus.ATTENDED, (D18,)),  # her day comes back with the undo
        ("Jānis Ozols", AttendanceStatus.REGISTERED, ()),
    ]
