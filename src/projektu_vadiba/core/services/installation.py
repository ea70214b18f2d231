"""The database's installation id (made by migration 0003) and the place it was claimed at: a copy opened
elsewhere gets an id of its own. Apart from core/services/prints.py, which re-exports it: every open of an SQLite
file claims, and the print records' module is not needed for that."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import AppMeta

INSTALLATION_KEY = "installation_id"


def installation_id(session: Session) -> str:
    """This database's random id; made by migration 0003, and here for a database made another way."""
    meta = session.get(AppMeta, INSTALLATION_KEY)
    if meta is None:
        meta = AppMeta(key=INSTALLATION_KEY, value=str(uuid.uuid4()))
        session.add(meta)
        session.flush()
    return meta.value


LOCATION_KEY = "installation_path"  # db_backup.IDENTITY_KEY: a backup's copy is blanked


def claim_installation(session: Session, location: str) -> bool:
    """A database file opened somewhere else than where it got its installation id (a copy, a move, a restored
    backup) gets a new one, so that the copies never print two different sheets with the same (installation,
    print id). Sheets printed before keep working: a scan is checked against the installation stored in its own
    print record. Returns True when a new id was made."""
    here = hashlib.sha256(location.encode()).hexdigest()[:40]  # a digest: the path itself is nobody's business
    # The usual case (the file is where it was) is read from the table's columns: opening the database does not
    # make SQLAlchemy configure every model before the first window (~40 ms).
    meta = AppMeta.__table__.c
    if session.execute(select(meta.value).where(meta.key == LOCATION_KEY)).scalar() == here:
        return False
    claimed = session.get(AppMeta, LOCATION_KEY)
    if claimed is not None and claimed.value == here:
        return False
    current = session.get(AppMeta, INSTALLATION_KEY)
    if claimed is None:
        session.add(AppMeta(key=LOCATION_KEY, value=here))
        if current is not None:  # the first open since places were recorded: the id stays where it is
            session.flush()
            return False
    else:
        claimed.value = here
    if current is None:
        session.add(AppMeta(key=INSTALLATION_KEY, value=str(uuid.uuid4())))
    else:
        current.value = str(uuid.uuid4())
    session.flush()
    return True
