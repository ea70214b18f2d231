"""The workspace's models under Qt's QAbstractItemModelTester, and long lists fetched in chunks as the view scrolls."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import EventDTO
from projektu_vadiba.core.models import Event, EventType
from projektu_vadiba.core.services import activities, attendance, deadlines, projects
from projektu_vadiba.ui.models.attendance_tables import attendance_model, participants_model
from projektu_vadiba.ui.models.month import DATE_ROLE, EVENTS_ROLE, IN_MONTH_ROLE, MonthModel, month_title
from projektu_vadiba.ui.models.paged_table import PagedRowsModel
from projektu_vadiba.ui.models.project_lists import cofinancing_model, days_text, deadlines_model, partners_model
from projektu_vadiba.ui.models.project_tables import EventColumn, events_model
from projektu_vadiba.ui.models.project_tree import (
    KIND_ROLE,
    PROJECT_ROLE,
    SECTION_ROLE,
    SECTIONS,
    ProjectTreeModel,
)
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.models.start_tables import UpcomingEvent, due_soon_model, upcoming_events_model
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.views.participants import project_participants
from projektu_vadiba.ui.workspace import Workspace

from .conftest import Seeded
from .helpers import make_window

N_EVENTS = 3000


def _tester(model: QAbstractItemModel) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def _failures(qtlog) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.message for r in qtlog.records if "FAIL" in r.message]


def _event(id_: int, title: str, day: date, registered: int = 0) -> EventDTO:
    start = datetime(day.year, day.month, day.day, 18)
    return EventDTO(id_, 1, None, None, title, EventType.MEETING, start, start + timedelta(hours=2), "", "", "",
                    False, "", None, "", registered, 0)  # fmt: skip


def test_every_new_model_passes_the_model_tester(seeded: Seeded, qtlog) -> None:  # type: ignore[no-untyped-def]
    pid = seeded.ids["2023-NVO-07"]
    clock.set_clock(datetime(2023, 12, 1, 9, 0))
    with seeded.db.session() as s:
        projects.add_partner(s, pid, "Ķekavas novada pašvaldība")
        detail = projects.get_project(s, pid)
        events = activities.list_events(s, pid)
        listed = attendance.event_list(s, events[0].id)
        due = deadlines.due_soon(s, 365)
        summaries = projects.list_projects(s)
    filled = [
        (partners_model(), list(detail.partners)),
        (cofinancing_model(), list(detail.cofinancing)),
        (deadlines_model(), list(detail.deadlines)),
        (due_soon_model(), due),
        (upcoming_events_model(), [UpcomingEvent(e, detail.number) for e in events]),
        (attendance_model(), listed),
        (participants_model(), project_participants(Workspace(seeded.db), pid)),
        (events_model(), events),
    ]
    testers = []
    for model, rows in filled:
        proxy = SearchProxyModel()
        proxy.setSourceModel(model)
        testers += [_tester(model), _tester(proxy)]
        model.set_rows(rows)  # type: ignore[attr-defined]
        assert model.rowCount() == len(rows) > 0, model
        proxy.sort(0, Qt.SortOrder.DescendingOrder)
        proxy.set_search("ķekava")
        proxy.set_search("")
        model.set_rows([])  # type: ignore[attr-defined]

    tree = ProjectTreeModel()
    testers.append(_tester(tree))
    tree.set_projects(summaries)
    tree_proxy = SearchProxyModel()
    tree_proxy.setRecursiveFilteringEnabled(True)
    tree_proxy.setAutoAcceptChildRows(True)
    tree_proxy.setSourceModel(tree)
    testers.append(_tester(tree_proxy))
    tree_proxy.set_search("berzi")
    assert tree_proxy.rowCount() == 1  # only the group that holds "Bērzi"
    tree_proxy.set_search("")

    month = MonthModel()
    testers.append(_tester(month))
    month.set_events(events)
    month.set_month(2023, 4)
    month.shift(1)
    month.shift(-13)
    assert not _failures(qtlog)
    assert testers


def test_the_tree_groups_projects_by_status_with_their_sections(seeded: Seeded) -> None:
    with seeded.db.session() as s:
        summaries = projects.list_projects(s)
    tree = ProjectTreeModel()
    tree.set_projects(summaries)
    groups = [tree.index(r, 0).data() for r in range(tree.rowCount())]
    assert groups == ["Notiekošie (1)", "Plānotie (1)", "Noslēgtie (1)"]
    running = tree.index(0, 0)
    project = tree.index(0, 0, running)
    assert (project.data(), project.data(KIND_ROLE), project.data(PROJECT_ROLE)) == (
        "Ābeles",
        "project",
        seeded.ids["2023-NVO-07"],
    )
    sections = [tree.index(r, 0, project) for r in range(tree.rowCount(project))]
    assert [i.data(SECTION_ROLE) for i in sections] == list(SECTIONS)
    assert [i.data() for i in sections] == [
        "Pārskats", "Aktivitātes", "Pasākumi", "Dalībnieki", "Rādītāji", "Budžets", "Atskaites un termiņi",
    ]  # fmt: skip
    assert tree.section_index(seeded.ids["2023-NVO-07"], "events") == sections[2]
    # Every project's sections are its own items (cloned from one per section): its id, the kind, the flags.
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    for number, pid in seeded.ids.items():
        own = tree.project_index(pid)
        rows = [tree.index(r, 0, own) for r in range(tree.rowCount(own))]
        assert [(i.data(KIND_ROLE), i.data(PROJECT_ROLE), i.data(SECTION_ROLE)) for i in rows] == [
            ("section", pid, key) for key in SECTIONS
        ], number
        assert all(tree.flags(i) == flags and not tree.hasChildren(i) for i in rows)
    tree.set_projects(summaries, lambda pid: frozenset({"budget"}) if pid == seeded.ids["EEZ-3"] else frozenset())
    hidden = tree.project_index(seeded.ids["EEZ-3"])
    assert [tree.index(r, 0, hidden).data(SECTION_ROLE) for r in range(tree.rowCount(hidden))] == [
        key for key in SECTIONS if key != "budget"
    ]
    assert tree.rowCount(tree.project_index(seeded.ids["LAD-19"])) == len(SECTIONS)


def test_month_grid_starts_on_monday_and_lists_each_days_events() -> None:
    month = MonthModel()
    month.set_events([_event(1, "Talka", date(2025, 10, 2)), _event(2, "Seminārs", date(2025, 10, 2))])
    month.set_month(2025, 10)  # 01.10.2025 is a Wednesday
    assert month.headerData(0, Qt.Orientation.Horizontal) == "Pirmdiena"
    assert month.index(0, 0).data(DATE_ROLE) == date(2025, 9, 29)
    assert month.index(0, 0).data(IN_MONTH_ROLE) is False
    day = month.index_of(date(2025, 10, 2))
    assert (day.row(), day.column(), day.data()) == (0, 3, "2")
    assert [e.title for e in day.data(EVENTS_ROLE)] == ["Talka", "Seminārs"]
    assert month.events_in_month() == 2
    assert month_title(2025, 10) == "2025. gada oktobris"
    month.shift(3)
    assert (month.year, month.month) == (2026, 1)


def test_days_text_uses_latvian_plural_forms() -> None:
    assert [days_text(n) for n in (0, 1, 2, 11, 21, -1, -3, -21)] == [
        "šodien", "pēc 1 dienas", "pēc 2 dienām", "pēc 11 dienām", "pēc 21 dienas",
        "nokavēts par 1 dienu", "nokavēts par 3 dienām", "nokavēts par 21 dienu",
    ]  # fmt: skip


def test_paged_model_fetches_in_chunks_but_sorts_and_searches_everything(qtlog) -> None:  # type: ignore[no-untyped-def]
    rows = [_event(i, f"Tikšanās Nr. {i}", date(2024, 1, 1) + timedelta(days=i % 365), i % 7) for i in range(1, 1001)]
    rows.append(_event(2000, "Ābeļu talka", date(2023, 1, 1)))
    model = events_model()
    model.set_rows(rows)
    assert (model.rowCount(), model.total_count) == (200, 1001)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.set_search("ābeļu")  # not fetched yet, but found
    assert model.rowCount() == model.match_count == 1
    assert model.index(0, EventColumn.TITLE).data() == "Ābeļu talka"
    model.set_search("")
    model.sort(EventColumn.TITLE, Qt.SortOrder.AscendingOrder)  # Latvian order over all 1001 rows: A < Ā < ... < T
    assert model.index(0, EventColumn.TITLE).data() == "Ābeļu talka"
    assert model.rowCount() == 200
    model.sort(EventColumn.REGISTERED, Qt.SortOrder.DescendingOrder)
    assert model.index(0, EventColumn.REGISTERED).data() == "6"
    model.ensure_fetched(950)
    assert model.rowCount() == 1000
    model.sort(-1)
    assert model.index(0, EventColumn.TITLE).data() == "Tikšanās Nr. 1"
    tester = _tester(model)  # the tester fetches and reads every row itself
    model.set_search("nr. 9")
    model.sort(EventColumn.DATE, Qt.SortOrder.DescendingOrder)
    model.set_rows(rows[:10])
    assert tester and not _failures(qtlog)


def test_thousands_of_events_load_in_chunks_as_the_list_scrolls(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    pid = seeded.ids["2023-NVO-07"]
    start = datetime(2023, 3, 1, 9, 0)
    rows = [
        {"project_id": pid, "title": f"Konsultācija {i:04d}", "type": EventType.CONSULTATION,
         "starts_at": start + timedelta(hours=i), "ends_at": start + timedelta(hours=i, minutes=45),
         "place": "Ķekava" if i % 2 else "Baldone"}
        for i in range(N_EVENTS)
    ]  # fmt: skip
    with seeded.db.session() as s:
        s.execute(insert(Event), rows)
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(pid, "events")
    section = window.project_page.events
    model, view = section.model, section.view
    assert model.total_count == N_EVENTS + 1
    assert model.rowCount() == 200  # the view holds one chunk
    assert section.heading.title_label.text() == f"Pasākumi ({N_EVENTS + 1})"
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 200)  # scrolling to the end asks for the next chunk
    for _ in range(30):
        view.scrollToBottom()
        qtbot.wait(1)
    assert model.rowCount() > 400
    section.search.setText("2999")
    assert model.rowCount() == 1
    assert model.index(0, EventColumn.TITLE).data() == "Konsultācija 2999"
    assert section.count_label.text() == f"Rādīti 1 no {N_EVENTS + 1}."
    section.search.clear()
    view.sortByColumn(EventColumn.TITLE, Qt.SortOrder.DescendingOrder)
    assert model.index(0, EventColumn.TITLE).data() == "Stādīšanas talka Ķekavā"
    assert model.index(1, EventColumn.TITLE).data() == "Konsultācija 2999"
    assert section.select(model.rows[2500].id)  # selecting far down fetches what is needed
    assert model.rowCount() >= 2501


@pytest.mark.parametrize("chunk", [1, 7])
def test_small_chunks_still_reach_every_row(chunk: int) -> None:
    model = PagedRowsModel(events_model()._columns, chunk=chunk)
    model.set_rows([_event(i, f"E{i}", date(2024, 1, 1)) for i in range(20)])
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 20
