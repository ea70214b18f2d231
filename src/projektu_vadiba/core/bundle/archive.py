"""The version 2 bundle file: a ZIP holding `project.json` and the files it names under `files/`.

Written deterministically (fixed timestamps and permissions, project.json first, then files by name, one fixed
compression per kind of file), so export -> import -> export gives the same bytes. Read defensively: a ZIP from
a stranger is checked before anything is unpacked (names, duplicates, sizes declared and real, encryption) and
every file is checked against the SHA-256 that project.json gives it. Nothing is ever unpacked by its name in
the ZIP: files go to the attachment folder under names the importer has checked (importer.py, stored.py).
"""

from __future__ import annotations

import errno
import hashlib
import io
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.bundle.common import FILE_NAME, JSON_NAME, READABLE
from projektu_vadiba.core.bundle.files import MAX_BYTES, load_bundle_file, parse_bundle_text
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.failures import os_reason

# Limits on a ZIP nobody checked by eye: above any real project, low enough that a zip bomb cannot fill the disk.
MAX_MEMBERS = 100_000
MAX_FILE_BYTES = 2 * 1024**3  # one attachment (a long video is the largest plausible)
MAX_TOTAL_BYTES = 20 * 1024**3  # everything unpacked together
_CHUNK = 1 << 20
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP can hold: no export time in the bytes
# Already compressed: stored as they are (deflating them again costs time and gains nothing).
_STORED_SUFFIXES = frozenset(
    [
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "heic",
        "mp4",
        "mov",
        "m4v",
        "mkv",
        "webm",
        "mp3",
        "m4a",
        "ogg",
        "zip",
        "pvz",
        "7z",
        "gz",
        "bz2",
        "xz",
        "docx",
        "xlsx",
        "pptx",
        "odt",
        "ods",
    ]
)
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def _info(name: str, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.create_system = 3  # the same bytes from Windows and Linux
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    suffix = name.rsplit(".", 1)[-1] if "." in name.rsplit("/", 1)[-1] else ""
    info.compress_type = zipfile.ZIP_STORED if suffix in _STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    info.file_size = size  # known before writing: the ZIP64 choice depends on it, not on the platform
    return info


def write_archive(
    target: Path,
    json_text: str,
    files: Iterable[tuple[str, str, Callable[[], IO[bytes]]]],
) -> None:
    """`files`: (name in the ZIP, expected SHA-256, opener) sorted by name; a file whose content no longer has its
    SHA-256 stops the export (BundleError) and leaves no ZIP behind."""
    data = json_text.encode("utf-8")
    with atomic_files.atomic_output(target) as handle, zipfile.ZipFile(handle, "w", allowZip64=True) as archive:
        with archive.open(_info(JSON_NAME, len(data)), "w") as out:
            out.write(data)
        for name, digest, opener in files:
            with opener() as source:
                size = _size_of(source)
                with archive.open(_info(name, size), "w") as out:
                    got = _copy_hashing(source, out)
            if got != digest:
                raise BundleError.of("bundle.export_file_changed", name=name)


def _size_of(source: IO[bytes]) -> int:
    position = source.tell()
    size = source.seek(0, io.SEEK_END)
    source.seek(position)
    return size


def _copy_hashing(source: IO[bytes], out: IO[bytes], limit: int | None = None) -> str:
    digest = hashlib.sha256()
    total = 0
    while chunk := source.read(_CHUNK):
        total += len(chunk)
        if limit is not None and total > limit:
            raise _SizeExceeded
        digest.update(chunk)
        out.write(chunk)
    return digest.hexdigest()


class _SizeExceeded(Exception):
    pass


class _Discard(io.BytesIO):
    """Reads a file through (its SHA-256 checked) without keeping it."""

    def write(self, b: Any) -> int:
        return len(b)


def is_zip(path: Path) -> bool:
    """By content, not by name: a bundle renamed to .json or .zip is still read as what it is."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) in ZIP_MAGIC
    except OSError:
        return False


class BundleArchive:
    """An opened version 2 bundle; the ZIP's directory is checked when it opens. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise BundleError.of("bundle.zip_not_zip", path=str(path)) from exc
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # a seek to an offset the damaged directory gives: before the start
                raise BundleError.of("bundle.zip_not_zip", path=str(path)) from exc
            raise BundleError.of("bundle.file_unreadable", path=str(path), reason=os_reason(exc)) from exc
        try:
            self._members = self._check_directory()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> BundleArchive:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def _refuse(self, code: str, **values: Any) -> BundleError:
        return BundleError.of(code, path=str(self.path), **values)

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self._refuse("bundle.zip_too_many", count=len(infos), limit=MAX_MEMBERS)
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            _check_name(self, name)
            if name in members:
                raise self._refuse("bundle.zip_duplicate", name=name)
            if name != JSON_NAME and FILE_NAME.fullmatch(name) is None:
                raise self._refuse("bundle.zip_extra", name=name)
            if info.flag_bits & 0x1:
                raise self._refuse("bundle.zip_encrypted", name=name)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self._refuse("bundle.zip_compression", name=name)
            limit = MAX_BYTES if name == JSON_NAME else MAX_FILE_BYTES
            if info.file_size > limit:
                raise self._refuse("bundle.zip_too_large", name=name, limit_mb=limit // 1024**2)
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise self._refuse("bundle.zip_total_too_large", limit_mb=MAX_TOTAL_BYTES // 1024**2)
            members[name] = info
        if JSON_NAME not in members:
            raise self._refuse("bundle.zip_no_json", name=JSON_NAME)
        return members

    def file_names(self) -> set[str]:
        return {name for name in self._members if name != JSON_NAME}

    def data(self) -> Any:
        """project.json parsed (not yet validated: the importer does that)."""
        buffer = io.BytesIO()
        self._unpack(JSON_NAME, buffer)
        return parse_bundle_text(buffer.getvalue(), f"{self.path} → {JSON_NAME}")

    def check_files(self, wanted: dict[str, str]) -> None:
        """The ZIP holds exactly the files project.json names ($.files); contents are checked when unpacked."""
        present = self.file_names()
        for name in sorted(wanted):
            if name not in present:
                raise self._refuse("bundle.zip_missing", name=name)
        for name in sorted(present - set(wanted)):
            raise self._refuse("bundle.zip_extra", name=name)

    def unpack(self, name: str, digest: str, out: IO[bytes] | None = None) -> None:
        """Copies one file to `out` (or only reads it), refusing it unless its content has `digest`."""
        if self._unpack(name, out if out is not None else _Discard()) != digest:
            raise self._refuse("bundle.zip_wrong_hash", name=name)

    def read(self, name: str, digest: str, limit: int) -> bytes:
        """A small file (a logo) into memory; a larger one than `limit` is refused before it is read."""
        if self._members[name].file_size > limit:
            raise self._refuse("bundle.zip_too_large", name=name, limit_mb=max(1, limit // 1024**2))
        buffer = io.BytesIO()
        self.unpack(name, digest, buffer)
        return buffer.getvalue()

    def _unpack(self, name: str, out: IO[bytes]) -> str:
        info = self._members[name]
        try:
            with self._zip.open(info) as source:
                return _copy_hashing(source, out, limit=info.file_size)
        except _SizeExceeded:
            raise self._refuse("bundle.zip_size_lies", name=name) from None
        except (zipfile.BadZipFile, EOFError, zlib.error, ValueError) as exc:  # a wrong CRC, a cut or garbled stream
            raise self._refuse("bundle.zip_damaged", name=name) from exc
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # a header offset before the start of the file
                raise self._refuse("bundle.zip_damaged", name=name) from exc
            raise self._refuse("bundle.file_unreadable", reason=os_reason(exc)) from exc


def _check_name(archive: BundleArchive, name: str) -> None:
    """Refused by name before anything is read: an absolute path or a step up would point outside any folder."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or "\0" in name:
        raise archive._refuse("bundle.zip_absolute", name=name)
    if ".." in name.replace("\\", "/").split("/"):
        raise archive._refuse("bundle.zip_traversal", name=name)


class OpenedBundle:
    """A bundle file as the importer takes it: the JSON data, and for version 2 the ZIP with its files."""

    def __init__(self, data: Any, archive: BundleArchive | None) -> None:
        self.data = data
        self.archive = archive

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.archive is not None:
            self.archive.close()


def open_bundle_file(path: str | Path) -> OpenedBundle:
    """A version 2 ZIP (`.pvz`) or a version 1 JSON file, told apart by content; a ZIP name is always a ZIP."""
    path = Path(path)
    if is_zip(path) or path.suffix.lower() in (".pvz", ".zip"):
        archive = BundleArchive(path)
        try:
            return OpenedBundle(archive.data(), archive)
        except BaseException:
            archive.close()
            raise
    data = load_bundle_file(path)
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and 2 <= version <= max(READABLE):
        raise BundleError.of("bundle.json_needs_zip", path=str(path), version=version)
    return OpenedBundle(data, None)
