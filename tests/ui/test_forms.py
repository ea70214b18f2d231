"""Every form refuses bad input with the core's Latvian message under the field, and saves nothing wrong: an empty
title, an end before the start, letters in an amount, a number or code that is taken. A changed form asks before
it closes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.models.enums import IndicatorMethod
from projektu_vadiba.core.services import activities, indicators, projects
from projektu_vadiba.ui.dialogs.activity_form import ActivityForm
from projektu_vadiba.ui.dialogs.cofinancing_form import CofinancingForm
from projektu_vadiba.ui.dialogs.deadline_form import DeadlineForm
from projektu_vadiba.ui.dialogs.event_form import EventForm
from projektu_vadiba.ui.dialogs.form import FormDialog, Unsaved
from projektu_vadiba.ui.dialogs.indicator_form import IndicatorForm
from projektu_vadiba.ui.dialogs.partner_form import PartnerForm
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.widgets.choices import select_value
from projektu_vadiba.ui.workspace import Workspace

from .conftest import Seeded

REQUIRED_TITLE = "Lauks “Nosaukums” ir obligāts."
END_BEFORE_START = "Beigas nevar būt pirms sākuma."


@pytest.fixture
def ws(seeded: Seeded) -> Iterator[Workspace]:
    yield Workspace(seeded.db)


@pytest.fixture
def pid(seeded: Seeded) -> int:
    return seeded.ids["2023-NVO-07"]


def _refused(form: FormDialog) -> None:
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.result_value is None


def _project_count(db: Database) -> int:
    with db.session() as s:
        return len(projects.list_projects(s))


def test_project_form_shows_every_problem_at_once(qtbot: QtBot, ws: Workspace, seeded: Seeded) -> None:
    form = ProjectForm(ws)
    qtbot.addWidget(form)
    form.number.setText("2023-NVO-07")  # taken by "Ābeles" for the same funder
    form.funder.setCurrentText("Sabiedrības integrācijas fonds")
    form.implementer.setCurrentText("Biedrība “Zaļā Ķekava”")
    form.start.set_value(date(2024, 5, 1))
    form.end.set_value(date(2024, 4, 30))
    form.grant.setText("12 tūkst.")
    form.total_cost.setText("1 000,50")
    _refused(form)
    assert form.error_text("title") == REQUIRED_TITLE
    assert form.error_text("end_date") == END_BEFORE_START
    assert form.error_text("grant_amount") == "“12 tūkst.” nav summa (piemērs: 1 234,56)."
    assert form.error_text("number") == "Projekts ar numuru 2023-NVO-07 šim finansētājam jau ir."
    assert form.error_text("total_cost") == ""
    assert form.field_widget("title").property("invalid") is True
    assert _project_count(seeded.db) == 3

    form.title.setText("Jauns projekts")  # fixed one by one: the problems go away with them
    form.number.setText("2024-NVO-01")
    form.end.set_value(date(2024, 12, 31))
    form.grant.setText("900")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.error_text("grant_amount") == ""
    with seeded.db.session() as s:
        created = projects.get_project(s, form.result_value.id)
    assert (created.number, created.grant_amount, created.total_cost) == ("2024-NVO-01", 900, Decimal("1000.50"))


def test_editing_a_project_to_a_taken_number(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int) -> None:
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    form = ProjectForm(ws, detail)
    qtbot.addWidget(form)
    assert form.number.text() == "2023-NVO-07" and form.grant.text() == "11\u00a0111,10"
    form.number.setText("LAD-19")
    form.funder.setCurrentText("Lauku atbalsta dienests")
    _refused(form)
    assert form.error_text("number") == "Projekts ar numuru LAD-19 šim finansētājam jau ir."
    with seeded.db.session() as s:
        assert projects.get_project(s, pid).number == "2023-NVO-07"


def test_activity_form(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int) -> None:
    form = ActivityForm(ws, pid)
    qtbot.addWidget(form)
    form.code.setText("1.1")  # taken
    form.planned_start.set_value(date(2023, 6, 1))
    form.planned_end.set_value(date(2023, 5, 1))
    _refused(form)
    assert form.error_text("title") == REQUIRED_TITLE
    assert form.error_text("planned_end") == END_BEFORE_START
    assert form.error_text("code") == "Aktivitāte ar kodu 1.1 šajā projektā jau ir."
    with seeded.db.session() as s:
        assert len(activities.list_activities(s, pid)) == 1


def test_event_form(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int) -> None:
    form = EventForm(ws, pid, [])
    qtbot.addWidget(form)
    form.starts_at.set_value(datetime(2023, 6, 1, 18, 0))
    form.ends_at.set_value(datetime(2023, 6, 1, 17, 0))
    _refused(form)
    assert form.error_text("title") == REQUIRED_TITLE
    assert form.error_text("ends_at") == END_BEFORE_START
    with seeded.db.session() as s:
        assert len(activities.list_events(s, pid)) == 1


def test_indicator_form(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int) -> None:
    form = IndicatorForm(ws, pid, [])
    qtbot.addWidget(form)
    form.code.setText("R1")  # taken
    form.planned.setText("daudz")
    form.achieved.setText("12,5.3")
    _refused(form)
    assert form.error_text("name") == REQUIRED_TITLE
    assert form.error_text("planned_value") == "“daudz” nav skaitlis."
    assert form.error_text("achieved_manual") == "“12,5.3” nav skaitlis."
    assert form.error_text("code") == "Rādītājs ar kodu R1 šajā projektā jau ir."

    form.planned.setText("")
    _refused(form)
    assert form.error_text("planned_value") == "Ievadiet plānoto vērtību."
    with seeded.db.session() as s:
        assert len(indicators.list_indicators(s, pid)) == 1


def test_indicator_form_wants_to_know_what_to_count(qtbot: QtBot, ws: Workspace, pid: int) -> None:
    form = IndicatorForm(ws, pid, [], target_groups=("seniori",))
    qtbot.addWidget(form)
    form.code.setText("R9")
    form.name.setText("Seniori")
    form.planned.setText("10")
    select_value(form.method, IndicatorMethod.TARGET_GROUP)
    assert not form.achieved.isEnabled()  # counted, not typed
    form.param_group.setCurrentText("")
    _refused(form)
    assert form.error_text("method_param") == "Norādiet, kuru mērķa grupu vai pašvaldību skaitīt."
    form.param_group.setCurrentText("seniori")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.result_value.method_param == "seniori"


def test_partner_and_cofinancing_forms(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int) -> None:
    partner = PartnerForm(ws, pid)
    qtbot.addWidget(partner)
    _refused(partner)
    assert partner.error_text("organisation_name") == "Lauks “Partneris” ir obligāts."
    partner.organisation.setCurrentText("Ķekavas novada pašvaldība")  # already the project's co-financer, not partner
    partner.accept()
    assert partner.result() == QDialog.DialogCode.Accepted
    again = PartnerForm(ws, pid)
    qtbot.addWidget(again)
    again.organisation.setCurrentText("ķekavas novada pašvaldība")
    _refused(again)
    assert again.error_text("organisation_name") == "Ķekavas novada pašvaldība jau ir šī projekta partneris."

    money = CofinancingForm(ws, pid)
    qtbot.addWidget(money)
    _refused(money)
    assert money.error_text("amount") == "Ievadiet summu."
    money.amount.setText("simts eiro")
    _refused(money)
    assert money.error_text("amount") == "“simts eiro” nav summa (piemērs: 1 234,56)."
    money.amount.setText("-5")
    _refused(money)
    assert money.error_text("amount") == "Summa nevar būt negatīva."
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    assert [p.organisation.name for p in detail.partners] == ["Ķekavas novada pašvaldība"]
    assert detail.cofinancing_total == Decimal("1234.57")  # unchanged


def test_deadline_form(qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int) -> None:
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    form = DeadlineForm(ws, detail)
    qtbot.addWidget(form)
    form.period_start.set_value(date(2023, 6, 30))
    form.period_end.set_value(date(2023, 3, 1))
    _refused(form)
    assert form.error_text("period_end") == END_BEFORE_START
    with seeded.db.session() as s:
        assert len(projects.get_project(s, pid).deadlines) == len(detail.deadlines)


@pytest.mark.parametrize(("choice", "closed", "saved"), [
    (Unsaved.CANCEL, False, False),
    (Unsaved.DISCARD, True, False),
    (Unsaved.SAVE, True, True),
])  # fmt: skip
def test_closing_a_changed_form_asks(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int, choice: Unsaved, closed: bool, saved: bool
) -> None:
    asked: list[bool] = []
    form = ActivityForm(ws, pid)
    qtbot.addWidget(form)
    form.ask_unsaved = lambda: asked.append(True) or choice  # type: ignore[method-assign]
    form.show()
    form.reject()  # nothing typed yet: closes without a question
    assert asked == [] and not form.isVisible()

    form = ActivityForm(ws, pid)
    qtbot.addWidget(form)
    form.ask_unsaved = lambda: asked.append(True) or choice  # type: ignore[method-assign]
    form.show()
    form.code.setText("2")
    form.title.setText("Noslēguma pasākums")
    form.close()  # the window's close button
    assert asked == [True]
    assert form.isVisible() is not closed
    with seeded.db.session() as s:
        codes = [a.code for a in activities.list_activities(s, pid)]
    assert codes == (["1.1", "2"] if saved else ["1.1"])


def test_an_open_events_headcount_is_typed_into_the_form_and_saved(
    qtbot: QtBot, ws: Workspace, seeded: Seeded, pid: int
) -> None:
    from PySide6.QtCore import Qt

    from . import keys

    with seeded.db.session() as s:
        event = activities.list_events(s, pid)[0]
    form = EventForm(ws, pid, [], event)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    keys.click(form.title)
    keys.tab_to(form.unlisted)  # through the focus chain, as a person does
    keys.key(Qt.Key.Key_A, keys.CTRL)
    keys.type_text("85")
    keys.key(Qt.Key.Key_Return)
    assert form.result() == QDialog.DialogCode.Accepted
    with seeded.db.session() as s:
        assert activities.get_event(s, event.id).unlisted == 85
