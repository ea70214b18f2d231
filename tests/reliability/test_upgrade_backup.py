"""The backup before an upgrade: verified, under its final name only when whole, private, rotated, not piled up."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from projektu_vadiba.core import clock, db_backup
from projektu_vadiba.core.errors import AppError
from tests.reliability.conftest import PEOPLE


@pytest.fixture
def old_file(revision_0001_template: Path, tmp_path: Path) -> Path:
    import shutil

    path = tmp_path / "old.sqlite"
    shutil.copyfile(revision_0001_template, path)
    return path


def _at(moment: datetime) -> None:
    clock.set_clock(moment)


def test_backup_is_whole_private_and_checked(old_file: Path) -> None:
    os.umask(0o022)
    backup = db_backup.backup_before_upgrade(old_file, "0001")
    assert backup.name.startswith("old.sqlite.pirms-0001-") and backup.suffix == ".bak"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM people").fetchone() == (PEOPLE,)
    assert not list(old_file.parent.glob("*.tmp"))


def test_a_retry_reuses_the_backup_of_the_same_rows_and_a_change_makes_a_new_one(old_file: Path) -> None:
    _at(datetime(2026, 12, 5, 7, 0, 0))
    first = db_backup.backup_before_upgrade(old_file, "0001")
    _at(datetime(2026, 12, 5, 7, 0, 5))
    assert db_backup.backup_before_upgrade(old_file, "0001") == first  # nothing changed: no second copy
    with sqlite3.connect(old_file) as conn:
        conn.execute("UPDATE people SET notes = 'mainīts' WHERE id = 1")
    _at(datetime(2026, 12, 5, 7, 0, 10))
    second = db_backup.backup_before_upgrade(old_file, "0001")
    assert second != first and db_backup.backups_of(old_file) == [second, first]


def test_backups_rotate_keeping_the_newest(old_file: Path) -> None:
    start = datetime(2026, 12, 5, 7, 0, 0)
    made = []
    for n in range(5):
        _at(start + timedelta(minutes=n))
        with sqlite3.connect(old_file) as conn:  # different rows each time, so none is reused
            conn.execute("UPDATE people SET notes = ? WHERE id = 1", (str(n),))
        made.append(db_backup.backup_before_upgrade(old_file, "0001"))
        os.utime(made[-1], ns=(n * 10**9, n * 10**9))
    kept = db_backup.backups_of(old_file)
    assert len(kept) == db_backup.KEEP and set(kept) == set(made[-db_backup.KEEP :])


def test_leftovers_of_a_killed_backup_are_removed_and_a_failure_leaves_none(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leftover = old_file.with_name(old_file.name + ".pirms-0001-20261205-070000.bak.tmp")
    leftover.write_bytes(b"SQLite format 3\0")
    monkeypatch.setattr(db_backup, "_verify", lambda src, dst: (_ for _ in ()).throw(ValueError("row counts differ")))
    with pytest.raises(AppError) as caught:
        db_backup.backup_before_upgrade(old_file, "0001")
    assert caught.value.code == "db.backup_failed"
    assert list(old_file.parent.iterdir()) == [old_file]


def test_a_restored_backup_claims_no_installation(tmp_path: Path) -> None:
    from projektu_vadiba.core.db import open_database

    path = tmp_path / "a.sqlite"
    open_database(f"sqlite:///{path}").close()
    backup = db_backup.backup_before_upgrade(path, "0006")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT value FROM app_meta WHERE key = 'installation_path'").fetchone() == ("",)


def test_a_database_at_head_with_its_search_index_is_reused_too(tmp_path: Path) -> None:
    from projektu_vadiba.core.db import open_database

    path = tmp_path / "head.sqlite"
    open_database(f"sqlite:///{path}").close()  # FTS5 keeps a WITHOUT ROWID shadow table
    _at(datetime(2026, 12, 5, 7, 0, 0))
    first = db_backup.backup_before_upgrade(path, "0006")
    _at(datetime(2026, 12, 5, 7, 0, 5))
    assert db_backup.backup_before_upgrade(path, "0006") == first
