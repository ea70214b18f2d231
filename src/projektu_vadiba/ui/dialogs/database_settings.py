"""Iestatījumi → Datubāze: this computer's SQLite file or a team server (PostgreSQL), with a connection test that
says in Latvian what is wrong (core/connection.py). Saving stores the choice (never the password in the settings:
core/pgpass.py) and leaves `chosen_url`; the main window then opens that database in place of the current one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core import pgpass
from projektu_vadiba.core.connection import ConnectionCheck, ServerAddress, check
from projektu_vadiba.core.db import default_url, sqlite_path
from projektu_vadiba.core.messages import render
from projektu_vadiba.ui.background import run_in_background
from projektu_vadiba.ui.database_choice import LOCAL, SERVER, DatabaseChoice, load_choice, save_choice
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.settings import Settings

OK_STYLE = "color: #1b5e20;"
WARNING_STYLE = "color: #8a5300;"
ERROR_STYLE = "color: #b3261e;"
WARNINGS = ("connection.empty", "connection.will_upgrade")

Checker = Callable[[str], ConnectionCheck]


class DatabaseSettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *, checker: Checker = check) -> None:
        super().__init__(parent)
        self.settings = settings
        self.checker = checker
        self.chosen_url: str | None = None
        self.last_check: ConnectionCheck | None = None
        self.setWindowTitle(self.tr("Datubāze"))
        choice = load_choice(settings)

        self.local = QRadioButton(self.tr("Šajā da&torā (SQLite fails)"), self)
        self.server = QRadioButton(self.tr("&Komandas serveris (PostgreSQL)"), self)
        kinds = QButtonGroup(self)
        kinds.addButton(self.local)
        kinds.addButton(self.server)

        self.file = QLineEdit(choice.file, self)
        self.file.setPlaceholderText(str(sqlite_path(default_url())))
        self.browse = QPushButton(self.tr("Izvēlēties…"), self)
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.local_box = QWidget(self)
        local_form = QFormLayout(self.local_box)
        local_form.setContentsMargins(24, 0, 0, 0)
        local_form.addRow(self._label(self.tr("&Fails"), self.file), file_row)

        address = choice.address
        self.host = QLineEdit(address.host, self)
        self.host.setPlaceholderText(self.tr("piem., serveris.biedriba.lv vai 192.0.2.10"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit(address.database, self)
        self.user = QLineEdit(address.user, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Atcerēties paroli šajā datorā"), self)
        self.remember.setChecked(choice.remember_password)
        self.server_box = QWidget(self)
        server_form = QFormLayout(self.server_box)
        server_form.setContentsMargins(24, 0, 0, 0)
        server_form.addRow(self._label(self.tr("&Serveris"), self.host), self.host)
        server_form.addRow(self._label(self.tr("P&orts"), self.port), self.port)
        server_form.addRow(self._label(self.tr("&Datubāze"), self.database), self.database)
        server_form.addRow(self._label(self.tr("&Lietotājs"), self.user), self.user)
        server_form.addRow(self._label(self.tr("&Parole"), self.password), self.password)
        server_form.addRow("", self.remember)
        where = self._muted(
            self.tr(
                "Parole netiek glabāta iestatījumos: to glabā PostgreSQL paroļu failā %1, ko var lasīt tikai jūs. "
                "Ja to neatceras, paroli jautā katrā palaišanas reizē."
            ).replace("%1", _shown_path(pgpass.passfile()))
        )
        server_form.addRow("", where)
        self._show_stored_password(address)

        self.test_button = QPushButton(self.tr("Pā&rbaudīt savienojumu"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        note = self._muted(self.tr("Pārslēdzot datubāzi, atsaukšanas (Ctrl+Z) vēsture tiek notīrīta."))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Saglabāt un pārslēgt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addWidget(self.local_box)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

        (self.server if choice.kind == SERVER else self.local).setChecked(True)
        self.local.toggled.connect(self._kind_changed)
        self._kind_changed()
        for field in (self.file, self.host, self.database, self.user, self.password):
            field.textEdited.connect(self._forget_result)
        self.port.valueChanged.connect(self._forget_result)

    # ---- building --------------------------------------------------------------------------------------

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)  # Alt + the underlined letter jumps to the field
        return label

    def _muted(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(mid);")
        return label

    def _show_stored_password(self, address: ServerAddress) -> None:
        stored = address.host and pgpass.lookup(address) is not None
        self.password.setPlaceholderText(self.tr("saglabāta šajā datorā") if stored else "")

    def _kind_changed(self) -> None:
        server = self.server.isChecked()
        self.server_box.setEnabled(server)
        self.local_box.setEnabled(not server)
        self.test_button.setEnabled(server)
        self._forget_result()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Datubāzes fails"),
            self.file.text() or self.file.placeholderText(),
            self.tr("SQLite datubāze (*.sqlite *.db);;Visi faili (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.file.setText(name)
            self._forget_result()

    # ---- the choice --------------------------------------------------------------------------------------

    def address(self) -> ServerAddress:
        return ServerAddress(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.user.text().strip())  # fmt: skip

    def choice_name(self) -> str:
        choice = self.choice()
        return choice.address.name if choice.kind == SERVER else str(sqlite_path(choice.url()) or choice.url())

    def choice(self) -> DatabaseChoice:
        kind = SERVER if self.server.isChecked() else LOCAL
        return DatabaseChoice(kind, self.file.text().strip(), self.address(), self.remember.isChecked())

    def _missing(self) -> str:
        address = self.address()
        missing = [
            name
            for name, value in (
                (self.tr("serveris"), address.host),
                (self.tr("datubāze"), address.database),
                (self.tr("lietotājs"), address.user),
            )
            if not value
        ]
        return self.tr("Jānorāda: %1.").replace("%1", ", ".join(missing)) if missing else ""

    def test_connection(self) -> ConnectionCheck | None:
        """Connect once (off the UI thread: an unreachable server takes seconds) and show what it found."""
        missing = self._missing()
        if missing:
            self._show(missing, ERROR_STYLE)
            return None
        url = self.address().url(self.password.text() or None)  # empty: libpq looks in the password file
        result = run_in_background(self, self.tr("Pārbauda savienojumu…"), lambda: self.checker(url))
        self.last_check = result
        style = ERROR_STYLE if not result.ok else WARNING_STYLE if result.code in WARNINGS else OK_STYLE
        self._show(render(result.code, result.values, language()), style)
        return result

    def _show(self, text: str, style: str) -> None:
        self.result_label.setStyleSheet(style)
        self.result_label.setText(text)
        self.result_label.show()

    def _forget_result(self) -> None:
        self.last_check = None
        self.result_label.hide()

    def accept(self) -> None:
        choice = self.choice()
        password = self.password.text()
        if choice.kind == SERVER:
            result = self.last_check or self.test_connection()
            if result is None or not result.ok:
                self.test_button.setFocus()
                return  # the reason is on screen; the user fixes it or cancels
            if choice.remember_password and password:
                pgpass.store(choice.address, password)
            elif not choice.remember_password:
                pgpass.forget(choice.address)
        save_choice(self.settings, choice)
        self.chosen_url = choice.url(password or None)
        super().accept()


def _shown_path(path: Path) -> str:
    """A path under the home folder as ~/…, as users know it."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def ask_password(address: ServerAddress, parent: QWidget | None = None) -> str | None:
    """The server's password at start, when the user chose not to keep it on this computer."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("DatabaseSettingsDialog", "Komandas serveris"),
        QCoreApplication.translate("DatabaseSettingsDialog", "Parole lietotājam %1 serverī %2:")
        .replace("%1", address.user)
        .replace("%2", f"{address.host}:{address.port}/{address.database}"),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None
