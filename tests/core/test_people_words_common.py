"""PostgreSQL: people_words_common decided again by the upkeep once the registry has doubled
(core.people_words_common). Searches must give the same people in the same order before and after, and
people_words must hold exactly the rows of the prefixes that are not common."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from projektu_vadiba.core import people_words, people_words_common, search_upkeep
from projektu_vadiba.core.db import Database

from .test_people_search import PG_QUERIES, _many, _pages, _people_words, _reference


def _common(db: Database) -> set[str]:
    with db.engine.connect() as c:
        return set(c.execute(text("SELECT prefix FROM people_words_common")).scalars())


def _decided(db: Database) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text("SELECT people FROM people_words_decided")).scalar_one())


@pytest.fixture
def pg(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """An empty registry, no prefix common, never decided; a prefix common from 30 words (10,000 in the app)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL people_words")
    monkeypatch.setattr(people_words, "MIN_COMMON", 30)

    def reset() -> None:
        with db.engine.begin() as c:
            c.execute(text("DELETE FROM people_words_common"))
            c.execute(text("UPDATE people_words_decided SET people = 0"))
            for sql in people_words.REFILL:
                c.execute(text(sql))

    reset()
    yield db
    reset()  # (the PostgreSQL database is shared by the tests that follow)


def test_a_prefix_becomes_common_when_the_registry_has_doubled(pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    db = pg
    with db.session() as s:
        _many(s, 20)  # 'ex' of every e-mail: 20 words, fewer than 30
    assert search_upkeep.run(db.engine) == 0 and _common(db) == set() and _decided(db) == 0
    with db.session() as s:
        _many(s, 50, start=20)
    expected = _reference(db, monkeypatch, PG_QUERIES)
    assert _pages(db, queries=PG_QUERIES) == expected
    with db.engine.connect() as c:
        assert people_words_common.may_decide(c) and people_words_common.grown(c)
    monkeypatch.setattr(people_words_common, "CLEAR_BATCH", 40)  # several batches
    steps = search_upkeep.run(db.engine)
    # "ex" and "lv" of every e-mail (70 each); every other prefix has fewer than 30 words
    assert _common(db) == {"ex", "lv"}
    assert _decided(db) == 70 and steps >= 3  # the decision, then 2 * 70 rows of 'ex' and 'lv' and more
    kept, fresh = _people_words(db)
    assert kept == fresh and not {r[0] for r in kept} & _common(db)
    assert _pages(db, queries=PG_QUERIES) == expected
    with db.engine.connect() as c:  # nothing to do now: a count and a probe
        assert not people_words_common.grown(c) and not people_words_common.left_over(c)
    assert search_upkeep.run(db.engine) == 0
    with db.session() as s:  # not doubled: the triggers leave the common prefixes out
        _many(s, 30, start=70)
    assert search_upkeep.run(db.engine) == 0 and _decided(db) == 70
    assert _people_words(db)[0] == _people_words(db)[1]
    assert _pages(db, queries=PG_QUERIES) == _reference(db, monkeypatch, PG_QUERIES)


def test_a_prefix_no_longer_common_gets_its_rows_back(pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A prefix that stopped being common is stored again, whole; rows left over of a common prefix (a trigger
    that ran before the decision's commit, an upkeep stopped between batches) are deleted by the next run."""
    db = pg
    with db.session() as s:
        _many(s, 70)
        s.execute(text("INSERT INTO people_words_common VALUES ('ja'), ('ex')"))  # 'ja': 12 of 70, not common
        for sql in people_words.REFILL:
            s.execute(text(sql))
        s.execute(text("INSERT INTO people_words SELECT 'ex', sort_key, id, 'example' FROM people LIMIT 5"))
    expected = _reference(db, monkeypatch, PG_QUERIES)
    assert _pages(db, queries=PG_QUERIES) == expected
    stop = threading.Event()
    monkeypatch.setattr(people_words_common, "CLEAR_BATCH", 2)
    assert search_upkeep.run(db.engine, stop, stop.set) == 1  # the decision, then stopped
    assert "ja" not in _common(db) and "ex" in _common(db) and _decided(db) == 70
    with db.engine.connect() as c:
        assert people_words_common.left_over(c) and not people_words_common.grown(c)
    assert _pages(db, queries=PG_QUERIES) == expected
    assert search_upkeep.run(db.engine) >= 3  # the rest: 'ex' 5 + 'lv' 70 rows, 2 a batch... (here: 40 batches)
    kept, fresh = _people_words(db)
    assert kept == fresh and "ja" in {r[0] for r in kept} and not {r[0] for r in kept} & _common(db)
    assert _pages(db, queries=PG_QUERIES) == expected
