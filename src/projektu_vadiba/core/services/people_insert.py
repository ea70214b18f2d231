"""Bulk insert of people and other many-row inserts, straight through the driver where it is safe (figures in
docs/benchmarks.md, "Import")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core import people_order, people_words, search_upkeep
from projektu_vadiba.core.models import Person

_CHUNK = 1000  # rows between two progress calls
# People in one bulk insert from which their full-text indexing and its merging wait for search_upkeep (fewer:
# indexed and merged at once, as a form's save is; a few milliseconds).
_MERGE_LATER = 1000
# PostgreSQL, the same bulk inserts: the GIN index's entries of these people, and of anything else this transaction
# writes, stay in the index's pending list (fastupdate) until search_upkeep.run moves them into the index after the
# commit, instead of the insert moving them itself each time the list outgrows its 4 MB: 84,600 people's COPY into
# 1,000,000 took 4.1-4.4 s that way, 3.1-3.5 s this way (docs/benchmarks.md, "Eleventh round"). Only for a user who
# owns the index, as only they can move the list (search_upkeep._CLEAN_PENDING): anyone else's next insert would.
# Transaction-local (set_config's `true`): the next transaction has the server's own limit again.
_GIN_LATER = (
    "SELECT set_config('gin_pending_list_limit', '1048576', true) FROM pg_class c "
    "WHERE c.oid = to_regclass('ix_people_search_tsv') AND pg_has_role(c.relowner, 'USAGE')"
)


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def bulk_insert_people(
    session: Session, rows: list[dict[str, Any]], progress: Callable[[int], None] | None = None
) -> list[int]:
    """Insert many people at once (rows hold every column, keys included); returns their ids in row order.
    Core statements on the session's connection: no ORM per-row work."""
    if not rows:
        return []
    columns = tuple(rows[0])
    return insert_people(session, columns, [tuple(row[k] for k in columns) for row in rows], progress)


def insert_people(
    session: Session,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """`bulk_insert_people` of rows given as values in the order of `columns`. `progress(done)` is called after
    each thousand rows (it may raise to stop: nothing is left half-done but the caller's transaction)."""
    if not rows:
        return []
    table = cast(Table, Person.__table__)
    run = session.connection().execute

    def chunks() -> Iterator[Sequence[Sequence[Any]]]:
        for start in range(0, len(rows), _CHUNK):
            yield rows[start : start + _CHUNK]
            if progress is not None:
                progress(min(start + _CHUNK, len(rows)))

    if dialect(session) != "sqlite":
        # PostgreSQL: people_words' rows of these people wait for search_upkeep.run after the commit
        # (core.people_words; a setting of this transaction only): 84,600 people's COPY into 1,000,000 took 7.3-8.1 s
        # with them, 4.0-5.0 s without.
        later = dialect(session) == "postgresql" and len(rows) >= _MERGE_LATER
        if later:
            run(text("SELECT set_config(:name, 'on', true)"), {"name": people_words.LATER})
            run(text(_GIN_LATER))
        try:
            return _insert_on_server(session, table, columns, rows, chunks)
        finally:
            if later:
                run(text("SELECT set_config(:name, '', true)"), {"name": people_words.LATER})
    # A write first: pysqlite begins the transaction before DML only, and the DDL below must be inside it.
    run(text("DELETE FROM people_fts_pause"))
    # Without the FTS insert trigger while the rows go in, then the whole batch indexed by one INSERT … SELECT:
    # even a trigger that its WHEN skips costs SQLite a sub-program per row (a third of the insert). Dropped once
    # for all the rows: each DROP and CREATE changes the schema, and every prepared statement is prepared again.
    # DDL is transactional in SQLite: a rollback brings the trigger back as well; `finally` restores it on any
    # error (a progress call that cancels included).
    trigger = run(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'people_fts_ai'")).scalar()
    if trigger:
        run(text("DROP TRIGGER people_fts_ai"))
    try:
        # Plain executemany (RETURNING with parameter order sends the rows in small batches: 4x slower). The ids
        # after the largest one are free: SQLite has one writer at a time.
        before = int(run(select(func.max(table.c.id))).scalar() or 0)
        # In Latvian order, each row with the id of its place in `rows` (ids stay in row order), as PostgreSQL's
        # COPY: the sort-key index then takes the rows page by page instead of all over its B-tree (84,600 people
        # into 1,000,000: the insert 1.58-1.94 -> 1.41-1.50 s; 1.24-1.48 s with ids in Latvian order as well, but
        # then a file's people would not be numbered in its order).
        order = list(range(len(rows)))
        if "sort_key" in columns:
            at = columns.index("sort_key")
            order.sort(key=lambda i: rows[i][at])
        with_id = (*columns, "id")
        done = 0
        for chunk in chunks():
            insert_tuples(
                session, table, with_id, [(*rows[i], before + 1 + i) for i in order[done : done + len(chunk)]]
            )
            done += len(chunk)
        count, last = run(select(func.count(), func.max(table.c.id)).where(table.c.id > before)).one()
        if count != len(rows) or last != before + len(rows):  # cannot happen with one writer; never wrong ids
            raise RuntimeError("people were inserted concurrently during a bulk insert")
        # In the buckets of the Latvian order (core.people_order); all cut again when the registry outgrew them.
        connection = session.connection()
        if people_order.outgrown(connection):
            people_order.rebuild(connection)
        elif len(rows) >= _MERGE_LATER:
            # Indexed by search_upkeep.run after the commit, and merged then (search tests them with LIKE meanwhile):
            # 84,600 people into a registry of 1,000,000 took 0.44 s of the import, 9,000 into 100,000 36-40 ms.
            search_upkeep.leave_upkeep(connection)
            people_order.leave_unindexed(connection, before + 1, before + len(rows))
        else:
            people_order.index_people(connection, before)
    finally:
        if trigger:
            session.connection().exec_driver_sql(trigger)  # the stored text as it is (no bind-parameter parsing)
    return list(range(before + 1, before + len(rows) + 1))


def _insert_on_server(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    chunks: Callable[[], Iterator[Sequence[Sequence[Any]]]],
) -> list[int]:
    """`insert_people` on a server database (PostgreSQL)."""
    run = session.connection().execute
    if copies_rows(session, table.name):
        # ids taken from the table's sequence first, then the rows COPYed with them (INSERT … RETURNING in
        # parameter order took 1.4 s for 9,000 people, most of it building and parsing statements).
        ids = list(
            run(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": table.name, "n": len(rows)},
            ).scalars()
        )
        with_ids = [(*row, pid) for row, pid in zip(rows, ids, strict=True)]
        if "sort_key" in columns:
            # COPYed in Latvian order (each row keeps the id of its place in `rows`): the two sort-key indexes
            # (0016's covering one is the largest) then take the rows leaf page by leaf page instead of all over
            # their B-trees.
            at = columns.index("sort_key")
            with_ids.sort(key=lambda row: (row[at], row[-1]))

        def in_order() -> Iterator[Sequence[Sequence[Any]]]:
            done = 0
            for chunk in chunks():
                yield with_ids[done : done + len(chunk)]
                done += len(chunk)

        copy_chunks(session, table, (*columns, "id"), in_order())
        return ids
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    out: list[int] = []
    for chunk in chunks():
        out += run(stmt, [dict(zip(columns, row, strict=True)) for row in chunk]).scalars()
    return out


@contextmanager
def page_cache(session: Session, mib: int) -> Iterator[None]:
    """SQLite: a page cache of up to `mib` MiB on the session's connection while many rows are written (default 2
    MiB: inserting 9,000 people into four indexes of 100,000 kept evicting and re-reading index pages, 0.25 s
    instead of 0.10 s); the connection's own size again afterwards. Elsewhere nothing."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    connection.exec_driver_sql(f"PRAGMA cache_size = {-1024 * mib}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {before}")


def copies_rows(session: Session, table: str) -> bool:
    """PostgreSQL through psycopg 3, whose cursors speak COPY, unless row-level security applies to the user (a
    team database's member: PostgreSQL refuses COPY FROM into such a table)."""
    bind = session.get_bind().dialect
    if bind.name != "postgresql" or bind.driver != "psycopg":
        return False
    return not session.connection().execute(text("SELECT row_security_active(:t)"), {"t": table}).scalar()


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows without RETURNING (`insert_tuples` of dictionaries)."""
    if not rows:
        return
    keys = tuple(rows[0])
    insert_tuples(session, table, keys, [tuple(row[k] for k in keys) for row in rows])


def insert_tuples(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT many rows, each the values of `columns` in order, without RETURNING. When the rows name every column
    that has a Python-side default, straight through the driver, each value converted by its column's own bind
    processor (what Core would send): on SQLite one executemany (Core spends longer per row on the same work: 9,000
    people 0.26 s vs 0.19 s), on PostgreSQL COPY (0.16 s vs 1.4 s). Otherwise Core, which fills the defaults."""
    if not rows:
        return
    given = _defaults_given(table, columns)
    if given and copies_rows(session, table.name):
        _copy(session, table, columns, [rows])
        return
    if not given or dialect(session) != "sqlite":
        session.connection().execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    bind = session.get_bind().dialect
    targets = [table.c[k] for k in columns]
    quote = bind.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in targets)
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' * len(targets))})"
    session.connection().exec_driver_sql(sql, driver_values(bind, targets, rows))


def copy_chunks(
    session: Session, table: Table, columns: Sequence[str], chunks: Iterable[Sequence[Sequence[Any]]]
) -> None:
    """`insert_tuples` of many chunks as ONE COPY where the rows can be COPYed: each chunk is converted and sent
    while the server stores the ones before (a COPY a chunk made the server wait for each chunk's conversion and
    Python for each chunk's storing: 84,600 people into 1,000,000, 85 COPYs took 3.39-3.95 s, one COPY 3.18-3.41 s,
    three pairs each after a CHECKPOINT). The chunks are taken one by one, so whatever runs between them (a progress
    call, which may raise and so end the COPY with the error) runs inside the COPY."""
    if _defaults_given(table, columns) and copies_rows(session, table.name):
        _copy(session, table, columns, chunks)
        return
    for chunk in chunks:
        insert_tuples(session, table, columns, chunk)


def _defaults_given(table: Table, columns: Sequence[str]) -> bool:
    """Whether `columns` name every column with a Python-side default (only Core fills those; columns left out get
    NULL or their server default either way)."""
    return {c.key for c in table.columns if c.default is not None and not c.primary_key} <= set(columns)


def _copy(session: Session, table: Table, columns: Sequence[str], chunks: Iterable[Sequence[Sequence[Any]]]) -> None:
    """COPY the chunks' rows, each value as its column's bind processor makes it, on the cursor of the session's
    own connection: the rows are part of its transaction."""
    bind = session.get_bind().dialect
    targets = [table.c[k] for k in columns]
    quote = bind.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in targets)
    driver: Any = session.connection().connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
        for chunk in chunks:
            for converted in driver_values(bind, targets, chunk):
                copy.write_row(converted)


def driver_values(bind: Any, columns: list[Any], rows: Sequence[Sequence[Any]]) -> Sequence[Sequence[Any]]:
    """The rows with each value as the column's dialect type sends it (SQLite's DATETIME writes its text format,
    an enum its value): what Core would apply."""
    convert = [(i, p) for i, c in enumerate(columns) if (p := c.type.dialect_impl(bind).bind_processor(bind))]
    if not convert:
        return rows
    # Column by column (the rows transposed and back, in C), each distinct object converted once: a timestamp
    # shared by every row, enum members, True/False. By identity, not equality: equal values of other types (1 and
    # True) may convert differently. The rows hold every value, so no id is reused meanwhile.
    values = list(zip(*rows, strict=True))
    for i, process in convert:
        column = values[i]
        distinct = {id(v): v for v in column}
        converted = {key: None if v is None else process(v) for key, v in distinct.items()}
        values[i] = tuple([converted[id(v)] for v in column])
    return list(zip(*values, strict=True))
