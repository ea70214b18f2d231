"""PostgreSQL: people_words_common decided again once the registry has doubled since the last decision.

Which two-letter prefixes are common (left out of people_words, core.people_words) was decided by migration 0019
alone: a database created empty and filled later stored every prefix (twice the rows at 1,000,000 people, and a
bulk COPY twice as slow). The upkeep after a bulk insert and at start (core.search_upkeep) asks `grown`, a count
of people against the size of the last decision (people_words_decided, migration 0020); when the registry has
doubled (and holds at least people_words.MIN_COMMON people) `decide` applies the rule of 0019 again, then
`clear_step` deletes the rows of the newly common prefixes a batch per transaction. Doubling keeps the decisions'
scans of the registry (2.2 s at 1,000,000 people) to a few in the registry's life. Two upkeeps at once (two
administrators' apps) take turns on the row of people_words_decided; the second finds nothing to decide.

Searches give the same people in the same order whichever prefixes are common (services/people_search tests a
common prefix's words on the people the others find). The order of the steps keeps them right meanwhile:
- a prefix becomes common first, its rows are deleted after: rows of a common prefix are never read, so rows left
  over (an upkeep stopped between batches, a trigger that ran before the decision's commit) are only space;
- a prefix stops being common only with all its rows written, under a SHARE lock on people (no insert, rename or
  delete of a person in between, whose trigger would still have left its rows out).
A search session keeps the common prefixes it read first (people_search._pg_words_common); one that read them just
before a decision and walks a prefix after its first batch is deleted misses those people for that keystroke.
Only a user who may write the tables decides (the database's owner; a team member under row-level security sees
only some people and has no rights on them): an administrator's upkeep does it for the team.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Connection, Engine, text

from projektu_vadiba.core import people_words

CLEAR_BATCH = 20_000  # rows of common prefixes deleted per transaction (a fraction of a second at 1,000,000)

_MAY = (
    "SELECT CASE WHEN to_regclass('people_words_decided') IS NULL THEN false ELSE "
    "has_table_privilege('people_words_decided', 'UPDATE') AND has_table_privilege('people_words_common', 'INSERT') "
    "AND has_table_privilege('people_words', 'DELETE') AND NOT row_security_active('people') END"
)
_GROWN = "SELECT (SELECT count(*) FROM people) >= greatest(2 * people, :least) FROM people_words_decided"
_ANY = "prefix = ANY(CAST(:p AS text[]))"
# The rows of the given prefixes, for prefixes no longer common.
_REFILL = (
    "INSERT INTO people_words (prefix, sort_key, id, words) SELECT * FROM "
    f"({people_words.ROWS.format(source='people')}) AS r(prefix, sort_key, id, words) WHERE {_ANY} ORDER BY 1, 2, 3"
)
_LEFT_OVER = (
    "SELECT EXISTS (SELECT 1 FROM people_words_common c WHERE EXISTS "
    "(SELECT 1 FROM people_words w WHERE w.prefix = c.prefix))"
)
# A batch of the rows of common prefixes (an index range per prefix).
_CLEAR = (
    "DELETE FROM people_words WHERE ctid = ANY(ARRAY(SELECT w.ctid FROM people_words_common c CROSS JOIN LATERAL "
    "(SELECT ctid FROM people_words w WHERE w.prefix = c.prefix LIMIT :n) w LIMIT :n))"
)


def may_decide(connection: Connection) -> bool:
    """Whether this user decides here: PostgreSQL at migration 0020 or later, with the rights on the tables."""
    if connection.dialect.name != "postgresql":
        return False
    return bool(connection.execute(text(_MAY)).scalar())


def grown(connection: Connection) -> bool:
    """Whether the registry has doubled since the last decision (a count of people; call after `may_decide`)."""
    return bool(connection.execute(text(_GROWN), {"least": people_words.MIN_COMMON}).scalar())


def decide(connection: Connection) -> tuple[list[str], list[str]]:
    """Apply 0019's rule to the registry as it is now (if it has still doubled since the last decision), inside the
    caller's transaction; returns the prefixes that became common and those that stopped being common. The rows
    of the new ones are left to `clear_step`."""
    connection.execute(text("SELECT people FROM people_words_decided FOR UPDATE"))  # one decider at a time
    if not grown(connection):  # (another decided meanwhile)
        return [], []
    size = int(connection.execute(text("SELECT count(*) FROM people")).scalar() or 0)
    now = set(connection.execute(text(people_words.COMMON.format(least=people_words.MIN_COMMON))).scalars())
    before = set(connection.execute(text("SELECT prefix FROM people_words_common")).scalars())
    added, removed = sorted(now - before), sorted(before - now)
    if removed:
        connection.execute(text("LOCK TABLE people IN SHARE MODE"))
        connection.execute(text(f"DELETE FROM people_words_common WHERE {_ANY}"), {"p": removed})
        connection.execute(text(f"DELETE FROM people_words WHERE {_ANY}"), {"p": removed})  # any left over
        connection.execute(text(_REFILL), {"p": removed})
    if added:
        connection.execute(text("INSERT INTO people_words_common SELECT unnest(CAST(:p AS text[]))"), {"p": added})
    connection.execute(text("UPDATE people_words_decided SET people = :n"), {"n": size})
    return added, removed


def left_over(connection: Connection) -> bool:
    """Whether people_words holds rows of a common prefix (an index probe per common prefix)."""
    return bool(connection.execute(text(_LEFT_OVER)).scalar())


def clear_step(connection: Connection) -> int:
    """Delete up to CLEAR_BATCH rows of common prefixes, inside the caller's transaction; returns how many."""
    return int(connection.execute(text(_CLEAR), {"n": CLEAR_BATCH}).rowcount)


def run(engine: Engine, stop: threading.Event | None = None, on_step: Callable[[], None] | None = None) -> int:
    """The upkeep of people_words_common (core.search_upkeep.run on PostgreSQL): decided again when the registry has
    doubled, then the rows of common prefixes deleted, each step its own transaction; stops between two steps when
    `stop` is set (the next run resumes). Returns the number of steps that changed something. Nothing to do costs
    a count of people and an index probe per common prefix."""
    steps = 0
    with engine.connect() as connection:
        if not may_decide(connection):
            connection.rollback()
            return 0
        if grown(connection):
            decide(connection)
            connection.commit()
            steps += 1
            if on_step is not None:
                on_step()
        while (stop is None or not stop.is_set()) and left_over(connection):
            clear_step(connection)
            connection.commit()
            steps += 1
            if on_step is not None:
                on_step()
        connection.rollback()
    return steps
