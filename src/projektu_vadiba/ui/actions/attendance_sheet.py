""" "Reģistrācijas lapa": a few options, then the PDF in a preview with Print and Save as PDF.

    open_attendance_sheet(parent, db, event_id=7)        # one event
    open_attendance_sheet(parent, db, activity_id=3)     # all events of an activity, one PDF
    open_attendance_sheet(parent, db, project_id=1)      # all events of a project, one PDF

reportlab is loaded here, on the first sheet, never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto_sheets import SheetSet, SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.ui.background import run_in_background
from projektu_vadiba.ui.dialogs.pdf_preview import PdfPreviewDialog
from projektu_vadiba.ui.messages import text_of

if TYPE_CHECKING:
    from projektu_vadiba.reports.attendance_sheet import SheetPdf


@dataclass(frozen=True)
class SheetChoice:
    variant: SheetVariant = SheetVariant.PREFILLED
    blank_rows: int | None = None  # None: the profile's number (pre-filled) or a full page (blank sheet)
    landscape: bool | None = None  # None: as the funder profile says


@contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class AttendanceSheetOptionsDialog(QDialog):
    """What to print: names or an empty sheet or the annex list, how many empty rows, which way round."""

    def __init__(self, sheets: SheetSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from projektu_vadiba.core.funders import load_profile
        from projektu_vadiba.reports.sheet_columns import sheet_config

        config = sheet_config(load_profile(sheets.project.profile_key))
        self.default_blank_rows = int(config.get("blank_rows", 5) or 0)
        self.setWindowTitle(self.tr("Reģistrācijas lapa"))

        if len(sheets.sheets) == 1:
            event = sheets.sheets[0].event
            what = self.tr("Pasākums: %1, %2").replace("%1", event.title).replace("%2", f"{event.starts_at:%d.%m.%Y}")
        else:
            what = self.tr("Pasākumi: %1 — vienā PDF, katram pasākumam sava lapa").replace(
                "%1", str(len(sheets.sheets))
            )
        self.what_label = QLabel(what, self)
        self.what_label.setWordWrap(True)
        self.what_label.setTextFormat(Qt.TextFormat.PlainText)

        self.prefilled = QRadioButton(self.tr("Ar reģistrētajiem dalībniekiem"), self)
        self.blank = QRadioButton(self.tr("Tukša lapa (bez vārdiem)"), self)
        self.attended = QRadioButton(self.tr("Ieradušos dalībnieku saraksts pārskata pielikumam"), self)
        self.variants = QButtonGroup(self)
        for button in (self.prefilled, self.blank, self.attended):
            self.variants.addButton(button)
        self.prefilled.setChecked(True)
        self.variants.buttonToggled.connect(self._variant_changed)

        self.blank_rows = QSpinBox(self)
        self.blank_rows.setRange(0, 200)
        self.blank_rows.setValue(self.default_blank_rows)
        self.orientation = QComboBox(self)
        self.orientation.addItem(self.tr("Stateniski (A4)"), False)
        self.orientation.addItem(self.tr("Guliski (A4)"), True)
        self.orientation.setCurrentIndex(1 if config.get("orientation") == "landscape" else 0)

        form = QFormLayout()
        form.addRow(self.tr("Tukšās rindas:"), self.blank_rows)
        form.addRow(self.tr("Lapas novietojums:"), self.orientation)

        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("Sagatavot"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.what_label)
        for button in (self.prefilled, self.blank, self.attended):
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _variant_changed(self) -> None:
        # An empty sheet fills a whole page unless told otherwise; the annex lists only those who came.
        if self.blank.isChecked():
            self.blank_rows.setSpecialValueText(self.tr("pilna lapa"))
            self.blank_rows.setValue(0)
        else:
            self.blank_rows.setSpecialValueText("")
            self.blank_rows.setValue(self.default_blank_rows)
        self.blank_rows.setEnabled(not self.attended.isChecked())

    def choice(self) -> SheetChoice:
        variant = (
            SheetVariant.BLANK
            if self.blank.isChecked()
            else SheetVariant.ATTENDED
            if self.attended.isChecked()
            else SheetVariant.PREFILLED
        )
        rows: int | None = self.blank_rows.value()
        if variant is SheetVariant.BLANK and rows == 0:
            rows = None
        return SheetChoice(variant, rows, bool(self.orientation.currentData()))


@dataclass(frozen=True)
class SheetPreview:
    pdf: SheetPdf
    file_name: str
    title: str
    chapters: tuple[tuple[str, int], ...]  # each event's date and title with its first page (0-based)


def build_sheet_pdf(
    db: Database,
    choice: SheetChoice,
    *,
    event_id: int | None = None,
    activity_id: int | None = None,
    project_id: int | None = None,
) -> tuple[SheetPdf, str, str]:
    """The PDF, a file name to suggest and a window title."""
    made = build_sheet_preview(db, choice, event_id=event_id, activity_id=activity_id, project_id=project_id)
    return made.pdf, made.file_name, made.title


def build_sheet_preview(
    db: Database,
    choice: SheetChoice,
    *,
    event_id: int | None = None,
    activity_id: int | None = None,
    project_id: int | None = None,
) -> SheetPreview:
    """The PDF with a file name to suggest, a window title and where each event's sheet starts."""
    from projektu_vadiba.core.services.sheets import sheets_for
    from projektu_vadiba.reports.attendance_sheet import SheetOptions, build_attendance_pdf, suggested_file_name
    from projektu_vadiba.reports.sheet_print import print_attendance_pdf

    options = SheetOptions(landscape=choice.landscape, blank_rows=choice.blank_rows)
    with db.session() as s:
        data = sheets_for(s, event_id=event_id, activity_id=activity_id, project_id=project_id, variant=choice.variant)
        # Sheets people sign are recorded row by row, so that their scans can be read back later.
        if choice.variant is SheetVariant.ATTENDED:
            pdf = build_attendance_pdf(data, options)
        else:
            pdf = print_attendance_pdf(s, data, options)
    titles = {
        SheetVariant.PREFILLED: QCoreApplication.translate("attendance_sheet", "Reģistrācijas lapa"),
        SheetVariant.BLANK: QCoreApplication.translate("attendance_sheet", "Tukša reģistrācijas lapa"),
        SheetVariant.ATTENDED: QCoreApplication.translate("attendance_sheet", "Dalībnieku saraksts"),
    }
    subject = data.sheets[0].event.title if len(data.sheets) == 1 else f"{data.project.number} {data.project.title}"
    events = {sheet.event.id: sheet.event for sheet in data.sheets}
    chapters = tuple(
        (f"{events[plan.event_id].starts_at:%d.%m.%Y %H:%M} {events[plan.event_id].title}", plan.index)
        for plan in pdf.pages
        if plan.page == 1 and plan.event_id in events
    )
    return SheetPreview(pdf, suggested_file_name(data), f"{titles[choice.variant]} — {subject}", chapters)


def open_attendance_sheet(
    parent: QWidget,
    db: Database,
    *,
    event_id: int | None = None,
    activity_id: int | None = None,
    project_id: int | None = None,
    choice: SheetChoice | None = None,
) -> None:
    """Ask for the options (unless `choice` is given), build the PDF off the UI thread, show the preview."""
    from projektu_vadiba.core.services.sheets import sheets_for

    target = {"event_id": event_id, "activity_id": activity_id, "project_id": project_id}
    title = QCoreApplication.translate("attendance_sheet", "Reģistrācijas lapa")
    try:
        if choice is None:
            with wait_cursor(), db.session() as s:
                preview = sheets_for(s, **target, variant=SheetVariant.BLANK)
            if not preview.sheets:
                QMessageBox.information(
                    parent, title, QCoreApplication.translate("attendance_sheet", "Šeit vēl nav neviena pasākuma.")
                )
                return
            dialog = AttendanceSheetOptionsDialog(preview, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        chosen = choice
        made = run_in_background(
            parent,
            QCoreApplication.translate("attendance_sheet", "Gatavo reģistrācijas lapas…"),
            lambda: build_sheet_preview(db, chosen, **target),
        )
    except AppError as exc:
        QMessageBox.warning(parent, title, text_of(exc))
        return
    # One event's sheet needs no list of events; a batch (a project's 200 events) does.
    chapters = made.chapters if len(made.chapters) > 1 else ()
    PdfPreviewDialog(made.pdf.data, made.file_name, made.title, parent, chapters=chapters).exec()
