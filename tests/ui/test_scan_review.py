"""The scan review dialog: page image beside the proposed ticks, uncertain rows highlighted, apply and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.models import Attendance, AttendanceStatus
from projektu_vadiba.core.scan.results import ScannedRow
from projektu_vadiba.core.scan.service import read_scans
from projektu_vadiba.core.services import sheets
from projektu_vadiba.reports.sheet_print import print_attendance_pdf
from projektu_vadiba.ui.scan.review import UNCERTAIN, ScanReviewDialog
from projektu_vadiba.ui.workspace import Workspace
from tests.core import scan_images as im
from tests.reports.sample import make_sample


def test_review_applies_checked_rows_and_undoes(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    db = open_database(f"sqlite:///{tmp_path / 'a.sqlite'}")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
    plan = pdf.pages[0]
    photo = im.save(im.photo(im.scribble(im.render(pdf.data)[0], plan, [2, 4])), tmp_path / "foto.jpg")
    with db.session() as s:
        report = read_scans(s, [photo], keep_images=True)
    # Pretend row 6 was faint: the reviewer sees it highlighted and decides.
    page = report.pages[0]
    faint = next(r for r in page.empty if r.row == 6)
    page = type(page)(
        **{
            **page.__dict__,
            "empty": tuple(r for r in page.empty if r is not faint),
            "uncertain": (ScannedRow(6, faint.person_id, faint.name, 0.02),),
        }
    )
    report = type(report)((page,), report.errors)

    ws = Workspace(db)
    dialog = ScanReviewDialog(ws, report)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    rows = {int(table.item(i, 0).text()): i for i in range(table.rowCount())}
    assert not dialog.undo_button.isVisible()
    assert dialog.image.pixmap() is not None and not dialog.image.pixmap().isNull()
    assert table.item(rows[2], 0).checkState() == Qt.CheckState.Checked
    assert table.item(rows[6], 0).checkState() == Qt.CheckState.Unchecked
    assert table.item(rows[6], 1).background().color() == UNCERTAIN
    table.item(rows[6], 0).setCheckState(Qt.CheckState.Checked)  # the reviewer confirms the faint one
    dialog.grab().save(str(tmp_path / "review.png"))
    person = {r.number: r.person_id for r in plan.rows}

    def attended() -> set[int]:
        with db.session() as s:
            return set(
                s.scalars(
                    select(Attendance.person_id).where(
                        Attendance.event_id == sample.event_id, Attendance.status == AttendanceStatus.ATTENDED
                    )
                )
            )

    before = attended()
    dialog.apply_button.click()
    assert attended() == before | {person[2], person[4], person[6]}
    assert dialog.undo_button.isVisible() and not dialog.apply_button.isEnabled()
    assert ws.undo_stack.undoText() == "Skenējuma atzīmes: 3 dalībnieki"
    dialog.undo_button.click()  # the workspace's undo, as Ctrl+Z in the main window
    assert attended() == before
    assert dialog.apply_button.isEnabled() and not dialog.undo_button.isVisible()
    ws.redo()  # redo ticks them again; the scans stay filed once
    assert attended() == before | {person[2], person[4], person[6]}
    assert not dialog.apply_button.isEnabled() and dialog.undo_button.isVisible()
    ws.undo()
    assert attended() == before
    db.close()
