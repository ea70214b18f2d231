"""ReportsView: the missing-text message and the draft choice, the texts editor (save, autosave, no typing lost),
preview and Save as for every kind, the last files made (kept per project in QSettings), the period check."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.report_data import missing_texts_message
from projektu_vadiba.core.services.report_dto import MissingText
from projektu_vadiba.ui.reports import ReportsView, making
from projektu_vadiba.ui.reports.preview import ReportPreviewDialog
from projektu_vadiba.ui.workspace import Workspace
from tests.reports.pdftools import pdftotext_pages
from tests.reports.report_sample import fill_texts, make_report_project

AIM = "Projekta mērķis un tā sasniegšana"


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_view(qtbot: QtBot, db: Database, qsettings: QSettings, *, texts: bool = False) -> ReportsView:
    with db.session() as s:
        pid = make_report_project(s, "sif_nvo_fonds", texts=texts).project_id
    view = ReportsView(Workspace(db), pid, settings=qsettings)
    qtbot.addWidget(view)
    view.resize(1100, 560)
    view.show()
    qtbot.waitExposed(view)
    view.warnings = []  # type: ignore[attr-defined]
    view.warn = view.warnings.append  # type: ignore[attr-defined]
    view.previews = []  # type: ignore[attr-defined]
    view.show_preview = lambda made, kind: view.previews.append((made, kind))  # type: ignore[attr-defined]
    return view


def stored_texts(db: Database, pid: int) -> dict[str, str]:
    with db.session() as s:
        return projects.get_project(s, pid).texts


def test_missing_texts_are_named_for_the_chosen_report(qtbot: QtBot, empty_db: Database, qsettings: QSettings) -> None:
    view = make_view(qtbot, empty_db, qsettings)
    missing = (MissingText("aim_reached", AIM), MissingText("publicity", "Publicitāte"),
               MissingText("changes", "Izmaiņas projekta īstenošanā un problēmas"))  # fmt: skip
    assert view.missing_note.isVisible() and view.missing_note.text() == missing_texts_message(missing)
    assert not view.date_from.isEnabled() and view.with_lists.isEnabled()
    view.set_kind(making.INTERIM)
    assert view.date_from.isEnabled() and "Virzība uz projekta mērķi pārskata periodā" in view.missing_note.text()
    view.set_kind(making.FINANCIAL)
    assert not view.missing_note.isVisible() and not view.preview_button.isEnabled()
    assert not view.with_lists.isEnabled()
    view.set_kind(making.FINAL)
    view.fill_button.click()
    assert view.tabs.currentWidget() is view.texts
    assert view.focusWidget() is view.texts.editors["aim_reached"]


def test_typed_texts_are_saved_and_the_message_follows(qtbot: QtBot, empty_db: Database, qsettings: QSettings) -> None:
    view = make_view(qtbot, empty_db, qsettings)
    view.open_texts("aim_reached")
    editor = view.texts.editors["aim_reached"]
    editor.setPlainText("Mērķis sasniegts: 6 tikšanās, 70 dalībnieku.")
    assert view.texts.has_unsaved() and view.texts.save_button.isEnabled()
    with qtbot.waitSignal(view.ws.dataChanged, timeout=1000):
        view.texts.save_button.click()
    assert stored_texts(empty_db, view.project_id)["aim_reached"] == "Mērķis sasniegts: 6 tikšanās, 70 dalībnieku."
    assert not view.texts.has_unsaved() and "Projekta mērķis" not in view.missing_note.text()
    assert "“Publicitāte”" in view.missing_note.text()
    # The save is one step of the workspace's history: undo puts the empty text back, and the editor follows.
    assert view.ws.undo_stack.undoText() == f"Atskaites teksts: {AIM}"
    view.ws.undo()
    assert stored_texts(empty_db, view.project_id).get("aim_reached", "") == ""
    assert editor.toPlainText() == "" and not view.texts.has_unsaved()
    assert "Projekta mērķis" in view.missing_note.text()
    view.ws.redo()
    assert editor.toPlainText() == "Mērķis sasniegts: 6 tikšanās, 70 dalībnieku."


def test_nothing_typed_is_lost(qtbot: QtBot, empty_db: Database, qsettings: QSettings) -> None:
    view = make_view(qtbot, empty_db, qsettings)
    view.open_texts("publicity")
    view.texts.editors["publicity"].setPlainText("Raksts novada avīzē.")
    with empty_db.session() as s:  # meanwhile the text of another section changes elsewhere
        projects.set_text(s, view.project_id, "changes", "Izmaiņu nebija.")
    view.reload()
    assert view.texts.editors["publicity"].toPlainText() == "Raksts novada avīzē."  # still typed, not reset
    assert view.texts.editors["changes"].toPlainText() == "Izmaiņu nebija."
    view.tabs.setCurrentIndex(0)  # leaving the editor tab hides the editor: it saves
    assert stored_texts(empty_db, view.project_id)["publicity"] == "Raksts novada avīzē."

    view.open_texts("aim_reached")
    view.texts.editors["aim_reached"].setPlainText("Uzrakstīts, tad pamests.")
    view.tabs.setCurrentIndex(0)
    assert stored_texts(empty_db, view.project_id)["aim_reached"] == "Uzrakstīts, tad pamests."


def test_leaving_asks_to_save_or_discard(
    qtbot: QtBot, empty_db: Database, qsettings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = make_view(qtbot, empty_db, qsettings)
    editor = view.texts.editors["changes"]
    editor.setPlainText("Varbūt.")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    assert view.confirm_leave() is False and editor.toPlainText() == "Varbūt."
    assert view.confirm_leave() is True and editor.toPlainText() == "" and not view.texts.has_unsaved()
    assert "changes" not in stored_texts(empty_db, view.project_id)


@pytest.mark.parametrize("answer", ["cancel", "fill", "draft"])
def test_a_report_with_missing_texts_asks_first(
    qtbot: QtBot, empty_db: Database, qsettings: QSettings, answer: str
) -> None:
    view = make_view(qtbot, empty_db, qsettings)
    asked: list[str] = []
    view.ask_missing = lambda message: asked.append(message) or answer  # type: ignore[func-returns-value]
    view.preview_button.click()
    assert asked == [view.missing_note.text()]
    previews = view.previews  # type: ignore[attr-defined]
    if answer != "draft":
        assert previews == []
        assert (view.tabs.currentWidget() is view.texts) == (answer == "fill")
        return
    [(made, kind)] = previews
    assert kind == making.FINAL and made.draft and made.file_name.endswith(".pdf")
    pages = pdftotext_pages(made.data)
    assert len(pages) == made.pages and all("MELNRAKSTS" in p for p in pages)
    assert f"[Jāaizpilda: {AIM}]" in " ".join(" ".join(p.split()) for p in pages)


def test_save_as_writes_each_kind_and_lists_the_files(
    qtbot: QtBot, empty_db: Database, qsettings: QSettings, tmp_path: Path
) -> None:
    view = make_view(qtbot, empty_db, qsettings, texts=True)
    assert not view.missing_note.isVisible()
    chosen: list[tuple[str, str]] = []

    def choose(name: str, suffix: str) -> Path:
        chosen.append((name, suffix))
        return tmp_path / name

    view.choose_path = choose
    view.with_lists.setChecked(True)
    final = view.save_as()
    assert final is not None and final.read_bytes().startswith(b"%PDF")
    assert "Pielikums Nr. 3" in pdftotext_pages(final.read_bytes())[-1]
    view.set_kind(making.FINANCIAL)
    workbook = view.save_as()
    assert workbook is not None and load_workbook(workbook).sheetnames[0] == "Budžets"
    view.set_kind(making.ANNEXES)
    lists = view.save_as()
    assert lists is not None and len(pdftotext_pages(lists.read_bytes())) == 3
    assert [suffix for _, suffix in chosen] == [".pdf", ".xlsx", ".pdf"]
    assert chosen[0][0] == "nosleguma-parskats-2023-lv-nvof-mac-041-58.pdf"
    assert view.status.text() == f"Saglabāts: {lists}"

    # Newest first, kept per project: a new view of the same project shows them, of another project does not.
    again = ReportsView(view.ws, view.project_id, settings=qsettings)
    qtbot.addWidget(again)
    items = [again.recent.list.item(i).text() for i in range(again.recent.list.count())]
    assert [t.split("\n")[0] for t in items] == [lists.name, workbook.name, final.name]
    assert "Finanšu pārskats grāmatvedim (XLSX)" in items[1]
    with empty_db.session() as s:
        other = make_report_project(s, "generic", number="LF-2024/99").project_id
    assert ReportsView(view.ws, other, settings=qsettings).recent.list.count() == 0

    opened: list[QUrl] = []
    again.recent.open_url = lambda url: opened.append(url) or True  # type: ignore[func-returns-value]
    again.recent.list.setCurrentRow(1)
    again.recent.open_button.click()
    again.recent.folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(workbook.resolve()), str(tmp_path.resolve())]
    workbook.unlink()
    again.recent.reload()
    again.recent.list.setCurrentRow(1)
    assert "(fails nav atrasts)" in again.recent.list.item(1).text() and not again.recent.open_button.isEnabled()


def test_interim_report_for_the_chosen_period(qtbot: QtBot, empty_db: Database, qsettings: QSettings) -> None:
    view = make_view(qtbot, empty_db, qsettings, texts=True)
    view.set_kind(making.INTERIM)
    view.date_from.set_value(view.project.start_date.replace(month=6, day=1))
    view.date_to.set_value(view.project.start_date.replace(month=5, day=1))
    view.preview()
    assert view.warnings == ["Pārskata perioda beigas nevar būt pirms sākuma."]  # type: ignore[attr-defined]
    period = (view.project.start_date.replace(month=6, day=1), view.project.start_date.replace(month=7, day=19))
    with empty_db.session() as s:  # an interim report prints the texts written for its own period
        fill_texts(s, view.project_id, view.project.profile_key, period)
    view.date_to.set_value(period[1])
    view.preview()
    [(made, kind)] = view.previews  # type: ignore[attr-defined]
    text = " ".join(" ".join(p.split()) for p in pdftotext_pages(made.data))
    assert kind == making.INTERIM and "Projekta starpposma pārskats" in text
    assert "Pārskata periods: 01.06.2023–19.07.2023" in text
    assert made.file_name.endswith("2023-06-01-2023-07-19.pdf")


def test_the_preview_dialog_lists_a_saved_copy(
    qtbot: QtBot, empty_db: Database, qsettings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with empty_db.session() as s:
        pid = make_report_project(s, "lad_leader").project_id
        fill_texts(s, pid, "lad_leader")
    made = making.make(empty_db, pid, making.Request(making.FINAL))
    dialog = ReportPreviewDialog(made)
    qtbot.addWidget(dialog)
    assert dialog.page_count == made.pages > 0
    target = tmp_path / "kopija.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(dialog.file_saved, timeout=1000) as saved:
        dialog.save_button.click()
    assert saved.args == [target] and target.read_bytes() == made.data


def test_typed_texts_survive_a_project_switch(qtbot: QtBot, empty_db: Database, qsettings: QSettings) -> None:
    view = make_view(qtbot, empty_db, qsettings)
    view.open_texts("changes")
    view.texts.editors["changes"].setPlainText("Viena tikšanās pārcelta uz oktobri.")
    assert view.save_pending()  # what the Reports section calls before it replaces the view
    assert stored_texts(empty_db, view.project_id)["changes"] == "Viena tikšanās pārcelta uz oktobri."
    assert not view.texts.has_unsaved()
