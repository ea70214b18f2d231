"""The registry of people: as-you-type search (debounced), add / edit with duplicate warnings, delete a person
(undoable: they come back with their lists), merge two records (undoable too) and anonymise a person (asked
first: it cannot be undone). Every change goes through the workspace; the registry reads itself again on its
`dataChanged`, whichever view made the change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.dto import PersonDTO
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services import gdpr, people
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.operations import ask_delete
from projektu_vadiba.ui.people.commands import DeletePersonCommand, MergeCommand, person_impact
from projektu_vadiba.ui.people.people_model import PeopleModel
from projektu_vadiba.ui.people.person_dialog import PersonDialog
from projektu_vadiba.ui.widgets.table_view import fit_column
from projektu_vadiba.ui.workspace import Workspace

DEBOUNCE_MS = 150
EMAIL_COLUMN = 4  # takes the width to spare


def _describe(p: PersonDTO) -> str:
    extra = ", ".join(x for x in (p.organisation_name or "", p.municipality, p.email, p.phone) if x)
    return f"{p.full_name} (nr. {p.id})" + (f" — {extra}" if extra else "")


class MergeDialog(QDialog):
    """Which of two records stays; the other one's attendance moves to it and it is deleted."""

    def __init__(self, a: PersonDTO, b: PersonDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("people", "Apvienot personas"))
        self.pair = (a, b)
        layout = QVBoxLayout(self)
        text = QLabel(
            QCoreApplication.translate(
                "people",
                "Atstāt šo ierakstu; otra ieraksta dalība pasākumos tiks pārcelta uz to, trūkstošie dati "
                "papildināti, un otrs ieraksts dzēsts. Apvienošanu varēs atsaukt ar Ctrl+Z.",
            ),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.keep_a, self.keep_b = QRadioButton(_describe(a), self), QRadioButton(_describe(b), self)
        self.keep_a.setChecked(True)
        layout.addWidget(self.keep_a)
        layout.addWidget(self.keep_b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("people", "Apvienot"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("people", "Atcelt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def survivor_and_other(self) -> tuple[int, int]:
        a, b = self.pair
        return (a.id, b.id) if self.keep_a.isChecked() else (b.id, a.id)


class PeopleRegistryView(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("people", "Meklēt: vārds, e-pasts, organizācija vai pašvaldība")
        )
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.model = PeopleModel(ws.db, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # One line a person (a long name is cut with "…" and shown whole in its tooltip, not wrapped into a row of
        # double height). Each column as wide as a typical long value; the e-mail, the longest, takes the width to
        # spare (not the phone, the last column: it stretched while double-barrelled surnames wrapped).
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setStretchLastSection(False)
        for column, sample in (
            (0, "Akmenovska-Bērzniece"),
            (1, "Anna Marija"),
            (2, "Biedrība “Jauniešu iniciatīvu centrs”"),
            (3, "Salaspils novads"),
            (4, "ilze.kenina-ozolina@example.lv"),
            (5, "+371 2612 3456"),
        ):
            fit_column(self.table, column, sample)
        header.setSectionResizeMode(EMAIL_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton(QCoreApplication.translate("people", "Pievienot…"), self)
        self.edit_button = QPushButton(QCoreApplication.translate("people", "Labot…"), self)
        self.delete_button = QPushButton(QCoreApplication.translate("people", "Dzēst dalībnieku…"), self)
        self.merge_button = QPushButton(QCoreApplication.translate("people", "Apvienot…"), self)
        self.anonymise_button = QPushButton(QCoreApplication.translate("people", "Anonimizēt…"), self)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button, self.merge_button, self.anonymise_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.rowsInserted.connect(lambda *_: self._show_count())
        self.run_search()
        self._stale = False
        ws.dataChanged.connect(self.reload)

    def reload(self) -> None:
        """After any change anywhere: the same search read again (when the registry is next shown, if hidden)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.model.refresh()
        self.run_search()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def run_search(self) -> None:
        self.model.set_query(self.search.text())
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        """The count under the table; again when scrolling reached the last page of a capped count (now known)."""
        if self.model.more:
            found = QCoreApplication.translate("people", "Atrastas personas: vairāk nekā %1")
            self.count.setText(found.replace("%1", str(people.COUNT_CAP)))
        else:
            found = QCoreApplication.translate("people", "Atrastas personas: %1")
            self.count.setText(found.replace("%1", str(self.model.total)))

    def selected(self) -> list[PersonDTO]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.person_at(r) for r in rows]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(len(chosen) == 1 and not chosen[0].anonymised)
        self.merge_button.setEnabled(len(chosen) == 2 and not any(p.anonymised for p in chosen))
        self.anonymise_button.setEnabled(len(chosen) == 1 and not chosen[0].anonymised)
        self.delete_button.setEnabled(len(chosen) == 1)

    def add_person(self) -> None:
        PersonDialog(self.ws, None, self).exec()

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].anonymised:
            return
        PersonDialog(self.ws, chosen[0], self).exec()

    def delete_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        person = chosen[0]
        try:
            lines = self.ws.read(lambda s: person_impact(s, person.id))
            if not ask_delete(self, person.full_name, lines, True):
                return
            text = QCoreApplication.translate("people", "Dzēsts dalībnieks: %1").replace("%1", person.full_name)
            self.ws.execute(DeletePersonCommand(self.ws, person.id, text))
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("people", "Dzēst dalībnieku"), text_of(exc))

    def merge_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 2:
            return
        dialog = MergeDialog(chosen[0], chosen[1], self)
        if not dialog.exec():
            return
        self.merge(*dialog.survivor_and_other())

    def merge(self, survivor_id: int, other_id: int) -> None:
        try:
            name = self.ws.read(lambda s: people.get_person(s, survivor_id)).full_name
            text = QCoreApplication.translate("people", "Apvienoti dalībnieki: %1").replace("%1", name)
            self.ws.execute(MergeCommand(self.ws, survivor_id, other_id, text))
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("people", "Apvienot personas"), text_of(exc))

    def anonymise_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("people", "Anonimizēt personu"),
            QCoreApplication.translate(
                "people",
                "%1: vārds, uzvārds, e-pasts, tālrunis, dzimšanas gads un piezīmes tiks dzēsti neatgriezeniski. "
                "Dalība pasākumos un visi skaiti paliks.",
            ).replace("%1", chosen[0].full_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        person_id = chosen[0].id
        self.ws.execute_irreversibly(lambda s: gdpr.anonymise_person(s, person_id))
        self._offer_to_delete_backups()

    def _offer_to_delete_backups(self) -> None:
        """Upgrade backups are copies from before the anonymisation: the names are still in them."""
        backups = self.ws.read(gdpr.backups_with_personal_data)
        if not backups:
            return
        title = QCoreApplication.translate("people", "Anonimizēt personu")
        answer = QMessageBox.question(
            self,
            title,
            QCoreApplication.translate(
                "people",
                "Datubāzes rezerves kopijās (tās veidotas pirms programmas atjauninājumiem) šīs personas dati vēl ir:"
                "\n%1\n\nDzēst šīs rezerves kopijas?",
            ).replace("%1", "\n".join(str(path) for path in backups)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            gdpr.remove_backups(backups)

    def select_row(self, row: int, extend: bool = False) -> None:
        flags = self.table.selectionModel().SelectionFlag
        mode = (flags.Select if extend else flags.ClearAndSelect) | flags.Rows
        self.table.selectionModel().select(self.model.index(row, 0), mode)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
