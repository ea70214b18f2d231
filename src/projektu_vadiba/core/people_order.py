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


TRIGGERS = (
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
    connection.execute(
        text(
            "INSERT INTO people_fts(rowid, search_text) "
            f"SELECT {rowid_sql('people.sort_key', 'people.id')} AS r, search_text FROM people WHERE id > :a ORDER BY r"
        ),
        {"a": after_id},
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
    connection.execute(
        text(
            f"INSERT INTO people_fts(rowid, search_text) SELECT ((n / {BUCKET}) << {SHIFT}) | id AS r, search_text "
            f"FROM ({numbered}) ORDER BY r"
        )
    )
