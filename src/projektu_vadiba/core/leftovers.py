"""At start: remove the temporaries a killed or crashed run left behind (core/atomic_files.py names them) in the
folders the app knows — the database's folder, the attachments folder, the user data folder and the folders
reports were last saved to — and make the attachments private (files 0600, folder 0700) if an older version left
them readable by others. Only our own name pattern is ever removed."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from projektu_vadiba.core import atomic_files

ATTACHMENTS = "pielikumi"  # core/services/attachments.FOLDER (not imported: that pulls in the models)


def data_folder(url: str) -> Path:
    from projektu_vadiba.core.db import default_data_dir, sqlite_path

    path = sqlite_path(url)
    return path.parent if path is not None else default_data_dir()


def clean_leftovers(url: str, extra: Iterable[Path | str | None] = ()) -> list[Path]:
    """Returns what was removed. Never raises: cleaning up must not stop the app from starting."""
    from projektu_vadiba.core.db import default_data_dir

    data = data_folder(url)
    attachments = data / ATTACHMENTS
    removed = atomic_files.sweep(attachments, legacy_attachments=True)
    make_private(attachments)
    seen = {attachments.resolve()}
    for folder in (data, default_data_dir(), *extra):
        if folder is None or str(folder) == "":
            continue
        path = Path(folder).resolve()
        if path not in seen:
            seen.add(path)
            removed += atomic_files.sweep(path)
    return removed


def make_private(folder: Path) -> None:
    """Tightens a folder of personal files made world-readable by an older version (POSIX only)."""
    if os.name != "posix" or not folder.is_dir():
        return
    try:
        os.chmod(folder, atomic_files.PRIVATE_DIR)
        for entry in os.scandir(folder):
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mode & 0o077:
                os.chmod(entry.path, atomic_files.PRIVATE_FILE)
    except OSError:
        pass  # someone else's folder (a shared drive): leave it as it is
