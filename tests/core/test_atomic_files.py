"""Atomic outputs (core/atomic_files.py): a failed or interrupted write leaves the previous file whole and no
temporary; a full disk is a coded message; the next start removes what a killed run left, and only that."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.leftovers import clean_leftovers
from projektu_vadiba.core.messages import text_of

OLD = b"the previous good file"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "pārskats.pdf"
    path.write_bytes(OLD)
    return path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_replaces_the_file_whole_and_leaves_nothing_else(target: Path) -> None:
    os.chmod(target, 0o640)
    atomic_files.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert _names(target.parent) == [target.name]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640  # the user's permissions stay


@pytest.mark.parametrize("error", [RuntimeError("report crashed"), KeyboardInterrupt()])
def test_an_error_midway_keeps_the_previous_file_and_removes_the_temporary(target: Path, error: BaseException) -> None:
    with pytest.raises(type(error)), atomic_files.atomic_output(target) as handle:
        handle.write(b"half a fi")
        assert len(list(target.parent.iterdir())) == 2  # the temporary beside the target
        raise error
    assert target.read_bytes() == OLD
    assert _names(target.parent) == [target.name]


def test_a_full_disk_is_a_coded_message_and_the_previous_file_stays(target: Path) -> None:
    with pytest.raises(AppError) as caught, atomic_files.atomic_output(target) as handle:
        handle.write(b"x" * 1000)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as a write on a full disk raises it
    assert caught.value.code == "file.no_space" and caught.value.values == {"path": str(target)}
    assert str(target) in text_of(caught.value, "en") and "disk space" in text_of(caught.value, "en")
    assert target.read_bytes() == OLD and _names(target.parent) == [target.name]


def test_an_unwritable_folder_is_a_coded_message(tmp_path: Path) -> None:
    with pytest.raises(AppError) as caught:
        atomic_files.write_bytes(tmp_path / "nav-mapes" / "x.csv", b"x")
    assert caught.value.code == "file.write_failed"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_private_files_and_folders_ignore_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        folder = atomic_files.private_folder(tmp_path / "pielikumi")
        path = atomic_files.write_bytes(folder / "a.pdf", b"x", private=True)
        plain = atomic_files.write_bytes(tmp_path / "report.pdf", b"x")
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600
    assert plain.stat().st_mode & 0o777 == 0o666  # a new report follows the umask, as any saved file


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_sweep_removes_only_our_temporaries_of_processes_that_are_gone(tmp_path: Path) -> None:
    dead = tmp_path / f".report.pdf.{_dead_pid()}.0123abcd{atomic_files.SUFFIX}"
    live = atomic_files.temp_name(tmp_path / "other.xlsx")  # this process: still writing it
    keep = ["report.pdf", "X.zip.tmp", "notes.pv-part", f".x.{_dead_pid()}.zzzzzzzz{atomic_files.SUFFIX}"]
    for path in (dead, live, *(tmp_path / n for n in keep)):
        path.write_bytes(b"x")
    folder_like = tmp_path / f".d.{_dead_pid()}.0123abcd{atomic_files.SUFFIX}"
    folder_like.mkdir()
    assert atomic_files.sweep(tmp_path) == [dead]
    assert sorted(_names(tmp_path)) == sorted([live.name, folder_like.name, *keep])


def test_a_day_old_temporary_is_stale_whoever_made_it(tmp_path: Path) -> None:
    old = atomic_files.temp_name(tmp_path / "a.json")
    old.write_bytes(b"{")
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (day_ago, day_ago))
    assert atomic_files.sweep(tmp_path) == [old]


def test_start_cleans_the_data_folder_attachments_and_report_folders(tmp_path: Path) -> None:
    data, reports = tmp_path / "dati", tmp_path / "Dokumenti"
    attachments = data / "pielikumi"
    attachments.mkdir(parents=True)
    reports.mkdir()
    pid = _dead_pid()
    leftovers = [
        data / f".db.json.{pid}.00000000{atomic_files.SUFFIX}",
        reports / f".pārskats.pdf.{pid}.ffffffff{atomic_files.SUFFIX}",
        attachments / ("a" * 64 + ".pdf.tmp"),  # an older version's copy, killed
    ]
    for path in leftovers:
        path.write_bytes(b"x")
    hour_ago = time.time() - 7200
    os.utime(leftovers[2], (hour_ago, hour_ago))
    stored = attachments / ("b" * 64 + ".pdf")
    stored.write_bytes(b"%PDF")
    os.chmod(stored, 0o644)
    os.chmod(attachments, 0o755)
    removed = clean_leftovers(f"sqlite:///{data / 'db.sqlite'}", [reports, None])
    assert sorted(removed) == sorted(leftovers)
    assert _names(attachments) == [stored.name] and _names(reports) == []
    if os.name == "posix":
        assert stored.stat().st_mode & 0o777 == 0o600 and attachments.stat().st_mode & 0o777 == 0o700
