"""The copy of an SQLite file made before a schema upgrade: crash-safe, verified, private, rotated.

    path = backup_before_upgrade(Path("a.sqlite"), "0001")   # a.sqlite.pirms-0001-20261205-071500.bak

The copy goes through the SQLite backup API (a consistent snapshot even beside a WAL file) into a temporary name
in the same folder, is checked (integrity_check and every table's row count against the source), fsynced, and only
then renamed to its final name: a kill at any moment leaves either no backup or a complete one, never a truncated
`.bak`. Temporary leftovers of a killed run are removed by the next one. A retry of a failed upgrade reuses the
newest backup of the same revision when it still holds the same rows, instead of piling up another copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
from pathlib import Path

from projektu_vadiba.core import clock
from projektu_vadiba.core.errors import AppError

KEEP = 3  # backups kept per database file; older ones are removed after a new one is made
TMP_SUFFIX = ".tmp"
IDENTITY_KEY = "installation_path"  # prints.py: where the installation id was claimed


def backup_name(path: Path, revision: str) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.pirms-{revision}-{stamp}.bak")


def _pattern(path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(path.name) + r"\.pirms-(?P<revision>[^-]+)-(?P<stamp>\d{8}-\d{6})(-\d+)?\.bak")


def backups_of(path: Path) -> list[Path]:
    """This database's upgrade backups, newest first."""
    pattern = _pattern(path)
    found = [p for p in path.parent.glob(f"{glob_escape(path.name)}.pirms-*.bak") if pattern.fullmatch(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def create_private(path: Path) -> None:
    """An empty file only its owner can read, whatever the umask (SQLite gives its journal, WAL and SHM files the
    database file's permissions)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where the user's profile folder keeps files private
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _fsync(path: Path, *, directory: bool = False) -> None:
    if directory and os.name == "nt":  # Windows cannot open a folder to fsync it
        return
    fd = os.open(path, os.O_RDONLY if directory else os.O_RDWR)  # Windows flushes only a handle open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tables(conn: sqlite3.Connection) -> list[str]:
    # Virtual tables (the FTS5 index) are read through their shadow tables, which are ordinary ones.
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    )
    return [str(name) for (name,) in rows]


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in _tables(conn)}


def content_digest(conn: sqlite3.Connection) -> str:
    """A digest of every row of every table (same rows, same digest), to tell whether a backup is still current."""
    digest = hashlib.sha256()
    for table in _tables(conn):
        if table == "app_meta":  # a backup's own identity row differs from its source's by design
            continue
        digest.update(table.encode())
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY {_order(conn, table)}'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _order(conn: sqlite3.Connection, table: str) -> str:
    """rowid, or every column for a WITHOUT ROWID table (the FTS5 index keeps one)."""
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 0')
        return "rowid"
    except sqlite3.OperationalError:
        count = len(conn.execute(f'PRAGMA table_info("{table}")').fetchall())
        return ", ".join(str(n) for n in range(1, count + 1))


def _readonly(path: Path) -> sqlite3.Connection:
    """Only reads; not `mode=ro`, which cannot open a WAL database whose -shm file is missing."""
    if not path.is_file():
        raise sqlite3.OperationalError(f"no such file: {path}")
    return sqlite3.connect(path)


def remove_leftovers(path: Path) -> None:
    """Temporary copies of a backup killed midway."""
    for leftover in path.parent.glob(f"{glob_escape(path.name)}.pirms-*.bak{TMP_SUFFIX}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _reusable(source: Path, revision: str) -> Path | None:
    same = [p for p in backups_of(source) if _pattern(source).fullmatch(p.name)["revision"] == revision]  # type: ignore[index]
    if not same:
        return None
    try:
        with contextlib.closing(_readonly(source)) as src, contextlib.closing(_readonly(same[0])) as old:
            return same[0] if content_digest(src) == content_digest(old) else None
    except sqlite3.Error:  # an unreadable old backup is not reused
        return None


def backup_before_upgrade(source: Path, revision: str) -> Path:
    """A verified copy of `source` (at `revision`) beside it; raises AppError("db.backup_failed") and leaves no
    partial file when the copy cannot be made or does not check out."""
    remove_leftovers(source)
    reused = _reusable(source, revision)
    if reused is not None:
        return reused
    target = backup_name(source, revision)
    number = 1
    while target.exists():  # two upgrades in the same second
        target = target.with_name(f"{target.name.removesuffix('.bak')}-{number}.bak")
        number += 1
    temporary = target.with_name(target.name + TMP_SUFFIX)
    try:
        create_private(temporary)
        with contextlib.closing(_readonly(source)) as src, contextlib.closing(sqlite3.connect(temporary)) as dst:
            src.backup(dst)
            # A backup carries no claim to its source's installation id: restored, it gets its own (prints.py).
            if _has_meta(dst):
                dst.execute("UPDATE app_meta SET value = '' WHERE key = ?", (IDENTITY_KEY,))
                dst.commit()
            _verify(src, dst)
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync(target.parent, directory=True)
    except (OSError, sqlite3.Error, ValueError) as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise AppError.of("db.backup_failed", path=str(target), reason=str(exc)) from exc
    rotate(source)
    return target


def _has_meta(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'app_meta'").fetchone() is not None


def _verify(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    check = dst.execute("PRAGMA integrity_check").fetchall()
    if check != [("ok",)]:
        raise ValueError(f"integrity_check: {check[:3]}")
    if row_counts(src) != row_counts(dst):
        raise ValueError("row counts differ")


def rotate(source: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the `keep` newest backups; returns the removed ones."""
    removed = []
    for old in backups_of(source)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    return removed
