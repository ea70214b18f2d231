"""How the people registry is searched and bulk-filled on each back-end (figures in docs/people.md).

SQLite: FTS5 table people_fts (migrations 0002, 0017) with prefix indexes; a query word w becomes "w"*. Its rowids
follow the Latvian order in buckets (core.people_order): a page reads the matches in rowid order up to the page's
end plus the rest of that bucket, and sorts only those.
PostgreSQL: people_words (migration 0019) walked in Latvian order; where it cannot serve, to_tsvector('simple',
search_text) @@ 'w':* on a GIN index. Others: LIKE on the folded text.
Surname forms (core.surname_forms) are widened at query time, nothing extra is stored: 'ozols' becomes
("ozols"* OR "ozola"), and the people matched only through the other form come after those matched as typed.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, TextClause, and_, func, literal_column, not_, or_, select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core import people_first, people_order, person_keys, surname_forms
from projektu_vadiba.core.models import Person
from projektu_vadiba.core.people_order import ID_MASK, SHIFT, rowid_sql

T = TypeVar("T")

# PostgreSQL: people read in Latvian order, from the covering index, before a query gives up finding its page among
# them ('kekava', 8 % of everyone, needs ~1,300; a query that gives up pays ~1 ms).
_FIRST = 2000
# PostgreSQL: people read in Latvian order for a capped count of one-letter or common words ('b', 15 % of everyone,
# needs ~3,300 for 501 matches: the window's cap, services.people.COUNT_CAP).
_FIRST_COUNT = 10_000
# SQLite: batches (32 candidates, then a page's length) that a query of long words checks before it runs the exact
# query instead.
_CHECKED = 3


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
    (no count), so that a query whose other forms nobody has runs no second part. Remembered for the session: a
    keystroke asks for its page and its count, both with the same forms."""
    held: dict[tuple[str, ...], bool] = session.info.setdefault("people_search_held", {})
    for forms in words.forms:
        if forms and forms not in held:
            held[forms] = _anyone_holds(session, forms)
    return _Words(words.typed, tuple(f if f and held[f] else () for f in words.forms))


_PG_HOLDS = (
    "SELECT 1 FROM people WHERE to_tsvector('simple'::regconfig, search_text) @@ to_tsquery('simple'::regconfig, :q) "
    "LIMIT 1"
)


def _anyone_holds(session: Session, words: tuple[str, ...]) -> bool:
    """Whether any person has one of these whole words (an index look-up, no count)."""
    name = dialect(session)
    if name == "sqlite":
        if _left_out(session):
            return True  # people not yet indexed may hold them: the second part's own look decides
        sql = text("SELECT rowid FROM people_fts WHERE people_fts MATCH :q LIMIT 1")
        return session.execute(sql, {"q": " OR ".join(f'"{w}"' for w in words)}).first() is not None
    if name == "postgresql":
        with index_scans(session):
            return session.execute(text(_PG_HOLDS), {"q": " | ".join(f"'{w}'" for w in words)}).first() is not None
    return True  # LIKE back-ends: the count of the second part decides


@contextmanager
def index_scans(session: Session) -> Iterator[None]:
    """PostgreSQL plans the statements inside through the GIN index (a LIMIT over a word's matches), never as a
    scan of the table. With LIMIT 1 and a word the statistics believe a few hundred people have, a scan of the
    table looks cheaper than the index, expecting a match after a few thousand rows; for a word nobody has it reads
    them all: 8.6-8.9 s at 1,000,000 people, twice a keystroke, after an import of 100,000 was undone and until
    autovacuum analysed the table again (docs/benchmarks.md, "Sixth round"). The planner's settings are local to
    the transaction and back to the connection's own after (this app never sets them otherwise); on an error the
    rollback sets them back."""
    connection = session.connection()
    connection.exec_driver_sql(_BITMAP_ONLY)
    yield
    connection.exec_driver_sql(_SCANS_BACK)


# Only bitmap scans: a scan of the table or a walk of some B-tree that stops at the LIMIT (the planner's gamble) is
# ruled out, and of the bitmap scans the GIN index's own is far the cheapest (any other reads a whole index).
_SCANS = ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan")
_BITMAP_ONLY = "; ".join(f"SET LOCAL {name} = off" for name in _SCANS)
_SCANS_BACK = "; ".join(f"SET LOCAL {name} TO DEFAULT" for name in _SCANS)


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


def _clause(session: Session, part: _Part) -> ColumnElement[bool] | TextClause:
    """The WHERE condition for `part` (counts; SQLite counts in `_count`)."""
    name = dialect(session)
    if name == "postgresql":
        return text(
            "to_tsvector('simple'::regconfig, people.search_text) @@ to_tsquery('simple'::regconfig, :ts_q)"
        ).bindparams(ts_q=part.tsquery())
    return part.like()


def _count(session: Session, part: _Part) -> int:
    if dialect(session) == "sqlite":  # the FTS table alone (no join, no row lookups), and any people left out
        n, ranges = _with_left_out(
            session, lambda: _ids(session, f"SELECT count(*) FROM ({_FTS_IDS})", {"q": part.fts()})[0]
        )
        if ranges:
            n += int(session.scalar(select(func.count()).where(_left_out_matching(ranges, part))) or 0)
        return n
    return int(session.scalar(select(func.count()).select_from(Person).where(_clause(session, part))) or 0)


def count_matches(session: Session, query: str, cap: int | None = None) -> int:
    """The number of people `query` finds; with `cap` on PostgreSQL, cap + 1 when more than `cap` match
    (`_pg_count_upto`). SQLite counts exactly either way (≤ 8 ms at 1,000,000 people)."""
    if cap is not None and dialect(session) == "postgresql":
        return _pg_count_upto(session, query, cap)
    words = _words(query)
    if words is None:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)
    n_typed = _count(session, _Part(words, "typed"))
    if words.widened and (words := _held(session, words)).widened:
        return n_typed + _count(session, _Part(words, "others"))
    return n_typed


def _pg_count_upto(session: Session, query: str, cap: int) -> int:
    """PostgreSQL: the count, or cap + 1 when more than `cap` match. A count through GIN collects every match of
    every word a query word starts ('b': 150,000 in 1,000,000 people, 90-320 ms for broad words); here the matches
    are walked in Latvian order as a page of cap + 1 is (people_words, or the first _FIRST_COUNT people for a query
    of one-letter or common words) and the walk stops at cap + 1. Only a query of such words that the first people
    do not fill falls back to the exact GIN count (few matches then: cheap). The people matched only through other
    surname forms (one surname's people at most) are read as the page reads them, up to the cap."""
    words = _words(query)
    if words is None:
        return len(_ids(session, "SELECT id FROM people LIMIT :n", {"n": cap + 1}))
    typed = _Part(words, "typed")
    ids = _pg_rare(session, words.typed, cap + 1, 0)
    if ids is None:
        ids = _pg_words(session, words.typed, cap + 1, 0)
    if ids is None:
        sql, params = _like_walk(words.typed, {"limit": cap + 1, "offset": 0, "first": _FIRST_COUNT})
        sql = sql.replace("FROM people", f"FROM {_first_people(session)}")
        ids = _ids(session, sql, params)
        if len(ids) <= cap:  # not within the first people: all of them counted
            ids = None
    n = len(ids) if ids is not None else _count(session, typed)
    if n <= cap and words.widened and (words := _held(session, words)).widened:
        # as the page reads them (GIN, sorted: one surname's people); the count's plan took 8 ms for 'udris 12'
        n += len(_ordered(session, _Part(words, "others"), cap + 1 - n, 0))
    return min(n, cap + 1)


def page_ids(session: Session, query: str, limit: int, offset: int) -> list[int]:
    """The ids of one page of the people the query finds, in Latvian order: first the people who match the words as
    typed, then those who match only through another gender form of a surname ("ozols" lists every Ozols, then
    every Ozola). Two ordered queries rather than one sorted by a rank, so each part keeps the fast plans below;
    the second only when the first leaves room on the page."""
    words = _words(query)
    if words is None:
        return _ids(session, _EVERYONE, {"limit": limit, "offset": offset})
    typed = _Part(words, "typed")
    n_typed: int | None = None  # counted only when a page past the typed part needs the offset
    name = dialect(session)
    if name == "postgresql":  # people_words in order; else the first people in sort order, then the GIN index
        ids = _pg_rare(session, typed.words.typed, limit, offset)
        if ids is None:
            ids = _pg_words(session, typed.words.typed, limit, offset)
        if ids is None:
            ids = _pg_first(session, typed.words.typed, limit, offset) or _ordered(session, typed, limit, offset)
    else:
        ids = _ordered(session, typed, limit, offset)
    if words.widened and len(ids) < limit and (words := _held(session, words)).widened:
        if ids or offset == 0:  # the typed part ended on this page
            n_typed = offset + len(ids)
        elif n_typed is None:
            n_typed = _count(session, typed)
        # The other forms are one surname's people at most (a few thousand in a national registry): sorted, and
        # not counted first (the count would cost as much as the page).
        ids += _ordered(session, _Part(words, "others"), limit - len(ids), max(0, offset - n_typed))
    return ids


def _ordered(session: Session, part: _Part, limit: int, offset: int) -> list[int]:
    name = dialect(session)
    params = {"limit": limit, "offset": offset}
    if name == "sqlite":
        return _sqlite_page(session, part, limit, offset)
    if name == "postgresql":
        return _ids(session, _PG_PAGE, {"q": part.tsquery(), **params})
    stmt = select(Person.id).where(part.like()).order_by(Person.sort_key, Person.id).limit(limit).offset(offset)
    return list(session.scalars(stmt))


def _pg_words(session: Session, words: tuple[str, ...], limit: int, offset: int) -> list[int] | None:
    """PostgreSQL: one page of the people who have every word (as typed), from people_words (core.people_words),
    or None when a query has no word of two letters or more or the table is not to be read. A word of two letters
    or more is a walk of its prefix's index entries in Latvian order, the word tested on the prefix's words in the
    index itself: one word walks until the page is full ('be' reads ~150 entries instead of 32,788 GIN entries
    and 21,000 heap pages in a registry of 1,000,000); several words leapfrog (`_LEAPFROG`); a one-letter word is
    a LIKE on the search_text of the people found by the others."""
    common = _pg_words_common(session)
    if common is None:
        return None
    # the longest (rarest) word leads; words of one letter or of a common prefix are tested on the walk's people
    walked = sorted((w for w in words if len(w) > 1 and w[:2] not in common), key=len, reverse=True)
    if not walked:
        return None
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    streams = []
    for i, word in enumerate(walked):
        params |= {f"p{i}": word[:2], f"w{i}": word, f"s{i}": f"{word}%", f"i{i}": f"% {word}%"}
        # strpos first: cheaper than the two LIKEs on the many entries that fail ('berzins' passes every 'berzina')
        streams.append(
            f"SELECT sort_key::text AS sort_key, id FROM people_words WHERE prefix = :p{i} "
            f"AND strpos(words, :w{i}) > 0 AND (words LIKE :s{i} OR words LIKE :i{i})"
        )
    letters = []
    for i, word in enumerate(w for w in words if len(w) == 1 or w[:2] in common):
        params |= {f"ls{i}": f"{word}%", f"li{i}": f"% {word}%"}
        letters.append(
            f" AND (SELECT p.search_text LIKE :ls{i} OR p.search_text LIKE :li{i} FROM people p "
            "WHERE p.sort_key = f.sort_key AND p.id = f.id)"
        )
    if len(streams) == 1:  # (OFFSET 0: the letters are tested on the walk's entries, not pushed under it)
        sql = f"SELECT id FROM ({streams[0]} ORDER BY sort_key, id OFFSET 0) f WHERE true{''.join(letters)} "
        sql += "ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
    else:
        seeks = [f"CROSS JOIN LATERAL ({streams[0]} AND (sort_key, id) >= (w.tsk, w.tid) {_FIRST_ONE}) k"]
        before = "k"
        for i, stream in enumerate(streams[1:], 1):
            seeks.append(f"CROSS JOIN LATERAL ({stream} AND (sort_key, id) >= ({before}.sort_key, {before}.id) "
                         f"{_FIRST_ONE}) n{i}")  # fmt: skip
            before = f"n{i}"
        sql = _LEAPFROG.format(seeks=" ".join(seeks), last=before, letters="".join(letters))
    return _ids(session, sql, params)


# People a word with a digit may lead to through GIN before the walk is taken instead (_pg_rare).
_RARE_CAP = 2000
_PG_RARE = (
    "SELECT id, sort_key::text, search_text FROM people "
    "WHERE to_tsvector('simple'::regconfig, search_text) @@ to_tsquery('simple'::regconfig, :q) LIMIT :cap"
)


def _pg_rare(session: Session, words: tuple[str, ...], limit: int, offset: int) -> list[int] | None:
    """PostgreSQL: one page of the people who have every word (as typed) when a word with a digit — a piece of an
    e-mail, 'berzins1' of 'janis.berzins1@ex' — leads to few people: the GIN index gives them at once (940 of
    1,000,000 for 'berzins1', 1-3 ms), the other words are tested on their words here and the matches sorted in
    Latvian order. The walk of people_words would read every entry of the word's two-letter prefix (~30,000 'be'
    entries) whenever fewer people match than a page holds. None when no word has a digit or more than _RARE_CAP
    people have the longest such word (then the walk as before)."""
    # Words are letters and digits only; ASCII ones are one token each to PostgreSQL's parser, as in search_text.
    rare = [w for w in words if len(w) > 1 and w.isascii() and not w.isalpha()]
    if not rare:
        return None
    lead = max(rare, key=len)
    with index_scans(session):  # (as _anyone_holds: a LIMIT over GIN matches)
        rows = _rows(session, _PG_RARE, {"q": f"'{lead}':*", "cap": _RARE_CAP + 1})
    if len(rows) > _RARE_CAP:
        return None
    # A word matches a person when it starts one of their words: what the LIKE tests of every other path ask.
    found = sorted(
        (sort_key, pid)
        for pid, sort_key, search_text in rows
        if all(search_text.startswith(w) or f" {w}" in search_text for w in words)
    )
    return [pid for _sort_key, pid in found[offset : offset + limit]]


def _pg_words_common(session: Session) -> frozenset[str] | None:
    """The prefixes people_words does not store (core.people_words), or None when the table is not there
    (migration 0019) or may not stand for the people table: where row-level security applies to the user (a team
    database's member sees only some people; the table knows no policy), or while a bulk insert's people wait for
    the upkeep (migration 0022). Asked once per session (0.2-0.3 ms a keystroke otherwise): a session that read it
    just before an import's commit misses the imported people for that keystroke, as a read before the commit
    would."""
    if "people_words_common" not in session.info:
        readable, later = session.execute(text(_PG_WORDS_READABLE)).one()
        # a bulk insert's people not yet in it (core.people_words): the first people and the GIN index meanwhile
        readable = readable and not (
            later and session.scalar(text("SELECT EXISTS (SELECT 1 FROM people_words_pending)"))
        )
        common = session.scalars(text("SELECT prefix FROM people_words_common")) if readable else None
        session.info["people_words_common"] = None if common is None else frozenset(common)
    cached: frozenset[str] | None = session.info["people_words_common"]
    return cached


def _pg_first(session: Session, words: tuple[str, ...], limit: int, offset: int) -> list[int] | None:
    """PostgreSQL: the page when the first _FIRST people in Latvian order hold it, else None. Without a cheap count
    (GIN collects all matches of 'b', 150,000 in 1,000,000 people: 0.3 s with the sort) nothing tells a broad query
    from a narrow one, so every query first reads those people from the covering index (0016, index-only): a query
    that matches people all through the alphabet (a letter, a town) finds its page there (0.4 ms for 'b'); any
    other pays for reading them (~1 ms) and goes on to the GIN index as before."""
    if offset + limit > _FIRST // 2:  # deep pages: the GIN index
        return None
    sql, params = _like_walk(words, {"limit": limit, "offset": offset, "first": _FIRST})
    sql = sql.replace("FROM people", f"FROM {_first_people(session)}")
    ids = _ids(session, sql, params)
    return ids if len(ids) == limit else None


def _first_people(session: Session) -> str:
    """PostgreSQL: the first people in Latvian order, up to :first, from the covering index (core.people_first:
    where it holds only those before a threshold, the walk asks for them by it; the matches among them are the first
    ones either way). Ordered and limited inside, so PostgreSQL reads at most :first index entries and stops at the
    page. The threshold is read once per session, as the common prefixes are."""
    if "people_first" not in session.info:
        session.info["people_first"] = people_first.condition(people_first.threshold(session.connection()))
    before: str = session.info["people_first"]
    where = f"WHERE {before} " if before else ""
    return f"(SELECT id, sort_key, search_text FROM people {where}ORDER BY sort_key, id LIMIT :first) AS first_people"


def _like_walk(words: tuple[str, ...], params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """PostgreSQL's first people: the index on (sort_key, id, search_text) of migration 0016 walked in order, each
    word tested with LIKE on the folded text in the index itself, no row read. LIKE finds the same people as the
    full-text search: search_text is the words of core.person_keys.search_words joined by single spaces (the other
    back-ends' `_Part.like`; tests/core/test_people_search.py compares both)."""
    conditions = []
    for i, word in enumerate(words):
        conditions.append(f"(search_text LIKE :start{i} OR search_text LIKE :inner{i})")
        params = {**params, f"start{i}": f"{word}%", f"inner{i}": f"% {word}%"}
    where = " AND ".join(conditions)
    return f"SELECT id FROM people WHERE {where} ORDER BY sort_key, id LIMIT :limit OFFSET :offset", params


def _sqlite_page(session: Session, part: _Part, limit: int, offset: int) -> list[int]:
    """SQLite: one page of the people of `part`, in Latvian order. The FTS rowids follow that order bucket by bucket
    (core.people_order), so the first offset + limit matches in rowid order, with the rest of the last one's
    bucket, hold the page; the buckets before the page's first match are already in place, the others are
    sorted by (sort_key, id). A surname's page reads ~100-200 matches instead of walking the registry to them."""
    if limit <= 0:
        return []
    rowids, ranges = _with_left_out(session, lambda: _indexed_rowids(session, part, offset + limit))
    if ranges:
        # Every match not yet indexed joins them: the list is then still whole up to the end of the bucket of its
        # (offset + limit)-th, and what lies beyond sorts after the page. (A set: see _with_left_out.)
        rowid: ColumnElement[int] = literal_column(rowid_sql("people.sort_key", "people.id"))
        rowids = sorted({*rowids, *session.scalars(select(rowid).where(_left_out_matching(ranges, part)))})
    if len(rowids) <= offset:
        return []
    before = bisect_left(rowids, rowids[offset] >> SHIFT << SHIFT)  # the matches of earlier buckets
    ids = json.dumps([r & ID_MASK for r in rowids[before:]])
    return _ids(session, _SQLITE_SORT, {"ids": ids, "limit": limit, "offset": offset - before})


def _indexed_rowids(session: Session, part: _Part, n: int) -> list[int]:
    """The first `n` FTS rowids of `part`'s matches and the rest of the n-th's bucket."""
    if part.which == "typed":
        words = part.words.typed
        long = sorted((i for i, w in enumerate(words) if len(w) > 4), key=lambda i: -len(words[i]))
        # with two or more, all but the longest cut first (a long word is often an e-mail's: few entries to
        # gather, and it narrows the candidates most), then every long word cut
        attempts = [{long[0]}, set()] if len(long) > 1 else [set()] if long else []
        for whole in attempts:
            if (rowids := _checked_rowids(session, words, whole, n)) is not None:
                return rowids
    return _rowids_in_order(session, part.fts(), n)


def _rowids_in_order(session: Session, fts_q: str, n: int) -> list[int]:
    """The first `n` FTS rowids matching `fts_q` and the rest of the n-th's bucket, read lazily in rowid order (FTS5
    walks its doclists in order and stops when the cursor does)."""
    cursor = _cursor(session)
    try:
        cursor.execute(_FTS_IN_ORDER, {"q": fts_q})
        rowids = [r for (r,) in cursor.fetchmany(n)]
        if len(rowids) == n:
            end = ((rowids[-1] >> SHIFT) + 1) << SHIFT
            while batch := cursor.fetchmany(32):
                rowids += [r for (r,) in batch if r < end]
                if batch[-1][0] >= end:
                    break
        return rowids
    finally:
        cursor.close()


def _checked_rowids(session: Session, words: tuple[str, ...], whole: set[int], n: int) -> list[int] | None:
    """`_rowids_in_order` for a query with a word longer than the longest prefix index (four letters), or None when
    that does not pay. FTS5 gathers every entry of every word that starts with such a word before the first match
    ('kekava': 83,000 in a registry of 1,000,000, ~3 ms), while a four-letter prefix is read lazily: the matches of
    the words cut to four letters are read in order and each batch checked against the whole words with LIKE on
    people.search_text (as `_like_walk`). When most of them fail (Bērziņa before Bērziņš for 'berzins') this
    gives up: after a batch of which fewer than a quarter passed, or after _CHECKED batches. The words at the
    indexes `whole` stay whole (a rare long word, such as an e-mail's, is cheap to gather and narrows the
    candidates)."""
    cut = [i for i, w in enumerate(words) if len(w) > 4 and i not in whole]
    if not cut:
        return None
    check, params = _like_walk(tuple(words[i] for i in cut), {})
    check = check.split(" ORDER BY")[0] + " AND id IN (SELECT value FROM json_each(:ids))"
    cursor, checker = _cursor(session), _cursor(session)
    try:
        short = (w[:4] if i in cut else w for i, w in enumerate(words))
        cursor.execute(_FTS_IN_ORDER, {"q": " AND ".join(f'"{w}"*' for w in short)})
        found: list[int] = []
        end = None  # past the n-th match's bucket, once it is known
        read = 0
        for batches in range(_CHECKED):
            size = min(n, 32) if batches == 0 else n  # a small first batch tells a failing query early
            batch = [r for (r,) in cursor.fetchmany(size)]
            read += len(batch)
            if end is not None:
                batch = [r for r in batch if r < end]
            checker.execute(check, {**params, "ids": json.dumps([r & ID_MASK for r in batch])})
            good = {i for (i,) in checker.fetchall()}
            found += [r for r in batch if r & ID_MASK in good]
            if len(batch) < size:  # every candidate seen (or the n-th's bucket ended)
                return found
            if end is None and len(found) >= n:
                end = ((found[n - 1] >> SHIFT) + 1) << SHIFT
                found = [r for r in found if r < end]
                if batch[-1] >= end:
                    return found
            elif end is None and 4 * len(found) < read:  # mostly failing: the exact query is cheaper
                return None
        return None
    finally:
        cursor.close()
        checker.close()


def _left_out(session: Session) -> list[tuple[int, int]]:
    """SQLite: the ranges of ids that a bulk insert left out of the full-text index until the upkeep indexes them
    (core.people_order); usually none."""
    return people_order.unindexed(session.connection())


def _with_left_out(session: Session, read: Callable[[], T]) -> tuple[T, list[tuple[int, int]]]:
    """`read()` of the full-text index, and the ranges left out as they were when it read. Each statement here is a
    read of its own (pysqlite begins no transaction for a SELECT), and the upkeep commits a step meanwhile: a read
    of the index between two readings of the ranges that differ may have seen people who are in the first ranges
    too, so it is read again (every step changes the ranges; merging changes nothing found). The LIKE test that
    follows may then still see people the upkeep indexes meanwhile: they were in the ranges the index was read
    with, and stay found once (pages are sets of rowids, counts count them once)."""
    for _attempt in range(5):
        ranges = _left_out(session)
        result = read()
        if not ranges or _left_out(session) == ranges:
            return result, ranges
    return result, ranges  # (five steps committed during five reads: an upkeep of very small steps)


def _left_out_matching(ranges: list[tuple[int, int]], part: _Part) -> ColumnElement[bool]:
    """The people of `ranges` whom `part` finds, by LIKE on their folded words (as the full-text index would)."""
    return and_(or_(*(Person.id.between(first, last) for first, last in ranges)), part.like())


def _cursor(session: Session) -> Any:
    session.flush()  # what autoflush does before a query: pending changes are found too
    driver: Any = session.connection().connection.driver_connection
    return driver.cursor()


# A keystroke's statements, as plain driver SQL (`_ids`). Only the ids are sorted; the page's columns are read
# afterwards for those ids alone (services.people), so the sorter does not carry every column of every match.
_EVERYONE = "SELECT id FROM people ORDER BY sort_key, id LIMIT :limit OFFSET :offset"
_FTS_IDS = f"SELECT rowid & {ID_MASK} FROM people_fts WHERE people_fts MATCH :q"
_FTS_IN_ORDER = "SELECT rowid FROM people_fts WHERE people_fts MATCH :q ORDER BY rowid"
_SQLITE_SORT = (
    "SELECT id FROM people WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY sort_key, id "
    "LIMIT :limit OFFSET :offset"
)
_FIRST_ONE = "ORDER BY sort_key, id LIMIT 1"
# Several words: a leapfrog join of their walks (a recursive query, evaluated only as far as the LIMIT needs). From
# the target (tsk, tid) the first word's walk seeks its next entry k, every other word's walk seeks its first
# entry at or after the previous one's; the last one found is a match when it is k, and the next target is just
# after it (a match) or it (no word has an entry in between). Each step is a few index descents, so 'jan berz'
# jumps over the Bērziņa and Bērziņš who are not Jānis instead of merging 17,000 'berz' entries with 'jan' ones.
_LEAPFROG = (
    "WITH RECURSIVE walk(sort_key, id, msk, mid) AS ("
    "SELECT NULL::text, NULL::integer, ''::text, 0 "
    "UNION ALL SELECT k.sort_key, k.id, {last}.sort_key, {last}.id FROM ("
    "SELECT msk AS tsk, mid + CASE WHEN msk = sort_key AND mid = id THEN 1 ELSE 0 END AS tid FROM walk) w {seeks}"
    ") SELECT id FROM walk f WHERE msk = sort_key AND mid = id{letters} LIMIT :limit OFFSET :offset"
)
_PG_WORDS_READABLE = (
    "SELECT CASE WHEN to_regclass('people_words') IS NULL THEN false "
    "ELSE has_table_privilege('people_words', 'SELECT') AND NOT row_security_active('people') END, "
    "to_regclass('people_words_pending') IS NOT NULL"  # (migration 0022)
)
# PostgreSQL guesses 2,000 matches for any prefix query, then walks the sort-key index testing every row: 0.5 s
# when nothing matches. Sorting an expression makes it collect the matches from GIN first.
_PG_PAGE = (
    "SELECT id FROM people WHERE to_tsvector('simple'::regconfig, search_text) @@ to_tsquery('simple'::regconfig, :q)"
    " ORDER BY sort_key || '', id LIMIT :limit OFFSET :offset"
)


def driver_rows(session: Session, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]] | None:
    """`sql` (named parameters, :name) straight through the DB-API connection of the session's transaction, or
    None where that is not done (back-ends other than SQLite and PostgreSQL with psycopg): SQLAlchemy's statement
    building and row processing cost more than SQLite's own work for a keystroke (~1 ms of 2 on a page of 100)."""
    bind = session.get_bind().dialect
    name = dialect(session)  # (tests point this at another back-end to run the generic path)
    if name == "postgresql" and bind.driver == "psycopg":
        sql = _pyformat(sql)
    elif name != "sqlite":
        return None
    session.flush()  # what autoflush does before a query: pending changes are found too
    driver: Any = session.connection().connection.driver_connection
    cursor = driver.cursor()
    try:
        if name == "sqlite":
            cursor.execute(sql, params)
        else:
            # Never a prepared statement: after a few broad queries PostgreSQL's plan cache settles on a generic plan
            # (it cannot see the words), and 'xyz' then took 15-20 ms instead of 0.5 in a registry of 1,000,000.
            cursor.execute(sql, params, prepare=False)
        return list(cursor.fetchall())
    finally:
        cursor.close()


@lru_cache(maxsize=64)
def _pyformat(sql: str) -> str:
    """:name -> %(name)s for psycopg (casts such as ::regconfig stay)."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)


def _rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    rows = driver_rows(session, sql, params)
    return list(session.execute(text(sql), params)) if rows is None else rows


def _ids(session: Session, sql: str, params: dict[str, Any]) -> list[int]:
    return [r[0] for r in _rows(session, sql, params)]
