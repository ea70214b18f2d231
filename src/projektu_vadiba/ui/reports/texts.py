"""The report texts the data cannot fill (aim reached, publicity, changes and problems ...): one editor per text
section of the funder profile's final and interim reports, in the profile's order, with the section's hint.

Texts are saved by the button (Ctrl+S), before a report is made, when the cursor leaves an edited box and when
the page is left, so nothing typed is lost. Each save is one undoable command on the workspace's stack
("Atskaites teksts: …", core.services.projects.set_text both ways)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.report_data import report_sections
from projektu_vadiba.ui.commands import CallCommand
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.widgets.cards import NOTE_STYLES, text_label
from projektu_vadiba.ui.workspace import Workspace


@dataclass(frozen=True)
class TextField:
    key: str
    title: str
    hint: str
    mandatory: bool
    interim_only: bool


def text_fields(profile: profiles.FunderProfile, lang: str = "lv", year: int | None = None) -> list[TextField]:
    """The text sections of the final report, then those only the interim report has."""
    final = [s for s in report_sections(profile, {}, "final", lang, year) if s.source == "text"]
    interim = [s for s in report_sections(profile, {}, "interim", lang, year) if s.source == "text"]
    keys = {s.key for s in final}
    fields = [TextField(s.key, s.title, s.hint, s.mandatory, False) for s in final]
    return fields + [TextField(s.key, s.title, s.hint, s.mandatory, True) for s in interim if s.key not in keys]


class ReportTextsEditor(QWidget):
    saved = Signal()  # texts were written to the database

    def __init__(self, ws: Workspace, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.project_id = ws, project_id
        self.fields: list[TextField] = []
        self.editors: dict[str, QPlainTextEdit] = {}
        self.stored: dict[str, str] = {}
        self._profile_key: tuple[str, int] | None = None  # the profile and year the fields were built for
        self.warn: Callable[[str], object] = lambda text: QMessageBox.warning(self, self.tr("Pārskata teksti"), text)

        self.body = QWidget(self)
        self.form = QVBoxLayout(self.body)
        self.form.setSpacing(4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.status = QLabel(self)
        self.save_button = QPushButton(self.tr("Saglabāt tekstus"), self)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        self._update_status()

    # ---- loading ------------------------------------------------------------------------------------------------

    def load(self, project: ProjectDetail, profile: profiles.FunderProfile, lang: str = "lv") -> None:
        """Fill from the project; a box being edited keeps what the user typed."""
        year = (project.programme.call_year if project.programme else None) or project.start_date.year
        if (profile.key, year) != self._profile_key:
            self._build(text_fields(profile, lang, year))
            self._profile_key = (profile.key, year)
        edited = set(self.dirty_keys())
        self.stored = {f.key: project.texts.get(f.key, "") for f in self.fields}
        for key, editor in self.editors.items():
            if key not in edited and editor.toPlainText() != self.stored[key]:
                editor.setPlainText(self.stored[key])
        self._update_status()

    def _build(self, fields: list[TextField]) -> None:
        while self.form.count():
            item = self.form.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.fields, self.editors = fields, {}
        for f in fields:
            title = f.title + (" *" if f.mandatory else "")
            if f.interim_only:
                title += " " + self.tr("(starpposma pārskatam)")
            caption = text_label(title, self.body, selectable=False)
            caption.setStyleSheet("font-weight: bold; padding-top: 6px;")
            self.form.addWidget(caption)
            if f.hint:
                hint = text_label(f.hint, self.body, selectable=False)
                hint.setStyleSheet(NOTE_STYLES["muted"])
                self.form.addWidget(hint)
            editor = QPlainTextEdit(self.body)
            editor.setObjectName(f"text_{f.key}")
            editor.setPlaceholderText(self.tr("Ierakstiet tekstu pārskatam…"))
            editor.setToolTip(f.hint)
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(130)  # a long text scrolls inside; the page stays readable
            editor.textChanged.connect(self._update_status)
            editor.installEventFilter(self)
            caption.setBuddy(editor)
            self.form.addWidget(editor)
            self.editors[f.key] = editor
        legend = text_label(
            self.tr("* obligāti aizpildāms: bez tā pārskatu var sagatavot tikai kā melnrakstu."), self.body
        )
        legend.setStyleSheet(NOTE_STYLES["muted"])
        self.form.addWidget(legend)
        self.form.addStretch(1)

    # ---- saving -------------------------------------------------------------------------------------------------

    def dirty_keys(self) -> list[str]:
        return [k for k, e in self.editors.items() if e.toPlainText() != self.stored.get(k, "")]

    def has_unsaved(self) -> bool:
        return bool(self.dirty_keys())

    def save(self) -> bool:
        """Writes the changed texts in one transaction; False (and a message, texts kept) when that fails."""
        changed = {k: self.editors[k].toPlainText() for k in self.dirty_keys()}
        if not changed:
            return True
        before = {k: self.stored.get(k, "") for k in changed}
        titles = {f.key: f.title for f in self.fields}
        label = self.tr("Atskaites teksts: %1").replace("%1", ", ".join(titles.get(k, k) for k in changed))
        pid = self.project_id

        def write(texts: dict[str, str]) -> Callable[[Session], None]:
            def run(s: Session) -> None:
                for key, text in texts.items():
                    projects.set_text(s, pid, key, text)

            return run

        try:
            self.ws.execute(CallCommand(self.ws, write(changed), write(before), label))
        except AppError as exc:
            self.warn(self.tr("Tekstus neizdevās saglabāt: %1").replace("%1", text_of(exc)))
            return False
        self.stored.update(changed)
        self._update_status()
        self.saved.emit()
        return True

    def confirm_leave(self) -> bool:
        """Before the page is left: unsaved texts are saved, thrown away or the leaving cancelled (False)."""
        if not self.has_unsaved():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Pārskata teksti"),
            self.tr("Pārskata tekstos ir nesaglabātas izmaiņas. Saglabāt tās?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            for key in self.dirty_keys():
                self.editors[key].setPlainText(self.stored.get(key, ""))
            self._update_status()
            return True
        return False

    def focus_section(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.setFocus()
            parent = self.body.parentWidget()
            scroll = parent.parentWidget() if parent is not None else None
            if isinstance(scroll, QScrollArea):
                scroll.ensureWidgetVisible(editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Leaving an edited box saves it: switching project or section must not lose a paragraph.
        if event.type() == QEvent.Type.FocusOut and watched in self.editors.values() and self.has_unsaved():
            self.save()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: object) -> None:
        if self.has_unsaved():
            self.save()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _update_status(self) -> None:
        dirty = self.has_unsaved()
        self.save_button.setEnabled(dirty)
        self.status.setText(self.tr("Nesaglabātas izmaiņas") if dirty else self.tr("Visi teksti saglabāti"))
        self.status.setStyleSheet("color: #8a5a00;" if dirty else "color: palette(mid);")
