"""SQLite: the full-text index of people (people_fts) numbers its rows in Latvian order, so a search reads its
matches in that order and stops after one page (migration 0017; figures in docs/benchmarks.md).

A row's FTS rowid is `bucket << 32 | id`. The buckets cut the registry, in (sort_key, id) order, into runs of about
BUCKET people: people_fts_buckets holds the first (sort_key, id) of every bucket but the first (bucket 0, everyone
before the first cut). A smaller rowid therefore means an earlier bucket, hence an earlier or equal place in
Latvian order; within a bucket the rowids follow the ids, not the order, so a page is the matches read in rowid
order up to its last one plus the rest of that one's bucket, sorted exactly (services.people_search).

The cuts are fixed values, not ranks: a person added later (the form, an import) goes into the bucket whose cut
is at or before their (sort_key, id), found by the triggers below with one index look-up, and nothing else moves.
Correct whatever the buckets hold (an empty table is one bucket: every search then sorts all its matches); only
the speed depends on them staying small, so `rebuild` cuts them again when the registry has outgrown them (the
migration, and a bulk import that leaves more than OUTGROWN people a bucket). Ids must stay below 2**32 (SQLite
gives max(id) + 1).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

SHIFT = 32
ID_MASK = (1 << SHIFT) - 1
BUCKET = 16  # people per bucket when cut
OUTGROWN = 4 * BUCKET  # people per bucket on average above which an import cuts them again

BUCKETS_TABLE = (
    "CREATE TABLE IF NOT EXISTS people_fts_buckets (sort_key TEXT NOT NULL, id INTEGER NOT NULL, "
    "bucket INTEGER NOT NULL, PRIMARY KEY (sort_key, id)) WITHOUT ROWID"
)
# Contentless: its rowids are not people's ids, so it cannot read people.search_text itself; the triggers give
# it the words (and the old words to take out, as FTS5's 'delete' needs).
FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS people_fts USING fts5(search_text, content='', "
    "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4')"
)


def rowid_sql(sort_key: str, pid: str) -> str:
    """The FTS rowid of the person with these SQL values (one descending seek in the buckets' primary key); name
    people's columns with their table (the buckets have columns of the same names)."""
    bucket = (
        f"(SELECT bucket FROM people_fts_buckets WHERE (sort_key, id) <= ({sort_key}, {pid}) "
        "ORDER BY sort_key DESC, id DESC LIMIT 1)"
    )
    return f"((coalesce({bucket}, 0) << {SHIFT}) | {pid})"


# People a bulk insert left out of the index (core.search_upkeep indexes them after the commit): ranges of ids
# (migration 0021). A person is in people_fts exactly when their id is in no range: the triggers leave such people
# alone (a 'delete' of an entry that is not there would corrupt a contentless index), search tests them with LIKE
# (services.people_search), and the upkeep indexes whoever the range holds when it comes to it.
UNINDEXED_TABLE = (
    "CREATE TABLE IF NOT EXISTS people_fts_unindexed (first_id INTEGER PRIMARY KEY, last_id INTEGER NOT NULL)"
)


def _indexed(pid: str) -> str:
    return f"NOT EXISTS (SELECT 1 FROM people_fts_unindexed WHERE {pid} BETWEEN first_id AND last_id)"


TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS people_fts_ai AFTER INSERT ON people "
    f"WHEN NOT EXISTS (SELECT 1 FROM people_fts_pause) AND {_indexed('new.id')} BEGIN "
    f"INSERT INTO people_fts(rowid, search_text) VALUES ({rowid_sql('new.sort_key', 'new.id')}, new.search_text); "
    "END",
    f"CREATE TRIGGER IF NOT EXISTS people_fts_ad AFTER DELETE ON people WHEN {_indexed('old.id')} BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) "
    f"VALUES ('delete', {rowid_sql('old.sort_key', 'old.id')}, old.search_text); END",
    # (each half on its own condition: an id changed into or out of a range)
    "CREATE TRIGGER IF NOT EXISTS people_fts_au AFTER UPDATE OF search_text, sort_key, id ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) "
    f"SELECT 'delete', {rowid_sql('old.sort_key', 'old.id')}, old.search_text WHERE {_indexed('old.id')}; "
    "INSERT INTO people_fts(rowid, search_text) "
    f"SELECT {rowid_sql('new.sort_key', 'new.id')}, new.search_text WHERE {_indexed('new.id')}; "
    "END",
)
TRIGGER_NAMES = ("people_fts_ai", "people_fts_ad", "people_fts_au")
# Migration 0017's triggers, before any person was left out (0017 makes these; 0021's way back makes them again).
TRIGGERS_0017 = (
    "CREATE TRIGGER IF NOT EXISTS people_fts_ai AFTER INSERT ON people "
    "WHEN NOT EXISTS (SELECT 1 FROM people_fts_pause) BEGIN "
    f"INSERT INTO people_fts(rowid, search_text) VALUES ({rowid_sql('new.sort_key', 'new.id')}, new.search_text); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS people_fts_ad AFTER DELETE ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) "
    f"VALUES ('delete', {rowid_sql('old.sort_key', 'old.id')}, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_fts_au AFTER UPDATE OF search_text, sort_key, id ON people BEGIN "
    "INSERT INTO people_fts(people_fts, rowid, search_text) "
    f"VALUES ('delete', {rowid_sql('old.sort_key', 'old.id')}, old.search_text); "
    f"INSERT INTO people_fts(rowid, search_text) VALUES ({rowid_sql('new.sort_key', 'new.id')}, new.search_text); "
    "END",
)


def index_people(connection: Connection, after_id: int) -> None:
    """Index the people whose id is above `after_id` (a bulk insert made without the insert trigger). In rowid
    order: FTS5 writes its pending entries out as a new segment whenever a rowid is not above the last one."""
    _index_range(connection, after_id + 1, None)


def leave_unindexed(connection: Connection, first_id: int, last_id: int) -> None:
    """Leave the people of ids first_id..last_id (a bulk insert's, made without the insert trigger) for
    `index_step` after the commit."""
    connection.execute(
        text("INSERT INTO people_fts_unindexed (first_id, last_id) VALUES (:f, :l)"), {"f": first_id, "l": last_id}
    )


def unindexed(connection: Connection) -> list[tuple[int, int]]:
    """The ranges of ids left out of the index (SQLite; [] elsewhere)."""
    if connection.dialect.name != "sqlite":
        return []
    # Asked by every search: straight through the driver (~10 µs instead of ~35), the table's presence first (a
    # database being migrated may be older than it).
    driver: Any = connection.connection.driver_connection
    if not driver.execute("SELECT 1 FROM sqlite_master WHERE name = 'people_fts_unindexed'").fetchone():
        return []
    return [(int(a), int(b)) for a, b in driver.execute(_UNINDEXED).fetchall()]


_UNINDEXED = "SELECT first_id, last_id FROM people_fts_unindexed ORDER BY first_id"


def index_step(connection: Connection, ids: int) -> bool:
    """Index up to `ids` ids of the first range left out, inside the caller's transaction; returns whether any range
    was left."""
    # A write first (pysqlite begins the transaction before DML only): the ranges are then read under the write lock,
    # so a second upkeep (another process on the same file) cannot index the same people in between.
    connection.execute(text("DELETE FROM people_fts_pause"))
    ranges = unindexed(connection)
    if not ranges:
        return False
    first, last = ranges[0]
    end = min(last, first + ids - 1)
    _index_range(connection, first, end)
    if end == last:
        connection.execute(text("DELETE FROM people_fts_unindexed WHERE first_id = :f"), {"f": first})
    else:
        connection.execute(
            text("UPDATE people_fts_unindexed SET first_id = :n WHERE first_id = :f"), {"n": end + 1, "f": first}
        )
    return True


def _index_range(connection: Connection, first_id: int, last_id: int | None) -> None:
    upto = "" if last_id is None else " AND id <= :l"
    connection.execute(
        text(
            "INSERT INTO people_fts(rowid, search_text) "
            f"SELECT {rowid_sql('people.sort_key', 'people.id')} AS r, search_text FROM people WHERE id >= :f{upto} "
            "ORDER BY r"
        ),
        {"f": first_id, "l": last_id},
    )


def outgrown(connection: Connection) -> bool:
    """Whether the registry has more than OUTGROWN people a bucket. Index look-ups only, unless the largest id says
    it might (a count of 1,000,000 people takes ~20 ms): the last cut bucket's number is the number of cuts."""
    top, buckets = connection.execute(
        text(
            "SELECT (SELECT max(id) FROM people), "
            "(SELECT bucket FROM people_fts_buckets ORDER BY sort_key DESC, id DESC LIMIT 1)"
        )
    ).one()
    most = OUTGROWN * ((buckets or 0) + 1)
    if (top or 0) <= most:  # there are no more people than the largest id
        return False
    return int(connection.execute(text("SELECT count(*) FROM people")).scalar_one()) > most


def rebuild(connection: Connection) -> None:
    """Cut the buckets again from the registry as it is and index everyone anew (1,000,000 people: ~20 s)."""
    connection.execute(text("DELETE FROM people_fts_buckets"))
    # Person n (from 0, in Latvian order) goes to bucket n // BUCKET: the rows numbered BUCKET, 2 * BUCKET, … cut.
    numbered = "SELECT sort_key, id, search_text, row_number() OVER (ORDER BY sort_key, id) - 1 AS n FROM people"
    connection.execute(
        text(
            f"INSERT INTO people_fts_buckets (sort_key, id, bucket) SELECT sort_key, id, n / {BUCKET} "
            f"FROM ({numbered}) WHERE n > 0 AND n % {BUCKET} = 0"
        )
    )
    connection.execute(text("INSERT INTO people_fts(people_fts) VALUES ('delete-all')"))
    if unindexed(connection):  # (migration 0017 runs this before 0021 makes the table)
        connection.execute(text("DELETE FROM people_fts_unindexed"))  # everyone is indexed below
    connection.execute(
        text(
            f"INSERT INTO people_fts(rowid, search_text) SELECT ((n / {BUCKET}) << {SHIFT}) | id AS r, search_text "
            f"FROM ({numbered}) ORDER BY r"
        )
    )
