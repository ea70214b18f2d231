"""Print identity: a copied database gets its own installation id, a scan is checked against its print record, the
print record commits before the sheet file is written. Privacy at rest of the database files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import SheetPrint
from projektu_vadiba.core.scan import service
from projektu_vadiba.core.scan.marks import PagePayload, decode, rows_digest
from projektu_vadiba.core.scan.service import read_scans
from projektu_vadiba.core.services import prints, sheets
from projektu_vadiba.reports.sheet_print import print_attendance_pdf
from tests.core import scan_images as im
from tests.reports.sample import add_people, make_sample


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    yield tmp_path


def _installation(url: str) -> str:
    database = open_database(url)
    try:
        with database.session() as s:
            return prints.installation_id(s)
    finally:
        database.close()


def test_a_copy_opened_elsewhere_gets_its_own_installation_id(tmp_path: Path) -> None:
    original = tmp_path / "a.sqlite"
    first = _installation(f"sqlite:///{original}")
    assert _installation(f"sqlite:///{original}") == first  # reopened where it is: the same
    copy = tmp_path / "kopija" / "a.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(original, copy)
    assert _installation(f"sqlite:///{copy}") not in ("", first)
    assert _installation(f"sqlite:///{original}") == first


def test_a_copy_reads_sheets_printed_before_it_was_made(db: Database, data_dir: Path, tmp_path: Path) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("a file copy")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
    db.close()
    copy = tmp_path / "kopija.sqlite"
    shutil.copyfile(dbmod.sqlite_path(db.url) or "", copy)
    other = open_database(f"sqlite:///{copy}")
    try:
        image = im.photo(im.scribble(im.render(pdf.data)[0], pdf.pages[0], [1]))
        with other.session() as s:
            assert prints.installation_id(s) != ""
            report = read_scans(s, [im.save(image, data_dir / "a.jpg")])
        assert report.errors == () and [r.row for r in report.pages[0].signed] == [1]
    finally:
        other.close()


def test_a_sheet_whose_print_id_was_taken_again_ticks_nobody(db: Database, data_dir: Path) -> None:
    """A crash after the PDF was written but before its record committed (as the CLI did): the next print may get
    the same id on SQLite. The people digest in the QR code tells the two apart."""
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        prints.installation_id(s)
    session = db.sessions()
    lost = print_attendance_pdf(session, sheets.event_sheets(session, sample.event_id))
    lost_id = session.scalar(select(func.max(SheetPrint.id)))
    session.rollback()  # the record is gone, the file is not
    session.close()
    with db.session() as s:
        add_people(s, sample.event_id, 1, surname="Ozoliņa")
        print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
        again_id = s.scalar(select(func.max(SheetPrint.id)))
    image = im.photo(im.scribble(im.render(lost.data)[0], lost.pages[0], [1]))
    with db.session() as s:
        report = read_scans(s, [im.save(image, data_dir / "veca.jpg")])
    assert report.pages == ()
    if db.engine.dialect.name == "sqlite":  # SQLite takes the id again; PostgreSQL's sequence never does
        assert again_id == lost_id
        assert [e.message.code for e in report.errors] == ["scan.record_mismatch"]  # type: ignore[attr-defined]
    else:
        assert [e.message.code for e in report.errors] == ["scan.unknown_print"]  # type: ignore[attr-defined]


def _payload_of(db: Database) -> tuple[PagePayload, str]:
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
        ours = prints.short_installation(s)
        page = prints.printed_page(s, s.scalar(select(func.max(SheetPrint.id))) or 0, sample.event_id, 1)
    assert page is not None
    numbers = [r.number for r in page.rows]
    digest = rows_digest((r.number, r.person_id) for r in page.rows)
    payload = PagePayload(ours, page.print_id, page.event_id, 1, numbers[0], len(numbers), False, digest)
    return payload, ours


def test_the_qr_code_is_checked_against_the_print_record(db: Database) -> None:
    payload, ours = _payload_of(db)
    with db.session() as s:
        assert service._checked_print(s, ours, payload).print_id == payload.print_id
        forged = {
            "scan.record_mismatch": [
                PagePayload(**{**payload.__dict__, "rows": payload.rows + 1}),
                PagePayload(**{**payload.__dict__, "first_row": payload.first_row + 5}),
                PagePayload(**{**payload.__dict__, "landscape": True}),
                PagePayload(**{**payload.__dict__, "people": "00000000"}),
            ],
            "scan.other_database": [PagePayload(**{**payload.__dict__, "installation": "ABCDEF12"})],
            "scan.unknown_print": [PagePayload(**{**payload.__dict__, "print_id": payload.print_id + 99})],
        }
        for code, payloads in forged.items():
            for bad in payloads:
                with pytest.raises(AppError) as caught:
                    service._checked_print(s, ours, bad)
                assert caught.value.code == code, bad


def test_codes_that_this_program_never_prints_are_not_sheet_codes() -> None:
    good = PagePayload("ABCD1234", 7, 3, 1, 1, 20, False, "0123abcd")
    assert decode(good.encode()) == good
    assert decode(PagePayload("ABCD1234", 7, 3, 1, 1, 20, True).encode()) is not None  # sheets before the digest
    for text in (
        "PV1:ABCD1234:7:3:1:1:20:P:XYZ",  # not a digest
        "PV1:../etc:7:3:1:1:20:P",
        "PV1:ABCD1234:7:-3:1:1:20:P",
        "PV1:ABCD1234:7:3:0:1:20:P",
        "PV1:ABCD1234:7:3:1:1:99999999:P",
        "PV1:ABCD1234:7:3:1:1:20:P:0123abcd:x",
    ):
        assert decode(text) is None, text


def test_the_cli_commits_the_print_record_before_writing_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from projektu_vadiba.cli import main
    from projektu_vadiba.cli import reports as cli_reports

    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    database = open_database(url)
    with database.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        number = sheets.event_sheets(s, sample.event_id).project.number
    database.close()

    def crash(path: Path, data: bytes) -> None:
        raise AppError.of("file.write_failed", path=str(path), reason="disk full")

    monkeypatch.setattr(cli_reports, "write_bytes", crash)
    target = tmp_path / "x.pdf"
    assert main(["--db", url, "report", "attendance", number, "--event", str(sample.event_id), "-o", str(target)]) != 0
    database = open_database(url)
    try:
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(SheetPrint)) == 1  # its id is taken for good
    finally:
        database.close()


def test_a_new_database_and_its_folder_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_umask = os.umask(0o022)
    try:
        folder = tmp_path / "jauna" / "mape"
        database = open_database(f"sqlite:///{folder / 'a.sqlite'}")
        with database.session() as s:
            make_sample(s, "sif_nvo_fonds")
            files = sorted(folder.iterdir())  # the WAL and SHM files exist while a connection is open
            assert {p.name for p in files} >= {"a.sqlite", "a.sqlite-wal", "a.sqlite-shm"}
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in files}
        database.close()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert set(modes.values()) == {0o600}, modes
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "jauna")
    (tmp_path / "jauna").chmod(0o755)
    open_database(f"sqlite:///{tmp_path / 'jauna' / 'b.sqlite'}").close()
    assert stat.S_IMODE((tmp_path / "jauna").stat().st_mode) == 0o700  # the app's own data folder is tightened


def test_anonymising_names_the_backups_that_still_hold_the_names(
    revision_0001_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from projektu_vadiba.cli import main
    from projektu_vadiba.core.services import gdpr

    path = tmp_path / "old.sqlite"
    shutil.copyfile(revision_0001_template, path)
    database = open_database(f"sqlite:///{path}")  # the upgrade leaves a backup with every name in it
    with database.session() as s:
        (backup,) = gdpr.backups_with_personal_data(s)
    database.close()
    assert main(["--db", str(path), "people", "anonymise", "--person", "1", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "rezerves kopijās" in out and str(backup) in out and backup.exists()
    assert main(["--db", str(path), "people", "anonymise", "--person", "2", "--yes", "--delete-backups"]) == 0
    out = capsys.readouterr().out
    assert f"Dzēsta rezerves kopija: {backup}" in out and not backup.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT given_name FROM people WHERE id = 1").fetchone() != ("Jānis0",)
