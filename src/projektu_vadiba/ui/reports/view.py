"""ReportsView: making a project's reports — the final report, an interim report for a period, the financial
workbook for the accountant, the attendance lists for the annexes — with a preview (QPdfView), "Saglabāt kā…",
the last files made, and an editor for the report texts the data cannot fill (per report: final, each interim).

A missing mandatory text is named (the core's Latvian message) before anything is made; the user can fill it in
or make a draft anyway (marked "MELNRAKSTS"). Every text change is an undoable command on the workspace's stack;
the view reloads itself from the workspace's `dataChanged`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core import atomic_files, clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.report_data import missing_texts_message
from projektu_vadiba.core.services.report_dto import MissingText, ReportPeriod
from projektu_vadiba.ui.background import run_in_background
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.reports import making
from projektu_vadiba.ui.reports.preview import ReportPreviewDialog
from projektu_vadiba.ui.reports.recent import RecentFiles, RecentFilesList
from projektu_vadiba.ui.reports.texts import ReportTextsEditor
from projektu_vadiba.ui.settings import APPLICATION, ORGANISATION
from projektu_vadiba.ui.widgets.cards import note, text_label
from projektu_vadiba.ui.widgets.fields import DateEdit
from projektu_vadiba.ui.widgets.following import FollowingView
from projektu_vadiba.ui.workspace import Workspace

LAST_FOLDER = "reports/last_folder"


class ReportsView(FollowingView):
    def __init__(
        self, ws: Workspace, project_id: int, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.ws, self.project_id = ws, project_id
        self._db = ws.db
        self._stale = False
        self.settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
        self.missing: tuple[MissingText, ...] = ()
        self._period_touched = False
        # Seams for tests: the questions, the file dialog and the preview.
        self.ask_missing: Callable[[str], str] = self._ask_missing  # -> "draft" | "fill" | "cancel"
        self.choose_path: Callable[[str, str], Path | None] = self._choose_path
        self.show_preview: Callable[[making.Made, str], None] = self._show_preview
        self.warn: Callable[[str], object] = lambda text: QMessageBox.warning(self, self.tr("Pārskati"), text)

        self.kind_labels = {
            making.FINAL: self.tr("Noslēguma pārskats"),
            making.INTERIM: self.tr("Starpposma pārskats"),
            making.FINANCIAL: self.tr("Finanšu pārskats grāmatvedim (XLSX)"),
            making.ANNEXES: self.tr("Dalībnieku saraksti pielikumiem (PDF)"),
            making.CERTIFICATES: self.tr("Apliecinājumi par dalību, lapa katram dalībniekam (PDF)"),
        }
        self.texts = ReportTextsEditor(ws, project_id, self)
        self.texts.saved.connect(self._texts_saved)
        self.recent = RecentFilesList(RecentFiles(self.settings, project_id), self.kind_labels, self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._make_tab(), self.tr("Sagatavot"))
        self.tabs.addTab(self.texts, self.tr("Pārskata teksti"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        ws.dataChanged.connect(self._data_changed)
        self.reload()

    # ---- building -----------------------------------------------------------------------------------------------

    def _make_tab(self) -> QWidget:
        page = QWidget(self)
        choose = QGroupBox(self.tr("Ko sagatavot"), page)
        grid = QGridLayout(choose)
        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for row, kind in enumerate(making.KINDS):
            button = QRadioButton(self.kind_labels[kind], choose)
            button.setObjectName(f"kind_{kind}")
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            grid.addWidget(button, row, 0)
        self.kind_buttons[making.FINAL].setChecked(True)
        self.date_from, self.date_to = DateEdit(parent=choose), DateEdit(parent=choose)
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("no"), choose))
        period.addWidget(self.date_from)
        period.addWidget(QLabel(self.tr("līdz"), choose))
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.period_error = QLabel(choose)  # a typed date that is not one, said beside the fields
        self.period_error.setStyleSheet("color: #b3261e;")
        self.period_error.setWordWrap(True)
        self.period_error.hide()
        period_box = QVBoxLayout()
        period_box.addLayout(period)
        period_box.addWidget(self.period_error)
        grid.addLayout(period_box, 1, 1)
        for field in (self.date_from, self.date_to):
            field.problem_changed.connect(self._show_period_problem)
        self.with_lists = QCheckBox(self.tr("Pievienot ieradušos dalībnieku sarakstus pārskata beigās"), choose)
        self.language = QComboBox(choose)
        self.language.addItem(self.tr("latviešu"), "lv")
        self.language.addItem(self.tr("angļu"), "en")
        # The final / interim report also as an editable Word document (funders' forms are finished by hand).
        self.file_format = QComboBox(choose)
        self.file_format.setObjectName("file_format")
        self.file_format.addItem(self.tr("PDF"), "pdf")
        self.file_format.addItem(self.tr("DOCX (rediģējams)"), "docx")
        self.file_format.setToolTip(self.tr("DOCX: to pašu pārskatu var labot Word vai LibreOffice Writer."))
        file_format = QHBoxLayout()  # beside the final report, above the interim's period: the two it applies to
        file_format.addWidget(QLabel(self.tr("Formāts:"), choose))
        file_format.addWidget(self.file_format)
        file_format.addStretch(1)
        grid.addLayout(file_format, 0, 1)
        options = QHBoxLayout()
        options.addWidget(self.with_lists)
        options.addStretch(1)
        options.addWidget(QLabel(self.tr("Valoda:"), choose))
        options.addWidget(self.language)
        grid.addLayout(options, len(making.KINDS), 0, 1, 2)
        grid.setColumnStretch(1, 1)

        self.missing_note = note("", "warning", page)
        self.fill_button = QPushButton(self.tr("Aizpildīt tekstus…"), page)
        self.fill_button.clicked.connect(lambda: self.open_texts(self.missing[0].key if self.missing else ""))
        missing_row = QHBoxLayout()
        missing_row.addWidget(self.missing_note, 1)
        missing_row.addWidget(self.fill_button, 0, Qt.AlignmentFlag.AlignTop)

        self.preview_button = QPushButton(self.tr("Priekšskatīt"), page)
        self.save_button = QPushButton(self.tr("Saglabāt kā…"), page)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_as)
        self.status = text_label("", page)
        self.status.setStyleSheet("color: palette(mid);")
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.save_button)

        left = QVBoxLayout()
        left.addWidget(choose)
        left.addLayout(missing_row)
        left.addLayout(actions)
        left.addStretch(1)
        files = QGroupBox(self.tr("Pēdējie sagatavotie faili"), page)
        QVBoxLayout(files).addWidget(self.recent)
        columns = QHBoxLayout(page)
        columns.addLayout(left, 3)
        columns.addWidget(files, 2)

        self.kinds.buttonToggled.connect(lambda *_: self._update())
        self.date_from.valueChanged.connect(self._period_changed)
        self.date_to.valueChanged.connect(self._period_changed)
        self.language.currentIndexChanged.connect(lambda _i: self._update())
        self.file_format.currentIndexChanged.connect(lambda _i: self._update())
        return page

    # ---- state --------------------------------------------------------------------------------------------------

    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def set_kind(self, kind: str) -> None:
        self.kind_buttons[kind].setChecked(True)

    def request(self) -> making.Request:
        kind = self.kind()
        texts = kind in (making.FINAL, making.INTERIM)
        docx = texts and self.file_format.currentData() == "docx"
        return making.Request(
            kind=kind,
            date_from=self.date_from.value() if kind == making.INTERIM else None,
            date_to=self.date_to.value() if kind == making.INTERIM else None,
            with_lists=self.with_lists.isChecked() and texts and not docx,
            lang=str(self.language.currentData()),
            docx=docx,
        )

    def reload(self) -> None:
        self._stale = False
        try:
            project = self.ws.read(lambda s: projects.get_project(s, self.project_id))
        except AppError:  # the project went away (deleted, or its creation undone)
            return
        self.project = project
        profile = profiles.load_profile(project.profile_key)
        self.texts.load(project, profile)
        if not self._period_touched:  # the project so far, until the user picks a period
            self.date_from.blockSignals(True)
            self.date_to.blockSignals(True)
            self.date_from.set_value(project.start_date)
            self.date_to.set_value(max(project.start_date, min(clock.today(), project.end_date)))
            self.date_from.blockSignals(False)
            self.date_to.blockSignals(False)
        self.recent.reload()
        self._update()

    def period_problem(self) -> str:
        return self.date_from.problem() or self.date_to.problem()

    def _show_period_problem(self) -> None:
        message = self.period_problem()
        self.period_error.setText(message)
        self.period_error.setVisible(bool(message))

    def _period_changed(self) -> None:
        self._period_touched = True
        self._update()

    def _update(self) -> None:
        request = self.request()
        interim = request.kind == making.INTERIM
        self.date_from.setEnabled(interim)
        self.date_to.setEnabled(interim)
        self.file_format.setEnabled(request.has_texts)
        self.with_lists.setEnabled(request.has_texts and not request.docx)  # the lists are PDF sheets
        pdf = request.suffix == ".pdf"
        self.preview_button.setEnabled(pdf)
        if request.docx:
            self.preview_button.setToolTip(self.tr("DOCX failu saglabājiet un atveriet Word vai LibreOffice Writer."))
        else:
            self.preview_button.setToolTip("" if pdf else self.tr("XLSX failu saglabājiet un atveriet izklājlapā."))
        self.missing = ()
        if request.has_texts and not (interim and self.date_to.value() < self.date_from.value()):
            try:
                self.missing = making.missing(self._db, self.project_id, request)
            except AppError as exc:
                self.status.setText(text_of(exc))
        self.missing_note.setText(text_of(missing_texts_message(self.missing)))
        self.missing_note.setVisible(bool(self.missing))
        self.fill_button.setVisible(bool(self.missing))

    def _texts_saved(self) -> None:
        self._update()

    # ---- actions ------------------------------------------------------------------------------------------------

    def open_texts(self, key: str = "") -> None:
        """The texts of the report chosen to be made (an interim report: of its period), at section `key`."""
        request = self.request()
        if request.has_texts:
            period = request.period
            self.texts.show_report(None if period is None else ReportPeriod(*period))
        self.tabs.setCurrentWidget(self.texts)
        if key:
            self.texts.focus_section(key)

    def confirm_leave(self) -> bool:
        return self.texts.confirm_leave()

    def save_pending(self) -> bool:
        """Saves typed report texts without asking (the page is going away); False when saving failed."""
        return self.texts.save() if self.texts.has_unsaved() else True

    def _prepare(self) -> making.Request | None:
        """Texts saved, the period checked, the missing texts asked about; None: nothing is to be made."""
        if not self.texts.save():
            return None
        request = self.request()
        period = request.period
        if period is not None and self.period_problem():
            self._show_period_problem()
            self.warn(self.period_problem())
            return None
        if period is not None and period[1] < period[0]:
            self.warn(self.tr("Pārskata perioda beigas nevar būt pirms sākuma."))
            return None
        self._update()
        if request.has_texts and self.missing:
            answer = self.ask_missing(text_of(missing_texts_message(self.missing)))
            if answer == "fill":
                self.open_texts(self.missing[0].key)
                return None
            if answer != "draft":
                return None
            request = replace(request, draft=True)
        return request

    def _make(self, request: making.Request) -> making.Made | None:
        try:
            return run_in_background(
                self, self.tr("Gatavo pārskatu…"), lambda: making.make(self._db, self.project_id, request)
            )
        except AppError as exc:
            self.warn(text_of(exc))
            return None

    def preview(self) -> None:
        request = self._prepare()
        made = self._make(request) if request is not None else None
        if request is not None and made is not None:
            self.show_preview(made, request.kind)

    def save_as(self) -> Path | None:
        request = self._prepare()
        made = self._make(request) if request is not None else None
        if request is None or made is None:
            return None
        path = self.choose_path(made.file_name, request.suffix)
        if path is None:
            return None
        return self.write(made, path, request.kind)

    def write(self, made: making.Made, path: Path, kind: str) -> Path | None:
        try:
            atomic_files.write_bytes(path, made.data)  # a failed save leaves the previous file whole
        except AppError as exc:
            self.warn(text_of(exc))
            return None
        self.recorded(path, kind)
        return path

    def recorded(self, path: Path, kind: str) -> None:
        self.settings.setValue(LAST_FOLDER, str(path.parent))
        self.recent.add(path, kind)
        self.status.setText(self.tr("Saglabāts: %1").replace("%1", str(path)))

    # ---- default dialogs ----------------------------------------------------------------------------------------

    def _ask_missing(self, message: str) -> str:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Pārskatam trūkst teksta"))
        box.setText(message)
        draft = box.addButton(self.tr("Veidot melnrakstu"), QMessageBox.ButtonRole.AcceptRole)
        fill = box.addButton(self.tr("Aizpildīt tekstus"), QMessageBox.ButtonRole.ActionRole)
        cancel = box.addButton(self.tr("Atcelt"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fill)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "draft" if clicked is draft else "fill" if clicked is fill else "cancel"

    def _choose_path(self, file_name: str, suffix: str) -> Path | None:
        folder = str(self.settings.value(LAST_FOLDER, "") or Path.home())
        kinds = {
            ".pdf": self.tr("PDF dokumenti (*.pdf)"),
            ".docx": self.tr("Word dokumenti (*.docx)"),
        }.get(suffix) or self.tr("Excel darbgrāmatas (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Saglabāt kā"), str(Path(folder) / file_name), kinds)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def _show_preview(self, made: making.Made, kind: str) -> None:
        dialog = ReportPreviewDialog(made, self)
        dialog.file_saved.connect(lambda path: self.recorded(path, kind))
        dialog.exec()
