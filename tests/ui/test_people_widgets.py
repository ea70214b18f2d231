from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, people, projects
from projektu_vadiba.ui.people import people_model
from projektu_vadiba.ui.people.event_attendance import ATTENDED, EventAttendanceWidget
from projektu_vadiba.ui.people.import_dialog import ImportDialog
from projektu_vadiba.ui.people.person_dialog import PersonDialog
from projektu_vadiba.ui.people.registry_view import PeopleRegistryView
from projektu_vadiba.ui.people.walk_in import person_label
from projektu_vadiba.ui.workspace import Workspace
from tests.core.factories import project_input


@pytest.fixture
def event_db(empty_db: Database) -> tuple[Database, int]:
    with empty_db.session() as s:
        project = projects.create_project(s, project_input())
        ev = activities.create_event(s, project.id, EventInput("Darbnīca", datetime(2023, 6, 1, 10),
                                                               datetime(2023, 6, 1, 13)))  # fmt: skip
        for given, surname in (("Zane", "Čakste"), ("Ivars", "Cīrulis"), ("Rūta", "Šķēle"), ("Aija", "Sils")):
            attendance.register(s, ev.id, people.create_person(s, PersonInput(given, surname)).id)
    return empty_db, ev.id


def test_registry_searches_as_you_type_and_fetches_more(
    qtbot, empty_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(people_model, "PAGE", 3)
    with empty_db.session() as s:
        for i, (given, surname) in enumerate((("Jānis", "Bērziņš"), ("Anna", "Ābele"), ("Ilze", "Ozola"),
                                              ("Pēteris", "Kalniņš"), ("Ērika", "Ķēniņa"))):  # fmt: skip
            people.create_person(s, PersonInput(given, surname, municipality="Ķekava" if i % 2 else "Rīga"))
    view = PeopleRegistryView(Workspace(empty_db))
    qtbot.addWidget(view)
    assert view.model.rowCount() == 3 and view.model.canFetchMore()
    view.model.fetchMore()
    QAbstractItemModelTester(view.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert [view.model.person_at(r).surname for r in range(5)] == ["Ābele", "Bērziņš", "Kalniņš", "Ķēniņa", "Ozola"]
    view.search.setText("kekava")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=2000)
    assert view.count.text() == "Atrastas personas: 2"
    view.resize(900, 400)
    view.grab().save(str(tmp_path / "registry.png"))


def test_registry_shows_one_line_a_person_on_a_laptop_screen(qtbot, empty_db: Database) -> None:  # type: ignore[no-untyped-def]
    """At 1366 px a double-barrelled surname and a long e-mail read whole on one line; the e-mail column, not the
    phone (the last one), takes the width to spare; a value (cut when the user narrows its column) is whole in its
    tooltip."""
    with empty_db.session() as s:
        people.create_person(s, PersonInput("Anna", "Ozola"))
        long = PersonInput("Ilze", "Akmenovska-Bērzniece", email="ilze.akmenovska-berzniece@example.lv")
        people.create_person(s, replace(long, municipality="Ķekavas novads", phone="+371 2612 3456"))
    view = PeopleRegistryView(Workspace(empty_db))
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    table, header = view.table, view.table.horizontalHeader()
    long_row = next(r for r in range(view.model.rowCount()) if view.model.person_at(r).surname.startswith("Akm"))
    assert table.rowHeight(long_row) == table.rowHeight(1 - long_row)  # not wrapped onto two lines
    metrics = table.fontMetrics()
    for column, text in ((0, "Akmenovska-Bērzniece"), (4, "ilze.akmenovska-berzniece@example.lv")):
        assert metrics.horizontalAdvance(text) < header.sectionSize(column)
    assert header.sectionSize(4) > header.sectionSize(5) < 200
    assert header.sectionViewportPosition(5) + header.sectionSize(5) <= table.viewport().width()
    index = view.model.index(long_row, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Akmenovska-Bērzniece"


def test_registry_says_more_than_a_capped_count_and_fetches_to_the_end(
    qtbot, empty_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL's count per keystroke stops at people.COUNT_CAP + 1 ("more than"): the window says so and fetches
    pages until one is short; the whole registry is counted exactly. (count_people capped as PostgreSQL caps it.)"""
    monkeypatch.setattr(people_model, "PAGE", 3)
    monkeypatch.setattr(people, "COUNT_CAP", 4)
    exact = people.count_people
    monkeypatch.setattr(people, "count_people", lambda s, q="", cap=None: min(exact(s, q), (cap or 10**9) + 1))
    with empty_db.session() as s:
        for i in range(8):
            people.create_person(s, PersonInput(f"Anna{'abcdefgh'[i]}", "Bērziņa", municipality="Rīga"))
    view = PeopleRegistryView(Workspace(empty_db))
    qtbot.addWidget(view)
    assert not view.model.more and view.count.text() == "Atrastas personas: 8"  # everyone: counted exactly
    view.search.setText("berz")
    qtbot.waitUntil(lambda: view.model.more, timeout=2000)
    assert view.count.text() == "Atrastas personas: vairāk nekā 4"
    while view.model.canFetchMore():
        view.model.fetchMore()
    QAbstractItemModelTester(view.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert view.model.rowCount() == 8 and not view.model.more and view.model.total == 8
    assert view.count.text() == "Atrastas personas: 8"  # the last page told how many: the label says so
    view.search.setText("annab")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert not view.model.more and view.count.text() == "Atrastas personas: 1"


def test_person_dialog_inline_errors_and_duplicate_warning(qtbot, empty_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with empty_db.session() as s:
        existing = people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv"))
    dialog = PersonDialog(Workspace(empty_db))
    qtbot.addWidget(dialog)
    dialog.fields["surname"].setText("Liepiņa")
    dialog.fields["email"].setText("liepina@")
    dialog.save()
    assert dialog.errors["given_name"].text() == "Lauks “Vārds” ir obligāts."
    assert dialog.errors["email"].text() == "“liepina@” nav derīga e-pasta adrese."
    asked = []
    monkeypatch.setattr(dialog, "ask_duplicate", lambda found: asked.append(found) or found[0])
    dialog.fields["given_name"].setText("JANIS")
    dialog.fields["surname"].setText("berzins")
    dialog.fields["email"].setText("")
    dialog.save()
    assert asked and dialog.result_person is not None and dialog.result_person.id == existing.id
    with empty_db.session() as s:
        assert people.count_people(s) == 1


def test_merge_from_the_registry(qtbot, empty_db: Database) -> None:  # type: ignore[no-untyped-def]
    with empty_db.session() as s:
        a = people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv"))
        b = people.create_person(s, PersonInput("Janis", "Berzins", phone="26000000"))
    view = PeopleRegistryView(Workspace(empty_db))
    qtbot.addWidget(view)
    view.show()  # a hidden registry reads itself again only when it is shown
    view.select_row(0)
    view.select_row(1, extend=True)
    assert view.merge_button.isEnabled()
    with qtbot.waitSignal(view.ws.dataChanged):
        view.merge(a.id, b.id)
    assert view.model.rowCount() == 1 and view.model.person_at(0).phone == "26000000"


def test_attendance_checklist_in_sheet_order_with_bulk_and_walk_in(
    qtbot, event_db: tuple[Database, int], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db, event_id = event_db
    ws = Workspace(db)
    widget = EventAttendanceWidget(ws, event_id)
    qtbot.addWidget(widget)
    QAbstractItemModelTester(widget.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    names = [widget.model.index(r, 1).data() for r in range(widget.model.rowCount())]
    assert names == ["Cīrulis Ivars", "Čakste Zane", "Sils Aija", "Šķēle Rūta"]
    with qtbot.waitSignal(ws.dataChanged):
        widget.model.setData(
            widget.model.index(0, ATTENDED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    widget.table.selectRow(2)
    widget.table.selectionModel().select(
        widget.model.index(3, 0),
        widget.table.selectionModel().SelectionFlag.Select | widget.table.selectionModel().SelectionFlag.Rows,
    )
    widget.mark_selected(AttendanceStatus.ABSENT)
    with db.session() as s:
        statuses = [a.status for a in attendance.event_list(s, event_id)]
    assert statuses == [AttendanceStatus.ATTENDED, AttendanceStatus.REGISTERED, AttendanceStatus.ABSENT,
                        AttendanceStatus.ABSENT]  # fmt: skip
    widget.walk_in.setText("Sils")
    widget.walk_in.suggest()
    assert widget.walk_in.suggestions and widget.walk_in.suggestions[0].surname == "Sils"
    widget.walk_in.setText(person_label(widget.walk_in.suggestions[0]))
    widget.walk_in.submit()  # an existing person on the list: now attended
    widget.walk_in.setText("Oskars Ērglis")
    widget.walk_in.submit()  # a new person
    assert widget.summary.text() == "Sarakstā 5, piedalījās 3, nepiedalījās 1"
    widget.resize(800, 300)
    widget.grab().save(str(tmp_path / "attendance.png"))


def test_import_dialog_checks_maps_and_imports(
    qtbot, event_db: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    db, event_id = event_db
    path = tmp_path / "a.csv"
    path.write_bytes(
        "Vārds;Uzvārds;Kontakti\nZane;Čakste;zane@example.lv\n;Bez Vārda;\nĢirts;Ūdris;x@\n".encode("cp1257")
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    ws = Workspace(db)
    dialog = ImportDialog(ws, None, event_id)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert dialog.current_mapping() == ["given_name", "surname", ""]
    dialog.set_field(2, "email")
    dialog.check()
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "3. rinda: Lauks “Vārds” ir obligāts.",
        "4. rinda: “x@” nav derīga e-pasta adrese.",
    ]
    assert dialog.duplicates.rowCount() == 1 and dialog.duplicates.item(0, 0).text() == "2"
    dialog.resize(900, 640)
    dialog.grab().save(str(tmp_path / "import.png"))
    dialog.run_import()  # invalid rows, not skipped: nothing stored
    assert dialog.result is None
    dialog.skip_invalid.setChecked(True)
    monkeypatch.setattr("PySide6.QtWidgets.QProgressDialog.wasCanceled", lambda self: True)
    dialog.run_import()  # cancelled
    assert dialog.result is None
    with db.session() as s:
        assert people.count_people(s) == 4
    monkeypatch.setattr("PySide6.QtWidgets.QProgressDialog.wasCanceled", lambda self: False)
    with qtbot.waitSignal(ws.dataChanged):
        dialog.run_import()
    assert dialog.result is not None and (dialog.result.created, dialog.result.linked) == (0, 1)
    assert dialog.result.attendances_updated == 0 and dialog.result.filled  # Zane's e-mail came from the file
