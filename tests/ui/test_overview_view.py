"""The overview page: key facts, time gone, warnings, deadlines, events coming up, indicator bars, and the
partners / co-financing lists edited from it."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventInput
from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.ui.settings import Settings

from .conftest import Seeded
from .helpers import answer_message, button, dialogs_closed, make_window, on_dialog  # noqa: F401 (dialogs_closed: an autouse fixture)

NB = "\u00a0"


def test_overview_half_way_through(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    pid = seeded.ids["2023-NVO-07"]
    with seeded.db.session() as s:
        activities.create_event(
            s, pid, EventInput("Ievadsanāksme", datetime(2023, 2, 20, 18), datetime(2023, 2, 20, 20))
        )
        activities.create_event(
            s, pid, EventInput("Rudens talka", datetime(2023, 9, 16, 10), datetime(2023, 9, 16, 14))
        )
    clock.set_clock(datetime(2023, 8, 1, 9, 0))
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(pid)
    page = window.project_page.overview
    assert page.facts.values["grant"].text() == f"11{NB}111,10{NB}€"
    assert page.facts.values["period"].text() == "01.03.2023–31.12.2023"
    # Which paperwork the project gets (the programme's profile, else the funder's) is named with the funder.
    assert "(dokumentu formas: " in page.facts.values["funder"].text()
    assert page.elapsed_label.text() == "Pagājuši 50 % no projekta perioda, līdz beigām 152 dienas."
    assert page.elapsed_bar.value() == 50
    assert page.counts_label.text() == "1 aktivitāte · 3 pasākumi · 1 dalībnieks · 1 dalības reize"
    warnings = page.warnings.text()
    assert (
        "Pasākums <a href='event:" in warnings
        and "Ievadsanāksme</a> (20.02.2023) ir ārpus projekta perioda." in warnings
    )
    assert "Iestādīti koki</a> atpaliek: sasniegts 45 no 120, līdz šodienai būtu jābūt 60." in warnings
    assert "Rudens talka" in page.events_label.text() and "16.09.2023 10:00" in page.events_label.text()
    assert "30.01.2024" in page.deadlines_label.text() and "Noslēguma pārskats" in page.deadlines_label.text()
    [bar] = page.bars.bars
    assert (bar.label, bar.text, bar.behind, bar.expected) == ("R1 Iestādīti koki", f"45 / 120 (38{NB}%)", True, 60.0)
    assert page.bars_legend.isVisible()

    page._link("section:indicators")  # the warning's link
    assert window.project_page.current_section() == "indicators"
    window.show_section("overview")
    event_id = int(warnings.split("event:")[1].split("'")[0])
    page._link(f"event:{event_id}")
    assert window.project_page.current_section() == "events"
    assert window.project_page.events.page.title.text() == "Ievadsanāksme"


def test_partners_and_cofinancing_from_the_overview(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    pid = seeded.ids["2023-NVO-07"]
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(pid)
    page = window.project_page.overview

    def add_partner(form):  # type: ignore[no-untyped-def]
        form.organisation.setCurrentText("Baldones kopiena")
        form.description.setText("Telpas tikšanās reizēm")
        button(form, "Saglabāt").click()

    on_dialog(add_partner)
    button(page.partners_card, "Pievienot…").click()
    assert page.partners.rows[0].organisation.name == "Baldones kopiena"
    page.partners_view.selectRow(0)

    def raise_amount(form):  # type: ignore[no-untyped-def]
        form.amount.setText("2 000,00")
        button(form, "Saglabāt").click()

    page.cofinancing_view.selectRow(0)
    on_dialog(raise_amount)
    button(page.cofinancing_card, "Labot…").click()
    assert page.facts.values["cofinancing"].text() == f"2{NB}000,00{NB}€"

    answer_message("Dzēst")
    button(page.partners_card, "Dzēst…").click()
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    assert detail.partners == ()
    assert detail.cofinancing_total == Decimal("2000.00")
    window.undo_action.trigger()  # the partner comes back
    window.undo_action.trigger()  # and the amount goes back
    with seeded.db.session() as s:
        detail = projects.get_project(s, pid)
    assert [p.organisation.name for p in detail.partners] == ["Baldones kopiena"]
    assert detail.partners[0].description == "Telpas tikšanās reizēm"
    assert detail.cofinancing_total == Decimal("1234.57")
