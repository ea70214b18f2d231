"""Iestatījumi: the UI language (applied at once: the window rebuilds itself), how far ahead the start page looks
for report deadlines, whether the last project opens at start, and which database the app works on (its own dialog,
ui/dialogs/database_settings.py; the main window switches to `chosen_database_url` afterwards)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.ui.settings import DUE_SOON_DAYS, LANGUAGE, REOPEN_LAST_PROJECT, Settings
from projektu_vadiba.ui.widgets.cards import note

# Each language is named in itself, so a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"lv": "Latviešu", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, current_language: str, parent: QWidget | None = None, *, database_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.chosen_database_url: str | None = None
        self.setWindowTitle(self.tr("Iestatījumi"))
        self.language = QComboBox(self)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language)))
        self.due_days = QSpinBox(self)
        self.due_days.setRange(7, 365)
        self.due_days.setSuffix(self.tr(" dienas"))
        self.due_days.setValue(settings.get(DUE_SOON_DAYS))
        self.reopen = QCheckBox(self.tr("Palaižot atvērt projektu, kas bija atvērts pēdējais"), self)
        self.reopen.setChecked(settings.get(REOPEN_LAST_PROJECT))

        form = QFormLayout()
        form.addRow(self.tr("Valoda"), self.language)
        form.addRow(self.tr("Sākumlapā rādīt termiņus"), self.due_days)
        form.addRow("", self.reopen)
        self.database_name = QLabel(database_name, self)
        self.database_name.setWordWrap(True)
        self.database_button = QPushButton(self.tr("&Mainīt datubāzi…"), self)
        self.database_button.clicked.connect(self.choose_database)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database_name, 1)
        database_row.addWidget(self.database_button)
        form.addRow(self.tr("Datubāze"), database_row)
        self.hint = note(
            self.tr(
                "Valoda mainās uzreiz. Datumi un summas arī angliski paliek latviešu formā (17.10.2020, 1 234,56 €)."
            ),
            "muted",
            self,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Saglabāt"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def choose_database(self) -> None:
        from projektu_vadiba.ui.dialogs.database_settings import DatabaseSettingsDialog

        dialog = DatabaseSettingsDialog(self.settings, self)
        if dialog.exec() and dialog.chosen_url:
            self.chosen_database_url = dialog.chosen_url
            self.database_name.setText(
                self.tr("%1 (tiks atvērta, aizverot iestatījumus)").replace("%1", dialog.choice_name())
            )

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        self.settings.set(LANGUAGE, self.chosen_language())
        self.settings.set(DUE_SOON_DAYS, self.due_days.value())
        self.settings.set(REOPEN_LAST_PROJECT, self.reopen.isChecked())
        self.settings.sync()
        super().accept()
