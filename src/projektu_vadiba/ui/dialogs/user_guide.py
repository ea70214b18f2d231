"""Palīdzība → Lietošanas pamācība (F1): the short guide to the three users' jobs, in the UI's language, from
resources/help/guide.<lang>.md. Not modal: the user keeps it open beside the window while working."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from projektu_vadiba.resources import resource
from projektu_vadiba.ui.plural import language


def guide_text(lang: str) -> str:
    path = resource("help", f"guide.{lang}.md")
    if not path.exists():
        path = resource("help", "guide.lv.md")
    return path.read_text(encoding="utf-8")


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lietošanas pamācība"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.lang = language()
        self.browser.setMarkdown(guide_text(self.lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Aizvērt"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(self._fitting_size())

    def _fitting_size(self) -> QSize:
        """760×640, or less on a small screen: the Close button must stay on it."""
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else self.screen()
        return QSize(760, 640).boundedTo(screen.availableGeometry().size() * 0.9)
