"""One write lock for the use cases that check for duplicates and then insert (a people import, a bundle
import): taken before the check, held to the end of the caller's transaction, so two imports of the same file at
once run one after the other and the second finds what the first stored.

SQLite: `BEGIN IMMEDIATE` (the database's write lock; the reads before it ran outside a transaction, as pysqlite
does, so the check after it sees every commit). PostgreSQL: a transaction-level advisory lock (released on commit
or rollback).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

IMPORTS = 0x5056_1001  # "PV" imports: people and bundle imports share it (both create people and organisations)


def take_write_lock(session: Session, key: int = IMPORTS) -> None:
    connection = session.connection()
    backend = connection.dialect.name
    if backend == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    elif backend == "sqlite":
        raw = connection.connection.dbapi_connection
        if raw is not None and not getattr(raw, "in_transaction", True):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        # in a transaction already: pysqlite opens one only for a write, so the write lock is held
