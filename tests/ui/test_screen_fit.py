"""Every window and dialog fits a 1366×768 laptop (a 40-pixel taskbar leaves 1366×728) with its buttons visible.

The offscreen platform's screen is 800×800, so the one function every size decision asks — ui/screen.py's
`available_geometry` — answers with the laptop's rectangle here, and the application's ScreenFit filter is installed
as run_gui installs it. Each window is opened the way a user opens it (menu actions, buttons; modal dialogs are
caught once they are on screen) on the demo data, and measured: its frame and every visible button, mapped to
screen coordinates, must lie inside the laptop's screen, and no button may be cut off by a widget around it (a
scroll area's content excepted: it scrolls)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLineEdit, QTabWidget, QWidget

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.ui.dialogs.pdf_preview import PdfPreviewDialog
from projektu_vadiba.ui.main_window import MainWindow

from .helpers import button, dialogs_closed, on_dialog  # noqa: F401 (dialogs_closed: an autouse fixture)

LAPTOP = QRect(0, 0, 1366, 768)
AVAILABLE = QRect(0, 0, 1366, 728)  # less the taskbar
TODAY = datetime(2025, 11, 3, 9, 30)  # the demo's projects are then running, closed and due
MENTORING = "2025.LV/NVOF/MIC/041"
WAIT = 1500  # × 20 ms: a sheet PDF or a scan is made before its dialog opens, on a busy machine
SHOTS = Path("/tmp/pv-screen-fit")  # screenshots of each window, for a person to look at (not asserted)


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def problems_of(window: QWidget, name: str) -> list[str]:
    """What of `window` a user of the laptop could not see; empty when all of it fits."""
    QApplication.processEvents()
    found: list[str] = []
    frame = window.frameGeometry()
    if not AVAILABLE.contains(frame) or not LAPTOP.contains(frame):
        found.append(f"{name}: the window {frame.getRect()} does not fit {AVAILABLE.getRect()}")
    for each in window.findChildren(QAbstractButton):
        rect = _global_rect(each)
        if not each.isVisible() or each.window() is not window or rect.isEmpty():
            continue
        label = f"{name}: button “{each.text() or each.toolTip() or each.objectName()}” {rect.getRect()}"
        chain: list[QWidget] = []
        parent = each.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent.parentWidget(), QAbstractScrollArea):
                break  # inside a scroll area's viewport: scrolled to, not cut off; the area itself is checked
            chain.append(parent)
            parent = parent.parentWidget()
        if parent is window and not AVAILABLE.contains(rect):
            found.append(f"{label} is off the screen")
            continue
        # A line edit's own action button (the date fields' calendar) is sized by the line edit, inside it.
        if rect.height() < each.minimumSizeHint().height() and not isinstance(each.parentWidget(), QLineEdit):
            found.append(f"{label} is squeezed below its height {each.minimumSizeHint().height()}")
        cut = next((p for p in chain if not _global_rect(p).contains(rect)), None)
        if cut is not None:
            found.append(f"{label} is cut off by {type(cut).__name__} {_global_rect(cut).getRect()}")
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / f"{name}.png"))
    return found


def _mentoring(db: Database) -> int:
    with db.session() as s:
        return projects.find_project_id(s, MENTORING)


def through_dialog(
    open_it: Callable[[], object], name: str, found: list[str], then: Callable[[Any], None] | None = None
) -> list[str]:
    """Open a modal dialog the user's way, measure it once it is on screen, close it (or hand it to `then`)."""
    seen: list[Any] = []

    def measure(dialog: Any) -> None:
        found.extend(problems_of(dialog, name))
        if then is not None:
            then(dialog)
        if dialog.isVisible():
            dialog.done(0)

    on_dialog(measure, seen, tries=WAIT)
    open_it()
    assert seen, f"{name}: no dialog appeared"
    return found


def when_open(kind: type[QWidget], action: Callable[[Any], None], left: int = WAIT) -> None:
    """Run `action` on the modal dialog of class `kind` once it is open (others before it are passed by)."""
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, kind) and dialog.isVisible():
        action(dialog)
    elif left > 0:
        QTimer.singleShot(20, lambda: when_open(kind, action, left - 1))


def click(widget: QAbstractButton) -> Callable[[], None]:
    return lambda: QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_main_window_fits_on_every_section(window: MainWindow) -> None:
    found = problems_of(window, "main-start")
    assert (window.width(), window.height()) == (1229, 655)  # 90 % of the laptop's screen
    pid = _mentoring(window.db)
    for key in window.section_actions:
        window.open_project(pid, key)
        found += problems_of(window, f"main-{key}")
    reports = window.project_page.reports.reports_widget
    assert reports is not None
    tabs = reports.findChild(QTabWidget)
    tabs.setCurrentIndex(1)  # the report texts
    found += problems_of(window, "main-reports-texts")
    tabs.setCurrentIndex(0)
    for button_ in reports.kind_buttons.values():  # "Ko sagatavot": every choice visible (the complaint)
        assert button_.isVisible() and not button_.visibleRegion().isEmpty(), button_.text()
    window.open_project(pid, "events")
    events = window.project_page.events
    events.set_mode("calendar")
    found += problems_of(window, "main-calendar")
    events.set_mode("list")
    window.project_page.open_event(events.events[0].id)
    found += problems_of(window, "main-event")
    assert found == []


def test_windows_and_dialogs_of_the_menus_fit(window: MainWindow) -> None:
    found: list[str] = []
    through_dialog(window.settings_action.trigger, "settings", found)
    through_dialog(window.about_action.trigger, "about", found)
    through_dialog(window.new_project_action.trigger, "project-new", found)
    window.open_project(_mentoring(window.db), "overview")
    through_dialog(window.edit_project_action.trigger, "project-edit", found)
    through_dialog(window.import_people_action.trigger, "import", found)
    window.registry_action.trigger()
    registry = window.registry_window
    found += problems_of(registry, "registry")
    view = registry.view
    through_dialog(click(view.add_button), "person-new", found)
    selection = view.table.selectionModel()
    for row in (0, 1):  # two people chosen: the merge dialog shows both side by side
        selection.select(
            view.table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    through_dialog(click(view.merge_button), "merge", found)
    registry.close()
    through_dialog(window.organisation_action.trigger, "organisation", found)
    window.guide_action.trigger()  # not modal: it stays open beside the window
    found += problems_of(window.guide_dialog, "guide")
    window.guide_dialog.close()
    assert found == []


def test_the_forms_of_each_section_fit(window: MainWindow) -> None:
    found: list[str] = []
    pid = _mentoring(window.db)
    page = window.project_page
    window.open_project(pid, "overview")
    for n, add in enumerate(b for b in page.overview.findChildren(QAbstractButton) if b.text() == "Pievienot…"):
        through_dialog(click(add), f"overview-add-{n}", found)  # partner, co-financing
    window.open_project(pid, "activities")
    through_dialog(click(page.activities.new_button), "activity", found)
    window.open_project(pid, "events")
    through_dialog(click(page.events.new_button), "event", found)
    window.open_project(pid, "indicators")
    through_dialog(click(page.indicators.new_button), "indicator", found)
    window.open_project(pid, "reports")
    through_dialog(click(page.reports.add_button), "deadline", found)
    window.open_project(pid, "budget")
    for what in ("line", "expense", "payment"):
        add = page.budget.findChild(QAbstractButton, f"{what}_add")
        assert add is not None, what
        through_dialog(click(add), f"budget-{what}", found)
    assert found == []


def test_the_sheet_options_and_a_long_preview_fit(window: MainWindow) -> None:
    found: list[str] = []
    window.open_project(_mentoring(window.db), "overview")
    previews: list[Any] = []

    def measure_preview(preview: Any) -> None:
        previews.append(preview.page_count)
        found.extend(problems_of(preview, "preview"))
        preview.done(0)

    def make_it(options: Any) -> None:
        when_open(PdfPreviewDialog, measure_preview)  # not the "please wait" box that comes first on a slow day
        options.accept()

    through_dialog(click(window.project_page.sheet_button), "sheet-options", found, then=make_it)
    assert previews and previews[0] > 10  # every event of the project: a long PDF
    assert found == []


def test_the_scan_review_fits(window: MainWindow, tmp_path: Path) -> None:
    from projektu_vadiba.core.services import sheets
    from projektu_vadiba.reports.sheet_print import print_attendance_pdf
    from projektu_vadiba.ui.scan import open_scan_review
    from tests.core import scan_images as im

    pid = _mentoring(window.db)
    with window.db.session() as s:
        event = activities.list_events(s, pid)[0]
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, event.id))
    photo = im.save(im.photo(im.scribble(im.render(pdf.data)[0], pdf.pages[0], [1, 2])), tmp_path / "foto.jpg")
    found: list[str] = []
    through_dialog(lambda: open_scan_review(window, window.ws, [photo]), "scan-review", found)
    assert found == []
