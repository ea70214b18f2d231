"""The evidence pack of the demo project: a valid ZIP whose index names every file in it and every event and
expense that lacks evidence."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from projektu_vadiba.cli import main
from projektu_vadiba.core import clock
from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.models import Event, Expense, Project
from projektu_vadiba.core.services import attachments
from projektu_vadiba.core.services.attachments import Owner
from projektu_vadiba.core.services.evidence import evidence_pack
from projektu_vadiba.reports.evidence_zip import INDEX_NAME, LISTS_NAME, write_evidence_zip
from projektu_vadiba.reports.text import format_date
from tests.reports.pdftools import need_pdftotext


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    yield tmp_path


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes, tmp: Path) -> str:
    need_pdftotext()
    path = tmp / "index.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def demo_with_files(db: Database, tmp: Path) -> tuple[int, str, int, int]:
    files = {name: tmp / name for name in ("lapa.pdf", "rēķins.pdf", "foto.jpg", "publikācija.pdf")}
    for i, path in enumerate(files.values()):
        path.write_bytes(f"file {i}".encode())
    with db.session() as s:
        fill_demo(s)
        project = s.scalars(select(Project).order_by(Project.id)).first()
        assert project is not None
        event = s.scalars(select(Event).where(Event.project_id == project.id).order_by(Event.starts_at)).first()
        expense = s.scalars(select(Expense).where(Expense.project_id == project.id).order_by(Expense.date)).first()
        assert event is not None and expense is not None
        attachments.add(s, files["lapa.pdf"], Owner(project.id, event.activity_id, event.id), kind="signed_sheet")
        attachments.add(s, files["foto.jpg"], Owner(project.id, event.activity_id, event.id), kind="photo")
        attachments.add(s, files["rēķins.pdf"], Owner(project_id=project.id, expense_id=expense.id), kind="invoice")
        attachments.add(s, files["publikācija.pdf"], Owner(project_id=project.id), kind="publication")
        return project.id, project.number, event.id, expense.id


def test_demo_evidence_zip_is_valid_and_its_index_names_everything(db: Database, data_dir: Path) -> None:
    project_id, _, sheet_event, invoiced = demo_with_files(db, data_dir)
    target = data_dir / "pierādījumi.zip"
    with db.session() as s:
        result = write_evidence_zip(s, project_id, target)
        pack = evidence_pack(s, project_id)
        events = list(s.scalars(select(Event).where(Event.project_id == project_id)))
        expenses = list(s.scalars(select(Expense).where(Expense.project_id == project_id)))
    if shutil.which("unzip") is None:
        assert zipfile.ZipFile(target).testzip() is None  # no Info-ZIP on Windows: Python's own check
    else:
        assert subprocess.run(["unzip", "-tq", str(target)], capture_output=True).returncode == 0
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        index = pdf_text(zf.read(INDEX_NAME), data_dir)
        assert zf.read(next(n for n in names if n.endswith("lapa.pdf"))) == b"file 0"
    assert names[0] == INDEX_NAME and LISTS_NAME in names
    assert len(names) == 2 + 4 and result.files == 4
    assert any(n.startswith("aktivitates/") and n.endswith("foto.jpg") for n in names)
    # Names keep their letters (ZIP stores UTF-8 names): "rēķins", not "rekins".
    assert any(n.startswith("budzets/") and n.endswith("rēķins.pdf") for n in names)
    assert "projekts/" in " ".join(names)
    flat = squeeze(index)
    assert squeeze(f"Pierādījumu arhīvs — {pack.project_number} · sagatavots") in flat and "Lapa1" in flat
    for name in names:
        assert squeeze(name) in flat, name
    # From the first page: what is missing, every past event without a sheet and every expense without an invoice.
    assert "Trūkst" in index.split("\f")[0]
    first_page = squeeze(index.split("Aktivitātes un pasākumi")[0])
    now = clock.now()
    missing_events = [e for e in events if e.starts_at <= now and e.id != sheet_event]
    assert missing_events and result.missing_sheets == len(missing_events) == len(pack.events_missing_sheet)
    for event in missing_events:
        assert squeeze(f"{format_date(event.starts_at.date())} {event.title}") in first_page, event.title
    missing_expenses = [x for x in expenses if x.id != invoiced]
    assert result.missing_invoices == len(missing_expenses)
    for expense in missing_expenses:
        assert squeeze(f"{format_date(expense.date)} {expense.document_number} {expense.supplier}") in first_page
    sheet = next(e for e in events if e.id == sheet_event)
    without_sheet = first_page.split(squeeze("Izdevumi bez rēķina"))[0]
    assert squeeze(f"{format_date(sheet.starts_at.date())} {sheet.title}") not in without_sheet
    # The event with photos, where someone asked not to be photographed: named with the people to look for.
    [refused] = pack.events_with_photo_refusals
    assert refused.id == sheet_event and refused.photo_refusals
    photos = first_page.split(squeeze("Pārbaudiet foto"))[1]
    assert squeeze(f"{sheet.title}: {', '.join(refused.photo_refusals)}") in photos


def test_cli_evidence_and_a_missing_stored_file(
    db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if "sqlite" not in db.url:
        pytest.skip("the CLI test opens the SQLite file")
    _, number, _, _ = demo_with_files(db, data_dir)
    target = data_dir / "a.zip"
    assert main(["--db", db.url, "evidence", number, "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "Pierādījumu arhīvs" in out and zipfile.is_zipfile(target)
    # Counted nouns agree with their numbers ("1 pasākumam", never "1 pasākumiem").
    for line in out.splitlines():
        for word in ("pasākumiem", "izdevumiem", "pielikumi)"):
            count = re.search(r"(\d+) " + re.escape(word), line)
            assert count is None or not count.group(1).endswith("1") or count.group(1).endswith("11"), line
    assert re.search(r"\((\d+) pielikum(s|i|u)\)", out)
    assert main(["--lang", "en", "--db", db.url, "evidence", number, "-o", str(target)]) == 0
    assert "Evidence archive:" in capsys.readouterr().out
    with db.session() as s:
        folder = attachments.store_dir(s)
    for stored in folder.iterdir():
        stored.unlink()
    assert main(["--db", db.url, "evidence", number, "-o", str(data_dir / "b.zip")]) == 1
    assert "trūkst failu" in capsys.readouterr().err and not (data_dir / "b.zip").exists()


def test_a_period_keeps_only_its_events_and_expenses(db: Database, data_dir: Path) -> None:
    import datetime as dt

    project_id, *_ = demo_with_files(db, data_dir)
    with db.session() as s:
        whole = evidence_pack(s, project_id)
        dates = sorted(x.date for x in whole.expenses)
        middle = dates[len(dates) // 2]
        period = (middle, middle + dt.timedelta(days=30))
        part = evidence_pack(s, project_id, period)
    expenses = [x for x in whole.expenses if period[0] <= x.date <= period[1]]
    assert [x.id for x in part.expenses] == [x.id for x in expenses] and 0 < len(expenses) < len(whole.expenses)
    events = [e for a in part.activities for e in a.events]
    assert all(period[0] <= e.starts_at.date() <= period[1] for e in events)


def test_file_names_keep_latvian_and_cyrillic_letters_and_never_differ_by_case_alone() -> None:
    from projektu_vadiba.core.services.evidence import slug

    assert slug("Rēķins Nr. 15 — ŠĶŪNIS") == "rēķins-nr-15-šķūnis"
    assert slug("Фото отчёт") == "фото-отчёт"
    assert slug("Foto") == slug("FOTO") == "foto"
    assert slug("../../etc/passwd") == "etc-passwd" and slug("***") == "x"
