"""The bundle's files on both sides: read out of the attachment folder on export, written into it on import.

On import every file is unpacked atomically (core/atomic_files.py) under the stored name the importer checked, its
SHA-256 verified before the file appears. Files the import created are removed again when the import fails or its
transaction is rolled back (a failed commit included), so a refused bundle leaves nothing behind; a file the folder
already had (the same content filed for another project) is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.bundle.archive import BundleArchive
from projektu_vadiba.core.bundle.common import FILES_FOLDER
from projektu_vadiba.core.bundle.reader import Plan
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.failures import os_reason
from projektu_vadiba.core.models import Attachment, Organisation, Project
from projektu_vadiba.core.services.attachments import store_dir, stored_path
from projektu_vadiba.core.services.own_organisation import LOGO_LIMIT

Opener = Callable[[], IO[bytes]]


def export_files(session: Session, bundle: dict[str, Any]) -> list[tuple[str, str, Opener]]:
    """(name in the ZIP, SHA-256, opener) of every file the bundle's $.files names, by name."""
    logos = {org["logo"] for org in bundle["organisations"] if org["logo"] is not None}
    if bundle["project"].get("logo"):
        logos.add(bundle["project"]["logo"])
    folder = store_dir(session)
    out: list[tuple[str, str, Opener]] = []
    for entry in bundle["files"]:
        name, digest = entry["name"], entry["sha256"]
        if name in logos:
            out.append((name, digest, _bytes_opener(_logo_of(session, digest, name))))
        else:
            out.append((name, digest, _file_opener(session, folder, name, digest)))
    return out


def _logo_of(session: Session, digest: str, name: str) -> bytes:
    for column in (Organisation.logo, Project.logo):
        for logo in session.scalars(select(column).where(column.is_not(None))):
            if logo and hashlib.sha256(logo).hexdigest() == digest:
                return bytes(logo)
    raise BundleError.of("bundle.export_file_changed", name=name)


def _bytes_opener(data: bytes) -> Opener:
    return lambda: io.BytesIO(data)


def _file_opener(session: Session, folder: Path, name: str, digest: str) -> Opener:
    """The stored file with this content: the attachments naming it may differ only in the stored name's suffix."""
    query = select(Attachment.stored_name).where(Attachment.sha256 == digest).order_by(Attachment.id)
    stored = list(dict.fromkeys(session.scalars(query)))
    wanted = name.removeprefix(FILES_FOLDER)
    stored.sort(key=lambda n: n != wanted)  # the file of the same name first

    def opener() -> IO[bytes]:
        reason, path = "", folder / wanted
        for candidate in stored:
            path = stored_path(folder, candidate)  # a name leading out of the folder is refused (AppError)
            try:
                return path.open("rb")
            except OSError as exc:
                reason = os_reason(exc)
        raise BundleError.of("bundle.export_file_missing", name=name, path=str(path), reason=reason)

    return opener


def read_logos(plan: Plan, archive: BundleArchive | None) -> dict[str, bytes]:
    """The organisations' logos (small: read into memory, checked against their SHA-256) by name."""
    names = sorted({logo for row in plan.organisations if (logo := row.refs.get("logo")) is not None})
    if plan.project_logo is not None:
        names = sorted({*names, plan.project_logo})
    if not names:
        return {}
    assert archive is not None  # importer.check_archive refused a bundle naming files without its ZIP
    return {name: archive.read(name, plan.files[name], LOGO_LIMIT) for name in names}


def write_files(session: Session, plan: Plan, archive: BundleArchive | None) -> None:
    """Unpacks the attachments' files into the attachment folder; undone if the import's transaction fails."""
    stored = sorted({row.values["stored_name"] for row in plan.attachments})
    if not stored:
        return
    assert archive is not None
    folder = store_dir(session)
    created: list[Path] = []
    try:
        try:
            atomic_files.private_folder(folder)
        except OSError as exc:
            raise BundleError.of("bundle.files_save_failed", folder=str(folder), reason=os_reason(exc)) from exc
        for name in stored:
            target = stored_path(folder, name)
            digest = plan.files[FILES_FOLDER + name]
            if target.exists():  # the same content is already filed: check the bundle's copy all the same
                archive.unpack(FILES_FOLDER + name, digest)
                continue
            with atomic_files.atomic_output(target, private=True) as out:
                archive.unpack(FILES_FOLDER + name, digest, out)
            created.append(target)
    except BaseException:
        _remove(created)
        raise
    _remove_on_rollback(session, created)


def _remove_on_rollback(session: Session, created: list[Path]) -> None:
    state = {"open": True}

    def committed(_session: Session) -> None:
        state["open"] = False

    def rolled_back(_session: Session) -> None:
        if state["open"]:
            state["open"] = False
            _remove(created)

    event.listen(session, "after_commit", committed, once=True)
    event.listen(session, "after_rollback", rolled_back, once=True)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):  # left unreferenced: harmless, an import of the same content reuses it
            path.unlink(missing_ok=True)
