"""How the people registry is searched and bulk-filled on each back-end (figures in docs/people.md).

SQLite: FTS5 table people_fts (migration 0002) with prefix indexes; a query word w becomes "w"*. A broad query
(thousands of matches) walks the sort-key index and stops after one page; a narrow one sorts its few matches.
PostgreSQL: to_tsvector('simple', search_text) @@ 'w':* on a GIN index. Others: LIKE on the folded text.
Surname forms (core.surname_forms) are widened at query time, nothing extra is stored: 'ozols' becomes
("ozols"* OR "ozola"), and the people matched only through the other form come after those matched as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Select, Table, TextClause, and_, func, insert, not_, or_, select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core import person_keys, surname_forms
from projektu_vadiba.core.models import Person

# Above this many matches, walking people in sort-key order beats sorting the matches (measured: bench/).
_BROAD = 1000


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


@dataclass(frozen=True)
class _Words:
    """A query's folded words, each with the other gender forms of it (core.surname_forms) that the registry holds."""

    typed: tuple[str, ...]
    forms: tuple[tuple[str, ...], ...]

    @property
    def widened(self) -> bool:
        return any(self.forms)


def _words(query: str) -> _Words | None:
    typed = tuple(person_keys.search_words(query))
    return _Words(typed, tuple(map(surname_forms.other_forms, typed))) if typed else None


def _held(session: Session, words: _Words) -> _Words:
    """`words` without the other forms nobody holds ('kekava' -> 'kekavs'): one cheap look-up of whole words each
    (no count), so that a query whose other forms nobody has runs no second part."""
    return _Words(words.typed, tuple(f if f and _anyone_holds(session, f) else () for f in words.forms))


def _anyone_holds(session: Session, words: tuple[str, ...]) -> bool:
    """Whether any person has one of these whole words (an index look-up, no count)."""
    name = dialect(session)
    if name == "sqlite":
        sql = text("SELECT rowid FROM people_fts WHERE people_fts MATCH :q LIMIT 1")
        return session.execute(sql, {"q": " OR ".join(f'"{w}"' for w in words)}).first() is not None
    if name == "postgresql":
        sql = text(
            "SELECT 1 FROM people WHERE to_tsvector('simple'::regconfig, search_text) @@ "
            "to_tsquery('simple'::regconfig, :q) LIMIT 1"
        )
        return session.execute(sql, {"q": " | ".join(f"'{w}'" for w in words)}).first() is not None
    return True  # LIKE back-ends: the count of the second part decides


@dataclass(frozen=True)
class _Part:
    """Which people of a query: "typed" (every word starts a word of the person, as typed), "others" (a word matches
    only through another gender form of it: ranked after the typed ones) or "all" (either)."""

    words: _Words
    which: str

    def fts(self) -> str:
        # Words are letters and digits only: nothing to escape. Other forms match whole words only ("lace" finds
        # Lācis, not Lācplēsis), the typed word matches as a prefix as always.
        typed = " AND ".join(f'"{w}"*' for w in self.words.typed)
        if self.which == "typed":
            return typed
        widened = " AND ".join(
            "(" + " OR ".join([f'"{w}"*', *(f'"{f}"' for f in forms)]) + ")" if forms else f'"{w}"*'
            for w, forms in zip(self.words.typed, self.words.forms, strict=True)
        )
        return widened if self.which == "all" else f"({widened}) NOT ({typed})"

    def tsquery(self) -> str:
        typed = " & ".join(f"'{w}':*" for w in self.words.typed)
        if self.which == "typed":
            return typed
        widened = " & ".join(
            "(" + " | ".join([f"'{w}':*", *(f"'{f}'" for f in forms)]) + ")"
            for w, forms in zip(self.words.typed, self.words.forms, strict=True)
        )
        return widened if self.which == "all" else f"({widened}) & !({typed})"

    def like(self) -> ColumnElement[bool]:
        col = Person.search_text

        def prefix(w: str) -> ColumnElement[bool]:
            return or_(col.like(f"{w}%"), col.like(f"% {w}%"))

        def whole(w: str) -> ColumnElement[bool]:
            return or_(col == w, col.like(f"{w} %"), col.like(f"% {w}"), col.like(f"% {w} %"))

        typed = and_(*(prefix(w) for w in self.words.typed))
        if self.which == "typed":
            return typed
        widened = and_(
            *(
                or_(prefix(w), *(whole(f) for f in forms))
                for w, forms in zip(self.words.typed, self.words.forms, strict=True)
            )
        )
        return widened if self.which == "all" else and_(widened, not_(typed))


def _clause(session: Session, part: _Part, *, walk_sorted: bool = False) -> ColumnElement[bool] | TextClause:
    """The WHERE condition for `part`. `walk_sorted` (SQLite): "+people.id" keeps the planner from driving the
    query by the FTS matches, so it walks the sort-key index instead and stops after one page: fast when thousands
    match, slow when few do."""
    name = dialect(session)
    if name == "sqlite":
        column = "+people.id" if walk_sorted else "people.id"
        return text(f"{column} IN (SELECT rowid FROM people_fts WHERE people_fts MATCH :fts_q)").bindparams(
            fts_q=part.fts()
        )
    if name == "postgresql":
        return text(
            "to_tsvector('simple'::regconfig, people.search_text) @@ to_tsquery('simple'::regconfig, :ts_q)"
        ).bindparams(ts_q=part.tsquery())
    return part.like()


def _count(session: Session, part: _Part) -> int:
    if dialect(session) == "sqlite":  # the FTS table alone: no join, no row lookups
        sql = text("SELECT count(*) FROM people_fts WHERE people_fts MATCH :q")
        return int(session.scalar(sql, {"q": part.fts()}) or 0)
    return int(session.scalar(select(func.count()).select_from(Person).where(_clause(session, part))) or 0)


def count_matches(session: Session, query: str) -> int:
    words = _words(query)
    if words is None:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)
    n_typed = _count(session, _Part(words, "typed"))
    if words.widened and (words := _held(session, words)).widened:
        return n_typed + _count(session, _Part(words, "others"))
    return n_typed


def search_page(
    session: Session, stmt: Select[*tuple[Any, ...]], query: str, limit: int, offset: int
) -> list[Row[Any]]:
    """`stmt` (a select over people) narrowed to the query, one page of it in Latvian order: first the people who
    match the words as typed, then those who match only through another gender form of a surname ("ozols" lists
    every Ozols, then every Ozola). Two ordered queries rather than one sorted by a rank, so each part keeps the
    fast plans below; the second only when the first leaves room on the page."""
    words = _words(query)
    if words is None:
        return list(session.execute(stmt.order_by(Person.sort_key, Person.id).limit(limit).offset(offset)))
    typed = _Part(words, "typed")
    # SQLite counts to choose its plan; PostgreSQL counts only when a page past the typed part needs the offset.
    n_typed = _count(session, typed) if dialect(session) == "sqlite" else None
    rows: list[Row[Any]] = []
    if n_typed is None or offset < n_typed:
        rows += session.execute(_ordered(session, stmt, typed, n_typed or 0, limit, offset))
    if words.widened and len(rows) < limit and (words := _held(session, words)).widened:
        if rows or offset == 0:  # the typed part ended on this page
            n_typed = offset + len(rows)
        elif n_typed is None:
            n_typed = _count(session, typed)
        # The other forms are one surname's people at most (a few thousand in a national registry): sorted, and
        # not counted first (the count would cost as much as the page).
        rest = _ordered(session, stmt, _Part(words, "others"), 0, limit - len(rows), max(0, offset - n_typed))
        rows += session.execute(rest)
    return rows


def _ordered(
    session: Session, stmt: Select[*tuple[Any, ...]], part: _Part, matches: int, limit: int, offset: int
) -> Select[*tuple[Any, ...]]:
    name = dialect(session)
    order: Any = Person.sort_key
    # A broad query (thousands of matches) walks the sort-key index and stops after one page; a narrow one sorts.
    stmt = stmt.where(_clause(session, part, walk_sorted=name == "sqlite" and matches > _BROAD))
    if name == "postgresql":
        # PostgreSQL guesses 2,000 matches for any prefix query, then walks the sort-key index testing every
        # row: 0.5 s when nothing matches. Sorting an expression makes it collect the matches from GIN first.
        order = Person.sort_key.concat("")
    return stmt.order_by(order, Person.id).limit(limit).offset(offset)


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
