"""A large bulk insert leaves the full-text indexing of its people, the index's merging and the write-ahead log's
checkpoint to core.search_upkeep: searches must be the same before and after the upkeep, the index sound,
automerging and automatic checkpoints on again afterwards, a rollback must take the pause back, and small inserts
leave nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from projektu_vadiba.core import people_order, person_keys, search_upkeep
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.services import people, people_insert

from .member_role import member_engine

QUERIES = ("b", "be", "berz", "bērziņa", "ozol", "persona0", "persona1234", "lāce", "x")


def _rows(n: int, start: int = 0) -> list[dict[str, object]]:
    surnames = ("Bērziņš", "Bērziņa", "Ozols", "Ozola", "Lācis", "Lāce")
    out: list[dict[str, object]] = []
    for i in range(start, start + n):
        given, surname = f"Persona{i:04}", surnames[i % len(surnames)]
        out.append(
            {
                "given_name": given,
                "surname": surname,
                "search_text": person_keys.search_text(given, surname),
                "name_key": person_keys.name_key(given, surname),
                "phone_key": "",
                "sort_key": person_keys.sort_key(surname, given),
            }
        )
    return out


def _seeded(db: Database) -> Database:
    """1,500 people already (a first bulk insert into an empty registry cuts the buckets anew instead)."""
    with db.session() as s:
        people_insert.bulk_insert_people(s, _rows(1500, 10_000))
    search_upkeep.run(db.engine)
    return db


def _searches(db: Database) -> dict[str, tuple[tuple[int, ...], int]]:
    with db.session() as s:
        return {
            q: (tuple(p.id for p in people.search_people(s, q, limit=50)), people.count_people(s, q)) for q in QUERIES
        }


def _automerge(db: Database) -> int | None:
    with db.engine.connect() as c:
        value = c.execute(text("SELECT v FROM people_fts_config WHERE k = 'automerge'")).scalar()
    return None if value is None else int(value)


@pytest.fixture
def sqlite_db(db: Database) -> Database:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's FTS5 index and write-ahead log")
    return db


def test_a_large_insert_leaves_upkeep_that_changes_no_search(sqlite_db: Database) -> None:
    db = sqlite_db
    for batch in range(4):  # four segments written without merging: a level for 'merge' to work on
        with db.session() as s:
            people_insert.bulk_insert_people(s, _rows(1500, batch * 1500))
    with db.engine.connect() as c:
        assert search_upkeep.pending(c)
    assert _automerge(db) == 0
    before = _searches(db)
    assert before["berz"][1] == 2000 and before["x"][1] == 0
    steps = search_upkeep.run(db.engine)
    assert steps > 0
    with db.engine.connect() as c:
        assert not search_upkeep.pending(c)
        c.execute(text("INSERT INTO people_fts(people_fts, rank) VALUES ('integrity-check', 1)"))
    assert _automerge(db) == search_upkeep.AUTOMERGE
    assert _searches(db) == before
    assert search_upkeep.run(db.engine) == 0  # nothing left: one read


def _config(db: Database, key: str) -> int | None:
    with db.engine.connect() as c:
        value = c.execute(text("SELECT v FROM people_fts_config WHERE k = :k"), {"k": key}).scalar()
    return None if value is None else int(value)


def _segments(db: Database) -> int:
    """FTS5's segments: a data row's id holds its segment's number above bit 37 (0 for the structure records)."""
    with db.engine.connect() as c:
        return int(c.execute(text("SELECT count(DISTINCT id >> 37) FROM people_fts_data WHERE id >> 37 > 0")).scalar())


def test_bulk_inserts_before_the_upkeep_leave_the_earlier_segments_unmerged(sqlite_db: Database) -> None:
    """More bulk inserts than FTS5's crisis threshold (16 segments on a level) before the upkeep ran: none of them
    merges the earlier ones inside its own transaction; the upkeep does, and FTS5's own thresholds are back."""
    db = sqlite_db
    with db.session() as s:  # buckets cut for 8,000: the inserts below do not outgrow them (a rebuild merges all)
        people_insert.bulk_insert_people(s, _rows(8000, 100_000))
    search_upkeep.run(db.engine)
    assert _config(db, "crisismerge") in (None, search_upkeep.CRISISMERGE)  # None: FTS5's default
    first = _segments(db)
    inserts = search_upkeep.CRISISMERGE + 2
    for batch in range(inserts):
        with db.session() as s:
            people_insert.bulk_insert_people(s, _rows(1000, batch * 1000))
    assert _config(db, "crisismerge") == search_upkeep.CRISISMERGE_PENDING
    assert _segments(db) == first  # their people left out of the index (searched by LIKE meanwhile)
    with db.engine.connect() as c:
        assert len(people_order.unindexed(c)) == inserts
    before = _searches(db)
    search_upkeep.run(db.engine)
    assert _segments(db) < search_upkeep.AUTOMERGE
    with db.engine.connect() as c:
        assert people_order.unindexed(c) == []
    assert _config(db, "crisismerge") == search_upkeep.CRISISMERGE
    assert _config(db, "automerge") == search_upkeep.AUTOMERGE
    assert _searches(db) == before and before["berz"][1] == (8000 + inserts * 1000) // 3


def _pages_in_file(path: Path) -> int:
    """The database size the main file's header gives: what checkpoints have copied into it (not the log's)."""
    return int.from_bytes(path.read_bytes()[28:32], "big")


def test_the_import_commits_without_a_checkpoint_and_the_upkeep_makes_it(sqlite_db: Database) -> None:
    db = _seeded(sqlite_db)
    path = Path(str(db.engine.url.database))
    before = _pages_in_file(path)
    with db.session() as s:
        people_insert.bulk_insert_people(s, _rows(3000))
        assert s.connection().exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    assert _pages_in_file(path) == before  # committed into the log only
    with db.engine.connect() as c:  # back from the pool: automatic checkpoints on again
        assert c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    search_upkeep.run(db.engine)
    assert _pages_in_file(path) > before


def test_a_rollback_takes_the_pause_back(sqlite_db: Database) -> None:
    db = _seeded(sqlite_db)
    s = db.sessions()
    try:
        people_insert.bulk_insert_people(s, _rows(1200))
        assert search_upkeep.pending(s.connection())
        s.rollback()
    finally:
        s.close()
    with db.engine.connect() as c:
        assert not search_upkeep.pending(c)
        assert c.execute(text("SELECT count(*) FROM people")).scalar() == 1500


def test_small_inserts_merge_at_once(sqlite_db: Database) -> None:
    db = sqlite_db
    with db.session() as s:
        people_insert.bulk_insert_people(s, _rows(200))
    with db.engine.connect() as c:
        assert not search_upkeep.pending(c)
        assert c.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000


def test_a_stopped_upkeep_is_resumed_later(sqlite_db: Database, tmp_path: Path) -> None:
    db = sqlite_db
    for batch in range(4):
        with db.session() as s:
            people_insert.bulk_insert_people(s, _rows(1500, batch * 1500))
    import threading

    stop = threading.Event()
    stop.set()
    assert search_upkeep.run(db.engine, stop) == 0
    url = str(db.engine.url)
    db.close()
    again = open_database(url)  # the app started again
    try:
        with again.engine.connect() as c:
            assert search_upkeep.pending(c)
        assert search_upkeep.run(again.engine) > 0
        with again.engine.connect() as c:
            assert not search_upkeep.pending(c)
    finally:
        again.close()


_PENDING = "SELECT gin_clean_pending_list(to_regclass('ix_people_search_tsv'))"


def test_postgresql_the_upkeep_moves_the_gin_pending_list_into_the_index(db: Database) -> None:
    """PostgreSQL: a bulk insert leaves its people in the GIN index's pending list (the owner's for the rest of its
    transaction, whatever its size), which every GIN search reads whole until a VACUUM; the upkeep moves it into the
    index (the owner's upkeep) and the searches stay the same.
    A user who does not own the index (a team's member) leaves it to autovacuum, without an error."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's GIN index")
    with member_engine(db, "pv_upkeep_member") as member:
        with db.session() as s:
            default = s.execute(text("SHOW gin_pending_list_limit")).scalar()
            people_insert.bulk_insert_people(s, _rows(2000))
            # the owner's bulk insert leaves the GIN entries of the rest of its transaction in the pending list
            assert s.execute(text("SHOW gin_pending_list_limit")).scalar() == "1GB" != default
        with db.session() as s:  # for that transaction only
            assert s.execute(text("SHOW gin_pending_list_limit")).scalar() == default
        with member.begin() as c:  # a member, who cannot move the list, leaves the server's limit
            c.exec_driver_sql(people_insert._GIN_LATER).all()
            assert c.exec_driver_sql("SHOW gin_pending_list_limit").scalar() == default
        before = _searches(db)
        search_upkeep.run(member)  # not the owner: nothing moved, nothing raised
        search_upkeep.run(db.engine)
        with db.engine.begin() as c:
            assert c.exec_driver_sql(_PENDING).scalar() == 0  # nothing left to move
        assert _searches(db) == before
        with db.session() as s:  # and the member's run did leave the list: it was there to move
            people_insert.bulk_insert_people(s, _rows(2000, 5000))
        search_upkeep.run(member)
        with db.engine.begin() as c:
            assert c.exec_driver_sql(_PENDING).scalar() > 0
