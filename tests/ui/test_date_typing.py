"""Every date and date-time field, reached by Tab and typed key by key the way Latvians write dates, holds exactly
the date typed — or keeps the text and says beside the field why it is not a date. Never another date."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.services import projects
from projektu_vadiba.ui.budget.expense_dialog import ExpenseDialog
from projektu_vadiba.ui.budget.payment_dialog import PaymentDialog
from projektu_vadiba.ui.dialogs.activity_form import ActivityForm
from projektu_vadiba.ui.dialogs.deadline_form import DeadlineForm
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.dialogs.form import FormDialog, Unsaved
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.reports import making
from projektu_vadiba.ui.reports.view import ReportsView
from projektu_vadiba.ui.widgets.fields import DateEdit, DateTimeEdit, OptionalDateEdit
from projektu_vadiba.ui.workspace import Workspace

from .conftest import Seeded
from .helpers import activate

DATES = [
    ("30.11.2026", date(2026, 11, 30)),
    ("5.3.2026", date(2026, 3, 5)),
    ("30112026", date(2026, 11, 30)),
    ("30.11.26", date(2026, 11, 30)),
    ("01.04.2026", date(2026, 4, 1)),
]
REFUSED = [
    ("31.02.2026", "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."),
    ("32.1.2026", "“32.1.2026” nav datums: 2026. gada janvārī ir 31 diena."),
    ("rit", "“rit” nav datums (piemērs: 17.10.2020)."),  # QTest types Latin-1 only
]
DATETIMES = [
    ("30.11.2026 10:00", datetime(2026, 11, 30, 10, 0)),
    ("30.11.2026 9:05", datetime(2026, 11, 30, 9, 5)),
    ("16.05.2025 10:00", datetime(2025, 5, 16, 10, 0)),
    ("5.3.2026 18:30", datetime(2026, 3, 5, 18, 30)),
    ("30112026 7:45", datetime(2026, 11, 30, 7, 45)),
    ("30.11.26 12:00", datetime(2026, 11, 30, 12, 0)),
]
DATETIME_REFUSED = [
    ("31.02.2026 10:00", "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."),
    ("30.11.2026 25:00", "“25:00” nav laiks: stundas ir no 0 līdz 23, minūtes no 0 līdz 59."),
    ("desmitos", "“desmitos” nav datums (piemērs: 17.10.2020)."),
]


@dataclass
class Place:
    """Where one date widget lives: the window holding it, the widget, how to read the message beside it."""

    window: QWidget
    widget: DateEdit | OptionalDateEdit | DateTimeEdit
    message: Callable[[], str]


def _form_place(form: FormDialog, field: str) -> Place:
    return Place(form, form.field_widget(field), lambda: form.error_text(field))  # type: ignore[arg-type]


def _open_form(qtbot: QtBot, ws: Workspace, seeded: Seeded, name: str) -> FormDialog:
    pid = seeded.ids["2023-NVO-07"]
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    makers: dict[str, Callable[[], FormDialog]] = {
        "project": lambda: ProjectForm(ws),
        "activity": lambda: ActivityForm(ws, pid),
        "event": lambda: EventForm(ws, pid, []),
        "deadline": lambda: DeadlineForm(ws, detail),
        "expense": lambda: ExpenseDialog(ws, pid, []),
        "payment": lambda: PaymentDialog(ws, pid),
    }
    form = makers[name]()
    qtbot.addWidget(form)
    form.ask_unsaved = lambda: Unsaved.DISCARD  # type: ignore[method-assign]  # closing at the test's end
    return form


FORM_FIELDS = [
    ("project", "start_date"),
    ("project", "end_date"),
    ("activity", "planned_start"),
    ("activity", "planned_end"),
    ("deadline", "due_date"),
    ("deadline", "period_start"),
    ("deadline", "period_end"),
    ("expense", "date"),
    ("expense", "paid_on"),
    ("payment", "received_on"),
]
EVENT_FIELDS = [("event", "starts_at"), ("event", "ends_at")]
REPORT_FIELDS = ["date_from", "date_to"]


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ws(seeded: Seeded) -> Iterator[Workspace]:
    yield Workspace(seeded.db)


def _show(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    activate(window)


def _before(widget: QWidget) -> QWidget:
    """The widget Tab leaves to reach `widget`."""
    candidate = widget.previousInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isVisible() and candidate.isEnabled()):
        candidate = candidate.previousInFocusChain()
    return candidate


def type_into(widget: QWidget, text: str) -> None:
    """Focus the widget before, Tab into the field, type key by key, Tab away."""
    before = _before(widget)
    before.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not widget


def _check_dates(place: Place, with_time: bool) -> None:
    widget = place.widget
    if with_time:
        kept = widget.value().time()  # type: ignore[union-attr]
        for text, expected in DATES:  # a date alone keeps the field's time
            type_into(widget, text)
            assert widget.value() == datetime.combine(expected, kept), text
            assert widget.text() == f"{expected:%d.%m.%Y} {kept:%H:%M}"
            assert place.message() == ""
        for text, expected_dt in DATETIMES:
            type_into(widget, text)
            assert widget.value() == expected_dt, text
            assert widget.text() == f"{expected_dt:%d.%m.%Y %H:%M}"
            assert place.message() == ""
        refused = DATETIME_REFUSED
    else:
        for text, expected in DATES:
            type_into(widget, text)
            assert widget.value() == expected, text
            assert widget.text() == f"{expected:%d.%m.%Y}"  # shown in the one format after leaving the field
            assert place.message() == ""
        refused = REFUSED
    for text, message in refused:
        good = widget.value()
        type_into(widget, text)
        assert widget.text() == text  # kept as typed, never turned into another date
        assert place.message() == message
        assert widget.property("invalid") is True or not isinstance(place.window, FormDialog)
        assert widget.value() == good  # the last good value meanwhile; the form refuses to save (below)


@pytest.mark.parametrize(("form_name", "field"), FORM_FIELDS)
def test_typed_dates_in_forms(qtbot: QtBot, ws: Workspace, seeded: Seeded, form_name: str, field: str) -> None:
    form = _open_form(qtbot, ws, seeded, form_name)
    _show(qtbot, form)
    _check_dates(_form_place(form, field), with_time=False)


@pytest.mark.parametrize(("form_name", "field"), EVENT_FIELDS)
def test_typed_datetimes_in_the_event_form(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, form_name: str, field: str
) -> None:
    form = _open_form(qtbot, ws, seeded, form_name)
    _show(qtbot, form)
    _check_dates(_form_place(form, field), with_time=True)


@pytest.mark.parametrize("field", REPORT_FIELDS)
def test_typed_dates_in_the_report_period(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, qsettings: QSettings, field: str
) -> None:
    view = ReportsView(ws, seeded.ids["2023-NVO-07"], settings=qsettings)
    qtbot.addWidget(view)
    _show(qtbot, view)
    button = view.kind_buttons[making.INTERIM]  # on its label: a radio button's row is wider than its text
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
    widget = getattr(view, field)
    assert widget.isEnabled()
    _check_dates(Place(view, widget, lambda: "" if view.period_error.isHidden() else view.period_error.text()), False)
    warned: list[str] = []
    view.warn = warned.append  # type: ignore[method-assign]
    view.preview()
    assert warned == ["“rit” nav datums (piemērs: 17.10.2020)."]  # nothing made for a period that is not one


def test_a_refused_date_stops_saving_with_every_other_problem(qtbot: QtBot, ws: Workspace, seeded: Seeded) -> None:
    form = _open_form(qtbot, ws, seeded, "project")
    _show(qtbot, form)
    type_into(form.start, "31.02.2026")
    type_into(form.total_cost, "daudz")  # Tab leaves it for the grant, a one-line field: Enter there saves
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # one round, every problem
    assert form.isVisible() and form.result_value is None
    assert form.error_text("start_date") == "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."
    assert form.error_text("total_cost") == "“daudz” nav summa (piemērs: 1 234,56)."
    assert form.error_text("title") == "Lauks “Nosaukums” ir obligāts."


@pytest.mark.parametrize(("form_name", "field"), [("project", "end_date"), ("deadline", "due_date")])
def test_a_required_date_left_empty(qtbot: QtBot, ws: Workspace, seeded: Seeded, form_name: str, field: str) -> None:
    form = _open_form(qtbot, ws, seeded, form_name)
    _show(qtbot, form)
    widget = form.field_widget(field)
    type_into(widget, "\b")
    assert widget.text() == "" and form.error_text(field) == "Norādiet datumu."
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert form.isVisible() and form.error_text(field) == "Norādiet datumu."


def test_an_optional_date_may_be_emptied(qtbot: QtBot, ws: Workspace, seeded: Seeded) -> None:
    form = _open_form(qtbot, ws, seeded, "deadline")
    _show(qtbot, form)
    widget = form.field_widget("period_start")
    assert widget.value() is not None
    type_into(widget, "\b")  # Tab selected the whole date; Backspace removes it
    assert widget.value() is None and form.error_text("period_start") == ""


def _calendar_view(widget: QWidget) -> QTableView:
    popup = widget.popup  # type: ignore[attr-defined]
    assert popup is not None and popup.isVisible()
    view = popup.findChild(QTableView)
    assert view is not None
    return view


def test_the_calendar_popup_picks_a_date_by_keyboard_and_mouse(qtbot: QtBot, ws: Workspace, seeded: Seeded) -> None:
    form = _open_form(qtbot, ws, seeded, "activity")
    _show(qtbot, form)
    widget = form.planned_start
    type_into(widget, "10.06.2026")

    widget.setFocus(Qt.FocusReason.OtherFocusReason)  # F4 opens it on the field's date; arrows move, Enter picks
    QTest.keyClick(widget, Qt.Key.Key_F4)
    view = _calendar_view(widget)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not view.isVisible()
    assert widget.value() == date(2026, 6, 18) and widget.text() == "18.06.2026"
    assert QApplication.focusWidget() is widget

    QTest.keyClick(widget, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # Esc closes it without a change
    _calendar_view(widget)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert widget.value() == date(2026, 6, 18)

    button = next(b for b in widget.findChildren(QToolButton) if b.defaultAction() is widget.calendar_action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # the button at the field's end, then a click on a day
    view = _calendar_view(widget)
    model = view.model()
    cell = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data() == 25 and r > 2
    )
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _centre(view, cell))
    assert widget.value() == date(2026, 6, 25) and widget.text() == "25.06.2026"


def _centre(view: QTableView, index: object) -> QPoint:
    return view.visualRect(index).center()  # type: ignore[arg-type]


def test_the_calendar_keeps_the_time_of_a_date_time(qtbot: QtBot, ws: Workspace, seeded: Seeded) -> None:
    form = _open_form(qtbot, ws, seeded, "event")
    _show(qtbot, form)
    widget = form.ends_at
    type_into(widget, "30.11.2026 9:05")
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(widget, Qt.Key.Key_F4)
    _calendar_view(widget)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert widget.value() == datetime(2026, 11, 29, 9, 5)
