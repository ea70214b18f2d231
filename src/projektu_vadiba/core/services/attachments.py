"""Files kept as evidence (signed sheets, photos, invoices, publications) attached to a project, activity, event or
expense. Stored once under their SHA-256 name in a folder beside the SQLite file (`pielikumi/`), or in the user
data folder for a PostgreSQL database; the original file is only read, never changed.

Stored files are private (0600 in a 0700 folder, whatever the umask) and copied in atomically. A stored name is
checked on write and on every read or removal (`stored_path`): anyone who can write the database (a team member
on PostgreSQL) could put `../../secret.txt` there, and neither the evidence ZIP nor a removal may follow it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import atomic_files, clock
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import os_reason
from projektu_vadiba.core.leftovers import ATTACHMENTS
from projektu_vadiba.core.models import Attachment, Attendance, AttendanceStatus, Event, Person

FOLDER = ATTACHMENTS
KINDS = {
    "signed_sheet": "Parakstīta reģistrācijas lapa",
    "photo": "Foto",
    "invoice": "Rēķins",
    "publication": "Publikācija",
    "other": "Cits",
}


@dataclass(frozen=True)
class AttachmentDTO:
    id: int
    sha256: str
    original_name: str
    stored_name: str
    mime: str
    kind: str
    date: dt.date
    description: str
    project_id: int | None
    activity_id: int | None
    event_id: int | None
    expense_id: int | None


@dataclass(frozen=True)
class Owner:
    project_id: int | None = None
    activity_id: int | None = None
    event_id: int | None = None
    expense_id: int | None = None


def store_dir(session: Session) -> Path:
    from projektu_vadiba.core.db import default_data_dir, sqlite_path

    url = session.get_bind().engine.url.render_as_string(hide_password=False)
    path = sqlite_path(url)
    return (path.parent if path is not None else default_data_dir()) / FOLDER


def file_path(session: Session, attachment: AttachmentDTO) -> Path:
    return stored_path(store_dir(session), attachment.stored_name)


_SUFFIX_CHARS = re.compile(r"[^a-z0-9_-]")


def stored_path(folder: Path, stored_name: str) -> Path:
    """The stored file's path, refused with a coded error unless it is a plain name that stays inside `folder`
    after resolving (no separators, no `..`, not absolute, no drive, no symlink leading out)."""
    name = stored_name or ""
    plain = (
        name not in ("", ".", "..")
        and ".." not in name
        and not any(ch in name for ch in ("/", "\\", ":", "\0"))
        and not os.path.isabs(name)
        and len(name) <= 100
    )
    if plain:
        path = folder / name
        try:
            inside = path.resolve().parent == folder.resolve()
        except (OSError, RuntimeError):
            inside = False
        if inside:
            return path
    raise AppError.of("attachment.bad_name", name=name[:120])


def _stored_name(digest: str, source: Path) -> str:
    suffix = _SUFFIX_CHARS.sub("", source.suffix.lower()[1:])[:9]  # only letters and digits after the dot
    return f"{digest}.{suffix}" if suffix else digest


def add(
    session: Session,
    source: Path,
    owner: Owner,
    *,
    kind: str = "other",
    description: str = "",
    date: dt.date | None = None,
) -> AttachmentDTO:
    if kind not in KINDS:
        raise AppError.of("attachment.unknown_kind", kind=kind)
    if not any((owner.project_id, owner.activity_id, owner.event_id, owner.expense_id)):
        raise AppError.of("attachment.no_owner")
    try:
        digest = _sha256(source)
    except OSError as exc:
        raise AppError.of("file.unreadable", path=str(source), reason=os_reason(exc)) from exc
    stored = _stored_name(digest, source)
    folder = store_dir(session)
    target = stored_path(folder, stored)
    if not target.exists():  # the same file twice is stored once
        try:
            atomic_files.private_folder(folder)
            atomic_files.copy_file(source, target, private=True)
        except OSError as exc:
            raise AppError.of("attachment.save_failed", folder=str(folder), reason=os_reason(exc)) from exc
    record = Attachment(
        sha256=digest,
        original_name=source.name[:300],
        stored_name=stored,
        mime=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
        kind=kind,
        date=date or clock.now().date(),
        description=description[:500],
        project_id=owner.project_id,
        activity_id=owner.activity_id,
        event_id=owner.event_id,
        expense_id=owner.expense_id,
    )
    session.add(record)
    session.flush()
    return to_dto(record)


def listed(session: Session, owner: Owner) -> list[AttachmentDTO]:
    query = select(Attachment).order_by(Attachment.date, Attachment.id)
    for column, value in (
        (Attachment.project_id, owner.project_id),
        (Attachment.activity_id, owner.activity_id),
        (Attachment.event_id, owner.event_id),
        (Attachment.expense_id, owner.expense_id),
    ):
        if value is not None:
            query = query.where(column == value)
    return [to_dto(a) for a in session.scalars(query)]


def remove(session: Session, attachment_id: int) -> None:
    """Forgets the attachment; the stored file stays while another record uses the same content."""
    record = session.get(Attachment, attachment_id)
    if record is None:
        raise AppError.of("attachment.not_found")
    path = stored_path(store_dir(session), record.stored_name)  # checked before anything changes
    session.delete(record)
    session.flush()
    if session.scalar(select(Attachment.id).where(Attachment.stored_name == record.stored_name)) is None:
        path.unlink(missing_ok=True)


def refused_photos(session: Session, event_id: int) -> list[str]:
    """The names of people who came to the event and asked not to be photographed."""
    rows = session.execute(
        select(Person.given_name, Person.surname)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(
            Attendance.event_id == event_id,
            Attendance.no_photos.is_(True),
            Attendance.status == AttendanceStatus.ATTENDED,
        )
        .order_by(Person.surname, Person.given_name)
    )
    return [f"{given} {surname}".strip() for given, surname in rows]


def photo_consent_warnings(session: Session, event_id: int) -> list[str]:
    """People who asked not to be photographed and attended an event that has photos filed."""
    has_photos = session.scalar(
        select(Attachment.id).where(Attachment.event_id == event_id, Attachment.kind == "photo").limit(1)
    )
    if has_photos is None:
        return []
    event = session.get(Event, event_id)
    title = event.title if event else str(event_id)
    return [
        f"{name} lūdza viņu nefotografēt, bet pasākumam “{title}” ir pievienoti foto: "
        "pārbaudiet, vai viņš vai viņa tajos nav redzams."
        for name in refused_photos(session, event_id)
    ]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def to_dto(a: Attachment) -> AttachmentDTO:
    return AttachmentDTO(
        a.id,
        a.sha256,
        a.original_name,
        a.stored_name,
        a.mime,
        a.kind,
        a.date,
        a.description,
        a.project_id,
        a.activity_id,
        a.event_id,
        a.expense_id,
    )
