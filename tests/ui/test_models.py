"""Table models and the sort/filter proxy, checked with Qt's own QAbstractItemModelTester."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from projektu_vadiba.core.dto import ProjectSummary
from projektu_vadiba.core.models.enums import ProjectStatus
from projektu_vadiba.core.services import activities, indicators
from projektu_vadiba.ui.models.project_tables import activities_model, events_model, indicators_model
from projektu_vadiba.ui.models.projects_table import ProjectColumn, ProjectsTableModel
from projektu_vadiba.ui.models.proxy import SearchProxyModel
from projektu_vadiba.ui.models.rows_table import ID_ROLE, SORT_ROLE, natural_key

from .conftest import Seeded


def _summary(id_: int, number: str, title: str, status: ProjectStatus = ProjectStatus.RUNNING) -> ProjectSummary:
    return ProjectSummary(id_, number, title, status, date(2023, 3, id_), date(2023, 12, 31), "Fonds “Ēnas”")


ROWS = [
    _summary(1, "Nr. 10", "Bērzi"),
    _summary(2, "Nr. 9", "Ābeles", ProjectStatus.CLOSED),
    _summary(3, "Nr. 100", "Apse", ProjectStatus.PLANNED),
    _summary(4, "Nr. 2", "Čiekuri"),
    _summary(5, "Nr. 1", "Cidonijas"),
]


def _tester(model: QAbstractItemModel) -> QAbstractItemModelTester:
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def _failures(qtlog: pytest.FixtureRequest) -> list[str]:
    return [r.message for r in qtlog.records if "FAIL" in r.message]  # type: ignore[attr-defined]


def _column(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_projects_model_passes_the_model_tester(qtlog) -> None:  # type: ignore[no-untyped-def]
    model = ProjectsTableModel()
    proxy = SearchProxyModel()
    proxy.setSourceModel(model)
    testers = [_tester(model), _tester(proxy)]
    model.set_rows(ROWS)
    proxy.sort(ProjectColumn.TITLE, Qt.SortOrder.AscendingOrder)
    proxy.set_search("c")
    proxy.set_search("")
    model.set_rows(ROWS[:2])
    model.set_rows([])
    assert testers and not _failures(qtlog)


def test_projects_model_texts_and_roles() -> None:
    model = ProjectsTableModel()
    model.set_rows(ROWS)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Numurs", "Nosaukums", "Finansētājs", "Statuss", "Periods"]
    assert model.rowCount() == 5
    assert [model.index(0, c).data() for c in range(5)] == [
        "Nr. 10",
        "Bērzi",
        "Fonds “Ēnas”",
        "Notiek",
        "01.03.2023–31.12.2023",
    ]
    assert _column(model, ProjectColumn.STATUS)[1:3] == ["Noslēgts", "Plānots"]
    assert model.index(2, 0).data(ID_ROLE) == 3
    assert model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    assert model.index(9, 0).data() is None


def test_titles_sort_in_latvian_alphabetical_order() -> None:
    model = ProjectsTableModel()
    proxy = SearchProxyModel()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    proxy.sort(ProjectColumn.TITLE, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, ProjectColumn.TITLE) == ["Apse", "Ābeles", "Bērzi", "Cidonijas", "Čiekuri"]
    proxy.sort(ProjectColumn.TITLE, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, ProjectColumn.TITLE) == ["Čiekuri", "Cidonijas", "Bērzi", "Ābeles", "Apse"]
    assert isinstance(proxy.index(0, ProjectColumn.TITLE).data(SORT_ROLE), int)


def test_numbers_sort_naturally_and_status_by_stage() -> None:
    model = ProjectsTableModel()
    proxy = SearchProxyModel()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    proxy.sort(ProjectColumn.NUMBER, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, ProjectColumn.NUMBER) == ["Nr. 1", "Nr. 2", "Nr. 9", "Nr. 10", "Nr. 100"]
    proxy.sort(ProjectColumn.STATUS, Qt.SortOrder.AscendingOrder)
    assert _column(proxy, ProjectColumn.STATUS) == ["Plānots", "Notiek", "Notiek", "Notiek", "Noslēgts"]
    assert natural_key("A-2") < natural_key("A-10") < natural_key("Ā-1")


def test_search_ignores_case_diacritics_and_word_order() -> None:
    model = ProjectsTableModel()
    proxy = SearchProxyModel()
    proxy.setSourceModel(model)
    model.set_rows(ROWS)
    proxy.set_search("CIEKURI")
    assert _column(proxy, ProjectColumn.TITLE) == ["Čiekuri"]
    proxy.set_search("bērz nr. 10")
    assert _column(proxy, ProjectColumn.TITLE) == ["Bērzi"]
    proxy.set_search("ēnas 2023 plānots")  # funder, period and status texts are searched too
    assert _column(proxy, ProjectColumn.TITLE) == ["Apse"]
    proxy.set_search("(")  # regular-expression characters are taken literally
    assert proxy.rowCount() == 0
    proxy.set_search("  ")
    assert proxy.rowCount() == 5


def test_project_page_models_pass_the_model_tester(seeded: Seeded, qtlog) -> None:  # type: ignore[no-untyped-def]
    project_id = seeded.ids["2023-NVO-07"]
    with seeded.db.session() as s:
        acts = activities.list_activities(s, project_id)
        events = activities.list_events(s, project_id)
        inds = indicators.list_indicators(s, project_id)
    pairs = [(activities_model(), acts), (events_model(), events), (indicators_model(), inds)]
    testers = []
    for model, rows in pairs:
        testers.append(_tester(model))
        model.set_rows(rows)  # type: ignore[attr-defined]
        model.sort(0)
    assert testers and not _failures(qtlog)
    indicator_model, _ = pairs[2]
    assert [indicator_model.index(0, c).data() for c in range(6)] == [
        "R1",
        "Iestādīti koki",
        "Ievada ar roku",
        "120 gab.",
        "45 gab.",
        "38\u00a0%",
    ]
    event_model, _ = pairs[1]
    assert [event_model.index(0, c).data() for c in range(7)] == [
        "22.04.2023 10:00",
        "Stādīšanas talka Ķekavā",
        "Talka",
        "1.1",
        "Ķekavas parks, Ķekavas novads",
        "2",
        "1",
    ]
