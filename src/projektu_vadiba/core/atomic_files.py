"""Every file the app writes goes through here: into a temporary file in the target's folder, flushed and fsynced,
then renamed over the target (os.replace is atomic on one file system). Killed or failing at any moment, the
target is the previous file or the complete new one, never a half file.

Temporaries are named `.<target name>.<pid>.<8 hex>.pv-part`, so the next start can remove the ones a killed
process left (`sweep`) without touching anything that is not ours.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import secrets
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import os_reason

SUFFIX = ".pv-part"
_PATTERN = re.compile(r"^\..{1,80}\.(\d{1,10})\.[0-9a-f]{8}" + re.escape(SUFFIX) + r"$", re.DOTALL)
# An attachment copied in by an older version: `<sha256><suffix>.tmp` (only swept inside the attachments folder).
LEGACY_ATTACHMENT = re.compile(r"^[0-9a-f]{64}(\.[^./\\]{0,10})?\.tmp$")
PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700
_ABANDONED_AFTER = 24 * 3600  # a temporary this old is stale whoever made it (seconds)


def temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name[:80]}.{os.getpid()}.{secrets.token_hex(4)}{SUFFIX}")


def is_temp_name(name: str) -> bool:
    return _PATTERN.match(name) is not None


def _mode_for(target: Path, private: bool) -> int | None:
    """The new file keeps the old one's permissions (a report the user shared stays shared); private files 0600."""
    if private:
        return PRIVATE_FILE
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return None  # a new file: the umask decides, as for any file the user saves


def write_error(target: Path, exc: OSError) -> AppError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return AppError.of("file.no_space", path=str(target))
    return AppError.of("file.write_failed", path=str(target), reason=os_reason(exc))


@contextmanager
def atomic_output(target: Path | str, *, private: bool = False) -> Iterator[BinaryIO]:
    """`with atomic_output(path) as f: f.write(...)`: the target appears only when the block ends without error.

    Any failure (an exception, KeyboardInterrupt) removes the temporary and leaves the previous file as it was;
    an OSError becomes a coded AppError ("file.no_space" for a full disk)."""
    target = Path(target)
    tmp = temp_name(target)
    mode = _mode_for(target, private)
    done = False
    try:
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except OSError as exc:
            raise write_error(target, exc) from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                if mode is not None:
                    _chmod(handle.fileno(), tmp, mode)
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
            done = True
        except OSError as exc:
            raise write_error(target, exc) from exc
        _sync_folder(target.parent)
    finally:
        if not done:
            _remove(tmp)


def write_bytes(target: Path | str, data: bytes, *, private: bool = False) -> Path:
    with atomic_output(target, private=private) as handle:
        handle.write(data)
    return Path(target)


def write_text(target: Path | str, text: str, *, encoding: str = "utf-8", private: bool = False) -> Path:
    return write_bytes(target, text.encode(encoding), private=private)


def write_with(target: Path | str, writer: Callable[[BinaryIO], object], *, private: bool = False) -> Path:
    """For libraries that write to a file object (openpyxl's save). They write into memory first: a library left
    half-way by a full disk would otherwise print errors from its clean-up (openpyxl's unclosed ZipFile) after
    the message. Large streamed files (the evidence ZIP) use `atomic_output` directly."""
    buffer = io.BytesIO()
    writer(buffer)
    return write_bytes(target, buffer.getvalue(), private=private)


def copy_file(source: Path, target: Path, *, private: bool = False) -> Path:
    """Copies `source` atomically; reading errors stay OSError (the caller names the source)."""
    with source.open("rb") as src, atomic_output(target, private=private) as out:
        while chunk := src.read(1 << 20):
            out.write(chunk)
    return target


def private_folder(folder: Path) -> Path:
    """Creates the folder (and parents) and makes it 0700 whatever the umask (POSIX; Windows keeps its ACLs)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        with contextlib.suppress(PermissionError):  # another user's folder (a shared drive): its owner decides
            os.chmod(folder, PRIVATE_DIR)
    return folder


def sweep(folder: Path | str | None, *, legacy_attachments: bool = False) -> list[Path]:
    """Removes the temporaries a killed or crashed run left in `folder` (not in subfolders); returns them.

    Only our own name pattern, only regular files, only when the process that made one is gone (or it is a day
    old), so a second copy of the app writing into the same folder keeps its file."""
    if folder is None:
        return []
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PATTERN.match(entry.name)
        legacy = legacy_attachments and LEGACY_ATTACHMENT.match(entry.name) is not None
        if not (match or legacy):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = time.time() - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        # An older version's copy has no process id: an hour old, it is not being written any more.
        stale = (age > _ABANDONED_AFTER or not _alive(int(match.group(1)))) if match is not None else age > 3600
        if stale and _remove(Path(entry.path)):
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C there: ask for the process's exit code
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: someone else's process; else there is none
        try:
            code = ctypes.c_ulong()
            return not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) or code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def _chmod(fd: int, path: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit exists
        os.chmod(path, mode)


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable (POSIX); a failure here cannot undo it, so it is not reported."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    except OSError:
        return False
    return True
