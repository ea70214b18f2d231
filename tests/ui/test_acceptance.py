"""Acceptance: each user's day in the real main window, by keyboard and mouse only (key events through the focus
chain, clicks on widgets; no slot is called and no value is set). Every step is one undo entry; at the end the
whole day is undone step by step and redone, and the open views follow each time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ActivityInput, EventInput, PersonInput
from projektu_vadiba.core.models import AttendanceStatus, FundingSource, Person
from projektu_vadiba.core.services import activities, attendance, finance, people, projects
from projektu_vadiba.ui.budget import BudgetView
from projektu_vadiba.ui.budget.expense_dialog import ExpenseDialog
from projektu_vadiba.ui.budget.line_dialog import BudgetLineDialog
from projektu_vadiba.ui.budget.payment_dialog import PaymentDialog
from projektu_vadiba.ui.dialogs.activity_form import ActivityForm
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.dialogs.pdf_preview import PdfPreviewDialog
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.people.attendance_model import ATTENDED, NAME
from projektu_vadiba.ui.people.event_attendance import EventAttendanceWidget
from projektu_vadiba.ui.people.import_dialog import ImportDialog
from projektu_vadiba.ui.reports import ReportsView
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.widgets.table_view import column_texts
from projektu_vadiba.ui.wiring import unwire_features, wire_features
from tests.core.factories import project_input
from tests.reports.pdftools import pdftotext_pages
from tests.reports.report_sample import make_report_project

from .helpers import acknowledge_message, activate, answer_message, dialogs_closed, make_window, on_dialog
from .keys import CTRL, SHIFT, click, click_row, key, shortcut, type_into, type_text

__all__ = ["dialogs_closed"]

NUMBER = "2026.LV/NVOF/MIC/088"


@pytest.fixture(autouse=True)
def wired() -> Iterator[None]:
    wire_features()
    yield
    unwire_features()


def _state(db: Database) -> dict[str, Any]:
    """What the day made, read back through the services."""
    with db.session() as s:
        listed = projects.list_projects(s)
        if not listed:
            return {"projects": []}
        project = projects.get_project(s, listed[0].id)
        events = activities.list_events(s, project.id)
        return {
            "projects": [(project.number, project.title, project.start_date, project.end_date)],
            "activities": [(a.code, a.title, a.planned_start) for a in activities.list_activities(s, project.id)],
            "events": [(e.title, e.starts_at, e.ends_at) for e in events],
            "attendance": [(a.person.full_name, a.status) for e in events for a in attendance.event_list(s, e.id)],
            "days": [(a.person.full_name, a.days) for e in events for a in attendance.event_list(s, e.id)],
        }


def _registry_person(db: Database) -> None:
    """Someone the registry knows from an earlier project: the walk-in box offers her."""
    with db.session() as s:
        people.create_person(
            s, PersonInput("Ilze", "Ķēniņa", municipality="Ķekavas novads", email="ilze.kenina@example.lv")
        )


def _create_project(window: MainWindow) -> None:
    def fill(form: ProjectForm) -> None:
        activate(form)
        assert QApplication.focusWidget() is form.number  # the form opens on its first field
        type_text(NUMBER)
        key(Qt.Key.Key_Tab)
        type_text("Kopienu sarunas Daugmalē")
        type_into(form.funder.lineEdit(), "Sabiedrības integrācijas fonds")
        type_into(form.implementer.lineEdit(), "Biedrība “Daugmales kopiena”")
        type_into(form.start, "1.12.2026")  # as Latvians type dates: short …
        type_into(form.end, "30.11.27")  # … and with a two-digit year
        type_into(form.total_cost, "5 500")
        type_into(form.grant, "5 000,00")
        key(Qt.Key.Key_Return)  # Enter saves

    on_dialog(fill)
    shortcut(window, Qt.Key.Key_N, CTRL)


def _create_activity(window: MainWindow) -> None:
    shortcut(window, Qt.Key.Key_2, CTRL)  # Aktivitātes
    section = window.project_page.activities

    def fill(form: ActivityForm) -> None:
        activate(form)
        assert QApplication.focusWidget() is form.code
        type_text("1")
        key(Qt.Key.Key_Tab)
        type_text("Sarunas ciemos")
        type_into(form.planned_start, "01122026")  # eight digits, no dots
        type_into(form.planned_end, "31.5.2027")
        key(Qt.Key.Key_Return)

    on_dialog(fill)
    click(section.new_button)


def _create_two_day_event(window: MainWindow) -> None:
    shortcut(window, Qt.Key.Key_3, CTRL)  # Pasākumi

    def fill(form: EventForm) -> None:
        activate(form)
        assert QApplication.focusWidget() is form.title
        type_text("Pieredzes brauciens uz Kurzemi")
        type_into(form.starts_at, "17.12.2026 8:00")
        type_into(form.ends_at, "18.12.2026 19:00")
        type_into(form.place, "Kuldīga")
        key(Qt.Key.Key_Return)

    on_dialog(fill)
    shortcut(window, Qt.Key.Key_N, CTRL | SHIFT)  # Jauns pasākums…


def _open_event(window: MainWindow) -> EventAttendanceWidget:
    events = window.project_page.events
    click_row(events.view, 0)
    key(Qt.Key.Key_Return)
    checklist = window.project_page.findChild(EventAttendanceWidget)
    assert checklist is not None and checklist.isVisible()
    return checklist


def _walk_ins(qtbot: QtBot, checklist: EventAttendanceWidget) -> None:
    box = checklist.walk_in
    click(box)
    type_text("ilze")
    popup = box.completer_.popup()
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Return)  # picks the offer: Ilze from the registry
    assert box.text() == ""  # nothing of the offer's text is left to append to
    type_text("Jānis Ozols")
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checklist.model.rowCount() == 2)


def _import_csv(window: MainWindow, checklist: EventAttendanceWidget, path: Path) -> None:
    def run(dialog: ImportDialog) -> None:
        activate(dialog)
        click(dialog.findChildren(type(dialog.check_button))[0])  # "Izvēlēties failu…", the first button
        click(dialog.check_button)  # Pārbaudīt
        acknowledge_message()  # what was imported, and that Ctrl+Z undoes it
        click(dialog.import_button)

    on_dialog(run)
    click(checklist.import_button)


def _remove_wrong_entry(checklist: EventAttendanceWidget) -> None:
    names = [checklist.model.index(r, NAME).data() for r in range(checklist.model.rowCount())]
    click_row(checklist.table, names.index("Ozols Jānis"), NAME)  # the list shows surname first
    key(Qt.Key.Key_Delete)


def test_project_managers_day_then_undone_and_redone(
    qtbot: QtBot, empty_db: Database, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set_clock(datetime(2026, 11, 20, 9, 0))
    _registry_person(empty_db)
    csv = tmp_path / "pieteikumi.csv"
    csv.write_text("Vārds;Uzvārds;E-pasts\nAnna;Zariņa;anna.zarina@example.lv\nOskars;Ērglis;\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    window = make_window(qtbot, empty_db, settings)
    stack = window.ws.undo_stack
    states = [_state(empty_db)]
    labels: list[str] = []

    def step() -> None:
        states.append(_state(empty_db))
        labels.append(stack.undoText())
        assert stack.index() == len(labels), labels  # each step is exactly one undo entry

    _create_project(window)
    step()
    assert states[-1]["projects"] == [(NUMBER, "Kopienu sarunas Daugmalē", date(2026, 12, 1), date(2027, 11, 30))]
    _create_activity(window)
    step()
    assert states[-1]["activities"] == [("1", "Sarunas ciemos", date(2026, 12, 1))]
    _create_two_day_event(window)
    step()
    assert states[-1]["events"] == [
        ("Pieredzes brauciens uz Kurzemi", datetime(2026, 12, 17, 8, 0), datetime(2026, 12, 18, 19, 0))
    ]
    assert column_texts(window.project_page.events.view, 1) == ["Pieredzes brauciens uz Kurzemi"]

    checklist = _open_event(window)
    _walk_ins(qtbot, checklist)
    # Two steps: the offer picked, the new name typed. Before the event they are registered, not "attended".
    states.append(_state(empty_db))
    labels += ["Pievienots dalībnieks: Ilze Ķēniņa", "Pievienots dalībnieks: Jānis Ozols"]
    assert stack.index() == len(labels) and stack.undoText() == labels[-1]
    assert states[-1]["attendance"] == [
        ("Ilze Ķēniņa", AttendanceStatus.REGISTERED),
        ("Jānis Ozols", AttendanceStatus.REGISTERED),
    ]
    assert not any("(" in name for name, _ in states[-1]["attendance"])  # never a junk person

    _import_csv(window, checklist, csv)
    step()
    # The list is in Latvian surname order: Ērglis, Ķēniņa, Ozols, Zariņa.
    assert [n for n, _ in states[-1]["attendance"]] == ["Oskars Ērglis", "Ilze Ķēniņa", "Jānis Ozols", "Anna Zariņa"]
    assert checklist.model.rowCount() == 4  # the open list followed

    _remove_wrong_entry(checklist)
    step()
    assert [n for n, _ in states[-1]["attendance"]] == ["Oskars Ērglis", "Ilze Ķēniņa", "Anna Zariņa"]
    assert labels[-1] == "Noņemts no saraksta: Jānis Ozols"
    assert window.undo_action.text() == f"&Atsaukt: {labels[-1]}"

    # After the trip: who came, day by day, ticked on the list by keyboard (a column per day, as on the sheet).
    clock.set_clock(datetime(2026, 12, 19, 9, 0))
    assert [checklist.model.headerData(ATTENDED + d, Qt.Orientation.Horizontal) for d in (0, 1)] == ["17.12.", "18.12."]
    for row, day in ((1, 0), (1, 1), (2, 1)):  # Ilze both days, Anna the second
        click_row(checklist.table, row, ATTENDED + day)
        key(Qt.Key.Key_Space)
        step()
    assert labels[-1] == "Atzīmēta dalība 18.12.: Anna Zariņa"
    assert states[-1]["days"] == [
        ("Oskars Ērglis", ()),
        ("Ilze Ķēniņa", (date(2026, 12, 17), date(2026, 12, 18))),
        ("Anna Zariņa", (date(2026, 12, 18),)),
    ]
    assert [s for _, s in states[-1]["attendance"]] == [
        AttendanceStatus.REGISTERED,
        AttendanceStatus.ATTENDED,
        AttendanceStatus.ATTENDED,
    ]

    # The whole day backwards, one Ctrl+Z a step; the walk-ins' two steps share one recorded state.
    expected = [*states[:4], states[4], states[4], *states[5:]]
    for n in range(len(labels), 0, -1):
        shortcut(window, Qt.Key.Key_Z, CTRL)
        assert stack.index() == n - 1
        if n - 1 != 4:  # state n - 1 is what step n - 1 left
            assert _state(empty_db) == expected[n - 1], labels[n - 1]
        else:  # between the two walk-ins: only Ilze is on the list
            assert _state(empty_db)["attendance"] == [("Ilze Ķēniņa", AttendanceStatus.REGISTERED)]
        if n - 1 >= 4:  # the event is still there: its open list follows every undo
            assert checklist.model.rowCount() == len(_state(empty_db)["attendance"])
    assert _state(empty_db) == {"projects": []}
    assert window.project_list.stack.currentWidget() is window.project_list.empty_panel  # the start page followed
    for _ in labels:
        shortcut(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _state(empty_db) == states[-1]
    assert stack.index() == len(labels)


def test_accountants_day_budget_line_expense_payment_and_final_report(
    qtbot: QtBot, empty_db: Database, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set_clock(datetime(2024, 1, 5, 9, 0))
    with empty_db.session() as s:
        project_id = make_report_project(s, "sif_nvo_fonds", spend="none").project_id
    window = make_window(qtbot, empty_db, settings)
    window.open_project(project_id, "overview")
    stack = window.ws.undo_stack
    shortcut(window, Qt.Key.Key_6, CTRL)  # Budžets
    view = window.project_page.sections["budget"].content
    assert isinstance(view, BudgetView)

    def line(dialog: BudgetLineDialog) -> None:
        type_into(dialog.code_edit, "3.9")
        type_into(dialog.name_edit, "Kafijas pauzes Ķekavā")
        type_into(dialog.amount_edits[FundingSource.GRANT], "120,00")
        key(Qt.Key.Key_Return)

    on_dialog(line)
    click(view.findChild(QPushButton, "line_add"))
    assert "Kafijas pauzes Ķekavā" in column_texts(view.budget_view, 1)
    click_row(view.budget_view, column_texts(view.budget_view, 1).index("Kafijas pauzes Ķekavā"))
    QTest.mouseClick(view.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=view.tabs.tabBar().tabRect(1).center())

    def expense(dialog: ExpenseDialog) -> None:
        assert dialog.line_combo.currentText().startswith("3.9")  # the line chosen on the Budžets tab
        type_into(dialog.date_edit, "5.12.23")
        type_into(dialog.document_edit, "Rēķins Nr. 77")
        type_into(dialog.supplier_edit, "SIA “Ūdru ceptuve”")
        type_into(dialog.amount_edit, "117,45")
        key(Qt.Key.Key_Return)

    on_dialog(expense)
    click(view.findChild(QPushButton, "expense_add"))
    assert view.ledger.rowCount() == 1
    QTest.mouseClick(view.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=view.tabs.tabBar().tabRect(2).center())
    payments = view.payments.rowCount()  # the advance received earlier

    def payment(dialog: PaymentDialog) -> None:
        type_into(dialog.date_edit, "20.12.2023")
        type_into(dialog.amount_edit, "1 000")
        key(Qt.Key.Key_Return)

    on_dialog(payment)
    click(view.findChild(QPushButton, "payment_add"))
    assert view.payments.rowCount() == payments + 1
    assert [stack.text(i) for i in range(stack.count())] == [
        "Jauna budžeta pozīcija: 3.9 Kafijas pauzes Ķekavā",
        "Jauns izdevums: Rēķins Nr. 77 SIA “Ūdru ceptuve” 117,45\u00a0€",
        "Jauns maksājums: 1\u00a0000,00\u00a0€",
    ]
    with empty_db.session() as s:
        [spent] = finance.list_expenses(s, project_id)
    assert (spent.date, spent.amount, spent.document_number) == (date(2023, 12, 5), Decimal("117.45"), "Rēķins Nr. 77")

    # The final report, saved from the Reports section: the figures typed above are in it.
    target = tmp_path / "parskats.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shortcut(window, Qt.Key.Key_7, CTRL)  # Atskaites un termiņi
    [reports] = window.project_page.findChildren(ReportsView)
    qtbot.waitUntil(reports.save_button.isVisible)  # the reports part is shown by the event loop
    click(reports.save_button)
    qtbot.waitUntil(target.exists, timeout=10_000)
    text = " ".join(" ".join(page.split()) for page in pdftotext_pages(target.read_bytes()))
    assert "Kafijas pauzes Ķekavā" in text and "117,45" in text

    # Undo the day: the payment, the expense and the line go, and the money view follows each step.
    shortcut(window, Qt.Key.Key_6, CTRL)
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert view.payments.rowCount() == payments
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert view.ledger.rowCount() == 0
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert "Kafijas pauzes Ķekavā" not in column_texts(view.budget_view, 1)
    for _ in range(3):
        shortcut(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert view.ledger.rowCount() == 1 and view.payments.rowCount() == payments + 1
    with empty_db.session() as s:
        [again] = finance.list_expenses(s, project_id)
        [fuel] = [b for b in finance.list_budget(s, project_id) if b.code == "3.9"]
    assert again.budget_line_id == fuel.id and again.amount == Decimal("117.45")


def test_staff_print_the_sheet_from_the_preview_then_tick_who_came(
    qtbot: QtBot, empty_db: Database, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.set_clock(datetime(2026, 11, 20, 9, 0))
    with empty_db.session() as s:
        pid = projects.create_project(
            s, project_input(number=NUMBER, start_date=date(2026, 1, 1), end_date=date(2026, 12, 31))
        ).id
        event_id = activities.create_event(
            s, pid, EventInput("Kopienu sapulce Ķekavā", datetime(2026, 11, 19, 18), datetime(2026, 11, 19, 20))
        ).id
        for given, surname in (("Ilze", "Ķēniņa"), ("Žanis", "Ūdris")):
            person = people.create_person(s, PersonInput(given, surname)).id
            attendance.register(s, event_id, person, AttendanceStatus.REGISTERED)
    printed = tmp_path / "izdruka.pdf"
    saved = tmp_path / "lapa.pdf"

    def print_dialog_exec(dialog: QPrintDialog) -> int:
        """The system's print dialog: the user picks "print to file" and presses Print."""
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        dialog.printer().setResolution(72)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", print_dialog_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    window = make_window(qtbot, empty_db, settings)
    window.open_project(pid, "overview")
    shortcut(window, Qt.Key.Key_3, CTRL)  # Pasākumi
    click_row(window.project_page.events.view, 0)
    key(Qt.Key.Key_Return)  # the event's page
    checklist = window.project_page.findChild(EventAttendanceWidget)
    assert checklist is not None
    seen: list[str] = []

    def preview(dialog: PdfPreviewDialog) -> None:
        assert isinstance(dialog, PdfPreviewDialog)
        seen.append(dialog.windowTitle())
        click(dialog.print_button)
        click(dialog.save_button)
        key(Qt.Key.Key_Escape)

    def options(dialog: QDialog) -> None:
        seen.append(dialog.windowTitle())
        on_dialog(preview, tries=500)  # made off the UI thread, then shown
        activate(dialog)
        key(Qt.Key.Key_Return)  # the options as offered

    on_dialog(options)
    click(window.project_page.sheet_button)
    qtbot.waitUntil(lambda: saved.exists() and printed.exists(), timeout=10_000)
    assert len(seen) == 2
    assert PdfReader(printed).pages and len(PdfReader(printed).pages) == len(PdfReader(saved).pages)
    text = " ".join(pdftotext_pages(saved.read_bytes()))
    assert "Ķēniņa" in text and "Ūdris" in text and "Kopienu sapulce Ķekavā" in text

    # Back from the meeting: Ilze came. Her tick is one undo entry, and Ctrl+Z takes exactly it back.
    activate(window)
    names = [checklist.model.index(r, NAME).data() for r in range(checklist.model.rowCount())]
    click_row(checklist.table, names.index("Ķēniņa Ilze"), ATTENDED)
    key(Qt.Key.Key_Space)
    assert window.ws.undo_stack.undoText() == "Atzīmēta dalība: Ilze Ķēniņa"
    with empty_db.session() as s:
        came = {a.person.full_name: a.status for a in attendance.event_list(s, event_id)}
    assert came == {"Ilze Ķēniņa": AttendanceStatus.ATTENDED, "Žanis Ūdris": AttendanceStatus.REGISTERED}
    shortcut(window, Qt.Key.Key_Z, CTRL)
    with empty_db.session() as s:
        assert {a.status for a in attendance.event_list(s, event_id)} == {AttendanceStatus.REGISTERED}


def test_a_mistaken_delete_of_an_event_comes_back_with_its_list(
    qtbot: QtBot, empty_db: Database, settings: Settings
) -> None:
    with empty_db.session() as s:
        pid = projects.create_project(s, project_input()).id
        event_id = activities.create_event(
            s, pid, EventInput("Kopienu sapulce", datetime(2023, 5, 2, 18), datetime(2023, 5, 2, 20))
        ).id
        for given, surname in (("Ilze", "Ķēniņa"), ("Žanis", "Ūdris")):
            person = people.create_person(s, PersonInput(given, surname)).id
            attendance.register(s, event_id, person, AttendanceStatus.ATTENDED)
    window = make_window(qtbot, empty_db, settings)
    window.open_project(pid, "overview")
    shortcut(window, Qt.Key.Key_3, CTRL)
    events = window.project_page.events
    click_row(events.view, 0)
    asked: list[str] = []
    answer_message("Dzēst", asked)
    key(Qt.Key.Key_Delete)
    assert asked[0] == "Dzēst pasākumu “Kopienu sapulce”?"
    assert "2 dalības ieraksti" in asked[1] and "Dzēšanu varēs atsaukt ar Ctrl+Z." in asked[1]
    assert column_texts(events.view, 1) == []
    assert window.ws.undo_stack.undoText() == "Dzēsts: pasākumu “Kopienu sapulce”"
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert column_texts(events.view, 1) == ["Kopienu sapulce"]  # the list view followed
    with empty_db.session() as s:
        [back] = activities.list_events(s, pid)
        came = [(a.person.full_name, a.status) for a in attendance.event_list(s, back.id)]
    assert came == [("Ilze Ķēniņa", AttendanceStatus.ATTENDED), ("Žanis Ūdris", AttendanceStatus.ATTENDED)]
    shortcut(window, Qt.Key.Key_Z, CTRL | SHIFT)  # and deleted again by redo
    assert column_texts(events.view, 1) == []


def test_a_mistaken_delete_of_an_activity_comes_back_with_its_events(
    qtbot: QtBot, empty_db: Database, settings: Settings
) -> None:
    with empty_db.session() as s:
        pid = projects.create_project(s, project_input()).id
        act = activities.create_activity(s, pid, ActivityInput("1", "Tikšanās ciemos")).id
        event_id = activities.create_event(
            s, pid, EventInput("Tikšanās Baldonē", datetime(2023, 5, 2, 18), datetime(2023, 5, 2, 20), activity_id=act)
        ).id
        attendance.register(s, event_id, people.create_person(s, PersonInput("Ilze", "Ķēniņa")).id)
    window = make_window(qtbot, empty_db, settings)
    window.open_project(pid, "overview")
    shortcut(window, Qt.Key.Key_2, CTRL)  # Aktivitātes
    section = window.project_page.activities
    click_row(section.view, 0)
    asked: list[str] = []
    answer_message("Dzēst", asked)
    key(Qt.Key.Key_Delete)
    assert "1 pasākums" in asked[1] and "Dzēšanu varēs atsaukt ar Ctrl+Z." in asked[1]
    assert column_texts(section.view, 1) == []
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert column_texts(section.view, 1) == ["Tikšanās ciemos"]
    with empty_db.session() as s:
        [back] = activities.list_events(s, pid)
        [entry] = attendance.event_list(s, back.id)
    assert back.activity_code == "1" and entry.person.full_name == "Ilze Ķēniņa"


def test_a_mistaken_delete_of_a_whole_project_comes_back(qtbot: QtBot, empty_db: Database, settings: Settings) -> None:
    with empty_db.session() as s:
        pid = projects.create_project(s, project_input()).id
        event_id = activities.create_event(
            s, pid, EventInput("Kopienu sapulce", datetime(2023, 5, 2, 18), datetime(2023, 5, 2, 20))
        ).id
        ilze = people.create_person(s, PersonInput("Ilze", "Ķēniņa")).id
        attendance.register(s, event_id, ilze, AttendanceStatus.ATTENDED)
    window = make_window(qtbot, empty_db, settings)
    window.open_project(pid, "overview")
    asked: list[str] = []
    answer_message("Dzēst", asked)
    click(window.project_page.delete_button)
    assert "Dzēšanu varēs atsaukt ar Ctrl+Z." in asked[1]
    assert window.count_label.text() == "0 projektu"
    shortcut(window, Qt.Key.Key_Z, CTRL)
    assert window.count_label.text() == "1 projekts"
    with empty_db.session() as s:
        [back] = projects.list_projects(s)
        [event] = activities.list_events(s, back.id)
        [entry] = attendance.event_list(s, event.id)
        assert s.query(Person).count() == 1  # the same Ilze, not a copy
    assert (back.number, entry.person.id, entry.status) == (project_input().number, ilze, AttendanceStatus.ATTENDED)
