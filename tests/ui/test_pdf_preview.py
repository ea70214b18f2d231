"""The PDF preview (offscreen): pages shown, Save as PDF writes the file, printing renders every page; and the
"Reģistrācijas lapa" action from options to preview."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.models import Activity, Event
from projektu_vadiba.ui.actions import attendance_sheet as action
from projektu_vadiba.ui.actions.attendance_sheet import (
    AttendanceSheetOptionsDialog,
    SheetChoice,
    build_sheet_pdf,
    open_attendance_sheet,
)
from projektu_vadiba.ui.dialogs.pdf_preview import PdfPreviewDialog
from tests.ui.conftest import Seeded


def _event_id(seeded: Seeded) -> int:
    with seeded.db.session() as s:
        return int(s.scalars(select(Event.id)).one())


@pytest.fixture
def sheet(seeded: Seeded) -> tuple[bytes, int]:
    pdf, _, _ = build_sheet_pdf(seeded.db, SheetChoice(blank_rows=40), event_id=_event_id(seeded))
    assert pdf.page_count == 3
    return pdf.data, pdf.page_count


def test_preview_shows_every_page(qtbot: QtBot, sheet: tuple[bytes, int], tmp_path: Path) -> None:
    data, pages = sheet
    dialog = PdfPreviewDialog(data, "lapa.pdf", "Reģistrācijas lapa — Talka")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count == pages
    assert dialog.pages_label.text() == f"Lapas: {pages}"
    assert dialog.print_button.isEnabled() and dialog.windowTitle() == "Reģistrācijas lapa — Talka"
    dialog.whole_page_button.click()
    assert dialog.whole_page_button.isChecked() and not dialog.fit_width_button.isChecked()
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert (tmp_path / "preview.png").stat().st_size > 0


def test_save_as_pdf_writes_the_bytes(
    qtbot: QtBot, sheet: tuple[bytes, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _ = sheet
    dialog = PdfPreviewDialog(data, "lapa.pdf")
    qtbot.addWidget(dialog)
    asked: list[str] = []

    def choose(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "saglabāta lapa"), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    saved = dialog.save_dialog()
    assert asked == ["lapa.pdf"]
    assert saved == tmp_path / "saglabāta lapa.pdf" and saved.read_bytes() == data

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert dialog.save_dialog() is None  # cancelled

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warnings.append(text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "nav" / "x.pdf"), "")))
    assert dialog.save_dialog() is None
    assert warnings and warnings[0].startswith("Neizdevās ierakstīt failu")  # the coded message of core
    assert str(tmp_path / "nav" / "x.pdf") in warnings[0]


def test_printing_renders_every_page(qtbot: QtBot, sheet: tuple[bytes, int], tmp_path: Path) -> None:
    data, pages = sheet
    dialog = PdfPreviewDialog(data, "lapa.pdf")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    assert dialog.print_to(printer)
    assert len(PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes())).pages) == pages

    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer)
    assert len(PdfReader(io.BytesIO((tmp_path / "two.pdf").read_bytes())).pages) == 2


def test_a_broken_pdf_says_so(qtbot: QtBot) -> None:
    dialog = PdfPreviewDialog(b"not a pdf", "x.pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_count == 0 and not dialog.print_button.isEnabled()
    assert dialog.pages_label.text() == "PDF neizdevās atvērt."


def test_options_dialog_gives_the_choice(qtbot: QtBot, seeded: Seeded, tmp_path: Path) -> None:
    from projektu_vadiba.core.services.sheets import sheets_for

    with seeded.db.session() as s:
        data = sheets_for(s, project_id=seeded.ids["2023-NVO-07"], variant=SheetVariant.BLANK)
    dialog = AttendanceSheetOptionsDialog(data)
    qtbot.addWidget(dialog)
    assert "Stādīšanas talka Ķekavā" in dialog.what_label.text()
    assert dialog.choice() == SheetChoice(SheetVariant.PREFILLED, 5, False)
    dialog.blank.setChecked(True)
    assert dialog.blank_rows.text() == "pilna lapa"
    assert dialog.choice() == SheetChoice(SheetVariant.BLANK, None, False)
    dialog.attended.setChecked(True)
    dialog.orientation.setCurrentIndex(1)
    assert not dialog.blank_rows.isEnabled()
    assert dialog.choice().variant is SheetVariant.ATTENDED and dialog.choice().landscape is True
    dialog.show()
    dialog.grab().save(str(tmp_path / "options.png"))


def test_action_from_activity_asks_then_previews(qtbot: QtBot, seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[PdfPreviewDialog] = []

    def preview_exec(self: PdfPreviewDialog) -> int:
        shown.append(self)
        return 0

    def options_exec(self: AttendanceSheetOptionsDialog) -> int:
        self.blank.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfPreviewDialog, "exec", preview_exec)
    monkeypatch.setattr(AttendanceSheetOptionsDialog, "exec", options_exec)
    with seeded.db.session() as s:
        activity_id = int(s.scalars(select(Activity.id)).one())
    open_attendance_sheet(None, seeded.db, activity_id=activity_id)  # type: ignore[arg-type]
    [dialog] = shown
    qtbot.addWidget(dialog)
    assert dialog.page_count == 1 and dialog.file_name.startswith("tuksa-registracijas-lapa-2023-04-22")
    assert dialog.windowTitle() == "Tukša reģistrācijas lapa — Stādīšanas talka Ķekavā"

    # A project with no events: a message instead of an empty PDF.
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: infos.append(text)))
    open_attendance_sheet(None, seeded.db, project_id=seeded.ids["LAD-19"])  # type: ignore[arg-type]
    assert infos == ["Šeit vēl nav neviena pasākuma."] and len(shown) == 1


def test_action_with_a_given_choice_and_an_error(qtbot: QtBot, seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[PdfPreviewDialog] = []

    def preview_exec(self: PdfPreviewDialog) -> int:
        shown.append(self)
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", preview_exec)
    open_attendance_sheet(
        None,  # type: ignore[arg-type]
        seeded.db,
        event_id=_event_id(seeded),
        choice=SheetChoice(SheetVariant.ATTENDED, landscape=True),
    )
    [dialog] = shown
    qtbot.addWidget(dialog)
    assert dialog.page_count == 1 and dialog.file_name.startswith("dalibnieku-saraksts")

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warnings.append(text)))
    open_attendance_sheet(None, seeded.db, event_id=99_999, choice=SheetChoice())  # type: ignore[arg-type]
    assert warnings and "nav atrasts" in warnings[0] and len(shown) == 1
    assert action.wait_cursor is not None
