"""Attachments: stored once by content hash beside the database, originals untouched, photo-consent warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Attendance, AttendanceStatus
from projektu_vadiba.core.services import attachments
from projektu_vadiba.core.services.attachments import Owner
from tests.reports.sample import make_sample


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    yield tmp_path


def test_same_file_twice_is_stored_once_and_the_original_is_unchanged(db: Database, data_dir: Path) -> None:
    source = data_dir / "Rēķins Nr 5.pdf"
    source.write_bytes(b"%PDF-1.4 invoice")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        first = attachments.add(
            s, source, Owner(project_id=sample.project_id), kind="invoice", description="Telpu noma"
        )
        second = attachments.add(s, source, Owner(event_id=sample.event_id), kind="other", date=dt.date(2024, 1, 2))
        folder = attachments.store_dir(s)
        listed = attachments.listed(s, Owner(project_id=sample.project_id))
    assert first.sha256 == second.sha256 and first.stored_name == second.stored_name
    assert first.stored_name == f"{first.sha256}.pdf" and first.original_name == "Rēķins Nr 5.pdf"
    assert [f.name for f in folder.iterdir()] == [first.stored_name]
    assert source.read_bytes() == b"%PDF-1.4 invoice"
    assert [a.id for a in listed] == [first.id] and listed[0].description == "Telpu noma"
    assert second.date == dt.date(2024, 1, 2) and first.mime == "application/pdf"
    with db.session() as s:
        attachments.remove(s, first.id)
    assert (folder / first.stored_name).exists()  # still used by the second record
    with db.session() as s:
        attachments.remove(s, second.id)
    assert not (folder / first.stored_name).exists()


def test_bad_input_gets_latvian_messages(db: Database, data_dir: Path) -> None:
    source = data_dir / "a.txt"
    source.write_text("x")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        with pytest.raises(AppError, match="Nezināms pielikuma veids"):
            attachments.add(s, source, Owner(event_id=sample.event_id), kind="selfie")
        with pytest.raises(AppError, match="jānorāda projekts"):
            attachments.add(s, source, Owner())
        with pytest.raises(AppError, match="neizdevās nolasīt"):
            attachments.add(s, data_dir / "nav.txt", Owner(event_id=sample.event_id))


def test_photos_of_an_event_warn_about_people_who_asked_not_to_be_photographed(db: Database, data_dir: Path) -> None:
    photo = data_dir / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        rows = list(s.scalars(select(Attendance).where(Attendance.event_id == sample.event_id)))
        shy = rows[0]
        shy.no_photos, shy.status = True, AttendanceStatus.ATTENDED
        absent = rows[1]
        absent.no_photos, absent.status = True, AttendanceStatus.ABSENT
        for other in rows[2:]:
            other.no_photos = False
        s.flush()
        assert attachments.photo_consent_warnings(s, sample.event_id) == []  # no photos filed yet
        attachments.add(s, photo, Owner(event_id=sample.event_id), kind="photo")
        warnings = attachments.photo_consent_warnings(s, sample.event_id)
        name = f"{shy.person.given_name} {shy.person.surname}"
    assert len(warnings) == 1 and name in warnings[0] and "nefotografēt" in warnings[0]
