"""The reports tab makes certificates of participation: chosen with the mouse, previewed, in the chosen language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services import activities
from projektu_vadiba.ui.reports import making
from tests.reports.pdftools import pdftotext_pages
from tests.ui.test_reports_view import make_view, qsettings  # noqa: F401


def _click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))  # type: ignore[arg-type]


def test_certificates_for_every_participant(
    qtbot: QtBot,
    empty_db: Database,
    qsettings: QSettings,  # noqa: F811
    tmp_path: Path,
) -> None:
    view = make_view(qtbot, empty_db, qsettings, texts=True)
    _click(qtbot, view.kind_buttons[making.CERTIFICATES])
    assert view.kind() == making.CERTIFICATES and view.preview_button.isEnabled()
    assert not view.with_lists.isEnabled()  # nothing to append to certificates
    _click(qtbot, view.preview_button)
    [(made, kind)] = view.previews  # type: ignore[attr-defined]
    assert kind == making.CERTIFICATES and made.file_name.startswith("apliecinajumi-")
    pages = [" ".join(p.split()) for p in pdftotext_pages(made.data)]
    assert made.pages == len(pages) > 1 and all("APLIECINĀJUMS" in p for p in pages)
    with empty_db.session() as s:
        attended = sum(e.attended for e in activities.list_events(s, view.project_id))
    assert attended >= len(pages)  # one page per participant, never more than attendances
    assert view.warnings == []  # type: ignore[attr-defined]
