"""How the people registry is searched and bulk-filled on each back-end (figures in docs/people.md).

SQLite: FTS5 table people_fts (migration 0002) with prefix indexes; a query word w becomes "w"*. A broad query
(thousands of matches) walks the sort-key index and stops after one page; a narrow one sorts its few matches.
PostgreSQL: to_tsvector('simple', search_text) @@ 'w':* on a GIN index. Others: LIKE on the folded text.
Surname forms (core.surname_forms) are widened at query time, nothing extra is stored: 'ozols' becomes
("ozols"* OR "ozola"), and the people matched only through the other form come after those matched as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, TextClause, and_, func, not_, or_, select, text
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
