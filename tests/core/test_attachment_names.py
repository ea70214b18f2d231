"""Stored attachment names are checked on write and on every read or removal: a hostile name written into the
database (a team member on PostgreSQL can) gives a coded message; nothing outside the attachments folder is packed
into the evidence ZIP or deleted. Attachments are private whatever the umask."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from projektu_vadiba.core import db as dbmod
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import Attachment
from projektu_vadiba.core.services import attachments
from projektu_vadiba.core.services.attachments import Owner
from projektu_vadiba.reports.evidence_zip import write_evidence_zip
from tests.reports.sample import make_sample

SECRET = b"secret: names, e-mails, phones"


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path / "data")
    yield tmp_path


def _attached(db: Database, tmp: Path) -> tuple[int, int, Path]:
    source = tmp / "lapa.pdf"
    source.write_bytes(b"%PDF-1.4 signed sheet")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        added = attachments.add(s, source, Owner(sample.project_id, event_id=sample.event_id), kind="signed_sheet")
        return sample.project_id, added.id, attachments.store_dir(s)


def _hostile_names(folder: Path, secret: Path) -> list[str]:
    link = folder / "saite.pdf"
    link.symlink_to(secret)
    rel = os.path.relpath(secret, folder)
    return [rel, str(secret), "..", "../", "a/../../x", "sub\\..\\x", "c:secret.txt", link.name, ""]


def test_a_hostile_stored_name_is_refused_by_evidence_and_removal(db: Database, data_dir: Path) -> None:
    secret = data_dir / "secret.txt"
    secret.write_bytes(SECRET)
    project_id, attachment_id, folder = _attached(db, data_dir)
    target = data_dir / "pieradijumi.zip"
    target.write_bytes(b"previous archive")
    for name in _hostile_names(folder, secret):
        with db.session() as s:
            s.execute(update(Attachment).where(Attachment.id == attachment_id).values(stored_name=name))
        with db.session() as s, pytest.raises(AppError) as packed:
            write_evidence_zip(s, project_id, target)
        assert packed.value.code == "attachment.bad_name", name
        with pytest.raises(AppError) as removed, db.session() as s:
            attachments.remove(s, attachment_id)
        assert removed.value.code == "attachment.bad_name", name
        assert secret.read_bytes() == SECRET and target.read_bytes() == b"previous archive"
    assert sorted(p.name for p in data_dir.iterdir() if p.name.endswith((".tmp", ".pv-part"))) == []


def test_a_good_name_still_packs_and_removes(db: Database, data_dir: Path) -> None:
    project_id, attachment_id, folder = _attached(db, data_dir)
    with db.session() as s:
        result = write_evidence_zip(s, project_id, data_dir / "ok.zip")
    assert result.files == 1
    with zipfile.ZipFile(data_dir / "ok.zip") as zf:
        assert b"%PDF-1.4 signed sheet" in [zf.read(n) for n in zf.namelist()]
    assert [p.name for p in data_dir.iterdir() if p.name.endswith((".tmp", ".pv-part"))] == []  # no leftovers
    with db.session() as s:
        attachments.remove(s, attachment_id)
    assert list(folder.iterdir()) == []


def test_a_strange_suffix_becomes_a_plain_stored_name(db: Database, data_dir: Path) -> None:
    source = data_dir / "rēķins.P D:F"
    source.write_bytes(b"x")
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        added = attachments.add(s, source, Owner(project_id=sample.project_id))
    assert added.stored_name == f"{added.sha256}.pdf"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_attachments_are_private_whatever_the_umask(db: Database, data_dir: Path) -> None:
    old = os.umask(0)
    try:
        _project, _id, folder = _attached(db, data_dir)
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.stat().st_mode & 0o777 for p in folder.iterdir()] == [0o600]
