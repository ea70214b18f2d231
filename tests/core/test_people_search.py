from __future__ import annotations

import re
import threading
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from projektu_vadiba.core import people_order, people_words, person_keys, search_upkeep
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.models import Gender, Person
from projektu_vadiba.core.services import people, people_delete, people_insert, people_search
from projektu_vadiba.core.text import fold

NAMES = [
    ("Jānis", "Bērziņš", "Ķekavas novads", "janis@example.lv"),
    ("Anna", "Čakste", "Rīga", ""),
    ("Ivars", "Cīrulis", "Baldones pagasts", ""),
    ("Rūta", "Šķēle", "Ķekavas novads", "ruta.skele@pasts.lv"),
    ("Aija", "Sils", "Daugmale", ""),
    ("Žanis", "Zariņš", "Ogre", ""),
    ("Uģis", "Ābols", "Ķekava", ""),
]


@pytest.fixture
def registry(db: Database) -> Database:
    with db.session() as s:
        for given, surname, municipality, email in NAMES:
            people.create_person(s, PersonInput(given, surname, municipality=municipality, email=email))
    return db


def surnames(found: list) -> list[str]:  # type: ignore[type-arg]
    return [p.surname for p in found]


def test_word_prefixes_blind_to_case_and_diacritics(registry: Database) -> None:
    with registry.session() as s:
        assert surnames(people.search_people(s, "berzins")) == ["Bērziņš"]
        assert surnames(people.search_people(s, "BĒRZ")) == ["Bērziņš"]
        assert surnames(people.search_people(s, "kekava")) == ["Bērziņš", "Šķēle", "Ābols"] or surnames(
            people.search_people(s, "kekava")
        ) == ["Ābols", "Bērziņš", "Šķēle"]
        assert surnames(people.search_people(s, "kek ruta")) == ["Šķēle"]
        assert surnames(people.search_people(s, "ruta.skele@pa")) == ["Šķēle"]
        assert people.search_people(s, "erzins") == []  # prefixes of words, not infixes
        assert people.count_people(s, "kekav") == 3


def test_results_come_in_latvian_alphabetical_order_with_paging(registry: Database) -> None:
    with registry.session() as s:
        everyone = surnames(people.search_people(s, ""))
        assert everyone == ["Ābols", "Bērziņš", "Cīrulis", "Čakste", "Sils", "Šķēle", "Zariņš"]
        assert surnames(people.search_people(s, "", limit=3, offset=3)) == ["Čakste", "Sils", "Šķēle"]
        assert people.count_people(s) == 7


def test_index_follows_updates_deletes_and_bulk_inserts(registry: Database) -> None:
    with registry.session() as s:
        pid = people.search_people(s, "sils")[0].id
        people.update_person(s, pid, PersonInput("Aija", "Kļaviņa", municipality="Ogre"))
    with registry.session() as s:
        assert people.search_people(s, "sils") == []
        assert surnames(people.search_people(s, "klavina")) == ["Kļaviņa"]
        s.execute(delete(Person).where(Person.id == pid))
    with registry.session() as s:
        assert people.search_people(s, "klavina") == []
        row = {
            "given_name": "Ēriks",
            "surname": "Ņikitins",
            "search_text": person_keys.search_text("Ēriks", "Ņikitins"),
            "name_key": person_keys.name_key("Ēriks", "Ņikitins"),
            "phone_key": "",
            "sort_key": person_keys.sort_key("Ņikitins", "Ēriks"),
        }
        ids = people_insert.bulk_insert_people(s, [row, {**row, "given_name": "Ērika"}])
        assert len(ids) == 2
    with registry.session() as s:
        assert len(people.search_people(s, "nikitins erik")) == 2
        if s.get_bind().dialect.name == "sqlite":
            assert s.scalar(text("SELECT count(*) FROM people_fts_pause")) == 0


def test_derived_keys_filled_on_any_insert(db: Database) -> None:
    with db.session() as s:
        s.add(Person(given_name="Līga", surname="Ozoliņa", phone="+371 2000 0001", search_text="liga ozolina"))
    with db.session() as s:
        person = s.scalars(select(Person)).one()
        assert person.name_key == "liga ozolina"
        assert person.phone_key == "20000001"
        assert person.sort_key == person_keys.sort_key("Ozoliņa", "Līga")
        s.execute(update(Person).values(search_text="x"))


def test_sqlite_search_triggers_exist_at_head(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite FTS5")
    with db.engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert {"people_fts_ai", "people_fts_ad", "people_fts_au"} <= names


def test_keys() -> None:
    assert person_keys.search_words("Zanna@Example.lv, “Ūdrs”") == ["zanna", "example", "lv", "udrs"]
    assert person_keys.name_key("  JĀNIS ", "bērziņš") == "janis berzins"
    assert person_keys.phone_key("+371 2612 3456") == person_keys.phone_key("26123456") == "26123456"
    assert person_keys.phone_key("00371 26123456") == "26123456"
    assert person_keys.phone_key("123") == ""
    order = ["Abols", "Ābele", "Cīrulis", "Čakste", "Sils", "Sils-Ozola", "Silsone", "Šķēle", "Zīle", "Žubīte"]
    assert sorted(order, key=lambda n: person_keys.sort_key(n, "")) == order


ASCII_TEXTS = [
    "Zanna@Example.LV",
    "j.berzins_01@ex.lv",
    "  Anna   O'Hara-Smith  ",
    "A.B.C@d-e.f",
    "___",
    "x@y",
    "Tab\there\nnew line",
    "".join(map(chr, range(128))),
]


@pytest.mark.parametrize("value", ASCII_TEXTS)
def test_the_ascii_shortcuts_agree_with_the_unicode_rules(value: str) -> None:
    # ASCII texts (e-mails, phone numbers) take byte-table shortcuts; the words and digits are those the general
    # rule gives (the folded text split at non-word characters; every Unicode digit).
    general = [w for w in re.split(r"[^\w]+|_+", fold(value)) if w]
    assert person_keys.search_words(value) == general
    assert person_keys.search_words(value + "@") == general  # the uncached e-mail path
    digits = "".join(ch for ch in value if ch.isdigit())
    assert person_keys.phone_key(value) == (digits if len(digits) >= 6 else "")


QUERIES = [
    "",
    "a",
    "b",
    "Bē",
    "ķek",
    "jan b",
    "x",
    "ozol",
    "berzins",
    "ozols",
    "ozola",
    "anna berzina",
    "b1",
    "zz",
    "kekava",
    "example",
    "b12@exam",
    "olaine ozola",
    "ilze birze",
]


def _many(s: Session, n: int, start: int = 0) -> None:
    given = ["Jānis", "Anna", "Bruno", "Zane", "Ēriks", "Ilze"]
    surnames_ = ["Bērziņš", "Bērziņa", "Ozols", "Ozoliņa", "Kalniņš", "Birze", "Šmits", "Xenija", "Ozola"]
    places = ["Ķekavas novads", "Baldone", "Olaine"]
    for i in range(start, start + n):
        people.create_person(
            s, PersonInput(given[i % 6], surnames_[i % 9], municipality=places[i % 3], email=f"b{i}@example.lv")
        )


def _add_after_the_cut(s: Session) -> None:
    """40 people by the form, then 3 by one bulk insert (one of them a new first, one a new last)."""
    _many(s, 40, start=70)
    row = {
        "given_name": "Aina",
        "surname": "Bērziņa",
        "search_text": person_keys.search_text("Aina", "Bērziņa", "b999@example.lv"),
        "name_key": person_keys.name_key("Aina", "Bērziņa"),
        "phone_key": "",
        "sort_key": person_keys.sort_key("Bērziņa", "Aina"),
    }
    people_insert.bulk_insert_people(s, [row, {**row, "given_name": "Ābele"}, {**row, "surname": "Zz"}])


def _pages(
    db: Database, offsets: tuple[int, ...] = (0, 7, 14, 21, 63), queries: list[str] = QUERIES
) -> dict[str, object]:
    with db.session() as s:
        return {
            q: (people.count_people(s, q), [[p.id for p in people.search_people(s, q, 7, o)] for o in offsets])
            for q in queries
        }


def _reference(db: Database, monkeypatch: pytest.MonkeyPatch, queries: list[str] = QUERIES) -> dict[str, object]:
    """The same pages from the generic path (LIKE on the folded words, ORDER BY sort_key, id: no index of ours)."""
    with monkeypatch.context() as m:
        m.setattr(people_search, "dialect", lambda _s: "other")
        return _pages(db, queries=queries)


def _cut(db: Database, monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(people_order, "BUCKET", size)
    with db.session() as s:
        people_order.rebuild(s.connection())


def test_pages_are_the_same_whatever_the_buckets(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite reads the matches in FTS rowid order, bucket by bucket (core.people_order), and sorts only the page's
    last bucket (a query of long words first reads the matches of its words' first four letters, checking them
    with LIKE); PostgreSQL looks among the first people in sort order first. Every way must give the pages (and
    counts) of the generic path: one bucket for everyone (every match sorted), buckets of 1 and 3 people, people
    added after the cut (put into the buckets by the triggers and by the bulk insert), past the first page."""
    with db.session() as s:
        _many(s, 70)
    expected = _reference(db, monkeypatch)
    assert sum(1 for count, pages in expected.values() if count and any(pages)) >= len(QUERIES) - 2  # type: ignore[misc]
    if db.engine.dialect.name != "sqlite":
        for first in (0, 10**6):  # the GIN index alone / the first people in sort order first
            monkeypatch.setattr(people_search, "_FIRST", first)
            assert _pages(db) == expected
        return
    assert _pages(db) == expected  # as the migration cut them (one bucket: 70 people)
    for size in (10**9, 1, 3):
        _cut(db, monkeypatch, size)
        # long words: checked batch by batch (giving up after none, one, or a hundred batches)
        for checked in (0, 1, 100):
            monkeypatch.setattr(people_search, "_CHECKED", checked)
            assert _pages(db) == expected, (size, checked)
    checked_rowids = people_search._checked_rowids
    for whole in (0, 1):  # the first or the second word kept whole, the other long words cut
        monkeypatch.setattr(
            people_search, "_checked_rowids", lambda s, w, _whole, n, k=whole: checked_rowids(s, w, {k}, n)
        )
        assert _pages(db) == expected, whole
    monkeypatch.setattr(people_search, "_checked_rowids", checked_rowids)
    with db.session() as s:  # after the cut: the form, and a bulk insert, land in the buckets of their place
        _add_after_the_cut(s)
        # still the 24 buckets of the cut of 3 (not outgrown: 113 people)
        assert s.scalar(text("SELECT count(DISTINCT rowid >> 32) FROM people_fts")) == 70 // 3 + 1
    after = _reference(db, monkeypatch)
    assert after != expected and _pages(db) == after
    with db.session() as s:  # renamed, moved to another place in the order, then deleted
        pid = people.search_people(s, "aina")[0].id
        people.update_person(s, pid, PersonInput("Aina", "Ābola", email="b999@example.lv"))
    assert _pages(db) == _reference(db, monkeypatch)
    with db.session() as s:
        people_delete.delete_person(s, pid)
    assert _pages(db) == _reference(db, monkeypatch)


def _bulk_rows(n: int, start: int) -> list[dict[str, object]]:
    """Rows for a bulk insert, named and placed as `_many` names and places the form's people."""
    given = ["Jānis", "Anna", "Bruno", "Zane", "Ēriks", "Ilze", "Aina"]
    surnames_ = ["Bērziņš", "Bērziņa", "Ozols", "Ozoliņa", "Kalniņš", "Birze", "Šmits", "Ābele", "Ozola", "Zvejs"]
    places = ["Ķekavas novads", "Baldone", "Olaine"]
    out: list[dict[str, object]] = []
    for i in range(start, start + n):
        first, last, email = given[i % 7], surnames_[i % 10], f"b{i}@example.lv"
        out.append(
            {
                "given_name": first,
                "surname": last,
                "email": email,
                "municipality": places[i % 3],
                "search_text": person_keys.search_text(first, last, email, "", places[i % 3]),
                "name_key": person_keys.name_key(first, last),
                "phone_key": "",
                "sort_key": person_keys.sort_key(last, first),
            }
        )
    return out


def test_people_a_bulk_insert_left_out_of_the_index_are_found_all_along(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite: a large bulk insert leaves its people out of the full-text index until the upkeep (core.people_order,
    search_upkeep). Meanwhile every page and count is the generic path's, among indexed people in Latvian order and
    past the first page, also after one of them was renamed, one deleted, and a new person took a freed id inside
    the range (SQLite reuses the largest id); after the upkeep too, with each person indexed once."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's full-text index")
    with db.session() as s:
        _many(s, 90)
    _cut(db, monkeypatch, 3)  # 30 buckets: the inserts below do not outgrow them (a rebuild indexes everyone)
    monkeypatch.setattr(people_insert, "_MERGE_LATER", 20)  # (a bulk insert of this size leaves its people out)
    with db.session() as s:
        ids = people_insert.bulk_insert_people(s, _bulk_rows(40, 500))
        people_insert.bulk_insert_people(s, _bulk_rows(5, 900))  # fewer: indexed at once
    with db.engine.connect() as c:
        assert people_order.unindexed(c) == [(ids[0], ids[-1])]
    assert _pages(db) == _reference(db, monkeypatch)
    with db.session() as s:
        people.update_person(s, ids[3], PersonInput("Aina", "Ābola", email="b999@example.lv"))  # renamed, moved
        people_delete.delete_person(s, ids[5])
        s.execute(delete(Person).where(Person.id > ids[-2]))  # the last of the range and the 5 after it
        new = people.create_person(s, PersonInput("Ilze", "Bērziņa", municipality="Olaine", email="b1000@example.lv"))
    assert new.id == ids[-1]  # in the range: left for the upkeep as well
    expected = _reference(db, monkeypatch)
    assert _pages(db) == expected
    monkeypatch.setattr(search_upkeep, "INDEX_STEP_IDS", 7)
    stop = threading.Event()
    assert search_upkeep.run(db.engine, stop, stop.set) == 1  # one step, then stopped: 7 of the range indexed
    with db.engine.connect() as c:
        assert people_order.unindexed(c) == [(ids[7], ids[-1])]
    assert _pages(db) == expected
    assert search_upkeep.run(db.engine) > 0
    with db.engine.connect() as c:
        assert people_order.unindexed(c) == []
        assert c.scalar(text("SELECT count(*) FROM people_fts")) == c.scalar(text("SELECT count(*) FROM people"))
    assert _pages(db) == expected


def test_an_upkeep_step_committed_between_a_searchs_reads_changes_nothing_found(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite: a search reads the ranges left out and the full-text index by statements of their own, and the
    upkeep (another connection, here: the app's background thread) may commit a step between them. Every other
    read of the index lets one step of 7 people commit first: pages and counts stay the generic path's (a search
    that took the ranges read before the step with an index read after it would count those people twice)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's full-text index")
    with db.session() as s:
        _many(s, 90)
    _cut(db, monkeypatch, 3)
    monkeypatch.setattr(people_insert, "_MERGE_LATER", 20)
    with db.session() as s:
        people_insert.bulk_insert_people(s, _bulk_rows(60, 500))
    expected = _reference(db, monkeypatch)
    monkeypatch.setattr(search_upkeep, "INDEX_STEP_IDS", 7)
    steps = reads = 0

    def one_step_first(read: Any) -> Any:
        def wrapped(*args: Any) -> Any:
            nonlocal steps, reads
            if "people_fts" in str(args[1:2]) or read is indexed_rowids:  # a read of the full-text index
                reads += 1
                if reads % 2:
                    stop = threading.Event()
                    steps += search_upkeep.run(db.engine, stop, stop.set)
            return read(*args)

        return wrapped

    indexed_rowids, ids = people_search._indexed_rowids, people_search._ids
    monkeypatch.setattr(people_search, "_indexed_rowids", one_step_first(indexed_rowids))
    monkeypatch.setattr(people_search, "_ids", one_step_first(ids))
    assert _pages(db) == expected
    assert steps >= 9  # the 60 people indexed 7 at a time while the searches ran (then merge steps)
    with db.engine.connect() as c:
        assert people_order.unindexed(c) == []


# PostgreSQL's people_words (0019): prefixes of one and two letters, words sharing a prefix, one-letter words with
# longer ones, e-mail words, surname forms, no match.
PG_QUERIES = [*QUERIES, "be", "berz", "BĒRZIŅA", "o", "oz", "ozoli", "b99 ex", "janis berz", "an b ke", "ex ex", "ol z",
              "b1 ozol", "janis b1", "b1 b", "b6@example"]  # fmt: skip


def _people_words(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """people_words as the triggers keep it, and as filled afresh from people."""
    with db.session() as s:
        kept = list(s.execute(text("SELECT prefix, sort_key, id, words FROM people_words ORDER BY 1, 2, 3")))
        fill = people_words.ROWS.format(source="people")
        fresh = list(s.execute(text(f"SELECT * FROM ({fill}) r ORDER BY 1, 2, 3")))
    return [tuple(r) for r in kept], [tuple(r) for r in fresh]


def test_postgresql_pages_from_people_words_are_those_of_the_generic_path(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL walks people_words in Latvian order (migration 0019). Its pages and counts must be those of the
    generic path (LIKE, ORDER BY sort_key, id) and of the GIN path without it, also for people added after the
    migration by the form and by a bulk COPY, renamed (moved in the order) and deleted: the statement triggers keep
    the table equal to a fresh fill; prefixes left out as common (people_words_common) change nothing."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL people_words")
    with db.session() as s:
        _many(s, 70)
    expected = _reference(db, monkeypatch, PG_QUERIES)
    assert sum(1 for count, pages in expected.values() if count and any(pages)) >= len(PG_QUERIES) - 5  # type: ignore[misc]
    assert _pages(db, queries=PG_QUERIES) == expected
    with db.session() as s:  # a word with a digit (of the e-mails) leads through GIN when few people have it
        assert people_search._pg_rare(s, ("b1",), 7, 0) == expected["b1"][1][0]  # type: ignore[index]
        assert people_search._pg_rare(s, ("janis", "b1"), 7, 7) == expected["janis b1"][1][1]  # type: ignore[index]
        assert people_search._pg_rare(s, ("berz",), 7, 0) is None
    with monkeypatch.context() as m:  # more people have it than the cap: the walk, the same pages
        m.setattr(people_search, "_RARE_CAP", 2)
        with db.session() as s:
            assert people_search._pg_rare(s, ("b1",), 7, 0) is None
        assert _pages(db, queries=PG_QUERIES) == expected
    with db.session() as s:  # (the table is read: not the GIN path)
        assert people_search._pg_words(s, ("jan", "b"), 7, 0) == expected["jan b"][1][0]  # type: ignore[index]
    with monkeypatch.context() as m:  # without the table: the GIN index as before
        m.setattr(people_search, "_pg_words_common", lambda _s: None)
        assert _pages(db, queries=PG_QUERIES) == expected
    kept, fresh = _people_words(db)
    assert kept == fresh and len(kept) > 70 * 4
    with db.session() as s:  # prefixes left out as too common: tested on the people the other words find
        s.execute(text("INSERT INTO people_words_common VALUES ('ex'), ('oz'), ('ja'), ('b1')"))
        for sql in people_words.REFILL:
            s.execute(text(sql))
    assert _pages(db, queries=PG_QUERIES) == expected
    with db.session() as s:
        assert people_search._pg_words(s, ("ozol",), 7, 0) is None  # (the first people / GIN)
        assert people_search._pg_words(s, ("jan", "b"), 7, 0) is None
        assert people_search._pg_words(s, ("janis", "berz"), 7, 0) == expected["janis berz"][1][0]  # type: ignore[index]
    assert _people_words(db)[0] == _people_words(db)[1]
    with db.session() as s:  # the form, and a bulk insert (COPY: one statement, one trigger run)
        _add_after_the_cut(s)
    after = _reference(db, monkeypatch, PG_QUERIES)
    assert after != expected and _pages(db, queries=PG_QUERIES) == after
    assert _people_words(db)[0] == _people_words(db)[1]
    with db.session() as s:  # renamed, moved to another place in the order; a change of phone only
        pid = people.search_people(s, "aina")[0].id
        people.update_person(s, pid, PersonInput("Aina", "Ābola", email="b999@example.lv"))
        other = people.search_people(s, "berz")[3].id
        s.execute(update(Person).where(Person.id == other).values(phone="+371 20000000"))
    assert _pages(db, queries=PG_QUERIES) == _reference(db, monkeypatch, PG_QUERIES)
    assert _people_words(db)[0] == _people_words(db)[1]
    with db.session() as s:
        people_delete.delete_person(s, pid)
    assert _pages(db, queries=PG_QUERIES) == _reference(db, monkeypatch, PG_QUERIES)
    kept, fresh = _people_words(db)
    assert kept == fresh and pid not in {r[2] for r in kept}


# Surname forms (typed first, then the other forms), diacritics typed or not, one-letter and common words.
COUNTED = ["ozols", "ozola", "OZOLA", "bērziņš", "berzina", "Bērziņa", "ķek", "kekava", "ozoli", "anna berzina",
           "b1", "x", "", "b", "jan b", "ex", "b99 ex", "example lv", "zz"]  # fmt: skip


def test_postgresql_word_look_ups_with_a_limit_are_planned_through_the_index(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A LIMIT over a word's GIN matches (is any person 'zanns'? the few people of 'b1') is planned through the GIN
    index, never as a scan of the table: with a small table, or statistics gone stale after a large import was
    undone, PostgreSQL's own choice may be the scan, and for a word nobody has it reads every row (8.6-8.9 s at
    1,000,000 people). The settings are back afterwards; the forms' look-up is made once for a keystroke's page and
    count."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's planner")
    with db.session() as s:
        _many(s, 70)
    entered: list[str] = []
    real = people_search.index_scans

    def recording(session: Session):  # type: ignore[no-untyped-def]
        entered.append(session.execute(text("SHOW enable_seqscan")).scalar_one())
        return real(session)

    with db.session() as s:

        def plan(sql: str, q: str) -> str:
            return "\n".join(s.execute(text("EXPLAIN " + sql), {"q": q, "cap": 2001}).scalars())

        for sql, q in ((people_search._PG_HOLDS, "'zanns'"), (people_search._PG_RARE, "'b1':*")):
            # (the planner's own choice here depends on what autovacuum last saw of the table: often the scan)
            with people_search.index_scans(s):
                assert "Seq Scan" not in plan(sql, q) and "Bitmap Index Scan on ix_people_search_tsv" in plan(sql, q)
            for setting in ("enable_seqscan", "enable_indexscan", "enable_indexonlyscan"):
                assert s.execute(text(f"SHOW {setting}")).scalar_one() == "on"
        monkeypatch.setattr(people_search, "index_scans", recording)
        assert people_search._anyone_holds(s, ("ozola",)) and not people_search._anyone_holds(s, ("zanns",))
        assert people_search._pg_rare(s, ("b1",), 7, 0)
        assert entered == ["on", "on", "on"]
    calls: list[tuple[str, ...]] = []
    holds = people_search._anyone_holds
    monkeypatch.setattr(people_search, "_anyone_holds", lambda s, forms: calls.append(forms) or holds(s, forms))
    with db.session() as s:
        found = surnames(people.search_people(s, "ozols ilze"))  # the Ozols first, then the Ozola
        assert set(found) == {"Ozols", "Ozola"} and found == sorted(found, key=lambda name: name != "Ozols")
        assert people.count_people(s, "ozols ilze", cap=people.COUNT_CAP) == len(found)
    assert calls == [("ozola", "ozole"), ("ilzs", "ilzis")]  # each once, not again for the count


@pytest.mark.parametrize("first", [10_000, 20])
def test_counts_equal_the_people_found_capped_or_not(db: Database, monkeypatch: pytest.MonkeyPatch, first: int) -> None:
    """count_people equals the number of people search_people finds; with a cap it is that number or cap + 1 when
    more match (PostgreSQL walks the matches; SQLite counts exactly), also with common prefixes ('ex') and where
    the first people in Latvian order do not hold cap + 1 matches (the exact count then)."""
    monkeypatch.setattr(people_search, "_FIRST_COUNT", first)
    with db.session() as s:
        _many(s, 70)
        for given, surname, municipality, email in NAMES:
            people.create_person(s, PersonInput(given, surname, municipality=municipality, email=email))
    postgres = db.engine.dialect.name == "postgresql"
    if postgres:
        with db.session() as s:
            s.execute(text("DELETE FROM people_words_common"))
            s.execute(text("INSERT INTO people_words_common VALUES ('ex')"))
            for sql in people_words.REFILL:
                s.execute(text(sql))
    try:
        with db.session() as s:
            for q in COUNTED:
                found = len(people.search_people(s, q, limit=1000))
                assert people.count_people(s, q) == found, q
                for cap in {0, 3, found - 1, found, found + 1, 500} - {-1}:
                    expected = min(found, cap + 1) if postgres else found
                    assert people.count_people(s, q, cap=cap) == expected, (q, cap)
            assert sum(1 for q in COUNTED if len(people.search_people(s, q, limit=1000)) > 20) >= 5
    finally:
        if postgres:
            with db.session() as s:
                s.execute(text("DELETE FROM people_words_common"))
                for sql in people_words.REFILL:
                    s.execute(text(sql))


def test_a_bulk_insert_cuts_the_buckets_again_when_outgrown(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite FTS5")
    with db.session() as s:
        _many(s, 5)
    rows = [
        {
            "given_name": f"Persona{i:03}",
            "surname": "Bērziņš" if i % 2 else "Ozola",
            "search_text": person_keys.search_text(f"Persona{i:03}", "Bērziņš" if i % 2 else "Ozola"),
            "name_key": person_keys.name_key(f"Persona{i:03}", "x"),
            "phone_key": "",
            "sort_key": person_keys.sort_key("Bērziņš" if i % 2 else "Ozola", f"Persona{i:03}"),
        }
        for i in range(300)
    ]
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM people_fts_buckets")) == 0  # 5 people: one bucket
        people_insert.bulk_insert_people(s, rows)
        assert s.scalar(text("SELECT count(*) FROM people_fts_buckets")) == 305 // people_order.BUCKET
        assert s.scalar(text("SELECT count(*) FROM people_fts")) == 305
    assert _pages(db) == _reference(db, monkeypatch)


def test_pages_read_through_the_driver_equal_those_read_through_sqlalchemy(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A keystroke's statements go straight to the DB-API driver (people_search.driver_rows); the same statements
    through SQLAlchemy, and the ORM's own objects, must give equal pages (genders, consents, organisations, the
    anonymised flag converted alike)."""
    with db.session() as s:
        for i, (given, surname) in enumerate([("Jānis", "Bērziņš"), ("Anna", "Bērziņa"), ("Ēriks", "Ozols"),
                                              ("Līga", "Ozola"), ("Zane", "Bērziņa-Kalniņa")] * 3):  # fmt: skip
            people.create_person(s, PersonInput(
                given, surname, organisation_name="Biedrība “Ķekava”" if i % 2 else "", municipality="Ķekava",
                email=f"p{i}@example.lv", gender=[None, Gender.FEMALE, Gender.MALE][i % 3],
                birth_year=1950 + i if i % 4 else None, consent_data=[None, True, False][i % 3],
                consent_photo=[True, False, None][i % 3],
            ))  # fmt: skip
        s.execute(update(Person).where(Person.given_name == "Līga").values(anonymised_at=datetime(2026, 1, 2)))
    queries = ["", "b", "berzins", "ozola", "kek", "jan berz", "p1", "xyz"]
    pages = [(q, limit, offset) for q in queries for limit, offset in ((100, 0), (4, 0), (4, 4), (3, 7))]
    with db.session() as s:
        driver = [people.search_people(s, q, limit, offset) for q, limit, offset in pages]
        assert driver[0] == [people.get_person(s, p.id) for p in driver[0]]  # the ORM's objects: one by one
        assert any(p.anonymised for p in driver[0]) and {p.consent_data for p in driver[0]} == {None, True, False}
        monkeypatch.setattr(people_search, "driver_rows", lambda *_args: None)
        assert [people.search_people(s, q, limit, offset) for q, limit, offset in pages] == driver


def test_postgresql_people_words_of_a_bulk_insert_wait_for_the_upkeep(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a bulk insert of _MERGE_LATER people or more leaves their people_words rows to the upkeep
    (migration 0022); a smaller one, and a person the form adds in the same transaction, get theirs at once.
    Meanwhile searches leave people_words aside: every page and count is the generic path's, also after one of them
    was renamed and one deleted. An upkeep stopped after one step, and the whole upkeep, leave people_words equal to
    a fresh fill (no row missing, none left of the old name)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL people_words")

    def pending() -> list[tuple[int, int]]:
        with db.engine.connect() as c:
            return [(a, b) for a, b in c.execute(text("SELECT first_id, last_id FROM people_words_pending"))]

    def with_rows() -> set[int]:
        return {int(r[2]) for r in _people_words(db)[0]}  # type: ignore[call-overload]

    with db.session() as s:
        _many(s, 70)
    monkeypatch.setattr(people_insert, "_MERGE_LATER", 20)
    with db.session() as s:
        ids = people_insert.bulk_insert_people(s, _bulk_rows(40, 500))
        few = people_insert.bulk_insert_people(s, _bulk_rows(5, 900))
        later = people.create_person(s, PersonInput("Ilze", "Bērziņa", municipality="Olaine", email="b1000@example.lv"))
    # a range per statement (here a row each: the rows do not name every column, so no COPY)
    assert {i for a, b in pending() for i in range(a, b + 1)} == set(ids)
    assert not with_rows() & set(ids) and {*few, later.id} <= with_rows()
    with db.session() as s:
        assert people_search._pg_words_common(s) is None  # (the first people and GIN meanwhile)
    expected = _reference(db, monkeypatch, PG_QUERIES)
    assert _pages(db, queries=PG_QUERIES) == expected
    with db.session() as s:
        people.update_person(s, ids[3], PersonInput("Aina", "Ābola", email="b999@example.lv"))  # renamed, moved
        people_delete.delete_person(s, ids[5])
    expected = _reference(db, monkeypatch, PG_QUERIES)
    assert _pages(db, queries=PG_QUERIES) == expected
    assert ids[3] in with_rows()  # (the rename's trigger wrote its rows)
    monkeypatch.setattr(search_upkeep, "WORDS_STEP_IDS", 7)
    stop = threading.Event()
    assert search_upkeep.run(db.engine, stop, stop.set) == 1  # one step (the ranges made one), then stopped
    assert pending() == [(min(ids) + 7, max(ids))]
    assert _pages(db, queries=PG_QUERIES) == expected
    assert search_upkeep.run(db.engine) > 0
    assert pending() == []
    kept, fresh = _people_words(db)
    assert kept == fresh and set(ids) - {ids[5]} <= with_rows()
    with db.session() as s:
        assert people_search._pg_words_common(s) is not None
    assert _pages(db, queries=PG_QUERIES) == expected
