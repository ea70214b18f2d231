"""One form behaviour for every entity form, driven by real keys: the form opens on its first field (not on
"Saglabāt"), Enter saves (a newline inside a multi-line text), Esc on a changed form asks, one round shows every
problem, a message goes as soon as its field is edited and the dialog shrinks back; the Save button stays put.
The project's programme is a real choice among the funder's programmes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.ui.dialogs.activity_form import ActivityForm
from projektu_vadiba.ui.dialogs.cofinancing_form import CofinancingForm
from projektu_vadiba.ui.dialogs.deadline_form import DeadlineForm
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.dialogs.form import FormDialog, Unsaved
from projektu_vadiba.ui.dialogs.indicator_form import IndicatorForm
from projektu_vadiba.ui.dialogs.partner_form import PartnerForm
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.workspace import Workspace

from .conftest import Seeded
from .helpers import activate, button, dialogs_closed, on_dialog  # noqa: F401  (dialogs_closed: autouse fixture)

REQUIRED_TITLE = "Lauks “Nosaukums” ir obligāts."


@pytest.fixture
def ws(seeded: Seeded) -> Iterator[Workspace]:
    yield Workspace(seeded.db)


@pytest.fixture
def pid(seeded: Seeded) -> int:
    return seeded.ids["2023-NVO-07"]


def _forms(ws: Workspace, seeded: Seeded, pid: int) -> dict[str, tuple[Callable[[], FormDialog], str]]:
    """Each form and the field it should open on."""
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    return {
        "project": (lambda: ProjectForm(ws), "number"),
        "activity": (lambda: ActivityForm(ws, pid), "code"),
        "event": (lambda: EventForm(ws, pid, []), "title"),
        "indicator": (lambda: IndicatorForm(ws, pid, []), "code"),
        "partner": (lambda: PartnerForm(ws, pid), "organisation_name"),
        "cofinancing": (lambda: CofinancingForm(ws, pid), "source"),
        "deadline": (lambda: DeadlineForm(ws, detail), "kind"),
    }


def _quietly(form: QWidget) -> None:
    form.ask_unsaved = lambda: Unsaved.DISCARD  # type: ignore[attr-defined]  # the test's end closes it


def _show(qtbot: QtBot, form: QWidget) -> None:
    qtbot.addWidget(form, before_close_func=_quietly)
    form.show()
    qtbot.waitExposed(form)
    activate(form)


def _target() -> QWidget:
    """Where a key goes: an open popup (a completer's list) takes the keyboard, as Qt routes it for a user."""
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def _type(text: str) -> None:
    for ch in text:
        QTest.keyClick(_target(), ch)


def _key(key: Qt.Key) -> None:
    QTest.keyClick(_target(), key)


def _tab_to(widget: QWidget, limit: int = 40) -> None:
    """Tab through the form until `widget` has the focus (as a user does)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return
        _key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget!r}")


def _save_button_corner_offset(form: FormDialog) -> QPoint:
    """Where Save sits relative to the dialog's bottom-right corner."""
    return form.rect().bottomRight() - form.save_button.mapTo(form, QPoint(0, 0))


@pytest.mark.parametrize("name", ["project", "activity", "event", "indicator", "partner", "cofinancing", "deadline"])
def test_every_form_opens_on_its_first_field(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int, name: str) -> None:
    make, first = _forms(ws, seeded, pid)[name]
    form = make()
    _show(qtbot, form)
    focus = QApplication.focusWidget()
    assert focus is not form.save_button
    expected = form.field_widget(first)
    assert focus is expected or expected.isAncestorOf(focus)
    if isinstance(focus, QLineEdit):
        _type("Pirmais ")  # the first word lands in the field; Space does not press "Saglabāt"
        assert focus.text().startswith("Pirmais ")
        assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    # Tab walks the fields and only then reaches the buttons
    _tab_to(form.save_button)


def test_enter_saves_and_a_newline_stays_in_a_multi_line_field(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int
) -> None:
    form = ActivityForm(ws, pid)
    _show(qtbot, form)
    _type("2")
    _key(Qt.Key.Key_Tab)
    _type("Noslēguma pasākums".replace("ē", "e").replace("ā", "a"))
    _tab_to(form.description)
    _type("Pirma rinda")
    _key(Qt.Key.Key_Return)  # a newline, not Save
    _type("otra")
    assert form.isVisible() and form.description.toPlainText() == "Pirma rinda\notra"
    _tab_to(form.result_text)
    _key(Qt.Key.Key_Tab)  # from the last field to Save: Enter there saves too; but first back to a line field
    _tab_to(form.code)
    _key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted and not form.isVisible()
    with seeded.db.session() as s:
        saved = {a.code: a for a in activities.list_activities(s, pid)}
    assert saved["2"].title == "Nosleguma pasakums" and saved["2"].description == "Pirma rinda\notra"


def _answer(text: str, asked: list[str]) -> None:
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        QTest.mouseClick(button(box, text), Qt.MouseButton.LeftButton)

    on_dialog(click)


def test_esc_closes_an_unchanged_form_and_asks_on_a_changed_one(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int
) -> None:
    form = ActivityForm(ws, pid)
    _show(qtbot, form)
    asked: list[str] = []
    _key(Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not form.isVisible() and asked == []

    form = ActivityForm(ws, pid)
    _show(qtbot, form)
    _type("3")
    _answer("Turpināt labot", asked)
    _key(Qt.Key.Key_Escape)
    assert asked == ["Formā ir nesaglabātas izmaiņas. Saglabāt tās?"]
    assert form.isVisible() and form.code.text() == "3"  # nothing typed is lost

    activate(form)
    form.code.setFocus()
    _answer("Nesaglabāt", asked)
    _key(Qt.Key.Key_Escape)
    assert len(asked) == 2 and not form.isVisible()
    with seeded.db.session() as s:
        assert [a.code for a in activities.list_activities(s, pid)] == ["1.1"]


def test_one_round_shows_every_problem_and_each_goes_when_its_field_is_edited(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int
) -> None:
    form = ActivityForm(ws, pid)
    _show(qtbot, form)
    height = form.height()
    corner = _save_button_corner_offset(form)
    _type("1.1")  # taken
    _tab_to(form.planned_start)
    _type("1.6.2023")
    _key(Qt.Key.Key_Tab)
    _type("31.04.2023")  # no such day
    _tab_to(form.code)
    _key(Qt.Key.Key_Return)
    assert form.isVisible()
    assert form.error_text("code") == "Aktivitāte ar kodu 1.1 šajā projektā jau ir."
    assert form.error_text("title") == REQUIRED_TITLE
    assert form.error_text("planned_end") == "“31.04.2023” nav datums: 2023. gada aprīlī ir 30 dienas."
    assert form.height() > height  # grown to show the messages
    assert _save_button_corner_offset(form) == corner  # Save stays at the bottom right

    _tab_to(form.title)
    _type("Darbnicas")
    assert form.error_text("title") == "" and form.title.property("invalid") is False
    assert form.error_text("code") != ""  # the others stay until their fields are edited
    _tab_to(form.planned_end)
    _type("30.06.2023")
    assert form.error_text("planned_end") == "" and form.planned_end.property("invalid") is False
    _tab_to(form.code)
    _type("2.1")
    assert form.error_text("code") == ""
    assert form.height() == height  # shrunk back when the messages went
    assert _save_button_corner_offset(form) == corner
    _key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    with seeded.db.session() as s:
        saved = {a.code: a for a in activities.list_activities(s, pid)}
    assert (saved["2.1"].planned_start, saved["2.1"].planned_end) == (date(2023, 6, 1), date(2023, 6, 30))


def test_a_date_error_shows_on_leaving_the_field_and_goes_when_fixed(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int
) -> None:
    form = EventForm(ws, pid, [])
    _show(qtbot, form)
    height = form.height()
    _tab_to(form.starts_at)
    _type("30.11.2026 25:00")
    _key(Qt.Key.Key_Tab)
    assert form.error_text("starts_at") == "“25:00” nav laiks: stundas ir no 0 līdz 23, minūtes no 0 līdz 59."
    assert form.starts_at.property("invalid") is True and form.height() > height
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is form.starts_at
    _key(Qt.Key.Key_Backspace)
    assert form.error_text("starts_at") == "" and form.height() == height


# ---- programme ---------------------------------------------------------------------------------------------------


def test_programme_is_a_choice_of_the_funders_programmes(qtbot: QtBot, ws: Workspace, seeded: Seeded) -> None:
    form = ProjectForm(ws)
    _show(qtbot, form)
    assert form.programme.currentText() == "" and form.programme.lineEdit().placeholderText() == ""
    _type("2024.LV/NVOF/MAC/001")
    _key(Qt.Key.Key_Tab)
    _type("Kopienu darbnicas")
    _tab_to(form.funder)
    _type("Sabied")  # the completer offers the known funder: Down and Enter take it
    _key(Qt.Key.Key_Down)
    _key(Qt.Key.Key_Return)
    assert form.isVisible() and form.funder.currentText() == "Sabiedrības integrācijas fonds"
    _tab_to(form.programme)
    offered = [form.programme.itemText(i) for i in range(form.programme.count())]
    assert "NVO fonds" in offered and form.programme.currentText() == ""  # offered, not pretended
    QTest.keyClick(form.programme, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = form.programme.view()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert form.programme.currentText() == "NVO fonds"
    _tab_to(form.implementer)
    _type("Biedriba Zala Kekava")
    _tab_to(form.number)
    _key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted, [form.error_text(f) for f in ("number", "funder_name")]
    with seeded.db.session() as s:
        created = projects.get_project(s, form.result_value.id)
    assert created.programme is not None and created.programme.name == "NVO fonds"


def test_programme_left_empty_saves_empty_and_a_kept_one_stays(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int
) -> None:
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    assert detail.programme is not None
    form = ProjectForm(ws, detail)
    _show(qtbot, form)
    assert form.programme.currentText() == detail.programme.name  # the current value kept
    _tab_to(form.programme)
    QTest.keyClick(form.programme.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _key(Qt.Key.Key_Delete)
    _type("Cita programma")
    _tab_to(form.number)
    _key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    with seeded.db.session() as s:
        assert projects.get_project(s, pid).programme.name == "Cita programma"  # type: ignore[union-attr]

    form = ProjectForm(ws)
    _show(qtbot, form)
    _type("LAD-20")
    _key(Qt.Key.Key_Tab)
    _type("Jauns")
    _tab_to(form.funder)
    _type("Lauku atbalsta dienests")
    _tab_to(form.implementer)
    _type("Biedriba")
    _tab_to(form.number)
    _key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    with seeded.db.session() as s:
        assert projects.get_project(s, form.result_value.id).programme is None  # nothing was chosen: none saved


@pytest.mark.parametrize("where", ["type", "planned_participants", "starts_at"])
def test_enter_saves_from_a_list_a_number_and_a_date(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int, where: str
) -> None:
    form = EventForm(ws, pid, [])
    _show(qtbot, form)
    _type("Seminars")
    _tab_to(form.field_widget(where))
    if where == "planned_participants":
        _type("12")
    _key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted and not form.isVisible()
    with seeded.db.session() as s:
        events = {e.title: e for e in activities.list_events(s, pid)}
    assert "Seminars" in events
    if where == "planned_participants":
        assert events["Seminars"].planned_participants == 12
