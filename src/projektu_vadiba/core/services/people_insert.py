"""Bulk insert of people and other many-row inserts, straight through the driver where it is safe (figures in
docs/benchmarks.md, "Import")."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import Person


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def bulk_insert_people(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert many people at once (rows hold every column, keys included); returns their ids in row order.
    Core statements on the session's connection: no ORM per-row work."""
    if not rows:
        return []
    table = cast(Table, Person.__table__)
    run = session.connection().execute
    if _copies(session, table.name):
        # PostgreSQL: ids taken from the table's sequence first, then the rows COPYed with them (INSERT …
        # RETURNING in parameter order took 1.4 s for 9,000 people, most of it building and parsing statements).
        ids = list(
            run(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": table.name, "n": len(rows)},
            ).scalars()
        )
        insert_many(session, table, [{**row, "id": pid} for row, pid in zip(rows, ids, strict=True)])
        return ids
    if dialect(session) != "sqlite":
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(run(stmt, rows).scalars())
    # A write first: pysqlite begins the transaction before DML only, and the DDL below must be inside it.
    run(text("DELETE FROM people_fts_pause"))
    # Without the FTS insert trigger while the rows go in, then the whole batch indexed by one INSERT … SELECT:
    # even a trigger that its WHEN skips costs SQLite a sub-program per row (a third of the insert). DDL is
    # transactional in SQLite: a rollback brings the trigger back as well; `finally` restores it on any error.
    trigger = run(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'people_fts_ai'")).scalar()
    if trigger:
        run(text("DROP TRIGGER people_fts_ai"))
    try:
        # One plain executemany (RETURNING with parameter order sends the rows in small batches: 4x slower). The
        # ids of one transaction are consecutive after the largest one: SQLite has one writer at a time.
        before = int(run(select(func.max(table.c.id))).scalar() or 0)
        insert_many(session, table, rows)
        count, last = run(select(func.count(), func.max(table.c.id)).where(table.c.id > before)).one()
        if count != len(rows) or last != before + len(rows):  # cannot happen with one writer; never wrong ids
            raise RuntimeError("people were inserted concurrently during a bulk insert")
        run(
            text("INSERT INTO people_fts(rowid, search_text) SELECT id, search_text FROM people WHERE id > :a"),
            {"a": before},
        )
    finally:
        if trigger:
            session.connection().exec_driver_sql(trigger)  # the stored text as it is (no bind-parameter parsing)
    return list(range(before + 1, before + len(rows) + 1))


def _copies(session: Session, table: str) -> bool:
    """PostgreSQL through psycopg 3, whose cursors speak COPY, unless row-level security applies to the user (a
    team database's member: PostgreSQL refuses COPY FROM into such a table)."""
    bind = session.get_bind().dialect
    if bind.name != "postgresql" or bind.driver != "psycopg":
        return False
    return not session.connection().execute(text("SELECT row_security_active(:t)"), {"t": table}).scalar()


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows without RETURNING. When the rows name every column that has a Python-side default, straight
    through the driver, each value converted by its column's own bind processor (what Core would send): on SQLite
    one executemany (Core spends longer per row on the same work: 9,000 people 0.26 s vs 0.19 s), on PostgreSQL
    COPY (0.16 s vs 1.4 s). Otherwise Core, which fills the defaults."""
    if not rows:
        return
    keys = list(rows[0])
    # Columns left out get NULL or their server default either way; Python-side defaults only from Core.
    defaults_given = {c.key for c in table.columns if c.default is not None and not c.primary_key} <= set(keys)
    copies = _copies(session, table.name)
    if not defaults_given or not (copies or dialect(session) == "sqlite"):
        session.connection().execute(insert(table), rows)
        return
    bind = session.get_bind().dialect
    columns = [table.c[k] for k in keys]
    # The dialect's own type (SQLite's DATETIME writes its text format): what Core would apply.
    convert = [(i, p) for i, c in enumerate(columns) if (p := c.type.dialect_impl(bind).bind_processor(bind))]
    data = []
    last: dict[int, tuple[Any, Any]] = {}  # column -> (value, converted): the same object (a timestamp, an enum)
    for row in rows:
        values = [row[k] for k in keys]
        for i, process in convert:
            value = values[i]
            if value is None:
                continue
            seen = last.get(i)
            if seen is not None and seen[0] is value:
                values[i] = seen[1]
            else:
                values[i] = process(value)
                last[i] = (value, values[i])
        data.append(tuple(values))
    quote = bind.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in columns)
    if copies:
        # The cursor of the session's own connection: the rows are part of its transaction.
        driver: Any = session.connection().connection.driver_connection
        with driver.cursor() as cursor, cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
            for converted in data:
                copy.write_row(converted)
        return
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' * len(columns))})"
    session.connection().exec_driver_sql(sql, data)
