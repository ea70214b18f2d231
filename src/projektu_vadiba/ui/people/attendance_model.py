"""The rows of an event's list in the order of the printed sheet. Edits (a tick, a status, a role, the
"do not photograph" mark) become undoable commands on the workspace; the model is read again on `dataChanged`.

A multi-day event has one tick column per day ("17.08.", "18.08.", like the sheet's signature columns) in place of
"Piedalījās"; the columns after it move right by the extra days (`column()` gives where a column is now)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from projektu_vadiba.core.dto import AttendanceDTO
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus
from projektu_vadiba.core.services import activities, attendance
from projektu_vadiba.core.services.attendance_days import event_days
from projektu_vadiba.ui.labels import attendance_role_label, attendance_status_label
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.people.commands import (
    AttendanceEditCommand,
    DayTickCommand,
    StatusCommand,
    set_no_photos,
    set_roles,
)
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
NR, NAME, ORGANISATION, ATTENDED, STATUS, ROLE, NO_PHOTOS = range(7)  # a one-day event's columns
MAX_DAY_COLUMNS = 14  # a longer event (a camp) keeps one tick: a column per day would not fit


def status_labels() -> dict[AttendanceStatus, str]:
    return {s: attendance_status_label(s) for s in AttendanceStatus}


def role_labels() -> dict[AttendanceRole, str]:
    return {r: attendance_role_label(r) for r in AttendanceRole}


def who(rows: list[AttendanceDTO]) -> str:
    """'Ilze Ķēniņa' for one entry, '3 dalībnieki' for more: the end of an undo label."""
    if len(rows) == 1:
        return rows[0].person.full_name
    return count(
        len(rows),
        QCoreApplication.translate("attendance", "dalībnieks"),
        QCoreApplication.translate("attendance", "dalībnieki"),
        QCoreApplication.translate("attendance", "dalībnieku"),
    )


def status_command(ws: Workspace, rows: list[AttendanceDTO], status: AttendanceStatus) -> StatusCommand:
    text = {
        AttendanceStatus.ATTENDED: QCoreApplication.translate("attendance", "Atzīmēta dalība: %1"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("attendance", "Atzīmēts, ka nepiedalījās: %1"),
        AttendanceStatus.REGISTERED: QCoreApplication.translate("attendance", "Atzīmēts, ka reģistrējies: %1"),
    }[status].replace("%1", who(rows))
    return StatusCommand(ws, [a.id for a in rows], status, text)


def day_command(ws: Workspace, row: AttendanceDTO, day: date, came: bool) -> DayTickCommand:
    text = (
        QCoreApplication.translate("attendance", "Atzīmēta dalība %1: %2")
        if came
        else QCoreApplication.translate("attendance", "Atzīmēts, ka nepiedalījās %1: %2")
    )
    return DayTickCommand(
        ws, row.id, day, came, text.replace("%1", f"{day:%d.%m.}").replace("%2", row.person.full_name)
    )


class AttendanceModel(QAbstractTableModel):
    failed = Signal(str)  # a Latvian message: the change was refused

    def __init__(self, ws: Workspace, event_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws, self._event_id = ws, event_id
        self._rows: list[AttendanceDTO] = []
        self._days: tuple[date, ...] = ()  # a multi-day event's days: a tick column each
        self._headers = [
            QCoreApplication.translate("attendance", "Nr."),
            QCoreApplication.translate("attendance", "Vārds, uzvārds"),
            QCoreApplication.translate("attendance", "Organizācija"),
            QCoreApplication.translate("attendance", "Piedalījās"),
            QCoreApplication.translate("attendance", "Statuss"),
            QCoreApplication.translate("attendance", "Loma"),
            QCoreApplication.translate("attendance", "Nefotografēt"),
        ]

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, event = self.ws.read(
            lambda s: (attendance.event_list(s, self._event_id), activities.get_event(s, self._event_id))
        )
        days = event_days(event.starts_at, event.ends_at)
        self._days = days if 1 < len(days) <= MAX_DAY_COLUMNS else ()
        self.endResetModel()

    @property
    def days(self) -> tuple[date, ...]:
        return self._days

    def column(self, one_day_column: int) -> int:
        """Where a column of a one-day event's layout (NR … NO_PHOTOS) is now; ATTENDED: the first day's."""
        return one_day_column + max(len(self._days) - 1, 0) if one_day_column > ATTENDED else one_day_column

    def _kind(self, column: int) -> tuple[int, date | None]:
        """The one-day layout's column this one stands for, and its day for a day column."""
        if self._days and ATTENDED <= column < ATTENDED + len(self._days):
            return ATTENDED, self._days[column - ATTENDED]
        return (column - len(self._days) + 1 if self._days and column > ATTENDED else column), None

    def day_at(self, column: int) -> date | None:
        return self._kind(column)[1]

    def row_at(self, row: int) -> AttendanceDTO:
        return self._rows[row]

    def entry_of(self, person_id: int) -> AttendanceDTO | None:
        return next((a for a in self._rows if a.person.id == person_id), None)

    def row_of(self, attendance_id: int) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.id == attendance_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers) + max(len(self._days) - 1, 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        kind, day = self._kind(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{day:%d.%m.}" if day is not None else self._headers[kind]
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            return QCoreApplication.translate("attendance", "Piedalījās %1").replace("%1", f"{day:%d.%m.%Y}")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        kind = self._kind(index.column())[0]
        if kind in (ATTENDED, NO_PHOTOS):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if kind in (STATUS, ROLE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        a, (col, day) = self._rows[index.row()], self._kind(index.column())
        if role == Qt.ItemDataRole.CheckStateRole:
            if day is not None:
                return Qt.CheckState.Checked if day in a.days else Qt.CheckState.Unchecked
            if col == ATTENDED:
                return Qt.CheckState.Checked if a.status is AttendanceStatus.ATTENDED else Qt.CheckState.Unchecked
            if col == NO_PHOTOS:
                return Qt.CheckState.Checked if a.no_photos else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NR:
                return str(index.row() + 1)
            if col == NAME:
                return f"{a.person.surname} {a.person.given_name}"
            if col == ORGANISATION:
                return a.person.organisation_name or ""
            if col == STATUS:
                return status_labels()[a.status] if role == Qt.ItemDataRole.DisplayRole else a.status.value
            if col == ROLE:
                return role_labels()[a.role] if role == Qt.ItemDataRole.DisplayRole else a.role.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        a, (col, day) = self._rows[index.row()], self._kind(index.column())
        checked = role == Qt.ItemDataRole.CheckStateRole and Qt.CheckState(value) == Qt.CheckState.Checked
        command: Any
        if day is not None and role == Qt.ItemDataRole.CheckStateRole:
            command = day_command(self.ws, a, day, checked)
        elif col == ATTENDED and role == Qt.ItemDataRole.CheckStateRole:
            command = status_command(self.ws, [a], AttendanceStatus.ATTENDED if checked else AttendanceStatus.ABSENT)
        elif col == NO_PHOTOS and role == Qt.ItemDataRole.CheckStateRole:
            text = QCoreApplication.translate("attendance", "Atzīme “Nefotografēt”: %1").replace(
                "%1", a.person.full_name
            )
            command = AttendanceEditCommand(self.ws, set_no_photos, {a.id: a.no_photos}, checked, text)
        elif col == STATUS and role == Qt.ItemDataRole.EditRole and AttendanceStatus(value) is not a.status:
            command = status_command(self.ws, [a], AttendanceStatus(value))
        elif col == ROLE and role == Qt.ItemDataRole.EditRole and AttendanceRole(value) is not a.role:
            text = QCoreApplication.translate("attendance", "Mainīta loma: %1").replace("%1", a.person.full_name)
            command = AttendanceEditCommand(self.ws, set_roles, {a.id: a.role}, AttendanceRole(value), text)
        else:
            return False
        try:
            self.ws.execute(command)  # dataChanged: the list is read again
        except AppError as exc:
            self.failed.emit(text_of(exc))
            return False
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the status and role columns; the model's EditRole holds the enum value."""

    def __init__(self, labels: dict[Any, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._labels = labels

    def createEditor(self, parent: QWidget, _option: Any, _index: Index) -> QWidget:
        box = QComboBox(parent)
        for value, label in self._labels.items():
            box.addItem(label, value.value)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
