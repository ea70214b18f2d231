"""Single migrations down and up again on a database at head (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from projektu_vadiba.core import migrations, people_first, person_keys
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, attendance_days, people, people_insert, projects
from projektu_vadiba.core.services.event_delete import event_input
from tests.core.factories import project_input


def _bulk_berzinas(db: Database, given: list[str]) -> None:
    """One bulk insert (core.services.people_insert) of a Bērziņa of each given name."""
    rows = [
        {
            "given_name": g,
            "surname": "Bērziņa",
            "search_text": person_keys.search_text(g, "Bērziņa"),
            "name_key": person_keys.name_key(g, "Bērziņa"),
            "phone_key": "",
            "sort_key": person_keys.sort_key("Bērziņa", g),
        }
        for g in given
    ]
    with db.session() as s:
        people_insert.bulk_insert_people(s, rows)


def _migrate(db: Database, step: str, revision: str) -> None:
    cfg = migrations.alembic_config(db.engine)
    with db.engine.connect() as connection:
        cfg.attributes["connection"] = connection
        getattr(command, step)(cfg, revision)


@pytest.fixture
def at_head(db: Database) -> Iterator[Database]:
    yield db
    _migrate(db, "upgrade", "head")  # the PostgreSQL database is shared by the tests that follow


def _people_indexes(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {str(ix["name"]) for ix in inspect(conn).get_indexes("people")}


def test_0004_drops_the_unused_people_indexes_and_gives_them_back(at_head: Database) -> None:
    db = at_head
    unused = {"ix_people_search_text", "ix_people_email"}
    kept = {"ix_people_name_key", "ix_people_phone_key", "ix_people_sort_key", "ix_people_organisation_id"}
    with db.session() as s:
        people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv"))
    assert kept <= _people_indexes(db) and not unused & _people_indexes(db)
    _migrate(db, "downgrade", "0003")
    assert migrations.current_revision(db.engine) == "0003"
    assert kept | unused <= _people_indexes(db)
    _migrate(db, "upgrade", "0004")
    assert migrations.current_revision(db.engine) == "0004"
    assert kept <= _people_indexes(db) and not unused & _people_indexes(db)
    if db.engine.dialect.name == "sqlite":  # no table rebuild: the search triggers of 0002 are still there
        with db.engine.connect() as conn:
            triggers = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        assert {"people_fts_ai", "people_fts_ad", "people_fts_au"} <= triggers
    _migrate(db, "upgrade", "head")  # the models name later columns (0014: people.version)
    with db.session() as s:  # the data and the search survive the round trip
        assert [p.surname for p in people.search_people(s, "berz")] == ["Bērziņš"]
        people.create_person(s, PersonInput("Ilze", "Bērziņa"))
    with db.session() as s:
        assert len(people.search_people(s, "berzin")) == 2


def test_0006_adds_the_attendance_days_and_keeps_the_lists(at_head: Database) -> None:
    db = at_head
    with db.session() as s:
        project = projects.create_project(s, project_input())
        start = datetime(2023, 8, 17, 8)
        event_id = activities.create_event(s, project.id, EventInput("Brauciens", start, start.replace(day=18))).id
        ilze = people.create_person(s, PersonInput("Ilze", "Ķēniņa")).id
        entry = attendance.register(s, event_id, ilze, AttendanceStatus.ATTENDED).id
        attendance_days.set_days(s, entry, [date(2023, 8, 18)])
    _migrate(db, "downgrade", "0005")
    with db.engine.connect() as conn:
        assert "days" not in {c["name"] for c in inspect(conn).get_columns("attendance")}
    _migrate(db, "upgrade", "head")
    with db.session() as s:  # the entry survives; its days were dropped with the column: the whole event again
        [row] = attendance.event_list(s, event_id)
        assert (row.id, row.status, row.days) == (
            entry,
            AttendanceStatus.ATTENDED,
            (date(2023, 8, 17), date(2023, 8, 18)),
        )
        attendance_days.set_days(s, entry, [date(2023, 8, 17)])
    with db.session() as s:
        assert attendance.event_list(s, event_id)[0].days == (date(2023, 8, 17),)


def test_0007_adds_headcounts_of_unlisted_people_zero_for_old_events(at_head: Database) -> None:
    db = at_head
    with db.session() as s:
        project = projects.create_project(s, project_input())
        start = datetime(2023, 8, 17, 10)
        event_id = activities.create_event(s, project.id, EventInput("Gadatirgus", start, start.replace(hour=16))).id
    _migrate(db, "downgrade", "0006")
    with db.engine.connect() as conn:
        assert "unlisted_count" not in {c["name"] for c in inspect(conn).get_columns("events")}
    _migrate(db, "upgrade", "head")
    with db.session() as s:
        assert activities.get_event(s, event_id).unlisted == 0
        old = activities.get_event(s, event_id)
        activities.update_event(s, event_id, replace(event_input(old), unlisted_count=85))
    with db.session() as s:
        assert activities.get_event(s, event_id).unlisted == 85


def test_0014_gives_every_row_a_version_and_postgres_its_notify_triggers(at_head: Database) -> None:
    db = at_head
    with db.session() as s:
        project = projects.create_project(s, project_input())
        event_id = activities.create_event(s, project.id, EventInput("Talka", datetime(2023, 5, 2, 10),
                                                                     datetime(2023, 5, 2, 14))).id  # fmt: skip
    _migrate(db, "downgrade", "0013")
    with db.engine.connect() as conn:
        assert "version" not in {c["name"] for c in inspect(conn).get_columns("events")}
    _migrate(db, "upgrade", "head")
    with db.session() as s:  # the rows made before start at version 1
        assert activities.get_event(s, event_id).version == 1
        assert s.scalar(text("SELECT version FROM projects WHERE id = :id"), {"id": project.id}) == 1
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as conn:
            triggers = set(conn.scalars(text("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'pv_notify_%'")))
        assert {"pv_notify_events", "pv_notify_attendance", "pv_notify_people", "pv_notify_projects"} <= triggers


def test_0013_keeps_every_text_as_the_final_reports_and_texts_per_report_after(at_head: Database) -> None:
    from projektu_vadiba.core.services import report_texts

    db = at_head
    period = (date(2023, 3, 1), date(2023, 7, 31))
    with db.session() as s:
        pid = projects.create_project(s, project_input()).id
    _migrate(db, "downgrade", "0012")
    with db.engine.begin() as conn:  # texts as 0012 kept them: one per section key for the whole project
        conn.execute(
            text("INSERT INTO project_texts (project_id, key, text) VALUES (:p, :k, :t)"),
            [
                {"p": pid, "k": "aim_reached", "t": "Mērķis sasniegts."},
                {"p": pid, "k": "interim_progress", "t": "Līdz jūlijam trīs tikšanās."},
            ],
        )
    _migrate(db, "upgrade", "head")
    with db.session() as s:
        assert report_texts.texts_of(s, pid) == {
            "aim_reached": "Mērķis sasniegts.",
            "interim_progress": "Līdz jūlijam trīs tikšanās.",
        }
        assert report_texts.texts_of(s, pid, period) == {}  # an interim report borrows none of them
        report_texts.set_text(s, pid, period, "interim_progress", "Martā–jūlijā trīs tikšanās.")
    with db.session() as s:
        assert report_texts.texts_of(s, pid, period) == {"interim_progress": "Martā–jūlijā trīs tikšanās."}
        assert projects.get_project(s, pid).texts["interim_progress"] == "Līdz jūlijam trīs tikšanās."
        with pytest.raises(IntegrityError), s.begin_nested():  # still one text per key and report
            s.execute(
                text("INSERT INTO project_texts (project_id, key, text) VALUES (:p, 'aim_reached', '')"), {"p": pid}
            )
    _migrate(db, "downgrade", "0012")  # back: the final report's texts stay, the interim reports' go
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT key, text FROM project_texts WHERE project_id = :p ORDER BY key"), {"p": pid})
        assert [tuple(r) for r in rows] == [
            ("aim_reached", "Mērķis sasniegts."),
            ("interim_progress", "Līdz jūlijam trīs tikšanās."),
        ]


def test_0016_gives_the_search_its_indexes_and_takes_them_back(at_head: Database) -> None:
    db = at_head
    with db.session() as s:
        people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis.berzins1@example.lv"))

    def fts_sql() -> str:
        with db.engine.connect() as conn:
            return str(conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'people_fts'")))

    def found(query: str) -> list[str]:
        with db.session() as s:
            return [p.surname for p in people.search_people(s, query)]

    sqlite = db.engine.dialect.name == "sqlite"
    _migrate(db, "downgrade", "0016")
    assert "ix_people_sort_search" in _people_indexes(db) and (not sqlite or "prefix='1 2 3 4'" in fts_sql())
    _migrate(db, "downgrade", "0015")
    assert "ix_people_sort_search" not in _people_indexes(db) and (not sqlite or "prefix='1 2 3'" in fts_sql())
    assert found("berz") == found("berzins1") == ["Bērziņš"]  # rebuilt from people.search_text
    _migrate(db, "upgrade", "0016")
    assert "ix_people_sort_search" in _people_indexes(db) and (not sqlite or "prefix='1 2 3 4'" in fts_sql())
    assert found("berz") == found("berzins1") == found("bērz") == ["Bērziņš"]
    with db.session() as s:  # the triggers of 0002 keep the new table in step
        people.create_person(s, PersonInput("Anna", "Bērziņa"))
    assert found("berz") == ["Bērziņa", "Bērziņš"]
    assert found("anna berz") == ["Bērziņa"]


def test_0017_numbers_the_search_index_in_latvian_order_and_takes_it_back(at_head: Database) -> None:
    db = at_head
    sqlite = db.engine.dialect.name == "sqlite"

    def found(query: str) -> list[str]:
        with db.session() as s:
            return [f"{p.given_name} {p.surname}" for p in people.search_people(s, query)]

    def tables() -> set[str]:
        with db.engine.connect() as conn:
            return set(inspect(conn).get_table_names())

    with db.session() as s:
        for given, surname in [("Zane", "Bērziņa"), ("Jānis", "Bērziņš"), ("Anna", "Ābola"), ("Ēriks", "Bērziņš")]:
            people.create_person(s, PersonInput(given, surname, email=f"{given}@example.lv"))
    assert not sqlite or ("people_fts_buckets" in tables() and "ix_people_sort_search" not in _people_indexes(db))
    _migrate(db, "downgrade", "0016")
    assert "people_fts_buckets" not in tables() and "ix_people_sort_search" in _people_indexes(db)
    assert found("berz") == ["Zane Bērziņa", "Ēriks Bērziņš", "Jānis Bērziņš"]  # 0016's table, rebuilt
    with db.session() as s:  # 0002's triggers keep it in step
        people.create_person(s, PersonInput("Anna", "Bērziņa"))
    _migrate(db, "upgrade", "0017")
    assert not sqlite or ("people_fts_buckets" in tables() and "ix_people_sort_search" not in _people_indexes(db))
    assert found("berz") == ["Anna Bērziņa", "Zane Bērziņa", "Ēriks Bērziņš", "Jānis Bērziņš"]
    assert found("bērziņš") == ["Ēriks Bērziņš", "Jānis Bērziņš", "Anna Bērziņa", "Zane Bērziņa"]  # forms after
    with db.session() as s:  # added after the migration: in its place
        people.create_person(s, PersonInput("Baiba", "Bērziņa", email="baiba@example.lv"))
    assert found("berz") == ["Anna Bērziņa", "Baiba Bērziņa", "Zane Bērziņa", "Ēriks Bērziņš", "Jānis Bērziņš"]
    assert found("example") == ["Anna Ābola", "Baiba Bērziņa", "Zane Bērziņa", "Ēriks Bērziņš", "Jānis Bērziņš"]


def test_0019_fills_people_words_on_postgresql_and_takes_it_back(at_head: Database) -> None:
    """0019 (PostgreSQL): people_words filled from the registry, kept by the triggers, dropped on the way back
    (search then by the GIN index as before); SQLite: nothing."""
    db = at_head
    postgres = db.engine.dialect.name == "postgresql"

    def found(query: str) -> list[str]:
        with db.session() as s:
            return [f"{p.given_name} {p.surname}" for p in people.search_people(s, query)]

    def words() -> list[tuple[str, int, str]]:
        with db.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT prefix, id, words FROM people_words ORDER BY 1, 2"))]

    with db.session() as s:
        for given, surname in [("Zane", "Bērziņa"), ("Jānis", "Bērziņš"), ("Anna", "Ābola")]:
            people.create_person(s, PersonInput(given, surname, email=f"{given}.{surname}@example.lv"))
    with db.engine.connect() as conn:
        assert ("people_words" in inspect(conn).get_table_names()) is postgres
    _migrate(db, "downgrade", "0018")
    with db.engine.connect() as conn:
        assert "people_words" not in inspect(conn).get_table_names()
    assert found("berz") == ["Zane Bērziņa", "Jānis Bērziņš"]
    with db.session() as s:
        people.create_person(s, PersonInput("Anna", "Bērziņa"))
    _migrate(db, "upgrade", "0019")
    assert found("berz") == ["Anna Bērziņa", "Zane Bērziņa", "Jānis Bērziņš"]
    assert found("jan b") == ["Jānis Bērziņš"] and found("an bērziņš") == ["Anna Bērziņa"]
    if postgres:  # the fill: a row per person and prefix, the words of that prefix
        rows = words()
        assert ("be", 2, "berzins") in rows and ("ex", 1, "example") in rows and ("za", 1, "zane") in rows
        assert len({r[1] for r in rows}) == 4


def test_0020_remembers_when_the_common_prefixes_were_decided(at_head: Database) -> None:
    """0020 (PostgreSQL): people_words_decided holds the registry's size when 0019 found common prefixes (0019
    decided on it), else 0 (the upkeep decides once the registry is large enough); dropped on the way back.
    SQLite: nothing."""
    db = at_head
    postgres = db.engine.dialect.name == "postgresql"
    with db.session() as s:
        for given in ("Zane", "Jānis", "Anna"):
            people.create_person(s, PersonInput(given, "Bērziņa", email=f"{given}@example.lv"))

    def decided() -> int:
        with db.engine.connect() as conn:
            return int(conn.execute(text("SELECT people FROM people_words_decided")).scalar_one())

    def tables() -> set[str]:
        with db.engine.connect() as conn:
            return set(inspect(conn).get_table_names())

    assert ("people_words_decided" in tables()) is postgres
    _migrate(db, "downgrade", "0019")
    assert "people_words_decided" not in tables()
    if not postgres:
        return
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM people_words_common"))
    _migrate(db, "upgrade", "0020")
    assert decided() == 0
    _migrate(db, "downgrade", "0019")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO people_words_common VALUES ('ex')"))
    _migrate(db, "upgrade", "0020")
    assert decided() == 3
    with db.engine.begin() as conn:  # (the tests that follow: nothing common)
        conn.execute(text("DELETE FROM people_words_common"))
        conn.execute(text("UPDATE people_words_decided SET people = 0"))


def test_0021_lets_a_bulk_insert_leave_people_unindexed_and_indexes_them_on_the_way_back(
    at_head: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0021 (SQLite): people_fts_unindexed, and triggers that leave the people of its ranges alone. Back to 0020:
    those people indexed first, 0017's triggers again, the table gone; up again: new bulk inserts leave theirs out.
    PostgreSQL: nothing."""
    db = at_head
    if db.engine.dialect.name != "sqlite":
        with db.engine.connect() as conn:
            assert "people_fts_unindexed" not in inspect(conn).get_table_names()
        return

    def found(query: str) -> list[str]:
        with db.session() as s:
            return [f"{p.given_name} {p.surname}" for p in people.search_people(s, query)]

    def state() -> tuple[bool, int, int, str]:
        with db.engine.connect() as conn:
            table = "people_fts_unindexed" in inspect(conn).get_table_names()
            indexed = int(conn.scalar(text("SELECT count(*) FROM people_fts")) or 0)
            everyone = int(conn.scalar(text("SELECT count(*) FROM people")) or 0)
            trigger = str(conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'people_fts_ai'")))
        return table, indexed, everyone, trigger

    monkeypatch.setattr(people_insert, "_MERGE_LATER", 2)
    with db.session() as s:
        for given in ("Zane", "Jānis", "Anna", "Ēriks", "Līga"):
            people.create_person(s, PersonInput(given, "Ozola", email=f"{given}@example.lv"))
    _bulk_berzinas(db, ["Ilze", "Aina"])
    table, indexed, everyone, trigger = state()
    assert table and indexed == 5 and everyone == 7 and "people_fts_unindexed" in trigger
    assert found("berz") == ["Aina Bērziņa", "Ilze Bērziņa"]  # by LIKE until the upkeep
    _migrate(db, "downgrade", "0020")
    table, indexed, everyone, trigger = state()
    assert not table and indexed == everyone == 7 and "people_fts_unindexed" not in trigger
    with db.session() as s:  # 0017's trigger indexes the form's people
        people.create_person(s, PersonInput("Dace", "Bērziņa"))
    assert found("berz") == ["Aina Bērziņa", "Dace Bērziņa", "Ilze Bērziņa"]
    _migrate(db, "upgrade", "0021")
    _bulk_berzinas(db, ["Una", "Baiba"])
    table, indexed, everyone, trigger = state()
    assert table and indexed == 8 and everyone == 10 and "people_fts_unindexed" in trigger
    assert found("berz") == ["Aina Bērziņa", "Baiba Bērziņa", "Dace Bērziņa", "Ilze Bērziņa", "Una Bērziņa"]


def test_0022_leaves_a_bulk_inserts_people_words_for_the_upkeep_and_back(
    at_head: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0022 (PostgreSQL): people_words_pending and its fill; a bulk insert leaves its people's rows there. Back to
    0021: their rows written first, the table and the function gone, the insert trigger writes rows at once again;
    up again: bulk inserts leave theirs. SQLite: nothing."""
    db = at_head

    def state() -> tuple[bool, set[str]]:
        with db.engine.connect() as conn:
            table = "people_words_pending" in inspect(conn).get_table_names()
            names = "SELECT DISTINCT p.given_name FROM people p JOIN people_words w ON w.id = p.id"
            return table, set(conn.execute(text(names)).scalars())

    if db.engine.dialect.name != "postgresql":
        with db.engine.connect() as conn:
            assert "people_words_pending" not in inspect(conn).get_table_names()
        return
    monkeypatch.setattr(people_insert, "_MERGE_LATER", 2)
    with db.session() as s:
        people.create_person(s, PersonInput("Zane", "Ozola"))
    _bulk_berzinas(db, ["Ilze", "Aina"])
    assert state() == (True, {"Zane"})
    _migrate(db, "downgrade", "0021")
    assert state() == (False, {"Zane", "Ilze", "Aina"})
    with db.engine.connect() as conn:
        assert conn.scalar(text("SELECT to_regprocedure('people_words_fill_pending(integer)')")) is None
    _bulk_berzinas(db, ["Una", "Baiba"])  # 0019's trigger: at once
    assert state() == (False, {"Zane", "Ilze", "Aina", "Una", "Baiba"})
    _migrate(db, "upgrade", "0022")
    _bulk_berzinas(db, ["Dace", "Līga"])
    assert state() == (True, {"Zane", "Ilze", "Aina", "Una", "Baiba"})


def test_0023_indexes_only_the_people_with_an_organisation(at_head: Database) -> None:
    """0023: ix_people_organisation_id holds only the people who have an organisation (WHERE organisation_id IS NOT
    NULL) and still serves a look-up by organisation (the foreign key's ON DELETE SET NULL asks that); back to 0022
    it holds everyone again."""
    db = at_head

    def index_sql() -> str:
        with db.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                return str(conn.scalar(text("SELECT pg_get_indexdef('ix_people_organisation_id'::regclass)")))
            return str(conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'ix_people_organisation_id'")))

    def plan() -> str:
        query = "SELECT id FROM people WHERE organisation_id = 1"
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SET LOCAL enable_seqscan = off"))
                return " ".join(conn.execute(text(f"EXPLAIN {query}")).scalars())
            return " ".join(str(r[-1]) for r in conn.execute(text(f"EXPLAIN QUERY PLAN {query}")))

    with db.session() as s:
        people.create_person(s, PersonInput("Zane", "Ozola", organisation_name="Biedrība Ķekava"))
        people.create_person(s, PersonInput("Jānis", "Bērziņš"))
    assert "organisation_id IS NOT NULL" in index_sql() and "ix_people_organisation_id" in plan()
    _migrate(db, "downgrade", "0022")
    assert "WHERE" not in index_sql().upper()
    _migrate(db, "upgrade", "0023")
    assert "organisation_id IS NOT NULL" in index_sql() and "ix_people_organisation_id" in plan()


_FOR_NOBODY = "INSERT INTO personal_data_log (at, actor, person_id, action, fields) VALUES (now(), 'x', -5, 'y', '')"


def test_0024_a_deleted_persons_log_entries_stay_without_them(at_head: Database) -> None:
    """0024 (PostgreSQL): the personal-data log has no foreign key to people any more; deleting people, one or many
    in one statement, leaves their entries with no person, as the key's ON DELETE SET NULL did, and the others'
    entries as they were. Back to 0023 the key is there again (an entry that names nobody let go of first)."""
    db = at_head
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's trigger; SQLite keeps the foreign key")

    def keys() -> set[str]:
        with db.engine.connect() as conn:
            return {str(fk["name"]) for fk in inspect(conn).get_foreign_keys("personal_data_log")}

    def linked() -> dict[str, int]:
        with db.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT p.given_name, count(*) FROM personal_data_log l JOIN people p ON p.id = l.person_id "
                    "GROUP BY p.given_name"
                )
            )
            return {str(name): int(n) for name, n in rows}

    def unlinked() -> int:
        with db.engine.connect() as conn:
            return int(conn.scalar(text("SELECT count(*) FROM personal_data_log WHERE person_id IS NULL")) or 0)

    with db.session() as s:
        ids = {g: people.create_person(s, PersonInput(g, "Ozola")).id for g in ("Zane", "Ilze", "Līga", "Anna")}
    assert "fk_personal_data_log_person_id_people" not in keys()
    assert linked() == {"Zane": 1, "Ilze": 1, "Līga": 1, "Anna": 1} and unlinked() == 0
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM people WHERE id = :i"), {"i": ids["Zane"]})
    assert linked() == {"Ilze": 1, "Līga": 1, "Anna": 1} and unlinked() == 1
    with db.engine.begin() as conn:  # one statement, two people
        conn.execute(text("DELETE FROM people WHERE id IN (:a, :b)"), {"a": ids["Ilze"], "b": ids["Līga"]})
    assert linked() == {"Anna": 1} and unlinked() == 3
    with db.engine.begin() as conn:  # what the key would refuse: an entry for nobody
        conn.execute(text(_FOR_NOBODY))
    _migrate(db, "downgrade", "0023")
    assert "fk_personal_data_log_person_id_people" in keys()
    assert linked() == {"Anna": 1} and unlinked() == 4
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text(_FOR_NOBODY))
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM people WHERE id = :i"), {"i": ids["Anna"]})
    assert linked() == {} and unlinked() == 5
    _migrate(db, "upgrade", "0024")
    assert "fk_personal_data_log_person_id_people" not in keys()


def test_0025_keeps_the_first_people_in_the_covering_index_and_takes_it_back(
    at_head: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a registry of twice FIRST_HELD people or more gets the index of the people before the
    (FIRST_HELD + 1)-th sort key; the way down indexes everyone again, as 0016 did. SQLite has no such index."""
    db = at_head
    monkeypatch.setattr(people_first, "FIRST_HELD", 5)
    with db.session() as s:
        for i in range(12):
            people.create_person(s, PersonInput("Anna", f"Ozola{i:02d}"))
        keys = [str(k) for k in s.execute(text("SELECT sort_key FROM people ORDER BY sort_key, id")).scalars()]

    def threshold() -> str | None:
        with db.engine.connect() as conn:
            return people_first.threshold(conn)

    postgres = db.engine.dialect.name == "postgresql"
    _migrate(db, "downgrade", "0024")
    assert threshold() is None and ("ix_people_sort_search" in _people_indexes(db)) == postgres
    _migrate(db, "upgrade", "0025")
    assert threshold() == (keys[5] if postgres else None)
    with db.session() as s:
        assert [p.surname for p in people.search_people(s, "o", 3)] == ["Ozola00", "Ozola01", "Ozola02"]
    _migrate(db, "downgrade", "0024")
    assert threshold() is None and ("ix_people_sort_search" in _people_indexes(db)) == postgres
