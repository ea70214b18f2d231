"""Two users, one event: Beate saves while Anna's form is open. Anna's save shows both versions field by field;
she merges with the keyboard (or keeps theirs with the mouse); nothing is overwritten unseen, and undo over
someone else's later change is refused, not done."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import EventDTO
from projektu_vadiba.core.services import activities
from projektu_vadiba.core.services.event_delete import event_input
from projektu_vadiba.ui.conflict_dialog import ConflictDialog
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.workspace import Workspace

from . import keys
from .conftest import Seeded
from .helpers import activate, button, dialogs_closed, on_dialog

__all__ = ["dialogs_closed"]  # the fixture fails a test whose dialog had to be closed by force
SCREEN = QRect(0, 0, 1366, 768)


@pytest.fixture
def beate(seeded: Seeded) -> Iterator[Database]:
    """The other user: her own connection to the same database file."""
    other = open_database(seeded.db.url)
    yield other
    other.close()


@pytest.fixture
def ws(seeded: Seeded) -> Workspace:
    return Workspace(seeded.db)


def _event(db: Database, pid: int) -> EventDTO:
    with db.session() as s:
        return activities.list_events(s, pid)[0]


def _beate_saves(beate: Database, event_id: int, **changes: Any) -> None:
    with beate.session() as s:
        activities.update_event(s, event_id, replace(event_input(activities.get_event(s, event_id)), **changes))


_open: list[EventForm] = []


@pytest.fixture(autouse=True)
def _forms_closed() -> Iterator[None]:
    """A form left changed would ask "save?" when closed at the end of the test: close it without asking."""
    yield
    while _open:
        form = _open.pop()
        form.done(0)
        form.deleteLater()


def _open_form(qtbot: QtBot, ws: Workspace, pid: int, event: EventDTO) -> EventForm:
    form = EventForm(ws, pid, ws.read(lambda s: activities.list_activities(s, pid)), event)
    _open.append(form)
    form.show()
    qtbot.waitExposed(form)
    keys.click(form.title)
    return form


def _type_over(form: EventForm, widget: Any, text: str) -> None:
    keys.tab_to(widget)
    keys.key(Qt.Key.Key_A, keys.CTRL)
    keys.type_text(text)


def test_anna_merges_field_by_field_with_the_keyboard(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, beate: Database
) -> None:
    pid = seeded.ids["2023-NVO-07"]
    event = _event(seeded.db, pid)
    form = _open_form(qtbot, ws, pid, event)
    _beate_saves(beate, event.id, title="Stādīšanas talka Baldonē", place="Baldones parks")
    _type_over(form, form.description, "Līdzi ņemt cimdus")
    keys.click(form.title)
    _type_over(form, form.place, "Ķekavas skvērs")  # the last field typed in: Enter saves (not a newline)

    seen: dict[str, Any] = {}

    def merge(dialog: Any) -> None:
        assert isinstance(dialog, ConflictDialog)
        seen["fields"] = {name: (b.text(), dialog.theirs[name].text()) for name, b in dialog.mine.items()}
        seen["size"] = dialog.frameGeometry().size()
        seen["defaults"] = {name: b.isChecked() for name, b in dialog.mine.items()}
        # Anna keeps Beate's place after all: Tab to the place row, → picks the other user's value.
        activate(dialog)  # as a desktop does for a new modal window (offscreen does not)
        focused = QApplication.focusWidget()
        assert isinstance(focused, QRadioButton)
        for _ in range(6):
            if QApplication.focusWidget() in (dialog.mine["place"], dialog.theirs["place"]):
                break
            keys.key(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.mine["place"]
        keys.key(Qt.Key.Key_Right)
        assert dialog.theirs["place"].isChecked() and not dialog.mine["place"].isChecked()
        keys.key(Qt.Key.Key_Return)  # "Saglabāt izvēlēto" is the default button

    on_dialog(merge)
    keys.key(Qt.Key.Key_Return)  # Anna saves her form
    assert form.result() == QDialog.DialogCode.Accepted
    assert seen["fields"] == {
        "title": ("Stādīšanas talka Ķekavā", "Stādīšanas talka Baldonē"),
        "place": ("Ķekavas skvērs", "Baldones parks"),
        "description": ("Līdzi ņemt cimdus", "—"),
    }
    assert seen["defaults"] == {"title": False, "place": True, "description": True}  # only she changed those
    assert SCREEN.contains(QRect(SCREEN.topLeft(), seen["size"]))
    saved = _event(seeded.db, pid)
    assert (saved.title, saved.place, saved.description) == (
        "Stādīšanas talka Baldonē",
        "Baldones parks",
        "Līdzi ņemt cimdus",
    )
    # Undo brings back Beate's version (what Anna saved over), not Anna's form of before.
    problems: list[str] = []
    ws.problem.connect(problems.append)
    ws.undo()
    undone = _event(seeded.db, pid)
    assert (undone.title, undone.place, undone.description) == ("Stādīšanas talka Baldonē", "Baldones parks", "")
    # Beate changes it again: Anna's redo would overwrite her, so it is refused and says why.
    _beate_saves(beate, event.id, planned_participants=30)
    ws.redo()
    after = _event(seeded.db, pid)
    assert (after.description, after.planned_participants) == ("", 30)
    assert len(problems) == 1 and "nevar atsaukt" in problems[0]


def test_keeping_theirs_with_the_mouse_saves_nothing_of_mine(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, beate: Database
) -> None:
    pid = seeded.ids["2023-NVO-07"]
    event = _event(seeded.db, pid)
    form = _open_form(qtbot, ws, pid, event)
    _beate_saves(beate, event.id, municipality="Baldones novads")
    _type_over(form, form.municipality, "Rīga")
    on_dialog(lambda dialog: keys.click(button(dialog, "Paturēt viņu versiju")))
    keys.key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    kept = _event(seeded.db, pid)
    assert (kept.municipality, kept.version) == ("Baldones novads", event.version + 1)
    assert not ws.undo_stack.canUndo()  # nothing of Anna's was done, so nothing to undo


def test_back_to_the_form_keeps_what_was_typed(qtbot: QtBot, ws: Workspace, seeded: Seeded, beate: Database) -> None:
    pid = seeded.ids["2023-NVO-07"]
    event = _event(seeded.db, pid)
    form = _open_form(qtbot, ws, pid, event)
    _beate_saves(beate, event.id, address="Parka iela 1")
    _type_over(form, form.address, "Skolas iela 5")

    def back(dialog: Any) -> None:
        activate(dialog)
        keys.key(Qt.Key.Key_Escape)

    on_dialog(back)
    keys.key(Qt.Key.Key_Return)
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert form.address.text() == "Skolas iela 5"
    assert "kāds cits to jau saglabāja" in form.general_error.text()
    assert _event(seeded.db, pid).address == "Parka iela 1"
    form.done(0)


def test_the_values_of_projects_and_budget_lines_are_shown_readably(qapp: object) -> None:
    from decimal import Decimal

    from projektu_vadiba.core.models import FundingSource, PaymentKind
    from projektu_vadiba.ui.conflict_dialog import field_label, show_value

    assert show_value(b"\x89PNG" + bytes(3000)) == "attēls, 3 KB"  # a logo: its size, never its bytes
    assert show_value(("Seniori", "Jaunieši")) == "Seniori, Jaunieši"
    assert show_value({FundingSource.GRANT: Decimal("350.00")}).endswith(": 350,00")
    assert show_value(PaymentKind.ADVANCE) == "Avanss"
    assert [field_label(n) for n in ("target_groups", "amounts", "planned_value", "received_on")] == [
        "Mērķa grupas",
        "Summas pa avotiem",
        "Plānotā vērtība",
        "Saņemts",
    ]
