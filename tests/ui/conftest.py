"""UI test fixtures: offscreen Qt, settings in tmp, an SQLite database with a few Latvian projects."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import: no display on CI

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto import ActivityInput, EventInput, IndicatorInput, PersonInput, ProjectInput
from projektu_vadiba.core.models.enums import AttendanceStatus, EventType, FundingSource, ProjectStatus
from projektu_vadiba.core.services import activities, attendance, indicators, people, projects
from projektu_vadiba.ui import screen
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings
from projektu_vadiba.ui.wiring import unwire_features, wire_features


@pytest.fixture(scope="session", autouse=True)
def _user_settings_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Code that makes its own QSettings (run_gui) writes under tmp, never into the developer's ~/.config."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _bare_workspace() -> Iterator[None]:
    """run_gui plugs the feature packages into the workspace's module-level hooks; each test starts bare."""
    yield
    unwire_features()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'pv.sqlite'}")
    yield db
    db.close()


@dataclass(frozen=True)
class Seeded:
    db: Database
    ids: dict[str, int]  # project number -> id


def _project(number: str, title: str, funder: str, start: date, end: date, status: ProjectStatus) -> ProjectInput:
    return ProjectInput(
        number=number,
        title=title,
        funder_name=funder,
        start_date=start,
        end_date=end,
        implementer_name="Biedrība “Zaļā Ķekava”",
        programme_name="NVO fonds",
        programme_strand="Pilsoniskās sabiedrības stiprināšana",
        status=status,
        total_cost=Decimal("12345.67"),
        grant_amount=Decimal("11111.10"),
    )


def seed(db: Database) -> dict[str, int]:
    """Three projects (titles Ābeles, Apse, Bērzi) and, on the first, an activity, an event and an indicator."""
    rows = [
        _project("2023-NVO-07", "Ābeles", "Sabiedrības integrācijas fonds", date(2023, 3, 1), date(2023, 12, 31),
                 ProjectStatus.RUNNING),
        _project("LAD-19", "Apse", "Lauku atbalsta dienests", date(2022, 1, 10), date(2022, 11, 30),
                 ProjectStatus.CLOSED),
        _project("EEZ-3", "Bērzi", "Aktīvo iedzīvotāju fonds", date(2024, 5, 1), date(2025, 4, 30),
                 ProjectStatus.PLANNED),
    ]  # fmt: skip
    ids: dict[str, int] = {}
    with db.session() as s:
        for data in rows:
            ids[data.number] = projects.create_project(s, data).id
        first = ids["2023-NVO-07"]
        projects.add_cofinancing(s, first, FundingSource.MUNICIPALITY, Decimal("1234.57"), "Ķekavas novada pašvaldība")
        act = activities.create_activity(
            s, first, ActivityInput("1.1", "Ābeļdārza stādīšanas talka", planned_start=date(2023, 4, 1))
        )
        event = activities.create_event(
            s,
            first,
            EventInput(
                "Stādīšanas talka Ķekavā",
                datetime(2023, 4, 22, 10, 0),
                datetime(2023, 4, 22, 14, 0),
                activity_id=act.id,
                type=EventType.VOLUNTEER_WORK,
                place="Ķekavas parks",
                municipality="Ķekavas novads",
            ),
        )
        for given, surname, status in (("Jānis", "Bērziņš", AttendanceStatus.ATTENDED), ("Līga", "Ozoliņa", None)):
            person = people.create_person(s, PersonInput(given, surname))
            attendance.register(s, event.id, person.id, status or AttendanceStatus.REGISTERED)
        indicators.create_indicator(
            s, first, IndicatorInput("R1", "Iestādīti koki", Decimal("120"), unit="gab.", achieved_manual=Decimal("45"))
        )
    return ids


@pytest.fixture
def seeded(empty_db: Database) -> Seeded:
    return Seeded(empty_db, seed(empty_db))


# ---- a 1366×768 laptop (tests/ui/test_screen_fit.py, test_table_columns.py) --------------------------------------

LAPTOP_AVAILABLE = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
DEMO_TODAY = datetime(2025, 11, 3, 9, 30)  # the demo's projects are then running, closed and due


@pytest.fixture(params=["app", "bare"])
def laptop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """The laptop's screen; "app": with the ScreenFit filter as run_gui installs it; "bare": without it, so each
    window's own sizing is tested too (the filter is a safety net, not the only reason a window fits)."""
    monkeypatch.setattr(screen, "available_geometry", lambda widget=None: QRect(LAPTOP_AVAILABLE))
    fit = screen.ScreenFit(qapp)
    if request.param == "app":
        qapp.installEventFilter(fit)
    yield
    qapp.removeEventFilter(fit)
    fit.deleteLater()


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    clock.set_clock(DEMO_TODAY)
    db = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    with db.session() as s:
        fill_demo(s)
    yield db
    db.close()


@pytest.fixture
def window(qtbot: QtBot, laptop: None, demo_db: Database, tmp_path: Path) -> MainWindow:
    wire_features()
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    main = MainWindow(demo_db, settings)  # no saved geometry: the default size for this screen
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
