"""PostgreSQL: the covering index of the first people in Latvian order (ix_people_sort_search).

A query of one-letter or common words reads the first people in Latvian order, index-only, and tests its words with
LIKE on search_text in the index itself (services/people_search: `_pg_first` reads 2,000, the capped count 10,000).
Migration 0016 indexed everyone so: (sort_key, id, search_text) was the largest index on people (188 MB of
1,000,000 people) and the dearest to keep up, since each new person's entry lands anywhere in it: 0.5-0.7 s of a
100,000-row import's COPY into 1,000,000 and a third of its write-ahead log (docs/benchmarks.md, "Twelfth round").

Since migration 0025 a large registry indexes only the people who sort before a threshold, the sort key of the
FIRST_HELD-th person when it was decided; the walks ask for `sort_key < threshold` and PostgreSQL proves the index's
condition from it. Any threshold gives the same pages: everyone before it is in the index, so the matches found
there are the first ones; a walk that does not fill its page falls back to the GIN index as before. The threshold
only decides how many people the walks can read there: a registry of fewer than 2 * FIRST_HELD people keeps the
whole index, and the upkeep decides again (`redecide`) when the people before the threshold have become too few
(deletions) or too many (the registry grew), or when a registry that was small has grown. The threshold is read from
the index's own condition, so nothing else can disagree with it.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

INDEX = "ix_people_sort_search"
# People before the threshold when it is decided: the walks read at most 10,000 (people_search._FIRST_COUNT).
FIRST_HELD = 40_000

_COLUMNS = "(sort_key, id, search_text)"
_PREDICATE = "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = to_regclass(:name)"
# The (FIRST_HELD+1)-th sort key in Latvian order, NULL when the registry is smaller than twice FIRST_HELD.
_DECIDE = (
    "SELECT CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM people LIMIT :whole) AS p) >= :whole "
    "THEN (SELECT sort_key FROM people ORDER BY sort_key, id OFFSET :held LIMIT 1) END"
)
_HELD = "SELECT count(*) FROM (SELECT 1 FROM people WHERE sort_key < {literal} LIMIT :n) AS p"
# Only the owner of people may build its indexes; the app's upkeep under any other user leaves them be.
_OWNER = (
    "SELECT pg_has_role(c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass('people') "
    "AND to_regclass(:name) IS NOT NULL"
)
_SORT_KEY = re.compile(r"[0-9a-f]*")  # core.person_keys.sort_key: hex digits only


def threshold(connection: Connection) -> str | None:
    """The sort key before which the index holds everyone, None when it holds everyone (or is not there: SQLite)."""
    if connection.dialect.name != "postgresql":
        return None
    predicate = connection.execute(text(_PREDICATE), {"name": INDEX}).scalar()
    if not predicate:
        return None
    found = re.search(r"'([^']*)'", str(predicate))
    if found is None or not _SORT_KEY.fullmatch(found.group(1)):
        raise RuntimeError(f"{INDEX}: unexpected condition {predicate!r}")
    return found.group(1)


def condition(key: str | None) -> str:
    """The SQL condition (with its literal: PostgreSQL proves a partial index's condition only from the same
    constant) that the walks add, empty for the whole index."""
    if key is None:
        return ""
    if not _SORT_KEY.fullmatch(key):
        raise ValueError(f"not a sort key: {key!r}")
    return f"sort_key < '{key}'"


def decide(connection: Connection) -> str | None:
    """The threshold for the registry as it is now (None: the whole index)."""
    key = connection.execute(text(_DECIDE), {"whole": 2 * FIRST_HELD, "held": FIRST_HELD}).scalar()
    return None if key is None else str(key)


def build(connection: Connection, key: str | None) -> None:
    """(Re)create the index for the threshold `key`, inside the caller's transaction (a SHARE lock on people
    while it is built: saves wait, searches do not, until the old index is dropped)."""
    where = f" WHERE {condition(key)}" if key is not None else ""
    connection.exec_driver_sql(f"CREATE INDEX {INDEX}_new ON people {_COLUMNS}{where}")
    connection.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
    connection.exec_driver_sql(f"ALTER INDEX {INDEX}_new RENAME TO {INDEX}")


def stale(connection: Connection) -> bool:
    """Whether the threshold should be decided again: the people before it are fewer than half FIRST_HELD or more
    than four times; or the index holds everyone and the registry has reached twice FIRST_HELD (a count that stops
    there, as the ones before the threshold stop at four times FIRST_HELD)."""
    key = threshold(connection)
    if key is None:
        whole = "SELECT count(*) FROM (SELECT 1 FROM people LIMIT :n) AS p"
        return int(connection.execute(text(whole), {"n": 2 * FIRST_HELD}).scalar() or 0) >= 2 * FIRST_HELD
    held = int(connection.execute(text(_HELD.format(literal=f"'{key}'")), {"n": 4 * FIRST_HELD + 1}).scalar() or 0)
    return held < FIRST_HELD // 2 or held > 4 * FIRST_HELD


def redecide(connection: Connection) -> bool:
    """The upkeep's step: decide the threshold again when `stale` and this user owns people, and rebuild the index
    when it changes, inside the caller's transaction. Returns whether it rebuilt."""
    if connection.dialect.name != "postgresql" or not connection.execute(text(_OWNER), {"name": INDEX}).scalar():
        return False
    if not stale(connection):
        return False
    key = decide(connection)
    if key == threshold(connection):
        return False
    # A save or a search holding people waits for no more than this; the next upkeep tries again.
    connection.exec_driver_sql("SET LOCAL lock_timeout = '2s'")
    build(connection, key)
    return True
