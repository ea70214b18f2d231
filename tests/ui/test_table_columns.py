"""Tables show the texts that matter in full at the main window's default size on a 1366×768 laptop: event dates,
budget amounts, e-mails in the registry, which project a deadline belongs to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from projektu_vadiba.ui.main_window import MainWindow

from .test_screen_fit import _mentoring


def column(view: QTableView, title: str) -> int:
    model = view.model()
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    assert title in titles, titles
    return titles.index(title)


def assert_shown_in_full(view: QTableView, title: str, texts: list[str]) -> None:
    """Each text fits its column (with the cell's margins), so none is cut to "…"."""
    QApplication.processEvents()
    col = column(view, title)
    width = view.columnWidth(col)
    metrics = view.fontMetrics()
    assert view.isVisible() and texts
    for text in texts:
        assert metrics.horizontalAdvance(text) + 8 <= width, (title, text, width)


def shown(view: QTableView, title: str, rows: int = 30) -> list[str]:
    model, col = view.model(), column(view, title)
    return [str(model.index(r, col).data()) for r in range(min(rows, model.rowCount()))]


def test_event_dates_are_whole(window: MainWindow) -> None:
    window.open_project(_mentoring(window.db), "events")
    view = window.project_page.events.view
    assert_shown_in_full(view, "Datums", ["30.11.2026 10:00", *shown(view, "Datums")])


def test_budget_amounts_are_whole(window: MainWindow) -> None:
    window.open_project(_mentoring(window.db), "budget")
    budget = window.project_page.budget.content.budget_view  # type: ignore[union-attr]
    model = budget.model()
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    # The funding sources the budget uses (a source no line uses is hidden: no width taken on a laptop).
    money = [t for c, t in enumerate(titles) if "finansējums" in t and not budget.isColumnHidden(c)]
    assert money, titles
    assert [t for c, t in enumerate(titles) if budget.isColumnHidden(c)] == [
        t for t in titles if "finansējums" in t and t not in money
    ]
    for title in money:
        assert_shown_in_full(budget, title, ["22 222,22 €", *[t for t in shown(budget, title) if t]])
    assert_shown_in_full(budget, "Pozīcija", ["Mentoru atlīdzība", "Ceļa izdevumi"])  # was squeezed to "Mentoru …"


def test_registry_emails_are_whole(window: MainWindow) -> None:
    window.registry_action.trigger()
    table = window.registry_window.view.table
    emails = [t for t in shown(table, "E-pasts", 200) if t and t != "None"]
    assert_shown_in_full(table, "E-pasts", emails)


def test_deadlines_on_the_start_page_name_their_project(window: MainWindow) -> None:
    window.show_start()
    view = window.start_page.due_view
    numbers = [text.split(" ")[0] for text in shown(view, "Projekts")]  # "2025.LV/NVOF/MIC/041 Mentoringa …"
    assert_shown_in_full(view, "Projekts", numbers)  # the title may be cut to "…", the number not
