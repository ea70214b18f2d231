"""Par programmu: name, version, where the database is, and what the app is for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from projektu_vadiba import __version__
from projektu_vadiba.ui.icons import app_icon


class AboutDialog(QDialog):
    def __init__(self, database_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Par programmu"))

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.name_label = QLabel(self.tr("Projektu vadība"), self)
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.5)
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.version_label = QLabel(self.tr("Versija %1").replace("%1", __version__), self)
        self.description_label = QLabel(
            self.tr("Grantu projektu, pasākumu, dalībnieku un atskaišu uzskaite nevalstiskajām organizācijām."), self
        )
        self.description_label.setWordWrap(True)
        self.database_label = QLabel(self.tr("Datubāze: %1").replace("%1", database_location), self)
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        texts = QVBoxLayout()
        for label in (self.name_label, self.version_label, self.description_label, self.database_label):
            texts.addWidget(label)
        texts.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addSpacing(12)
        row.addLayout(texts, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Aizvērt"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def text(self) -> str:
        """Everything the dialog says, in reading order (for tests and for copying into a support e-mail)."""
        labels = (self.name_label, self.version_label, self.description_label, self.database_label)
        return "\n".join(label.text() for label in labels)
