"""How the people registry is searched and bulk-filled on each back-end (figures in docs/people.md).

SQLite: FTS5 table people_fts (migration 0002) with prefix indexes; a query word w becomes "w"*. A broad query
(thousands of matches) walks the sort-key index and stops after one page; a narrow one sorts its few matches.
PostgreSQL: to_tsvector('simple', search_text) @@ 'w':* on a GIN index. Others: LIKE on the folded text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, TextClause, and_, func, insert, or_, select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core import person_keys
from projektu_vadiba.core.models import Person

# Above this many matches, walking people in sort-key order beats sorting the matches (measured: bench/).
_BROAD = 1000


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _fts_query(words: list[str]) -> str:
    return " ".join(f'"{w}"*' for w in words)  # words are letters and digits only: nothing to escape


def match_clause(session: Session, query: str, *, walk_sorted: bool = False) -> ColumnElement[bool] | TextClause | None:
    """The WHERE condition for "every word of the query starts a word of the person"; None for an empty query.
    `walk_sorted` (SQLite): "+people.id" keeps the planner from driving the query by the FTS matches, so it walks
    the sort-key index instead and stops after one page: fast when thousands match, slow when few do."""
    words = person_keys.search_words(query)
    if not words:
        return None
    name = dialect(session)
    if name == "sqlite":
        column = "+people.id" if walk_sorted else "people.id"
        return text(f"{column} IN (SELECT rowid FROM people_fts WHERE people_fts MATCH :fts_q)").bindparams(
            fts_q=_fts_query(words)
        )
    if name == "postgresql":
        return text(
            "to_tsvector('simple'::regconfig, people.search_text) @@ to_tsquery('simple'::regconfig, :ts_q)"
        ).bindparams(ts_q=" & ".join(f"'{w}':*" for w in words))
    return and_(*(or_(Person.search_text.like(f"{w}%"), Person.search_text.like(f"% {w}%")) for w in words))


def count_matches(session: Session, query: str) -> int:
    words = person_keys.search_words(query)
    if words and dialect(session) == "sqlite":  # the FTS table alone: no join, no row lookups
        sql = text("SELECT count(*) FROM people_fts WHERE people_fts MATCH :q")
        return int(session.scalar(sql, {"q": _fts_query(words)}) or 0)
    stmt = select(func.count()).select_from(Person)
    clause = match_clause(session, query)
    if clause is not None:
        stmt = stmt.where(clause)
    return int(session.scalar(stmt) or 0)


def ordered_page(
    session: Session, stmt: Select[*tuple[Any, ...]], query: str, limit: int, offset: int
) -> Select[*tuple[Any, ...]]:
    """`stmt` (a select over people) narrowed to the query, in Latvian order, one page of it."""
    name = dialect(session)
    order: Any = Person.sort_key
    walk = name == "sqlite" and bool(person_keys.search_words(query)) and count_matches(session, query) > _BROAD
    clause = match_clause(session, query, walk_sorted=walk)
    if clause is not None:
        stmt = stmt.where(clause)
        if name == "postgresql":
            # PostgreSQL guesses 2,000 matches for any prefix query, then walks the sort-key index testing every
            # row: 0.5 s when nothing matches. Sorting an expression makes it collect the matches from GIN first.
            order = Person.sort_key.concat("")
    return stmt.order_by(order, Person.id).limit(limit).offset(offset)


def bulk_insert_people(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert many people at once (rows hold every column, keys included); returns their ids in row order."""
    if not rows:
        return []
    sqlite = dialect(session) == "sqlite"
    if sqlite:
        session.execute(text("INSERT INTO people_fts_pause (id) VALUES (1)"))
    if sqlite:
        # One plain executemany (RETURNING with parameter order sends the rows in small batches: 4x slower). The
        # ids of one transaction are consecutive after the largest one: SQLite has one writer at a time.
        before = int(session.scalar(select(func.max(Person.id))) or 0)
        session.execute(insert(Person), rows)
        ids = list(session.scalars(select(Person.id).where(Person.id > before).order_by(Person.id)))
        if len(ids) != len(rows):  # cannot happen with one writer; never hand back wrong ids
            raise RuntimeError("people were inserted concurrently during a bulk insert")
    else:
        ids = list(session.scalars(insert(Person).returning(Person.id, sort_by_parameter_order=True), rows))
    if sqlite:
        session.execute(text("DELETE FROM people_fts_pause"))
        session.execute(
            text(
                "INSERT INTO people_fts(rowid, search_text) "
                "SELECT id, search_text FROM people WHERE id BETWEEN :a AND :b"
            ),
            {"a": min(ids), "b": max(ids)},
        )
    return ids
