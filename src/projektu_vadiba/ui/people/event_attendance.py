"""An event's attendance checklist in the order of the printed sheet: tick who came (the "Piedalījās" checkbox, or
one tick per day of a multi-day event, like the sheet's signature columns),
change a status or role, mark many at once, take a wrong entry off the list (Delete), add people by name
(ui/people/walk_in.py) or import a registration list. Every change is an undoable command on the workspace;
the checklist reads itself again on the workspace's `dataChanged`.

A new entry is "registered" before the event starts and "attended" from its start on
(core.services.attendance_changes.default_status)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.dto import AttendanceDTO, PersonDTO, PersonInput
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports.mapping import split_full_name
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, attendance_changes, attendance_days, duplicates
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.people.attendance_model import (
    ATTENDED,
    NAME,
    ROLE,
    STATUS,
    AttendanceModel,
    ChoiceDelegate,
    role_labels,
    status_command,
    status_labels,
    who,
)
from projektu_vadiba.ui.people.commands import AttendCommand, RemoveFromListCommand
from projektu_vadiba.ui.people.person_dialog import ask_duplicate
from projektu_vadiba.ui.people.walk_in import WalkInBox
from projektu_vadiba.ui.workspace import Command, Workspace

__all__ = ["ATTENDED", "EventAttendanceWidget"]


class EventAttendanceWidget(QWidget):
    follows_workspace = True  # reads itself again on dataChanged: the event page need not call reload()

    def __init__(self, ws: Workspace, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.event_id = ws, event_id
        self.model = AttendanceModel(ws, event_id, self)
        self.model.failed.connect(self._warn)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # Set on each reload: a multi-day event's day columns move the status and role columns right.
        self._choices = {
            STATUS: ChoiceDelegate(status_labels(), self.table),
            ROLE: ChoiceDelegate(role_labels(), self.table),
        }
        self._delegated: dict[int, int] = {}  # column -> one-day layout column of its delegate
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.attended_button = QPushButton(QCoreApplication.translate("attendance", "Atzīmēt: piedalījās"), self)
        self.absent_button = QPushButton(QCoreApplication.translate("attendance", "Atzīmēt: nepiedalījās"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("attendance", "Noņemt no saraksta"), self)
        self.import_button = QPushButton(QCoreApplication.translate("attendance", "Importēt sarakstu…"), self)
        self.attended_button.clicked.connect(lambda: self.mark_selected(AttendanceStatus.ATTENDED))
        self.absent_button.clicked.connect(lambda: self.mark_selected(AttendanceStatus.ABSENT))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_list)
        self.remove_action = QAction(QCoreApplication.translate("attendance", "Noņemt no saraksta"), self.table)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        attended_action = QAction(QCoreApplication.translate("attendance", "Atzīmēt: piedalījās"), self.table)
        attended_action.triggered.connect(lambda: self.mark_selected(AttendanceStatus.ATTENDED))
        absent_action = QAction(QCoreApplication.translate("attendance", "Atzīmēt: nepiedalījās"), self.table)
        absent_action.triggered.connect(lambda: self.mark_selected(AttendanceStatus.ABSENT))
        self.table.addActions([attended_action, absent_action, self.remove_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.summary = QLabel(self)
        self.walk_in = WalkInBox(ws, self)
        self.walk_in.picked.connect(self._add_existing)
        self.walk_in.typed.connect(self._add_new)
        self.walk_in.refused.connect(self._warn)
        top = QHBoxLayout()
        for button in (self.attended_button, self.absent_button, self.remove_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.summary)
        bottom = QHBoxLayout()
        bottom.addWidget(self.walk_in, 1)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        ws.dataChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Read the list again; the selection (by entry) and the current row stay."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            # A status chosen in the cell's list is being saved: the editor closes first, then the list is read.
            QTimer.singleShot(0, self.reload)
            return
        try:
            self._status = self.ws.read(lambda s: attendance_changes.default_status(s, self.event_id))
        except AppError:
            return  # the event is gone (deleted or undone): the page closes itself
        chosen = {a.id for a in self.selected()}
        current = self.table.currentIndex()
        current_id = self.model.row_at(current.row()).id if current.isValid() else None
        self.model.reload()
        self._place_delegates()
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        for aid in chosen:
            row = self.model.row_of(aid)
            if row is not None:
                selection.select(self.model.index(row, 0), flags.Select | flags.Rows)
        row = self.model.row_of(current_id) if current_id is not None else None
        if row is not None:
            selection.setCurrentIndex(self.model.index(row, current.column()), flags.NoUpdate)
        self._update_summary()
        self._update_buttons()
        self.walk_in.setPlaceholderText(
            QCoreApplication.translate("attendance", "Pieteikt: rakstiet vārdu un uzvārdu, Enter pievieno")
            if self._status is AttendanceStatus.REGISTERED
            else QCoreApplication.translate(
                "attendance", "Ieradās bez reģistrācijas: rakstiet vārdu un uzvārdu, Enter pievieno"
            )
        )

    def _place_delegates(self) -> None:
        wanted = {self.model.column(kind): kind for kind in self._choices}
        if wanted == self._delegated:
            return
        for column in self._delegated:
            self.table.setItemDelegateForColumn(column, None)  # type: ignore[arg-type]  # back to the view's own
        for column, kind in wanted.items():
            self.table.setItemDelegateForColumn(column, self._choices[kind])
        self._delegated = wanted

    def _update_summary(self) -> None:
        counts = self.ws.read(lambda s: attendance.status_counts(s, self.event_id))
        text = (
            QCoreApplication.translate("attendance", "Sarakstā %1, piedalījās %2, nepiedalījās %3")
            .replace("%1", str(sum(counts.values())))
            .replace("%2", str(counts[AttendanceStatus.ATTENDED]))
            .replace("%3", str(counts[AttendanceStatus.ABSENT]))
        )
        if self.model.days:  # people per day, as the report prints them
            per_day = self.ws.read(lambda s: attendance_days.day_counts(s, self.event_id))
            days = ", ".join(f"{c.day:%d.%m.} – {c.attended}" for c in per_day)
            text += "; " + QCoreApplication.translate("attendance", "pa dienām: %1").replace("%1", days)
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        any_chosen = bool(self.table.selectionModel().selectedRows())
        for button in (self.attended_button, self.absent_button, self.remove_button):
            button.setEnabled(any_chosen)
        self.remove_action.setEnabled(any_chosen)

    def selected(self) -> list[AttendanceDTO]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, QCoreApplication.translate("attendance", "Dalībnieks"), message)

    def _run(self, command: Command) -> bool:
        try:
            self.ws.execute(command)
        except AppError as exc:
            self._warn(text_of(exc))
            return False
        return True

    # ---- changes ----------------------------------------------------------------------------------------

    def mark_selected(self, status: AttendanceStatus) -> None:
        every_day = len(self.model.days)
        # "Came" on a multi-day event means every day: someone ticked for one day only is marked too.
        rows = [
            a
            for a in self.selected()
            if a.status is not status or (status is AttendanceStatus.ATTENDED and len(a.days) < every_day)
        ]
        if rows:
            self._run(status_command(self.ws, rows, status))

    def remove_selected(self) -> None:
        rows = self.selected()
        if not rows:
            return
        text = (
            QCoreApplication.translate("attendance", "Noņemts no saraksta: %1")
            if len(rows) == 1
            else QCoreApplication.translate("attendance", "Noņemti no saraksta: %1")
        )
        self._run(RemoveFromListCommand(self.ws, [a.id for a in rows], text.replace("%1", who(rows))))

    def _add_existing(self, person: PersonDTO) -> None:
        on_list = self.model.entry_of(person.id)
        if on_list is not None and self._status is AttendanceStatus.ATTENDED:
            text = QCoreApplication.translate("attendance", "Atzīmēta dalība: %1")
        else:
            text = QCoreApplication.translate("attendance", "Pievienots dalībnieks: %1")
        self._run(AttendCommand(self.ws, self.event_id, person.id, self._status, text.replace("%1", person.full_name)))

    def _add_new(self, name: str) -> None:
        given, surname = split_full_name(name)
        data = PersonInput(given, surname)
        # The same name as someone in the registry: most often that person, so ask before making a second record.
        found = self.ws.read(lambda s: duplicates.find_duplicates(s, data)) if given and surname else []
        if found:
            choice = ask_duplicate(self, found)
            if choice is None:
                return
            if not isinstance(choice, bool):
                self.walk_in.reset()
                self._add_existing(choice.person)
                return
        text = QCoreApplication.translate("attendance", "Pievienots dalībnieks: %1").replace(
            "%1", f"{given} {surname}".strip()
        )
        if self._run(AttendCommand(self.ws, self.event_id, data, self._status, text)):
            self.walk_in.reset()

    def import_list(self) -> None:
        from projektu_vadiba.ui.people.import_dialog import ImportDialog

        project_id = self.ws.read(lambda s: activities.get_event(s, self.event_id)).project_id
        ImportDialog(self.ws, project_id, self.event_id, self).exec()
