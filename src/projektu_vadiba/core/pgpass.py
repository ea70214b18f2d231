"""The team server's password, kept where PostgreSQL's own client library looks for it: the libpq password file
(`~/.pgpass`; `%APPDATA%\\postgresql\\pgpass.conf` on Windows; `PGPASSFILE` when set), readable by its owner only.

Why this and not the app's settings or an OS keyring: the settings file is plain text anyone with the account's
files can read; a keyring needs another library and a running secret service (often missing on a Linux desktop
without GNOME/KDE, always missing over SSH). libpq reads the passfile itself, so the password never passes through
the app's settings or URLs at all, and `psql` finds the same password. libpq ignores a passfile that others may
read (on Unix), so it is written 0600. A user who does not want it stored types the password at each start.

Lines are `host:port:database:user:password`, `:` and `\\` escaped with a backslash; other lines stay as they were.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from projektu_vadiba.core.atomic_files import write_text
from projektu_vadiba.core.connection import ServerAddress


def passfile() -> Path:
    explicit = os.environ.get("PGPASSFILE")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    fields: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in line:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":" and len(fields) < 4:
            fields.append("".join(current))
            current = []
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields


def _key(address: ServerAddress) -> list[str]:
    return [address.host, str(address.port), address.database, address.user]


def _matches(pattern: list[str], key: list[str]) -> bool:
    return len(pattern) == 5 and all(p in ("*", k) for p, k in zip(pattern[:4], key, strict=True))


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def lookup(address: ServerAddress, path: Path | None = None) -> str | None:
    """The password libpq would use for this address (the first matching line, wildcards included)."""
    for line in _lines(path or passfile()):
        if line.strip() and not line.lstrip().startswith("#") and _matches(fields := _fields(line), _key(address)):
            return fields[4]
    return None


def _without(lines: list[str], address: ServerAddress) -> list[str]:
    """Every line but the one written for exactly this address (wildcard lines the user wrote stay)."""
    return [line for line in lines if _fields(line)[:4] != _key(address)]


def store(address: ServerAddress, password: str, path: Path | None = None) -> Path:
    """Remember the password for exactly this address: first in the file (libpq takes the first match)."""
    target = path or passfile()
    line = ":".join(_escape(v) for v in [*_key(address), password])
    lines = [line, *_without(_lines(target), address)]
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_text(target, "\n".join(lines) + "\n", private=True)


def forget(address: ServerAddress, path: Path | None = None) -> bool:
    """Remove the remembered password of this address; whether there was one."""
    target = path or passfile()
    lines = _lines(target)
    kept = _without(lines, address)
    if kept == lines:
        return False
    write_text(target, "\n".join(kept) + ("\n" if kept else ""), private=True)
    return True
