"""The last boundary: whatever a command or a window action lets through becomes a coded AppError, so the user
reads a sentence in their language, never a traceback (issue 18, item 4).

Known families get their own message: a damaged or locked database, a file the system refused (missing, no
access, disk full), memory or nesting exhausted by a hostile file. Anything else is a bug: its traceback goes to
a log file in the data folder for support, and the message says where. The CLI's entry and the UI's exception
hook both call `as_app_error`; no Qt here.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import traceback
from datetime import datetime
from pathlib import Path

from projektu_vadiba.core.errors import AppError

LOG_NAME = "errors.log"
LOG_LIMIT = 1024 * 1024  # one older file is kept beside it: enough for support, bounded on disk
_LOCKED = ("database is locked", "database table is locked", "database is busy")
_DAMAGED = ("file is not a database", "database disk image is malformed", "malformed database schema")


def as_app_error(
    exc: BaseException, *, path: str | None = None, sqlite_file: Path | None = None, log: bool = True
) -> AppError:
    """A coded AppError for `exc`; an unexpected one is logged first (unless `log` is False). `path`: the
    database or file concerned, when the caller knows it better than the exception does. `sqlite_file`: the
    open SQLite database; when an unexpected error meets a file that fails SQLite's integrity check, the message
    says the file is damaged (a garbled record surfaces as any exception in whatever code reads it)."""
    if isinstance(exc, AppError):
        return exc
    if isinstance(exc, MemoryError):
        return AppError.of("input.out_of_memory")
    if isinstance(exc, RecursionError):
        return AppError.of("input.too_deep")
    database = database_error(exc, path=path)
    if database is not None:
        return database
    if isinstance(exc, OSError):
        return os_error(exc, path=path)
    logged = log_traceback(exc) if log else None
    if sqlite_file is not None and sqlite_damaged(sqlite_file):
        return AppError.of("db.damaged", path=str(sqlite_file))
    return AppError.of("app.unexpected", kind=type(exc).__name__, log=str(logged) if logged else "-")


def sqlite_damaged(path: Path) -> bool:
    """Whether SQLite's own integrity check (b-trees, indexes, NOT NULL) finds the file damaged."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            rows = conn.execute("PRAGMA integrity_check(1)").fetchall()
        return rows != [("ok",)]
    except sqlite3.OperationalError as exc:  # busy or not openable: nothing known about damage
        return "malformed" in str(exc) or "not a database" in str(exc)
    except sqlite3.Error:  # DatabaseError itself: "file is not a database", "malformed"
        return True


def database_error(exc: BaseException, *, path: str | None = None) -> AppError | None:
    """A locked or damaged database (SQLite's messages, also wrapped by SQLAlchemy) or a team server that went
    away, else None."""
    original = getattr(exc, "orig", None) or exc  # SQLAlchemy's DBAPIError wraps the driver's error
    if isinstance(original, LookupError) and "is not among the defined enum values" in str(original):
        return AppError.of("db.damaged", path=path or "?")  # a stored choice no version of the app wrote
    if type(original).__module__.startswith("psycopg"):  # PostgreSQL: a server gone away mid-use-case
        from projektu_vadiba.core.connection import connection_lost

        return AppError.of("db.connection_lost") if connection_lost(exc) else None
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    if type(original) is sqlite3.DatabaseError:  # the base class itself: SQLite met a page or record it cannot use
        return AppError.of("db.damaged", path=path or "?")
    if any(part in text for part in _LOCKED):
        return AppError.of("db.locked")
    if any(part in text for part in _DAMAGED):
        return AppError.of("db.damaged", path=path or "?")
    if "unable to open database" in text or "readonly database" in text:
        return AppError.of("db.no_access", path=path or "?")
    return None


def os_error(exc: OSError, *, path: str | None = None) -> AppError:
    """A file the system refused, named, with the reason in words of the catalogue (not the C library's)."""
    name = path or (str(exc.filename) if exc.filename is not None else "?")
    if isinstance(exc, FileNotFoundError):
        return AppError.of("file.not_found", path=name)
    if isinstance(exc, PermissionError):
        return AppError.of("file.no_access", path=name)
    if isinstance(exc, IsADirectoryError):
        return AppError.of("file.is_folder", path=name)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return AppError.of("file.disk_full", path=name)
    return AppError.of("file.io_error", path=name, code=errno.errorcode.get(exc.errno or 0, str(exc.errno)))


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, as a catalogue term for a {reason} (the C library's text is English)."""
    if isinstance(exc, FileNotFoundError):
        return "term.file.not_found"
    if isinstance(exc, PermissionError):
        return "term.file.no_access"
    if isinstance(exc, IsADirectoryError):
        return "term.file.is_folder"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "term.file.disk_full"
    return "term.file.io_error"


def log_folder() -> Path:
    from projektu_vadiba.core.db import default_data_dir  # late: db imports SQLAlchemy

    return default_data_dir() / "logs"


def log_traceback(exc: BaseException) -> Path | None:
    """Append `exc`'s traceback to the log (readable by its owner only: a traceback may hold names); the path,
    or None when it cannot be written (the message then says so, and nothing else fails)."""
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = folder / LOG_NAME
        if target.exists() and target.stat().st_size > LOG_LIMIT:
            os.replace(target, target.with_name(LOG_NAME + ".1"))
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
        return target
    except Exception:  # the log is a help, never a second failure
        return None
