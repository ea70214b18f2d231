#!/usr/bin/env python3
"""Screenshots of the main views: `scripts/screenshots.py OUTDIR [--lang lv|en]`.

Opens a temporary demo database (core.demo.fill_demo) offscreen at 1366×700 (a window on a 1366×768 laptop) with the
bundled DejaVu Sans, with "today" fixed at 03.11.2025 (the demo's projects are then running, closed and due), adds
one event after that day so "coming up" has something to show, and saves a PNG of each main view. Dialogs are drawn
over the window.
The README's picture is OUTDIR/02-overview.png of the Latvian set (docs/img/screens/lv).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto import EventInput
from projektu_vadiba.core.models.enums import EventType
from projektu_vadiba.core.services import activities, projects
from projektu_vadiba.ui.app import make_application
from projektu_vadiba.ui.dialogs.organisation_form import OrganisationForm
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.dialogs.settings_dialog import SettingsDialog
from projektu_vadiba.ui.dialogs.user_guide import UserGuideDialog
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.translations import switch_language
from projektu_vadiba.ui.wiring import wire_features

TODAY = datetime(2025, 11, 3, 9, 30)
SIZE = (1366, 700)  # the window on a 1366×768 laptop, less the taskbar and the title bar
MENTORING = "2025.LV/NVOF/MIC/041"


def prepare_database(folder: Path) -> str:
    url = f"sqlite:///{folder / 'demo.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        fill_demo(s)
        pid = projects.find_project_id(s, MENTORING)
        closing = next(a for a in activities.list_activities(s, pid) if a.code == "4")
        activities.create_event(
            s,
            pid,
            EventInput(
                "Noslēguma seminārs mentoringa kopienām",
                datetime(2025, 11, 20, 17, 0),
                datetime(2025, 11, 20, 20, 0),
                activity_id=closing.id,
                type=EventType.SEMINAR,
                place="Ķekavas kultūras nams",
                address="Gaismas iela 19, Ķekava, LV-2123",
                municipality="Ķekavas novads",
                planned_participants=40,
                description="Kopienu pieredzes apmaiņa un ieteikumu sarakstu prezentācijas.",
            ),
        )
    db.close()
    return url


def over_window(window: QWidget, dialog: QDialog) -> QPixmap:
    """The window, dimmed, with the dialog in its middle (as a user sees a modal dialog)."""
    base = window.grab()
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(0, 0, 0, 70))
    shot = dialog.grab()
    top_left = QPoint((base.width() - shot.width()) // 2, max(20, (base.height() - shot.height()) // 2))
    painter.fillRect(top_left.x() + 4, top_left.y() + 4, shot.width(), shot.height(), QColor(0, 0, 0, 60))
    painter.drawPixmap(top_left, shot)
    painter.end()
    return base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    clock.set_clock(TODAY)
    with tempfile.TemporaryDirectory(prefix="pv-screens-") as tmp:
        folder = Path(tmp)
        url = prepare_database(folder)
        app = make_application()
        switch_language(app, args.lang)
        db = open_database(url)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        wire_features()
        window = MainWindow(db, settings)
        window.resize(*SIZE)
        window.show()
        saved: list[Path] = []

        def save(name: str, pixmap: QPixmap | None = None) -> None:
            for _ in range(3):
                app.processEvents()
            path = args.outdir / f"{name}.png"
            (pixmap or window.grab()).save(str(path), "PNG", 0)  # 0: smallest file (PNG stays lossless)
            saved.append(path)

        with db.session() as s:
            mentoring = projects.find_project_id(s, MENTORING)
        save("01-start")
        window.open_project(mentoring, "overview")
        save("02-overview")
        window.open_project(mentoring, "activities")
        window.project_page.activities.select(
            next(a.id for a in window.project_page.activities.activities if a.code == "3")
        )
        save("03-activities")
        events = window.project_page.events
        window.open_project(mentoring, "events")
        events.set_mode("list")
        save("04-events")
        events.set_mode("calendar")
        events.calendar.show_day(datetime(2025, 10, 9).date())  # the busiest month of the mentoring
        save("05-calendar")
        events.set_mode("list")
        window.project_page.open_event(events.events[-2].id)
        save("06-event")
        window.open_project(mentoring, "indicators")
        save("07-indicators")
        window.open_project(mentoring, "participants")
        save("10-participants")
        window.open_project(mentoring, "reports")
        save("11-reports")
        window.open_project(mentoring, "budget")
        save("12-budget")

        window.show_start()
        form = ProjectForm(window.ws, parent=window)
        form.number.setText(MENTORING)
        form.funder.setCurrentText("Sabiedrības integrācijas fonds")
        form.title.setText("")
        form.grant.setText("12 tūkst.")
        form.end.set_value(form.start.value().replace(year=form.start.value().year - 1))
        form.show()
        form.accept()  # shows the problems under the fields, saves nothing
        app.processEvents()
        save("08-form-errors", over_window(window, form))
        form.done(0)
        dialog = SettingsDialog(settings, args.lang, window)
        dialog.show()
        dialog.adjustSize()
        save("09-settings", over_window(window, dialog))
        dialog.done(0)
        organisation = OrganisationForm(window.ws, window)
        organisation.show()
        save("13-organisation", over_window(window, organisation))
        organisation.done(0)
        guide = UserGuideDialog(window)
        guide.show()
        save("14-guide", over_window(window, guide))
        guide.done(0)
        window.close()
        db.close()
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
