"""Adding or editing a person: Latvian messages next to the fields, and a warning about likely duplicates before
a new person is created ("use the existing one" / "create anyway"). Saving is an undoable command on the
workspace ("Pievienots dalībnieks: …" / "Labots dalībnieks: …")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.dto import PersonDTO, PersonInput
from projektu_vadiba.core.dto_people import DuplicateCandidate
from projektu_vadiba.core.errors import AppError, ValidationError
from projektu_vadiba.core.models import Gender
from projektu_vadiba.core.services import duplicates, people
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.people.commands import PERSON, person_label
from projektu_vadiba.ui.workspace import Workspace


def _tri(box: QComboBox) -> bool | None:
    return [None, True, False][box.currentIndex()]


class PersonDialog(QDialog):
    """`result_person` is the saved person (new, edited, or the existing one the user chose instead)."""

    def __init__(
        self,
        ws: Workspace,
        person: PersonDTO | None = None,
        parent: QWidget | None = None,
        initial: PersonInput | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self._person = ws, person
        self._old: PersonInput | None = None
        self.result_person: PersonDTO | None = None
        self.setWindowTitle(
            QCoreApplication.translate("people", "Persona")
            if person
            else QCoreApplication.translate("people", "Jauna persona")
        )
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        labels = (
            ("given_name", QCoreApplication.translate("people", "Vārds")),
            ("surname", QCoreApplication.translate("people", "Uzvārds")),
            ("organisation_name", QCoreApplication.translate("people", "Organizācija")),
            ("municipality", QCoreApplication.translate("people", "Pašvaldība")),
            ("email", QCoreApplication.translate("people", "E-pasts")),
            ("phone", QCoreApplication.translate("people", "Tālrunis")),
            ("age_group", QCoreApplication.translate("people", "Vecuma grupa")),
            ("target_group", QCoreApplication.translate("people", "Mērķa grupa")),
        )
        for key, label in labels:
            self.fields[key] = QLineEdit(self)
            self._add_row(form, key, label, self.fields[key])
        self.gender = QComboBox(self)
        self.gender.addItems(
            [
                QCoreApplication.translate("people", "nav norādīts"),
                QCoreApplication.translate("people", "sieviete"),
                QCoreApplication.translate("people", "vīrietis"),
                QCoreApplication.translate("people", "cits"),
            ]
        )
        self._add_row(form, "gender", QCoreApplication.translate("people", "Dzimums"), self.gender)
        self.birth_year = QSpinBox(self)
        self.birth_year.setRange(0, 2100)
        self.birth_year.setSpecialValueText(QCoreApplication.translate("people", "nav norādīts"))
        self._add_row(form, "birth_year", QCoreApplication.translate("people", "Dzimšanas gads"), self.birth_year)
        self.consent_data, self.consent_photo = QComboBox(self), QComboBox(self)
        for box in (self.consent_data, self.consent_photo):
            box.addItems(
                [
                    QCoreApplication.translate("people", "nav jautāts"),
                    QCoreApplication.translate("people", "piekrīt"),
                    QCoreApplication.translate("people", "nepiekrīt"),
                ]
            )
        self._add_row(form, "consent_data", QCoreApplication.translate("people", "Datu apstrāde"), self.consent_data)
        self._add_row(form, "consent_photo", QCoreApplication.translate("people", "Fotografēšana"), self.consent_photo)
        self.notes = QPlainTextEdit(self)
        self.notes.setFixedHeight(60)
        form.addRow(QCoreApplication.translate("people", "Piezīmes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(QCoreApplication.translate("people", "Saglabāt"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("people", "Atcelt"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill(person, initial)

    def _add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        error = QLabel(self)
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        form.addRow(label, widget)
        form.addRow("", error)

    def _fill(self, person: PersonDTO | None, initial: PersonInput | None) -> None:
        data: Any = initial
        notes = ""
        if person is not None:
            notes = self.ws.read(lambda s: people.get_notes(s, person.id))
            data = self._old = people.person_input(person, notes)
        if data is None:
            return
        for key, edit in self.fields.items():
            edit.setText(getattr(data, key) or "")
        genders = [None, Gender.FEMALE, Gender.MALE, Gender.OTHER]
        self.gender.setCurrentIndex(genders.index(data.gender))
        self.birth_year.setValue(data.birth_year or 0)
        self.consent_data.setCurrentIndex([None, True, False].index(data.consent_data))
        self.consent_photo.setCurrentIndex([None, True, False].index(data.consent_photo))
        self.notes.setPlainText(data.notes)

    def data(self) -> PersonInput:
        text = {k: e.text() for k, e in self.fields.items()}
        return PersonInput(
            gender=[None, Gender.FEMALE, Gender.MALE, Gender.OTHER][self.gender.currentIndex()],
            birth_year=self.birth_year.value() or None,
            consent_data=_tri(self.consent_data),
            consent_photo=_tri(self.consent_photo),
            notes=self.notes.toPlainText(),
            version=self._old.version if self._old else None,  # the version this form was loaded with
            **text,
        )

    def show_errors(self, error: ValidationError) -> None:
        for key, label in self.errors.items():
            messages = [text_of(p) for p in error.problems if p.field == key]
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))

    def save(self) -> None:
        data = self.data()
        try:
            people.validate_person(data)
        except ValidationError as exc:
            self.show_errors(exc)
            return
        try:
            if self._person is None:
                found = self.ws.read(lambda s: duplicates.find_duplicates(s, data))
                if found:
                    choice = self.ask_duplicate(found)
                    if choice is None:
                        return
                    if isinstance(choice, DuplicateCandidate):
                        self.result_person = choice.person
                        self.accept()
                        return
                text = QCoreApplication.translate("people", "Pievienots dalībnieks: %1").replace(
                    "%1", person_label(data)
                )
                result = self.ws.execute(CreateCommand(self.ws, PERSON, None, data, text))
            else:
                assert self._old is not None
                if data == self._old:
                    self.result_person = self._person
                    self.accept()  # nothing changed: nothing to undo
                    return
                text = QCoreApplication.translate("people", "Labots dalībnieks: %1").replace("%1", person_label(data))
                result = self.ws.execute(EditCommand(self.ws, PERSON, self._person.id, self._old, data, text))
            assert isinstance(result, PersonDTO)
            self.result_person = result
        except ValidationError as exc:
            self.show_errors(exc)
            return
        except AppError as exc:
            QMessageBox.warning(self, QCoreApplication.translate("people", "Persona"), text_of(exc))
            return
        self.accept()

    def ask_duplicate(self, found: list[DuplicateCandidate]) -> DuplicateCandidate | bool | None:
        return ask_duplicate(self, found)


def ask_duplicate(parent: QWidget, found: list[DuplicateCandidate]) -> DuplicateCandidate | bool | None:
    """The existing person to use, False to create anyway, None to go back to the form."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("people", "Iespējams dublikāts"))
    first = found[0]
    box.setText(QCoreApplication.translate("people", "Reģistrā jau ir līdzīga persona."))
    lines = [
        f"• {d.person.full_name}"
        + (f", {d.person.email}" if d.person.email else "")
        + f" ({', '.join(text_of(r) for r in d.reasons)})"
        for d in found[:5]
    ]
    box.setInformativeText("\n".join(lines))
    use = box.addButton(QCoreApplication.translate("people", "Izmantot esošo"), QMessageBox.ButtonRole.AcceptRole)
    create = box.addButton(
        QCoreApplication.translate("people", "Tomēr izveidot jaunu"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("people", "Atpakaļ"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(use)
    box.exec()
    if box.clickedButton() is use:
        return first
    if box.clickedButton() is create:
        return False
    return None
