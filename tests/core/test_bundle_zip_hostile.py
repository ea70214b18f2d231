"""Hostile and damaged version 2 bundles: each is refused with its coded Latvian message (and an English one)
before anything is imported, and leaves neither a record nor a file behind, on both back-ends."""

from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core.bundle import archive as bundle_archive
from projektu_vadiba.core.bundle import import_bundle, open_bundle_file, write_bundle
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.messages import text_of
from projektu_vadiba.core.models import Attachment, Organisation, Person, Project
from projektu_vadiba.core.services import attachments
from tests.core.bundle_sources import Source, make_source
from tests.core.test_bundle import NUMBER

Members = list[tuple[str, bytes]]


@pytest.fixture
def source(sqlite_template: Path, tmp_path: Path) -> Iterator[Source]:
    yield from make_source(sqlite_template, tmp_path)


@pytest.fixture
def good(source: Source, tmp_path: Path) -> Path:
    path = tmp_path / "labs.pvz"
    with source.db.session() as s:
        write_bundle(s, NUMBER, path)
    return path


def _members(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _zip(members: Members, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as out:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name that one case wants
        for name, data in members:
            out.writestr(name, data)
    return buffer.getvalue()


def _manifest(members: Members) -> dict[str, object]:
    return json.loads(dict(members)["project.json"])  # type: ignore[no-any-return]


def _with_json(members: Members, data: dict[str, object]) -> Members:
    text = json.dumps(data, ensure_ascii=False).encode()
    return [(name, text if name == "project.json" else body) for name, body in members]


def _traversal(m: Members) -> bytes:
    return _zip([*m, ("files/../../../etc/cron.d/pv", b"x")])


def _backslash(m: Members) -> bytes:
    return _zip([*m, ("files\\..\\..\\evil.txt", b"x")])


def _absolute(m: Members) -> bytes:
    return _zip([*m, ("/tmp/pv-evil", b"x")])


def _drive(m: Members) -> bytes:
    return _zip([*m, ("C:/Windows/evil.dll", b"x")])


def _duplicate(m: Members) -> bytes:
    return _zip([*m, m[-1]])


def _extra(m: Members) -> bytes:
    return _zip([*m, ("files/" + "0" * 64 + ".pdf", b"nobody named me")])


def _stranger(m: Members) -> bytes:
    return _zip([*m, ("readme.txt", b"hello")])


def _missing(m: Members) -> bytes:
    return _zip(m[:-1])


def _wrong_hash(m: Members) -> bytes:
    return _zip([*m[:-1], (m[-1][0], b"other content")])


def _no_json(m: Members) -> bytes:
    return _zip(m[1:])


def _not_a_zip(_m: Members) -> bytes:
    return b"Sveiki! Es neesmu ZIP fails." * 10


def _truncated(m: Members) -> bytes:
    whole = _zip(m)
    return whole[: len(whole) // 2]


def _bzip2(m: Members) -> bytes:
    return _zip(m, zipfile.ZIP_BZIP2)


def _patched(m: Members, patch: Callable[[bytearray, int, int], None]) -> bytes:
    """The ZIP with every local header (offset) and central directory entry (offset) patched in place."""
    data = bytearray(_zip(m))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        local_offsets = [info.header_offset for info in archive.infolist()]
    central = data.find(b"PK\x01\x02")
    for local in local_offsets:
        patch(data, local, central)
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, central + 28)
        central += 46 + name_length + extra_length + comment_length
    return bytes(data)


def _encrypted(m: Members) -> bytes:
    def flag(data: bytearray, local: int, central: int) -> None:
        data[local + 6] |= 1
        data[central + 8] |= 1

    return _patched(m, flag)


def _lying_size(m: Members) -> bytes:
    """Every file says it unpacks to 10 bytes; its stream holds more (the classic way past a size check)."""

    def shrink(data: bytearray, local: int, central: int) -> None:
        struct.pack_into("<I", data, local + 22, 10)
        struct.pack_into("<I", data, central + 24, 10)

    return _patched(m, shrink)


def _bomb(m: Members) -> bytes:
    """A file of 64 MB of zeros (64 KB deflated) against a 1 MB limit on one file."""
    return _zip([*m, ("files/" + "1" * 64, bytes(64 * 1024 * 1024))])


@dataclass(frozen=True)
class Hostile:
    make: Callable[[Members], bytes]
    code: str
    words: str  # in the Latvian message


HOSTILE = {
    "path-traversal": Hostile(_traversal, "bundle.zip_traversal", "norāda ārpus paketes"),
    "backslash-traversal": Hostile(_backslash, "bundle.zip_traversal", "norāda ārpus paketes"),
    "absolute-name": Hostile(_absolute, "bundle.zip_absolute", "ir absolūts ceļš"),
    "drive-letter": Hostile(_drive, "bundle.zip_absolute", "ir absolūts ceļš"),
    "duplicate-name": Hostile(_duplicate, "bundle.zip_duplicate", "tajā ir divreiz"),
    "extra-file": Hostile(_extra, "bundle.zip_extra", "ko project.json nemin"),
    "stranger-file": Hostile(_stranger, "bundle.zip_extra", "readme.txt"),
    "missing-file": Hostile(_missing, "bundle.zip_missing", "tajā nav faila"),
    "wrong-hash": Hostile(_wrong_hash, "bundle.zip_wrong_hash", "nesakrīt ar tā SHA-256"),
    "no-project-json": Hostile(_no_json, "bundle.zip_no_json", "tajā nav project.json"),
    "not-a-zip": Hostile(_not_a_zip, "bundle.zip_not_zip", "nav ZIP fails"),
    "truncated": Hostile(_truncated, "bundle.zip_not_zip", "vai ir bojāts"),
    "other-compression": Hostile(_bzip2, "bundle.zip_compression", "neatbalstītu metodi"),
    "encrypted": Hostile(_encrypted, "bundle.zip_encrypted", "ir šifrēts"),
    "size-lies": Hostile(_lying_size, "bundle.zip_damaged", "ir bojāts"),
    "zip-bomb": Hostile(_bomb, "bundle.zip_too_large", "lielāks par 1 MB"),
}


def _nothing_imported(db: Database) -> None:
    with db.session() as s:
        for model in (Project, Person, Organisation, Attachment):
            assert int(s.scalar(select(func.count()).select_from(model)) or 0) == 0, model
        folder = attachments.store_dir(s)
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_bundle_is_refused_with_a_message_and_leaves_nothing(
    good: Path, db: Database, own_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Hostile
) -> None:
    monkeypatch.setattr(bundle_archive, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "svešs.pvz"
    path.write_bytes(case.make(_members(good)))
    with pytest.raises(BundleError) as caught, open_bundle_file(path) as opened, db.session() as s:
        import_bundle(s, opened.data, files=opened.archive)
    error = caught.value
    assert error.code == case.code, error.message
    assert case.words in error.message and str(path) in error.message
    english = text_of(error, "en")
    assert english != error.message and str(path) in english
    _nothing_imported(db)
    assert not (tmp_path / "etc").exists() and not Path("/tmp/pv-evil").exists()


def test_the_total_unpacked_size_has_a_limit(good: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_archive, "MAX_TOTAL_BYTES", 10_000)
    with pytest.raises(BundleError) as caught:
        open_bundle_file(good)
    assert caught.value.code == "bundle.zip_total_too_large"


def test_the_number_of_files_has_a_limit(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_archive, "MAX_MEMBERS", 3)
    with pytest.raises(BundleError) as caught:
        open_bundle_file(good)
    assert caught.value.code == "bundle.zip_too_many" and caught.value.values["count"] == 6


@pytest.mark.parametrize(
    ("change", "code", "path"),
    [
        (lambda d: d["files"][0].update(name="files/../x"), "bundle.file_name", "$.files[0].name"),
        (lambda d: d["files"][0].update(sha256="0" * 64), "bundle.file_digest", "$.files[0].sha256"),
        (lambda d: d["files"].append(dict(d["files"][0])), "bundle.repeated", "$.files[5].name"),
        (lambda d: d["attachments"][0].update(file="files/" + "2" * 64), "bundle.ref_unknown", "$.attachments[0].file"),
        (lambda d: d["attachments"][4].update(project=False), "bundle.attachment_no_owner", "$.attachments[4]"),
        (lambda d: d["attachments"][0].update(kind="selfie"), "bundle.not_allowed", "$.attachments[0].kind"),
        (lambda d: d["organisations"][0].update(logo="files/x.png"), "bundle.ref_unknown", "$.organisations[0].logo"),
    ],
    ids=["name-escapes", "digest-not-the-name", "file-twice", "unknown-file", "no-owner", "unknown-kind", "logo"],
)
def test_a_wrong_file_list_names_its_json_path(
    good: Path, tmp_path: Path, change: Callable[[dict], None], code: str, path: str
) -> None:
    members = _members(good)
    data = _manifest(members)
    change(data)
    bad = tmp_path / "bad.pvz"
    bad.write_bytes(_zip(_with_json(members, data)))
    with pytest.raises(BundleError) as caught, open_bundle_file(bad) as opened:
        import_bundle(None, opened.data, files=opened.archive)  # type: ignore[arg-type]  # refused before the db
    assert caught.value.code == code, caught.value.message
    assert caught.value.values["path"] == path
