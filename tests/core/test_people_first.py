"""PostgreSQL: the covering index of the first people in Latvian order holds only those before a threshold
(core.people_first, migration 0025). Pages and counts must be those of the generic path whatever the threshold;
the upkeep decides it again as the registry changes, and only the owner of people does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from projektu_vadiba.core import people_first, search_upkeep
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.services import people, people_search

from .member_role import member_engine
from .test_people_search import PG_QUERIES, _many, _pages, _reference


@pytest.fixture
def pg(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """PostgreSQL; a threshold decided at the 6th person of 10 or more (the 40,001st of 80,000 in the app)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's covering index of the first people")
    monkeypatch.setattr(people_first, "FIRST_HELD", 5)
    yield db
    with db.engine.begin() as c:  # the whole index again (the PostgreSQL database is shared by the tests that follow)
        if people_first.threshold(c) is not None:
            people_first.build(c, None)


def _threshold(db: Database) -> str | None:
    with db.engine.connect() as c:
        return people_first.threshold(c)


def _build(db: Database, key: str | None) -> None:
    with db.engine.begin() as c:
        people_first.build(c, key)


def _sort_keys(db: Database) -> list[str]:
    with db.engine.connect() as c:
        return [str(k) for k in c.execute(text("SELECT sort_key FROM people ORDER BY sort_key, id")).scalars()]


def _capped(db: Database, cap: int) -> dict[str, int]:
    with db.session() as s:
        return {q: people.count_people(s, q, cap) for q in PG_QUERIES}


def test_pages_and_counts_are_the_same_whatever_the_threshold(pg: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first people walked (30 for a page, 40 for a count here) are everyone before the threshold when fewer
    are: the matches there are the first ones, and a walk that does not fill its page or count goes on to the GIN
    index. Thresholds before everyone, among the first, past the walks' reach and after everyone, and the whole
    index, give the generic path's pages and capped counts."""
    db = pg
    with db.session() as s:
        _many(s, 70)
    monkeypatch.setattr(people_search, "_FIRST", 30)
    monkeypatch.setattr(people_search, "_FIRST_COUNT", 40)
    expected = _reference(db, monkeypatch, PG_QUERIES)
    expected_capped = {3: _capped(db, 3), 12: _capped(db, 12)}
    assert _pages(db, queries=PG_QUERIES) == expected
    walked: list[bool] = []  # whether each first-people walk gave the page
    first = people_search._pg_first

    def recorded(*args: Any) -> list[int] | None:
        ids = first(*args)
        walked.append(ids is not None)
        return ids

    monkeypatch.setattr(people_search, "_pg_first", recorded)
    keys = _sort_keys(db)
    for key in (keys[0], keys[8], keys[25], keys[50], "f" * 20, None):
        _build(db, key)
        assert _threshold(db) == key
        with db.session() as s:
            people_search.page_ids(s, "o", 1, 0)
            assert s.info["people_first"] == (f"sort_key < '{key}'" if key else "")
        walked.clear()
        assert _pages(db, queries=PG_QUERIES) == expected, key
        assert {3: _capped(db, 3), 12: _capped(db, 12)} == expected_capped, key
        if key not in (keys[0], None):
            assert any(walked)  # pages found among the people before the threshold
        if key == keys[0]:
            assert walked and not any(walked)  # nobody before it: every page from the GIN index


def test_the_migration_and_the_upkeep_decide_the_threshold(pg: Database) -> None:
    """A registry smaller than twice FIRST_HELD keeps the whole index; from twice, the upkeep holds the first
    FIRST_HELD people; it decides again when people before the threshold became more than four times as many (or
    fewer than half), and otherwise leaves the index alone."""
    db = pg
    with db.session() as s:
        _many(s, 9)
    assert search_upkeep.first_people(db.engine) is False and _threshold(db) is None
    with db.session() as s:
        _many(s, 1, start=9)
    with db.engine.connect() as c:
        assert people_first.stale(c)
    assert search_upkeep.first_people(db.engine) is True
    assert _threshold(db) == _sort_keys(db)[5]  # five people before it
    assert search_upkeep.first_people(db.engine) is False  # decided: nothing to do
    with db.session() as s:  # 16 more before the threshold: 21, more than four times five
        for i in range(16):
            people.create_person(s, PersonInput("Anna", f"Aaa{i:02d}"))
    assert search_upkeep.first_people(db.engine) is True
    assert _threshold(db) == _sort_keys(db)[5]
    with db.session() as s:  # those five deleted: none before the threshold
        s.execute(text("DELETE FROM people WHERE sort_key < :k"), {"k": _threshold(db)})
    assert search_upkeep.first_people(db.engine) is True
    assert _threshold(db) == _sort_keys(db)[5]
    with db.session() as s:
        s.execute(text("DELETE FROM people WHERE id IN (SELECT id FROM people ORDER BY id LIMIT 20)"))
    assert search_upkeep.first_people(db.engine) is True and _threshold(db) is None  # small again: everyone


def test_only_the_owner_of_people_rebuilds_the_index(pg: Database) -> None:
    """A team member's upkeep (no owner of people) leaves the index as it is, without an error."""
    db = pg
    with db.session() as s:
        _many(s, 12)
    with member_engine(db, "pv_first_member", ("GRANT SELECT ON people TO {role}",)) as member:
        assert search_upkeep.first_people(member) is False and _threshold(db) is None
        assert search_upkeep.first_people(db.engine) is True and _threshold(db) is not None


def test_a_threshold_is_a_sort_key_or_nothing() -> None:
    assert people_first.condition(None) == ""
    assert people_first.condition("0a1f") == "sort_key < '0a1f'"
    with pytest.raises(ValueError):
        people_first.condition("0a' OR true --")
