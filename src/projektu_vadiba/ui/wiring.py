"""Plugs the features built in their own packages (people, budget, attendance sheets, reports) into the
workspace's hooks. Called once by the composition root before the first window is built.

Each hook imports its feature when it is first used (a sheet made, an event's page or the Budget or Reports section
opened): the start to the first window does not load them."""

from __future__ import annotations

from importlib.util import find_spec
from typing import Any

from PySide6.QtWidgets import QWidget

from projektu_vadiba.ui import hooks


def _open_attendance_sheet(*args: Any, **kwargs: Any) -> Any:
    from projektu_vadiba.ui.actions.attendance_sheet import open_attendance_sheet

    return open_attendance_sheet(*args, **kwargs)


def _event_attendance(workspace: Any, event_id: int) -> QWidget:
    from projektu_vadiba.ui.people.event_attendance import EventAttendanceWidget

    return EventAttendanceWidget(workspace, event_id)


def _budget(workspace: Any, project_id: int) -> QWidget:
    from projektu_vadiba.ui.budget import BudgetView

    return BudgetView(workspace, project_id)


def _reports(workspace: Any, project_id: int) -> QWidget:
    from projektu_vadiba.ui.reports import ReportsView

    return ReportsView(workspace, project_id)


def wire_features() -> None:
    hooks.sheet_action = _open_attendance_sheet
    hooks.event_attendance_factory = _event_attendance
    hooks.budget_factory = _budget
    if find_spec("projektu_vadiba.ui.reports") is None:  # the reports section arrives with its own package
        return
    hooks.reports_factory = _reports


def unwire_features() -> None:
    """Back to the bare workspace (tests of the workspace alone)."""
    hooks.sheet_action = None
    hooks.event_attendance_factory = None
    hooks.participants_factory = None
    hooks.budget_factory = None
    hooks.reports_factory = None
