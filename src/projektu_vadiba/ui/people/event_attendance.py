"""An event's attendance checklist in the order of the printed sheet: tick who came (the "Piedalījās" checkbox),
change a status or role, mark many at once, add a walk-in with a few keystrokes (type a name: matching people
are offered as you type; Enter adds the one chosen, or a new person if none is)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import AttendanceDTO, PersonDTO
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports.mapping import split_full_name
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus
from projektu_vadiba.core.services import attendance, people
from projektu_vadiba.ui.labels import attendance_role_label, attendance_status_label

Index = QModelIndex | QPersistentModelIndex
NR, NAME, ORGANISATION, ATTENDED, STATUS, ROLE, NO_PHOTOS = range(7)


def status_labels() -> dict[AttendanceStatus, str]:
    return {s: attendance_status_label(s) for s in AttendanceStatus}


def role_labels() -> dict[AttendanceRole, str]:
    return {r: attendance_role_label(r) for r in AttendanceRole}


class AttendanceModel(QAbstractTableModel):
    """Rows of the event's list; edits go straight to the services (one short transaction each)."""

    changed = Signal()

    def __init__(self, db: Database, event_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._db, self._event_id = db, event_id
        self._rows: list[AttendanceDTO] = []
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
        with self._db.session() as s:
            self._rows = attendance.event_list(s, self._event_id)
        self.endResetModel()

    def row_at(self, row: int) -> AttendanceDTO:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() in (ATTENDED, NO_PHOTOS):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (STATUS, ROLE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        a, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole:
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
        a, col = self._rows[index.row()], index.column()
        with self._db.session() as s:
            if col == ATTENDED and role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked
                attendance.set_status(s, [a.id], AttendanceStatus.ATTENDED if checked else AttendanceStatus.ABSENT)
            elif col == NO_PHOTOS and role == Qt.ItemDataRole.CheckStateRole:
                attendance.set_no_photos(s, a.id, Qt.CheckState(value) == Qt.CheckState.Checked)
            elif col == STATUS and role == Qt.ItemDataRole.EditRole:
                attendance.set_status(s, [a.id], AttendanceStatus(value))
            elif col == ROLE and role == Qt.ItemDataRole.EditRole:
                attendance.set_role(s, a.id, AttendanceRole(value))
            else:
                return False
            self._rows[index.row()] = next(r for r in attendance.event_list(s, self._event_id) if r.id == a.id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.changed.emit()
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


class EventAttendanceWidget(QWidget):
    dataChanged = Signal()

    def __init__(self, db: Database, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._event_id = db, event_id
        self.model = AttendanceModel(db, event_id, self)
        self.model.changed.connect(self._after_change)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setItemDelegateForColumn(STATUS, ChoiceDelegate(status_labels(), self.table))
        self.table.setItemDelegateForColumn(ROLE, ChoiceDelegate(role_labels(), self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.attended_button = QPushButton(QCoreApplication.translate("attendance", "Atzīmēt: piedalījās"), self)
        self.absent_button = QPushButton(QCoreApplication.translate("attendance", "Atzīmēt: nepiedalījās"), self)
        self.attended_button.clicked.connect(lambda: self.mark_selected(AttendanceStatus.ATTENDED))
        self.absent_button.clicked.connect(lambda: self.mark_selected(AttendanceStatus.ABSENT))
        self.summary = QLabel(self)
        self.walk_in = QLineEdit(self)
        self.walk_in.setPlaceholderText(
            QCoreApplication.translate(
                "attendance", "Ieradās bez reģistrācijas: rakstiet vārdu un uzvārdu, Enter pievieno"
            )
        )
        self._suggestions: list[PersonDTO] = []
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.walk_in.setCompleter(self.completer)
        self._chosen: PersonDTO | None = None
        self.completer.activated[str].connect(self._choose)  # type: ignore[index]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.suggest)
        self.walk_in.textEdited.connect(lambda _text: self._on_edit())
        self.walk_in.returnPressed.connect(self.add_walk_in)
        top = QHBoxLayout()
        top.addWidget(self.attended_button)
        top.addWidget(self.absent_button)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.walk_in)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self._update_summary()

    def _update_summary(self) -> None:
        with self._db.session() as s:
            counts = attendance.status_counts(s, self._event_id)
        total = sum(counts.values())
        self.summary.setText(
            QCoreApplication.translate("attendance", "Sarakstā %1, piedalījās %2, nepiedalījās %3")
            .replace("%1", str(total))
            .replace("%2", str(counts[AttendanceStatus.ATTENDED]))
            .replace("%3", str(counts[AttendanceStatus.ABSENT]))
        )

    def _after_change(self) -> None:
        self._update_summary()
        self.dataChanged.emit()

    def mark_selected(self, status: AttendanceStatus) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        with self._db.session() as s:
            attendance.set_status(s, [self.model.row_at(r).id for r in rows], status)
        self.reload()
        for r in rows:  # keep the selection: the next bulk action often follows
            self.table.selectionModel().select(
                self.model.index(r, 0),
                self.table.selectionModel().SelectionFlag.Select | self.table.selectionModel().SelectionFlag.Rows,
            )
        self.dataChanged.emit()

    # ---- walk-ins ---------------------------------------------------------------------------------------

    @staticmethod
    def _label(p: PersonDTO) -> str:
        extra = ", ".join(x for x in (p.organisation_name or "", p.municipality, p.email) if x)
        return f"{p.given_name} {p.surname}" + (f" ({extra})" if extra else "")

    def _on_edit(self) -> None:
        self._chosen = None
        self._timer.start()

    def suggest(self) -> None:
        text = self.walk_in.text().strip()
        with self._db.session() as s:
            self._suggestions = people.search_people(s, text, limit=10) if text else []
        self._completions.setStringList([self._label(p) for p in self._suggestions])
        if self._suggestions:
            self.completer.complete()

    def _choose(self, label: str) -> None:
        self._chosen = next((p for p in self._suggestions if self._label(p) == label), None)

    def add_walk_in(self) -> None:
        text = self.walk_in.text().strip()
        if not text:
            return
        chosen = self._chosen
        if chosen is None:
            chosen = next((p for p in self._suggestions if self._label(p) == text), None)
        try:
            with self._db.session() as s:
                if chosen is not None:
                    attendance.walk_in(s, self._event_id, chosen.id)
                else:
                    from projektu_vadiba.core.dto import PersonInput

                    given, surname = split_full_name(text)
                    attendance.walk_in(s, self._event_id, PersonInput(given, surname))
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("attendance", "Dalībnieks"), exc.message)
            return
        self.walk_in.clear()
        self._chosen, self._suggestions = None, []
        self.reload()
        self.dataChanged.emit()
