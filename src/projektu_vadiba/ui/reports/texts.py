"""The report texts the data cannot fill (aim reached, publicity, changes and problems ...), per report: "Pārskats:"
chooses the final report or an interim report (each period of the project's interim deadlines or with texts
already), and the editor shows one box per text section that report has, in the profile's order, with the hint.

Texts are saved by the button (Ctrl+S), before a report is made, when the cursor leaves an edited box, when
another report is chosen and when the page is left, so nothing typed is lost. Each save is one undoable command on
the workspace's stack ("Atskaites teksts: …", core.services.report_texts.set_texts both ways)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
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
from projektu_vadiba.core.services import report_texts
from projektu_vadiba.core.services.report_data import report_sections
from projektu_vadiba.core.services.report_dto import FINAL, INTERIM, ReportPeriod
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


def text_fields(
    profile: profiles.FunderProfile, kind: str = FINAL, lang: str = "lv", year: int | None = None
) -> list[TextField]:
    """The text sections of one report (final or interim), in the profile's order."""
    sections = report_sections(profile, {}, kind, lang, year)
    return [TextField(s.key, s.title, s.hint, s.mandatory) for s in sections if s.source == "text"]


class ReportTextsEditor(QWidget):
    saved = Signal()  # texts were written to the database

    def __init__(self, ws: Workspace, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.project_id = ws, project_id
        self.fields: list[TextField] = []
        self.editors: dict[str, QPlainTextEdit] = {}
        self.stored: dict[str, str] = {}
        self._resolving = False  # a conflict box is open (see _resolve)
        self.period: ReportPeriod | None = None  # the report being written: None is the final report
        self.reports: list[ReportPeriod | None] = [None]  # the reports in the "Pārskats:" box, in its order
        self._asked: set[ReportPeriod] = set()  # interim periods opened from "Sagatavot" that have no texts yet
        self._project: ProjectDetail | None = None
        self._profile: profiles.FunderProfile | None = None
        self._lang = "lv"
        self._built: tuple[str, int, str] | None = None  # the profile, year and report kind the boxes show
        self.warn: Callable[[str], object] = lambda text: QMessageBox.warning(self, self.tr("Pārskata teksti"), text)

        self.report = QComboBox(self)
        self.report.setObjectName("text_report")
        self.report.setToolTip(self.tr("Katram pārskatam ir savi teksti: noslēguma pārskatam un katram periodam."))
        self.report.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        report_label = QLabel(self.tr("Pārskats:"), self)
        report_label.setBuddy(self.report)
        chooser = QHBoxLayout()
        chooser.addWidget(report_label)
        chooser.addWidget(self.report)
        chooser.addStretch(1)
        self.report.currentIndexChanged.connect(self._report_chosen)

        self.body = QWidget(self)
        self.form = QVBoxLayout(self.body)
        self.form.setSpacing(4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from "Pārskats:" straight to the first box
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
        layout.addLayout(chooser)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        self._update_status()

    # ---- loading ------------------------------------------------------------------------------------------------

    def load(self, project: ProjectDetail, profile: profiles.FunderProfile, lang: str = "lv") -> None:
        """Fill from the project; the chosen report stays chosen and a box being edited keeps what the user typed."""
        self._project, self._profile, self._lang = project, profile, lang
        self._fill_reports()
        self._show_texts(keep_typed=True)

    def report_label(self, period: ReportPeriod | None) -> str:
        if period is None:
            return self.tr("Noslēguma pārskats")
        return self.tr("Starpposma pārskats %1").replace("%1", report_texts.period_text(period))

    def _fill_reports(self) -> None:
        """The final report, each interim period the project knows, and the one being written even when it is
        neither (a period chosen for making a report, or one whose last text was just undone)."""
        pid = self.project_id
        known = [r.period for r in self.ws.read(lambda s: report_texts.text_reports(s, pid))]
        extra = {p for p in (*self._asked, self.period) if p is not None and p not in known}
        self.reports = [
            None,
            *sorted({p for p in known if p is not None} | extra, key=lambda p: (p.date_from, p.date_to)),
        ]
        self.report.blockSignals(True)  # rebuilding the list is not the user choosing a report
        self.report.clear()
        for period in self.reports:
            self.report.addItem(self.report_label(period))
        self.report.setCurrentIndex(self.reports.index(self.period))
        self.report.blockSignals(False)

    def _show_texts(self, keep_typed: bool) -> None:
        """The boxes of the chosen report with its texts; `keep_typed`: edited boxes keep what was typed."""
        project, profile = self._project, self._profile
        if project is None or profile is None:
            return
        year = (project.programme.call_year if project.programme else None) or project.start_date.year
        kind = FINAL if self.period is None else INTERIM
        if (profile.key, year, kind) != self._built:
            self._build(text_fields(profile, kind, self._lang, year))
            self._built = (profile.key, year, kind)
        pid, period = self.project_id, self.period
        texts = self.ws.read(lambda s: report_texts.texts_of(s, pid, period))
        edited = set(self.dirty_keys()) if keep_typed else set()
        self.stored = {f.key: texts.get(f.key, "") for f in self.fields}
        for key, editor in self.editors.items():
            if key not in edited and editor.toPlainText() != self.stored[key]:
                editor.setPlainText(self.stored[key])
        self._update_status()

    def show_report(self, period: ReportPeriod | None) -> None:
        """Choose the report whose texts to write (the interim period being made may have none yet)."""
        if period is not None and period not in self.reports:
            self._asked.add(period)
            self._fill_reports()
        self.report.setCurrentIndex(self.reports.index(period))

    def _report_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.reports) or self.reports[index] == self.period:
            return
        chosen = self.reports[index]
        # What was typed for the report being left is saved first, as when the cursor leaves a box.
        if self.has_unsaved() and not self.save():
            self._select(self.period)  # not saved: stay on that report with the typed texts
            return
        self.period = chosen
        if chosen not in self.reports:  # the save's reload rebuilt the list
            self._fill_reports()
        self._select(chosen)
        self._show_texts(keep_typed=False)

    def _select(self, period: ReportPeriod | None) -> None:
        self.report.blockSignals(True)
        self.report.setCurrentIndex(self.reports.index(period))
        self.report.blockSignals(False)

    def _build(self, fields: list[TextField]) -> None:
        while self.form.count():
            item = self.form.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of the focus chain now, not only when deleted
                widget.deleteLater()
        self.fields, self.editors = fields, {}
        for f in fields:
            title = f.title + (" *" if f.mandatory else "")
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
        # Boxes made later join the end of the window's focus chain: Tab goes "Pārskats:", the boxes, the button.
        chain = [self.report, *self.editors.values(), self.save_button]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
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
        if self._resolving:  # the conflict box took the focus: no second save (and box) under the first
            return False
        changed = {k: self.editors[k].toPlainText() for k in self.dirty_keys()}
        if not changed:
            return True
        before = {k: self.stored.get(k, "") for k in changed}
        titles = ", ".join({f.key: f.title for f in self.fields}.get(k, k) for k in changed)
        pid, period = self.project_id, self.period
        if period is None:
            label = self.tr("Atskaites teksts: %1").replace("%1", titles)
        else:
            label = self.tr("Starpposma pārskata (%1) teksts: %2")
            label = label.replace("%1", report_texts.period_text(period)).replace("%2", titles)

        def write(texts: dict[str, str], over: dict[str, str]) -> Callable[[Session], None]:
            def run(s: Session) -> None:  # the texts of the report they were typed for, whichever is shown later
                # Over the texts this editor (or the step being undone) left: someone else's later save is a
                # conflict, never overwritten unseen.
                report_texts.set_texts(s, pid, period, texts, known_only=False, expected=over)

            return run

        try:
            self.ws.execute(CallCommand(self.ws, write(changed, before), write(before, changed), label))
        except report_texts.TextsConflict as exc:
            return self._resolve(exc)
        except AppError as exc:
            self.warn(self.tr("Tekstus neizdevās saglabāt: %1").replace("%1", text_of(exc)))
            return False
        self.stored.update(changed)
        self._update_status()
        self.saved.emit()
        return True

    def _resolve(self, conflict: report_texts.TextsConflict) -> bool:
        """Someone saved texts of this report while these were being written: their texts are shown; the user saves
        mine over theirs knowingly, takes theirs into the boxes, or goes back to writing (nothing saved)."""
        titles = {f.key: f.title for f in self.fields}
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Pārskata teksti"), text_of(conflict), parent=self)
        box.setInformativeText(
            self.tr("Cita lietotāja saglabātais: %1. Kuru tekstu paturēt?").replace(
                "%1", ", ".join(titles.get(k, k) for k in conflict.theirs)
            )
        )
        box.setDetailedText("\n\n".join(f"{titles.get(k, k)}:\n{text or '—'}" for k, text in conflict.theirs.items()))
        mine = box.addButton(self.tr("Saglabāt manu"), QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton(self.tr("Ņemt cita lietotāja"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Turpināt rakstīt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(mine)
        self._resolving = True
        try:
            box.exec()
        finally:
            self._resolving = False
        if box.clickedButton() is mine:
            self.stored.update(conflict.theirs)  # seen: saving now replaces theirs, as the user chose
            return self.save()
        if box.clickedButton() is theirs:
            self.stored.update(conflict.theirs)
            for key, text in conflict.theirs.items():
                self.editors[key].setPlainText(text)
            self._update_status()
            return True
        return False  # the typed texts stay; the next save asks again

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
