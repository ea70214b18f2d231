"""Signed-sheet images of anonymised people: listed with who else signed the page, removed on request (record and
file), nothing else removed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services import attachments, gdpr
from projektu_vadiba.core.services.attachments import Owner
from projektu_vadiba.core.services.gdpr_sheets import remove_signed_sheets, sheets_of_anonymised
from tests.reports.sample import make_sample


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    yield tmp_path


def test_sheets_of_anonymised_people_are_listed_and_removed_on_request(db: Database, data_dir: Path) -> None:
    files = {}
    for name in ("lapa.pdf", "foto.jpg", "cita-lapa.pdf"):
        files[name] = data_dir / name
        files[name].write_bytes(name.encode())
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        owner = Owner(sample.project_id, event_id=sample.event_id)
        sheet = attachments.add(s, files["lapa.pdf"], owner, kind="signed_sheet")
        photo = attachments.add(s, files["foto.jpg"], owner, kind="photo")
        other = attachments.add(
            s, files["cita-lapa.pdf"], Owner(sample.project_id, event_id=sample.empty_event_id), kind="signed_sheet"
        )
        folder = attachments.store_dir(s)
        assert sheets_of_anonymised(s) == []  # nobody anonymised yet
        on_list = len(sample.person_ids)
        gdpr.anonymise_person(s, sample.person_ids[0])
    with db.session() as s:
        listed = sheets_of_anonymised(s)
        assert [(x.attachment_id, x.event_id, x.anonymised, x.others) for x in listed] == [
            (sheet.id, sample.event_id, 1, on_list - 1)
        ]
        assert sheets_of_anonymised(s, [sample.person_ids[1]]) == []  # that person was not anonymised
        with pytest.raises(AppError) as refused:
            remove_signed_sheets(s, [sheet.id, photo.id])  # a photo is not a signed sheet: nothing removed
        assert refused.value.code == "gdpr.sheet_not_found"
    assert (folder / sheet.stored_name).exists()
    with db.session() as s:
        assert remove_signed_sheets(s, [x.attachment_id for x in listed]) == 1
        assert sheets_of_anonymised(s) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted([photo.stored_name, other.stored_name])


def test_cli_lists_and_removes_on_request(db: Database, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from projektu_vadiba.cli import main

    source = data_dir / "lapa.pdf"
    source.write_bytes(b"%PDF signed")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        sheet = attachments.add(s, source, Owner(sample.project_id, event_id=sample.event_id), kind="signed_sheet")
        gdpr.anonymise_person(s, sample.person_ids[0])
    assert main(["--db", db.url, "people", "signed-sheets"]) == 0
    assert f"{sheet.id:>7}" in capsys.readouterr().out
    assert main(["--db", db.url, "people", "signed-sheets", "--remove", str(sheet.id)]) == 2  # asks first
    with db.session() as s:
        assert [x.attachment_id for x in sheets_of_anonymised(s)] == [sheet.id]
    assert main(["--db", db.url, "people", "signed-sheets", "--remove", str(sheet.id), "--yes"]) == 0
    assert "Dzēstas parakstītās lapas: 1." in capsys.readouterr().out
    with db.session() as s:
        assert sheets_of_anonymised(s) == []
