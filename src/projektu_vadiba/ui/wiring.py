"""Plugs the features built in their own packages (people, budget, attendance sheets, reports) into the
workspace's hooks. Called once by the composition root before the first window is built."""

from __future__ import annotations

from projektu_vadiba.ui import hooks


def wire_features() -> None:
    from projektu_vadiba.ui.actions.attendance_sheet import open_attendance_sheet
    from projektu_vadiba.ui.budget import BudgetView
    from projektu_vadiba.ui.people.event_attendance import EventAttendanceWidget

    hooks.sheet_action = open_attendance_sheet
    hooks.event_attendance_factory = EventAttendanceWidget
    hooks.budget_factory = BudgetView
    try:
        from projektu_vadiba.ui.reports import ReportsView
    except ImportError:  # the reports section arrives with its own package
        return
    hooks.reports_factory = ReportsView


def unwire_features() -> None:
    """Back to the bare workspace (tests of the workspace alone)."""
    hooks.sheet_action = None
    hooks.event_attendance_factory = None
    hooks.participants_factory = None
    hooks.budget_factory = None
    hooks.reports_factory = None
