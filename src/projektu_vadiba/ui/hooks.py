"""Places where features built elsewhere plug into the workspace. The composition root (or the module that
provides a feature) sets them; the workspace asks for them when it builds a page.

- `sheet_action(parent, db, *, event_id=... | activity_id=... | project_id=...)`: makes an attendance sheet.
  The "Reģistrācijas lapa" buttons on the event, activity and project pages call it and stay hidden while it
  is None.
- `event_attendance_factory(workspace, event_id) -> QWidget`: the attendance list on an event's page; it changes
  data through the workspace. None: a read-only list from `core.services.attendance.event_list`.
- `participants_factory(db, project_id) -> QWidget`: the project's Participants section. None: a read-only
  list of who attended the project's events.
- `budget_factory(workspace, project_id) -> QWidget`: the Budget section; it changes data through the workspace's
  commands and reloads itself from its `dataChanged`. None: a frame saying what will be there.
- `reports_factory(workspace, project_id) -> QWidget`: report making, shown under the deadlines in the Reports
  section; report texts are saved as workspace commands. None: a note saying it will come.

A factory's widget may have a `reload()` method: the page calls it after every data change (unless the widget
says `follows_workspace = True`: it listens to the workspace's `dataChanged` itself).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from projektu_vadiba.core.db import Database

SheetAction = Callable[..., Any]
WidgetFactory = Callable[[Database, int], QWidget]
WorkspaceWidgetFactory = Callable[[Any, int], QWidget]  # (ui.workspace.Workspace, record id)

sheet_action: SheetAction | None = None
event_attendance_factory: WorkspaceWidgetFactory | None = None
participants_factory: WidgetFactory | None = None
budget_factory: Callable[[Any, int], QWidget] | None = None  # (Workspace, project id); no import cycle
reports_factory: Callable[[Any, int], QWidget] | None = None
