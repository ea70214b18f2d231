"""The main window over a real SQLite database: list, search, Latvian sorting, opening a project, About, state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from projektu_vadiba import __version__
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ProjectInput
from projektu_vadiba.core.services import projects
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.models.project_tables import EventColumn, IndicatorColumn
from projektu_vadiba.ui.models.projects_table import ProjectColumn
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.widgets.table_view import column_texts, header_texts

from .conftest import Seeded

NB = "\u00a0"


def make_window(qtbot: QtBot, db: Database, settings: Settings) -> MainWindow:
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def row_of(window: MainWindow, title: str) -> int:
    return column_texts(window.project_list.view, ProjectColumn.TITLE).index(title)


def test_lists_the_projects(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    view = window.project_list.view
    assert window.windowTitle() == f"Projektu vadība — {seeded.db.display_name}"
    assert list(header_texts(view)) == ["Numurs", "Nosaukums", "Finansētājs", "Statuss", "Periods"]
    assert view.model().rowCount() == 3
    row = row_of(window, "Ābeles")
    assert [view.model().index(row, c).data() for c in range(5)] == [
        "2023-NVO-07",
        "Ābeles",
        "Sabiedrības integrācijas fonds",
        "Notiek",
        "01.03.2023–31.12.2023",
    ]
    assert sorted(column_texts(view, ProjectColumn.STATUS)) == ["Noslēgts", "Notiek", "Plānots"]
    assert window.count_label.text() == "3 projekti"
    assert seeded.db.display_name in window.database_label.toolTip()
    assert window.database_label.text().startswith("Datubāze: ")
    assert window.project_list.stack.currentWidget() is view
    assert window.right.currentWidget() is window.start_page
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Fails",
        "&Rediģēt",
        "&Skats",
        "&Projekts",
        "P&ersonas",
        "&Palīdzība",
    ]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_search_box_filters_without_diacritics(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    panel = window.project_list
    assert panel.search.placeholderText() == "Meklēt projektu…"
    qtbot.keyClicks(panel.search, "berzi")
    assert column_texts(panel.view, ProjectColumn.TITLE) == ["Bērzi"]
    assert panel.no_match_label.isHidden()
    panel.search.clear()
    qtbot.keyClicks(panel.search, "lauku")  # the funder's name
    assert column_texts(panel.view, ProjectColumn.NUMBER) == ["LAD-19"]
    panel.search.setText("nekā tāda nav")
    assert panel.view.model().rowCount() == 0
    assert panel.no_match_label.isVisible()
    panel.search.clear()
    assert panel.view.model().rowCount() == 3


def test_header_click_sorts_titles_in_latvian_order(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    view = window.project_list.view
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(ProjectColumn.TITLE) + header.sectionSize(ProjectColumn.TITLE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    order = column_texts(view, ProjectColumn.TITLE)
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        order.reverse()
    assert header.sortIndicatorSection() == ProjectColumn.TITLE
    assert order == ["Apse", "Ābeles", "Bērzi"]
    view.sortByColumn(ProjectColumn.TITLE, Qt.SortOrder.DescendingOrder)
    assert column_texts(view, ProjectColumn.TITLE) == ["Bērzi", "Ābeles", "Apse"]
    view.sortByColumn(ProjectColumn.PERIOD, Qt.SortOrder.AscendingOrder)
    assert column_texts(view, ProjectColumn.NUMBER) == ["LAD-19", "2023-NVO-07", "EEZ-3"]


def test_double_click_opens_the_project(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    view = window.project_list.view
    assert window.right.currentWidget() is window.start_page
    index = view.model().index(row_of(window, "Ābeles"), ProjectColumn.TITLE)
    rect = view.visualRect(index)
    with qtbot.waitSignal(window.project_list.projectActivated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a user's double-click:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [seeded.ids["2023-NVO-07"]]
    page = window.project_page
    assert window.right.currentWidget() is page
    assert "2023-NVO-07" in page.number_label.text()
    assert page.title_label.text() == "Ābeles"
    assert page.current_section() == "overview"
    facts = {key: label.text() for key, label in page.overview.facts.values.items()}
    assert facts == {
        "funder": "Sabiedrības integrācijas fonds (dokumentu formas: Vispārīgs finansētājs)",
        "programme": "NVO fonds — Pilsoniskās sabiedrības stiprināšana",
        "implementer": "Biedrība “Zaļā Ķekava”",
        "period": "01.03.2023–31.12.2023",
        "status": "Notiek",
        "total_cost": f"12{NB}345,67{NB}€",
        "grant": f"11{NB}111,10{NB}€",
        "cofinancing": f"1{NB}234,57{NB}€",
    }
    window.show_section("activities")
    assert page.activities.heading.title_label.text() == "Aktivitātes (1)"
    assert column_texts(page.activities.view, 1) == ["Ābeļdārza stādīšanas talka"]
    window.show_section("events")
    assert page.events.heading.title_label.text() == "Pasākumi (1)"
    assert column_texts(page.events.view, EventColumn.TITLE) == ["Stādīšanas talka Ķekavā"]
    assert column_texts(page.events.view, EventColumn.TYPE) == ["Talka"]
    assert column_texts(page.events.view, EventColumn.REGISTERED) == ["2"]
    assert column_texts(page.events.view, EventColumn.ATTENDED) == ["1"]
    window.show_section("indicators")
    assert page.indicators.heading.title_label.text() == "Rādītāji (1)"
    assert column_texts(page.indicators.view, IndicatorColumn.PLANNED) == ["120 gab."]
    assert column_texts(page.indicators.view, IndicatorColumn.ACHIEVED) == ["45 gab."]


def test_the_project_page_is_made_after_the_first_paint_and_also_on_a_first_quick_click(
    qtbot: QtBot, seeded: Seeded, settings: Settings
) -> None:
    """The start builds only the start page; the project page follows once the window is up (warm-up), or at once
    when a project is opened before that."""
    quick = MainWindow(seeded.db, settings)
    qtbot.addWidget(quick)
    assert quick._project_page is None  # not part of the start
    quick.open_project(seeded.ids["2023-NVO-07"], "events")  # a click before the warm-up
    assert quick.right.currentWidget() is quick.project_page and quick.project_page.current_section() == "events"
    assert quick.current_project_id() == seeded.ids["2023-NVO-07"]

    window = make_window(qtbot, seeded.db, settings)
    assert window.right.currentWidget() is window.start_page
    qtbot.waitUntil(lambda: window._project_page is not None, timeout=5000)
    assert window.right.currentWidget() is window.start_page and window.current_project_id() is None
    assert not window.edit_project_action.isEnabled()
    window.open_project(seeded.ids["2023-NVO-07"])
    assert window.project_page.title_label.text() == "Ābeles" and window.edit_project_action.isEnabled()


def test_enter_opens_the_project(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    view = window.project_list.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(row_of(window, "Bērzi"), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.right.currentWidget() is window.project_page
    assert "EEZ-3" in window.project_page.number_label.text()
    assert window.project_page.overview.facts.values["status"].text() == "Plānots"
    window.show_section("events")
    assert window.project_page.events.heading.title_label.text() == "Pasākumi"
    assert window.project_page.events.empty.isVisible()


def test_refresh_shows_new_projects_and_handles_deleted_ones(
    qtbot: QtBot, seeded: Seeded, settings: Settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids["LAD-19"])
    with seeded.db.session() as s:
        projects.create_project(
            s, ProjectInput("Nr. 4", "Ozoli", "Valsts kanceleja", date(2024, 1, 1), date(2024, 6, 30), "Biedrība")
        )
        projects.delete_project(s, seeded.ids["LAD-19"])
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warnings.append(text))
    window.refresh_action.trigger()
    assert sorted(column_texts(window.project_list.view, ProjectColumn.TITLE)) == ["Bērzi", "Ozoli", "Ābeles"]
    assert window.count_label.text() == "3 projekti"
    assert window.right.currentWidget() is window.start_page  # the open project is gone: back to the start
    window.open_project(seeded.ids["LAD-19"])  # a stale link (an old list) explains itself
    assert len(warnings) == 1 and "nav atrasts" in warnings[0]
    assert window.right.currentWidget() is window.start_page


def test_about_dialog_shows_version_and_database(qtbot: QtBot, seeded: Seeded, settings: Settings) -> None:
    window = make_window(qtbot, seeded.db, settings)
    dialog = window.about_dialog()
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert "Projektu vadība" in text
    assert f"Versija {__version__}" in text
    assert seeded.db.display_name in text
    assert "nevalstiskajām organizācijām" in text
    assert dialog.windowTitle() == "Par programmu"


def test_empty_database_explains_what_to_do(qtbot: QtBot, empty_db: Database, settings: Settings) -> None:
    window = make_window(qtbot, empty_db, settings)
    panel = window.project_list
    assert panel.stack.currentWidget() is panel.empty_panel
    assert panel.empty_label.isVisible() and panel.new_button.isVisible() and panel.demo_button.isVisible()
    assert "izveidojiet savu pirmo projektu" in panel.empty_label.text()
    assert "projektu-vadiba demo" not in panel.empty_label.text()  # no command line for a first look
    assert not panel.search.isEnabled()
    assert window.count_label.text() == "0 projektu"


def test_window_geometry_is_remembered(qtbot: QtBot, seeded: Seeded, tmp_path: Path) -> None:
    ini = str(tmp_path / "geometry.ini")
    first = make_window(qtbot, seeded.db, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    first.resize(710, 540)  # the offscreen screen is 800×800: restoreGeometry keeps windows inside it
    first.splitter.setSizes([160, 546])  # the whole width (710 less the handle), each above its minimum
    sizes = first.splitter.sizes()
    first.close()
    second = make_window(qtbot, seeded.db, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    assert (second.width(), second.height()) == (710, 540)
    assert second.splitter.sizes() == sizes


def test_screenshot_is_a_real_png(qtbot: QtBot, seeded: Seeded, settings: Settings, tmp_path: Path) -> None:
    window = make_window(qtbot, seeded.db, settings)
    window.open_project(seeded.ids["2023-NVO-07"])
    path = tmp_path / "shell.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000
    image = QImage(str(path))
    assert (image.width(), image.height()) == (window.width(), window.height())
    assert len({image.pixel(x, y) for x in range(0, image.width(), 40) for y in range(0, image.height(), 40)}) > 3
