"""Bundle version 2: a ZIP of project.json and the project's files. Export -> import into an empty database (SQLite
and PostgreSQL) -> export gives the same bytes and the same files; version 1 JSON files still import; a refused or
rolled-back import leaves no file behind."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core.bundle import (
    BundleArchive,
    export_project,
    import_bundle,
    open_bundle_file,
    write_bundle,
)
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.models import (
    Attachment,
    Expense,
    Organisation,
    OrganisationKind,
    Person,
    Project,
)
from projektu_vadiba.core.services import attachments
from tests.core.bundle_sources import PNG, Source, make_source
from tests.core.test_bundle import NUMBER, SIF


@pytest.fixture
def source(sqlite_template: Path, tmp_path: Path) -> Iterator[Source]:
    yield from make_source(sqlite_template, tmp_path)


@pytest.fixture
def target(db: Database, own_data_dir: Path) -> Database:
    """The `db` fixture, empty; on PostgreSQL its attachment folder is in the test's own data folder."""
    return db


def _write(db: Database, path: Path) -> Path:
    with db.session() as s:
        write_bundle(s, NUMBER, path)
    return path


def _import_file(db: Database, path: Path) -> Any:
    with open_bundle_file(path) as opened, db.session() as s:
        return import_bundle(s, opened.data, files=opened.archive)


def _store(db: Database) -> Path:
    with db.session() as s:
        return attachments.store_dir(s)


def _count(db: Database, model: type[Any]) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ---- the round trip ----------------------------------------------------------------------------------------


def test_export_import_export_is_byte_identical_with_files(source: Source, target: Database, tmp_path: Path) -> None:
    first = _write(source.db, tmp_path / "pirmais.pvz")
    summary = _import_file(target, first)
    second = _write(target, tmp_path / "otrais.pvz")
    assert second.read_bytes() == first.read_bytes()
    assert _write(target, tmp_path / "trešais.pvz").read_bytes() == first.read_bytes()  # and stays so
    assert summary.attachments == 5 and summary.funder_name == SIF

    # The files themselves arrived, byte for byte, under their content's name, private.
    with source.db.session() as s:
        stored = sorted(set(s.scalars(select(Attachment.stored_name))))
    assert len(stored) == 3  # five attachments, three contents
    folder = _store(target)
    assert sorted(p.name for p in folder.iterdir()) == stored
    for name in stored:
        data = (folder / name).read_bytes()
        assert data == (source.folder / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == name.split(".")[0]
        if os.name == "posix":  # Windows has no such mode bits (ACLs instead)
            assert (folder / name).stat().st_mode & 0o077 == 0

    with target.session() as s:
        own = s.scalars(select(Organisation).where(Organisation.is_own.is_(True))).one()
        assert own.logo == PNG and own.kind is OrganisationKind.OWN
        on_expense = s.scalars(select(Attachment).where(Attachment.expense_id.is_not(None))).one()
        assert (on_expense.kind, on_expense.original_name, on_expense.date) == (
            "invoice", "rēķins R-1.pdf", dt.date(2023, 4, 30)
        )  # fmt: skip
        expense = s.get(Expense, on_expense.expense_id)
        assert expense is not None and expense.document_number == "R-1"


def test_the_zip_is_deterministic_and_readable_by_any_tool(source: Source, tmp_path: Path) -> None:
    path = _write(source.db, tmp_path / "p.pvz")
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names[0] == "project.json" and names[1:] == sorted(names[1:])
        assert (
            all(n.startswith("files/") for n in names[1:]) and len(names) == 6
        )  # 3 attachments + 2 logos (ours, the project funder's)
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        kinds = {i.filename.rsplit(".", 1)[-1]: i.compress_type for i in infos}
        assert kinds == {"json": zipfile.ZIP_DEFLATED, "pdf": zipfile.ZIP_DEFLATED, "jpg": zipfile.ZIP_STORED,
                         "png": zipfile.ZIP_STORED}  # fmt: skip
        assert archive.testzip() is None
        data = json.loads(archive.read("project.json"))
        for entry in data["files"]:
            assert hashlib.sha256(archive.read(entry["name"])).hexdigest() == entry["sha256"]
    assert data["version"] == 2
    assert [o["own"] for o in data["organisations"]] == [True, False, False, False]
    assert data["organisations"][0]["logo"] == f"files/{hashlib.sha256(PNG).hexdigest()}.png"
    assert [e["key"] for e in data["expenses"]] == ["exp-1", "exp-2"]
    owners = [(a["project"], a["activity"], a["event"], a["expense"], a["kind"]) for a in data["attachments"]]
    assert owners == [
        (False, None, "ev-1", None, "signed_sheet"),
        (False, None, "ev-2", None, "photo"),
        (False, "act-1", None, None, "publication"),
        (False, None, None, "exp-1", "invoice"),
        (True, None, None, None, "other"),
    ]
    # The same export again, a moment later: the same bytes (no time of export anywhere).
    assert _write(source.db, tmp_path / "q.pvz").read_bytes() == path.read_bytes()


def test_a_version_1_json_file_still_imports(source: Source, target: Database, tmp_path: Path) -> None:
    """A v1 file is what earlier releases wrote: the v2 data without files, keys of expenses, own and logo."""
    with source.db.session() as s:
        data = export_project(s, NUMBER)
    v1 = {key: value for key, value in data.items() if key not in ("attachments", "files")}
    v1["version"] = 1
    v1["organisations"] = [{k: v for k, v in o.items() if k not in ("own", "logo")} for o in v1["organisations"]]
    v1["project"] = {k: v for k, v in v1["project"].items() if k not in ("publicity", "logo")}
    v1["expenses"] = [{k: v for k, v in e.items() if k != "key"} for e in v1["expenses"]]
    path = tmp_path / "vecais.json"
    path.write_text(json.dumps(v1, ensure_ascii=False, indent=2), encoding="utf-8")

    summary = _import_file(target, path)
    assert (summary.events, summary.attendances, summary.expenses, summary.attachments) == (3, 5, 2, 0)
    with target.session() as s:
        again = export_project(s, NUMBER)
    # Everything v1 carried comes back; only what v1 could not carry is empty.
    assert again["attachments"] == [] and again["files"] == []
    assert again["project"] == {**data["project"], "publicity": "", "logo": None}  # v1 had no project publicity
    for key in ("activities", "events", "people", "attendance", "indicators", "budget_lines", "payments"):
        assert again[key] == data[key], key
    assert again["expenses"] == data["expenses"]
    assert [o["own"] for o in again["organisations"]] == [False] * 4


def test_a_version_2_json_without_its_zip_is_refused(source: Source, target: Database, tmp_path: Path) -> None:
    with source.db.session() as s:
        data = export_project(s, NUMBER)
    path = tmp_path / "tikai.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BundleError) as err:
        open_bundle_file(path)
    assert err.value.code == "bundle.json_needs_zip"
    assert "importējiet visu .pvz failu" in err.value.message
    with target.session() as s, pytest.raises(BundleError) as err:
        import_bundle(s, data)  # the data alone, as a caller without the ZIP would pass it
    assert err.value.code == "bundle.files_without_zip" and "5 faili" in err.value.message
    assert _count(target, Project) == 0


def test_importing_a_project_already_there_keeps_todays_message(
    source: Source, target: Database, tmp_path: Path
) -> None:
    path = _write(source.db, tmp_path / "p.pvz")
    _import_file(target, path)
    files_before = sorted(p.name for p in _store(target).iterdir())
    with pytest.raises(BundleError) as err:
        _import_file(target, path)
    assert err.value.message == f"Projekts “{NUMBER}” (finansētājs “{SIF}”) jau ir datubāzē."
    assert _count(target, Project) == 1 and _count(target, Attachment) == 5
    assert sorted(p.name for p in _store(target).iterdir()) == files_before


def test_a_database_with_its_own_organisation_keeps_it(source: Source, target: Database, tmp_path: Path) -> None:
    with target.session() as s:
        s.add(Organisation(name="Mūsu biedrība", kind=OrganisationKind.OWN, is_own=True))
    _import_file(target, _write(source.db, tmp_path / "p.pvz"))
    with target.session() as s:
        ours = s.scalars(select(Organisation).where(Organisation.is_own.is_(True))).all()
        assert [o.name for o in ours] == ["Mūsu biedrība"]
        implementer = s.scalars(select(Project)).one().implementer
        assert implementer.logo == PNG and not implementer.is_own  # the logo travels, the place stays ours


# ---- nothing half-imported ---------------------------------------------------------------------------------


def _with_member_replaced(path: Path, target: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            out.writestr(info, data if info.filename == name else src.read(info))
    return target


def test_a_file_with_the_wrong_content_leaves_no_trace(source: Source, target: Database, tmp_path: Path) -> None:
    good = _write(source.db, tmp_path / "p.pvz")
    with zipfile.ZipFile(good) as archive:
        last = archive.namelist()[-1]  # unpacked last: the others were already written when it fails
    bad = _with_member_replaced(good, tmp_path / "bojāts.pvz", last, b"not what the hash says")
    with pytest.raises(BundleError) as err:
        _import_file(target, bad)
    assert err.value.code == "bundle.zip_wrong_hash" and last in err.value.message
    assert "netika importēta" in err.value.message
    for model in (Project, Person, Organisation, Attachment):
        assert _count(target, model) == 0, model
    folder = _store(target)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_failed_commit_removes_the_files_the_import_wrote(source: Source, target: Database, tmp_path: Path) -> None:
    path = _write(source.db, tmp_path / "p.pvz")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), open_bundle_file(path) as opened, target.session() as s:
        import_bundle(s, opened.data, files=opened.archive)
        assert len(list(_store(target).iterdir())) == 3  # written, but the transaction is not over
        raise Boom  # whatever fails after the import in the same transaction
    assert list(_store(target).iterdir()) == []
    assert _count(target, Project) == 0


def test_a_file_already_in_the_folder_stays_when_the_import_fails(
    source: Source, target: Database, tmp_path: Path
) -> None:
    """The same content filed for another project before: a failed import must not take it away."""
    path = _write(source.db, tmp_path / "p.pvz")
    folder = _store(target)
    folder.mkdir(parents=True, exist_ok=True)
    kept = next(p for p in source.folder.iterdir() if p.suffix == ".pdf")
    shutil.copyfile(kept, folder / kept.name)

    with pytest.raises(RuntimeError), open_bundle_file(path) as opened, target.session() as s:
        import_bundle(s, opened.data, files=opened.archive)
        raise RuntimeError
    assert [p.name for p in folder.iterdir()] == [kept.name]


def test_an_opened_archive_checks_only_what_it_is_asked(source: Source, tmp_path: Path) -> None:
    path = _write(source.db, tmp_path / "p.pvz")
    with BundleArchive(path) as archive:
        data = archive.data()
        assert archive.file_names() == {entry["name"] for entry in data["files"]}
        archive.check_files({entry["name"]: entry["sha256"] for entry in data["files"]})


# ---- exporting what the attachment folder really holds -------------------------------------------------------


def _first_stored(source: Source) -> Path:
    return sorted(source.folder.iterdir())[0]


def test_a_missing_or_changed_file_stops_the_export_and_leaves_no_zip(source: Source, tmp_path: Path) -> None:
    stored = _first_stored(source)
    kept = stored.read_bytes()
    stored.write_bytes(kept + b" changed")
    with pytest.raises(BundleError) as err:
        _write(source.db, tmp_path / "p.pvz")
    assert err.value.code == "bundle.export_file_changed" and stored.name in err.value.message
    assert list(tmp_path.glob("*.pvz*")) == [] and list(tmp_path.glob(".p.pvz*")) == []

    stored.unlink()
    with pytest.raises(BundleError) as err:
        _write(source.db, tmp_path / "p.pvz")
    assert err.value.code == "bundle.export_file_missing" and str(stored) in err.value.message
    assert "pakete netika izveidota" in err.value.message
    assert [p.name for p in tmp_path.iterdir() if "pvz" in p.name] == []


def test_a_file_stored_under_another_name_travels_under_its_content_name(
    source: Source, target: Database, tmp_path: Path
) -> None:
    """Stored names from an older version (or typed into a shared database) are not the bundle's business: the
    file travels as files/<sha256> and arrives under that name."""
    stored = _first_stored(source)
    digest = stored.name.split(".")[0]
    stored.rename(source.folder / "vecais-nosaukums.pdf")
    with source.db.session() as s:
        for row in s.scalars(select(Attachment).where(Attachment.sha256 == digest)):
            row.stored_name = "vecais-nosaukums.pdf"
    path = _write(source.db, tmp_path / "p.pvz")
    with zipfile.ZipFile(path) as archive:
        assert f"files/{digest}" in archive.namelist()
    _import_file(target, path)
    with target.session() as s:
        names = set(s.scalars(select(Attachment.stored_name).where(Attachment.sha256 == digest)))
    assert names == {digest}
    assert hashlib.sha256((_store(target) / digest).read_bytes()).hexdigest() == digest
    assert _write(target, tmp_path / "q.pvz").read_bytes() == path.read_bytes()
