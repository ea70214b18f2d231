"""SQLite: the full-text indexing and merging that a bulk import leaves for a moment when nobody waits for it.

FTS5 merges its segments as it writes ('automerge'): of the full-text work of importing 9,000 people into a
registry of 100,000, two thirds were merging older segments, and 3 s of 3.4 s at 1,000,000 (docs/benchmarks.md,
"Fourth round"). A bulk insert therefore writes its own segment with automerging off (`leave_upkeep`, inside its
transaction), and the merging is done afterwards by `run`, in steps that are short transactions of their own: the
app runs it on a background thread once the import is saved, and again at start in case it closed before that;
the command line right after its import. Searches are right meanwhile: an unmerged segment is read like any other,
merging only keeps their number, and so each search's reads, small. A bulk insert leaves its people out of the
index as well (core.people_order.leave_unindexed): `run` indexes them first, INDEX_STEP_IDS a step, and searches
test them with LIKE until then (services.people_search).

Automerge stays 0 until the merging is done: that is the mark `pending` reads, so an interrupted upkeep resumes.
Crisis merging waits meanwhile as well (CRISISMERGE_PENDING), so that a second bulk insert before the upkeep does not
merge the first one's segments inside its own transaction.

PostgreSQL: `run` moves the GIN index's pending list into the index (`clean_pending_list`: a bulk insert leaves its
people there), writes the people_words rows a bulk insert left (`fill_words`, core.people_words), decides
people_words' common prefixes again when the registry has doubled since the last decision
(core.people_words_common), then moves what the pending list gathered meanwhile, and decides again which people
the covering index of the first people holds when the registry has changed enough (core.people_first).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from projektu_vadiba.core import people_first, people_order

AUTOMERGE = 4  # FTS5's default: a level with this many segments is merged into one
CRISISMERGE = 16  # FTS5's default: a level with this many segments is merged even while automerge is 0
# ... and while the upkeep is pending: a registry left unmerged by a bulk insert that a second one follows (a
# national registry filled by imports) would otherwise merge its largest level inside the second import (100,000
# people into 1,000,000: 6.3 s of full-text work instead of 0.5 s, docs/benchmarks.md "Fifth round").
CRISISMERGE_PENDING = 200
STEP_PAGES = 256  # pages a step merges: ~10–40 ms, so a save made meanwhile waits no longer than that
# People a step indexes (left out by a bulk insert): ~0.1 s at 1,000,000. Each step writes a segment to merge: 5,000
# a step made the upkeep after 84,600 people 2.45 s instead of 1.65.
INDEX_STEP_IDS = 20_000
# PostgreSQL: people whose people_words rows a step writes (left by a bulk insert). A step holds off the saves of
# people (their triggers write people_words) until it commits: at 1,000,000 people 0.3-0.6 s with 5,000 (1.8 s with
# 20,000); 84,600 people took 5.5 s in 17 steps, 5.8 s in 5.
WORDS_STEP_IDS = 5_000


CHECKPOINT_LATER = "projektu_vadiba.checkpoint_later"  # the pool connection's mark (core.db turns it back on)


def leave_upkeep(connection: Connection) -> None:
    """Write this transaction's full-text entries without merging older segments (a rollback undoes that too), and
    commit it without copying the write-ahead log into the database: SQLite's automatic checkpoint would copy every
    page the import changed (7,000 at 100,000 people) before the commit returns; `run` does it afterwards. The
    connection's automatic checkpoints are on again when it goes back to the pool (core.db)."""
    connection.exec_driver_sql("INSERT INTO people_fts(people_fts, rank) VALUES ('automerge', 0)")
    connection.exec_driver_sql(
        f"INSERT INTO people_fts(people_fts, rank) VALUES ('crisismerge', {CRISISMERGE_PENDING})"
    )
    connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    connection.info[CHECKPOINT_LATER] = True


def pending(connection: Connection) -> bool:
    """Whether a bulk insert left people to index or merging to do (SQLite with the full-text index; elsewhere
    never)."""
    if connection.dialect.name != "sqlite":
        return False
    if not connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'people_fts_config'").first():
        return False
    if people_order.unindexed(connection):
        return True
    value = connection.exec_driver_sql("SELECT v FROM people_fts_config WHERE k = 'automerge'").scalar()
    return value is not None and int(value) == 0


def step(connection: Connection, pages: int = STEP_PAGES) -> bool:
    """Merge up to `pages` pages (where a level holds AUTOMERGE segments or more, as automerge would have); when
    nothing was left to merge, automerging (and crisis merging at FTS5's own threshold) is on again. Returns whether
    more may remain."""
    before = connection.exec_driver_sql("SELECT total_changes()").scalar_one()
    connection.exec_driver_sql(f"INSERT INTO people_fts(people_fts, rank) VALUES ('merge', {int(pages)})")
    # FTS5's documented test: the command changed two rows or more when it merged anything.
    if connection.exec_driver_sql("SELECT total_changes()").scalar_one() - before >= 2:
        return True
    connection.exec_driver_sql(f"INSERT INTO people_fts(people_fts, rank) VALUES ('automerge', {AUTOMERGE})")
    connection.exec_driver_sql(f"INSERT INTO people_fts(people_fts, rank) VALUES ('crisismerge', {CRISISMERGE})")
    return False


def run(engine: Engine, stop: threading.Event | None = None, on_step: Callable[[], None] | None = None) -> int:
    """Do the pending indexing and merging, step by step, each step its own transaction, then copy the write-ahead
    log into the database (what the import's commit would otherwise have done). Stops early when `stop` is set (the
    next run resumes). Returns the number of steps that indexed or merged something."""
    if engine.dialect.name == "postgresql":
        from projektu_vadiba.core import people_words_common

        # The GIN index first: a bulk insert left its people in the pending list (people_insert._GIN_LATER), which
        # every GIN search reads whole, and searches use GIN until fill_words is done.
        clean_pending_list(engine)
        steps = fill_words(engine, stop, on_step)
        if stop is not None and stop.is_set():
            return steps
        steps += people_words_common.run(engine, stop, on_step)
        if stop is None or not stop.is_set():
            clean_pending_list(engine)  # (not a step: the steps count people_words' transactions)
            first_people(engine)
        return steps
    if engine.dialect.name != "sqlite":
        return 0
    merged = 0
    with engine.connect() as connection:
        if not pending(connection):
            connection.rollback()
            return 0
        connection.rollback()
        while stop is None or not stop.is_set():
            with connection.begin():
                # the people left out first (searches test them with LIKE until then), then the merging
                more = people_order.index_step(connection, INDEX_STEP_IDS) or step(connection)
            if on_step is not None:
                on_step()
            if not more:
                break
            merged += 1
        else:
            return merged
        connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").all()
    return merged


def fill_words(engine: Engine, stop: threading.Event | None = None, on_step: Callable[[], None] | None = None) -> int:
    """PostgreSQL: write the people_words rows a bulk insert left (core.people_words, migration 0022), WORDS_STEP_IDS
    ids a step, each its own transaction (a save of a person meanwhile waits for one step). Returns the steps."""
    steps = 0
    with engine.connect() as connection:
        if not connection.exec_driver_sql(_HAS_FILL).scalar():
            connection.rollback()
            return 0
        connection.rollback()
        while stop is None or not stop.is_set():
            with connection.begin():
                more = connection.exec_driver_sql(f"SELECT people_words_fill_pending({WORDS_STEP_IDS})").scalar()
            if more is None:  # nothing was pending
                break
            steps += 1
            if on_step is not None:
                on_step()
            if not more:
                break
    return steps


_HAS_FILL = "SELECT to_regprocedure('people_words_fill_pending(integer)') IS NOT NULL"
# The search index's owner only (PostgreSQL asks for ownership, as for VACUUM): a team's members leave it to
# autovacuum. The filter is applied before the call.
_CLEAN_PENDING = (
    "SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
    "WHERE c.oid = to_regclass('ix_people_search_tsv') AND pg_has_role(c.relowner, 'USAGE')"
)


def first_people(engine: Engine) -> bool:
    """PostgreSQL: the covering index of the first people decided again where the registry has changed enough
    (core.people_first); one transaction, which gives up when people stays locked by others (the next upkeep tries
    again). Returns whether it rebuilt the index."""
    try:
        with engine.begin() as connection:
            return people_first.redecide(connection)
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) == "55P03":  # lock_not_available
            return False
        raise


def clean_pending_list(engine: Engine) -> int:
    """PostgreSQL: move the entries a bulk import left in the GIN index's pending list (fastupdate: up to 4 MB, or
    all of its people where the user owns the index: people_insert._GIN_LATER) into the index. Every GIN search
    reads the whole pending list until then, and only a VACUUM empties it, which autovacuum starts on inserts after
    a fifth of the table: after 84,600 people into 1,000,000 and their undo, 'udris 12' took 11.4 ms instead of 1.5
    (124 pages moved in 164 ms). Returns the number of pages moved."""
    with engine.begin() as connection:
        return int(connection.exec_driver_sql(_CLEAN_PENDING).scalar() or 0)
