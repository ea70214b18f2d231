"""What the fast paths of a large import must keep: the one-pass registry lookup finds what the per-key queries
find (swapped names, e-mails in any case, phones with +371, never anonymised people), the bulk insert keeps the
SQLite search index and its trigger, the driver-level insert stores what Core stores, and the cached keys are
the keys."""

from __future__ import annotations

import gc
import random
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from projektu_vadiba.core import clock, person_keys
from projektu_vadiba.core.db import Database, current_user
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports import apply, apply_plan, build_plan, fill, read_csv_bytes, undo_import
from projektu_vadiba.core.imports import plan as plan_module
from projektu_vadiba.core.imports.gc_pause import gc_paused
from projektu_vadiba.core.models import Gender, Person, PersonalDataLog
from projektu_vadiba.core.services import duplicates, gdpr, people, people_insert

SHEET = (
    "Vārds;Uzvārds;E-pasts;Tālrunis\n"
    "Bērziņš;Jānis;;\n"  # 2: a registered person, given name and surname swapped
    "Liepa;Anna;ANNA@CITS.LV;\n"  # 3: swapped, and the e-mail of the second Anna Liepa in another case
    "Ilze;Zariņa;;2000 0001\n"  # 4: a registered person's phone, written without +371
    "Pēteris;Kalniņš;;\n"  # 5: only an anonymised person had this name
    "Žanna;Ķuze;zanna@example.lv;\n"  # 6: new
    "Zanna;Kuze;Zanna@Example.lv;\n"  # 7: the same as row 6
    "Jānis;Bērziņš;cits@example.lv;\n"  # 8: not the registered Jānis (another e-mail), but row 2 has none
)


def _registry(db: Database) -> dict[str, int]:
    with db.session() as s:
        ids = {
            "berzins": people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv")).id,
            "liepa": people.create_person(s, PersonInput("Anna", "Liepa")).id,
            "liepa2": people.create_person(s, PersonInput("Anna", "Liepa", email="Anna@Cits.lv")).id,
            "ozolina": people.create_person(s, PersonInput("Ilze", "Ozoliņa", phone="+371 2000 0001")).id,
            "kalnins": people.create_person(s, PersonInput("Pēteris", "Kalniņš")).id,
        }
        gdpr.anonymise_person(s, ids["kalnins"])
    return ids


def _outcome(db: Database) -> list[tuple[int, int | None, tuple[str, ...], int | None]]:
    with db.session() as s:
        plan = build_plan(s, read_csv_bytes(SHEET.encode("utf-8")))
    assert plan.invalid == []
    return [(r.row, r.existing_id, r.reasons, r.same_as_row) for r in plan.rows]


def test_one_pass_lookup_finds_what_the_key_queries_find(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _registry(db)
    by_queries = _outcome(db)
    monkeypatch.setattr(duplicates, "_SCAN_KEYS", 0)  # as for a file of thousands of rows
    assert _outcome(db) == by_queries
    name, email, phone = duplicates.REASON_NAME, duplicates.REASON_EMAIL, duplicates.REASON_PHONE
    assert by_queries == [
        (2, ids["berzins"], (name,), None),
        (3, ids["liepa2"], (email, name), None),
        (4, ids["ozolina"], (phone,), None),
        (5, None, (), None),
        (6, None, (), None),
        (7, None, (), 6),
        (8, None, (), 2),
    ]


def test_a_large_plan_links_as_a_small_one_on_a_random_registry(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Namesakes with and without e-mails and phones, rows of those names with some of the same contacts: a large
    file's plan (one statement, every person of the keys: the rows tested against the namesakes lacking what they
    have, plan.build_plan) links every row as a short file's (key by key) does."""
    rnd = random.Random(5)
    names = [("Anna", "Liepa"), ("Jānis", "Bērziņš"), ("Ilze", "Ozola"), ("Pēteris", "Kalns")]
    emails = [f"p{i}@example.lv" for i in range(12)]
    phones = [f"2000 00{i:02d}" for i in range(12)]
    with db.session() as s:
        for _ in range(60):
            given, surname = rnd.choice(names)
            email = rnd.choice(emails) if rnd.random() < 0.5 else ""
            phone = rnd.choice(phones) if rnd.random() < 0.5 else ""
            people.create_person(s, PersonInput(given, surname, email=email, phone=phone))
    lines = ["Vārds;Uzvārds;E-pasts;Tālrunis"]
    for _ in range(150):
        given, surname = rnd.choice([*names, ("Zane", "Kalna")])
        email = rnd.choice(emails) if rnd.random() < 0.5 else ""
        phone = rnd.choice(phones) if rnd.random() < 0.5 else ""
        lines.append(f"{given};{surname};{email};{phone}")
    sheet = read_csv_bytes("\n".join(lines).encode("utf-8"))

    def outcome() -> list[tuple[int, int | None, str, tuple[str, ...], int | None]]:
        with db.session() as s:
            plan = build_plan(s, sheet)
        return [(r.row, r.existing_id, r.existing_name, r.reasons, r.same_as_row) for r in plan.rows]

    by_queries = outcome()
    monkeypatch.setattr(duplicates, "_SCAN_KEYS", 0)
    assert outcome() == by_queries
    assert sum(1 for _row, existing, _n, _r, _s in by_queries if existing) > 50  # most rows are someone
    assert all(name.split()[0] in {"Anna", "Jānis", "Ilze", "Pēteris"} for _row, existing, name, _r, _s in by_queries
               if existing)  # fmt: skip
    if db.engine.dialect.name != "postgresql":
        return
    # PostgreSQL: the look-up in parts (PartedLookup), each sent while the next rows are read: 1,853 rows (the
    # file above 12 times, 50 more and 3 invalid ones) in parts of 500 link as in one statement.
    bad = ["Anna;;;"] * 3  # rows without a surname: not looked up
    sheet = read_csv_bytes("\n".join([*lines, *bad, *lines[1:] * 11, *lines[1:51]]).encode("utf-8"))
    whole = outcome()
    monkeypatch.setattr(plan_module, "PARTED_ROWS", 1000)
    monkeypatch.setattr(plan_module, "_PART_MIN", 500)
    sent: list[int] = []
    send = duplicates.PartedLookup.send

    def counted(self: duplicates.PartedLookup, keys: list[duplicates.Keys]) -> None:
        sent.append(len(keys))
        send(self, keys)

    monkeypatch.setattr(duplicates.PartedLookup, "send", counted)
    assert outcome() == whole
    assert sent == [497, 500, 500, 353]  # the keys of each part's valid rows
    with db.session() as s:
        assert [r.row for r in build_plan(s, sheet).invalid] == [152, 153, 154]
    assert sum(1 for _row, existing, _n, _r, _s in whole if existing) > 500


def test_a_cancel_while_a_part_is_looked_up_gives_its_connection_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: a plan cancelled between two parts of its look-up (PartedLookup) stops with ImportCancelled, waits
    for the part under way and gives the look-up's own connection back to the pool."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the parted look-up is PostgreSQL's")
    monkeypatch.setattr(plan_module, "PARTED_ROWS", 1000)
    monkeypatch.setattr(plan_module, "_PART_MIN", 500)
    rows = "\n".join(f"Anna;Z{n:04d};a{n}@example.lv" for n in range(2000))
    sheet = read_csv_bytes(f"Vārds;Uzvārds;E-pasts\n{rows}".encode())
    pool: Any = db.engine.pool
    idle = pool.checkedout()
    closed: list[bool] = []
    leave = duplicates.PartedLookup.__exit__

    def left(self: duplicates.PartedLookup, *exc: object) -> None:
        leave(self, *exc)
        closed.append(self._connection is not None and self._connection.closed)

    monkeypatch.setattr(duplicates.PartedLookup, "__exit__", left)
    with pytest.raises(plan_module.ImportCancelled), db.session() as s:
        build_plan(s, sheet, progress=lambda done, _total: done < 1500)
    assert closed == [True] and pool.checkedout() == idle
    with db.session() as s:  # and the whole file plans as before
        assert len(build_plan(s, sheet).rows) == 2000
    assert closed == [True, True] and pool.checkedout() == idle


def test_a_parted_plan_makes_the_texts_that_storing_would(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL: a plan whose look-up is in parts makes each row's search text and sort key while the server
    works (PlannedRow.stored), and the people stored from it have the texts a short file's get."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the parted look-up is PostgreSQL's")
    monkeypatch.setattr(plan_module, "PARTED_ROWS", 1000)
    monkeypatch.setattr(plan_module, "_PART_MIN", 500)
    towns = ["Ķekavas  novads", "Olaine", ""]
    orgs = ["Biedrība  “Zaļā josta”", "", "Ozolnieku  vidusskola"]
    rows = "\n".join(
        f"Ērika;Ņikitina-Bērziņa {n};e{n}@Example.lv;{towns[n % 3]};{orgs[n % 3] if n % 2 else ''}" for n in range(1200)
    )
    sheet = read_csv_bytes(f"Vārds;Uzvārds;E-pasts;Pašvaldība;Organizācija\n{rows}".encode())
    with db.session() as s:
        planned = build_plan(s, sheet)
        assert all(r.stored is not None for r in planned.rows) and planned.rows[0].valid
        result = apply_plan(s, planned)
    assert result.created == 1200
    with db.session() as s:
        stored = s.execute(
            select(Person.given_name, Person.surname, Person.email, Person.municipality, Person.search_text,
                   Person.sort_key, Person.organisation_id).where(Person.id.in_(result.created_ids))
        ).all()  # fmt: skip
        org_names = dict(s.execute(text("SELECT id, name FROM organisations")).all())
    assert len(stored) == 1200 and sum(1 for *_rest, org in stored if org) == 400
    for given, surname, email, town, search, sort, org in stored:
        name = org_names[org] if org else ""
        assert search == person_keys.search_text(given, surname, email, name, town)
        assert sort == person_keys.sort_key(surname, given)
    with db.session() as s:  # a short file's plan leaves them to the storing
        assert all(r.stored is None for r in build_plan(s, read_csv_bytes("Vārds;Uzvārds\nAnna;Liepa".encode())).rows)


def test_one_pass_lookup_keeps_every_person_of_a_key(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _registry(db)
    keys = duplicates.Keys.of("Anna", "Liepa", "", "")
    with db.session() as s:
        by_queries = duplicates.build_index(s, [keys])
        monkeypatch.setattr(duplicates, "_SCAN_KEYS", 0)
        by_scan = duplicates.build_index(s, [keys])
    assert by_scan.matches(keys) == by_queries.matches(keys)
    assert set(by_scan.matches(keys)) == {ids["liepa"], ids["liepa2"]}
    assert by_scan.contacts == by_queries.contacts


def test_a_large_import_links_swapped_names(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _registry(db)
    monkeypatch.setattr(duplicates, "_SCAN_KEYS", 0)
    with db.session() as s:
        result = apply_plan(s, build_plan(s, read_csv_bytes(SHEET.encode("utf-8"))))
    assert (result.created, result.linked) == (2, 5)  # rows 5 and 6 are new people
    with db.session() as s:
        assert [p.id for p in people.search_people(s, "berzins janis")] == [ids["berzins"]]
        assert len(people.search_people(s, "kuze")) == 1
        assert [p.id for p in people.search_people(s, "ozolina")] == [ids["ozolina"]]


def test_bulk_insert_indexes_its_rows_and_keeps_the_trigger(db: Database) -> None:
    row = {
        "given_name": "Ēriks",
        "surname": "Ņikitins",
        "search_text": person_keys.search_text("Ēriks", "Ņikitins"),
        "name_key": person_keys.name_key("Ēriks", "Ņikitins"),
        "phone_key": "",
        "sort_key": person_keys.sort_key("Ņikitins", "Ēriks"),
    }
    with db.session() as s:
        ids = people_insert.bulk_insert_people(s, [row, {**row, "given_name": "Ērika"}])
        assert ids == sorted(s.scalars(select(Person.id).where(Person.surname == "Ņikitins")))
        assert len(people.search_people(s, "nikitins")) == 2
    with db.session() as s:  # a person added one by one afterwards is indexed by the trigger again
        people.create_person(s, PersonInput("Ērika", "Ņikitina"))
    with db.session() as s:
        assert len(people.search_people(s, "nikitin")) == 3
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'people_fts_ai'")) == 1


def test_bulk_insert_of_full_rows_returns_each_rows_id(db: Database) -> None:
    """Full rows take the driver's fast path (SQLite executemany, PostgreSQL COPY with ids from the sequence)."""
    at = datetime(2025, 1, 2, 3, 4, 5)
    names = [("Žanis", "Ūdris"), ("Ģirts", "Ķēniņš"), ("Ļena", "Čakste")]
    rows = [
        {
            "given_name": given,
            "surname": surname,
            "municipality": "Ķekavas novads",
            "email": f"{i}@example.lv",
            "phone": "",
            "gender": Gender.MALE,
            "age_group": "",
            "target_group": "",
            "notes": "",
            "search_text": person_keys.search_text(given, surname),
            "name_key": person_keys.name_key(given, surname),
            "phone_key": "",
            "sort_key": person_keys.sort_key(surname, given),
            "created_at": at,
            "updated_at": at,
        }
        for i, (given, surname) in enumerate(names)
    ]
    defaults = {c.key for c in Person.__table__.columns if c.default is not None and not c.primary_key}
    assert defaults <= set(rows[0])  # every Python-side default given: not the Core fallback
    with db.session() as s:
        before = people.create_person(s, PersonInput("Anna", "Bērziņa")).id
        ids = people_insert.bulk_insert_people(s, rows)
        assert len(set(ids)) == 3 and min(ids) > before
        stored = {pid: name for pid, name in s.execute(select(Person.id, Person.surname).where(Person.id.in_(ids)))}
        assert [stored[i] for i in ids] == ["Ūdris", "Ķēniņš", "Čakste"]
        assert ids == sorted(ids)  # in row order, though PostgreSQL copies them in Latvian order
        assert [p.surname for p in people.search_people(s, "kenins")] == ["Ķēniņš"]
    with db.session() as s:  # the id sequence went past the copied rows: the next person gets a free id
        after = people.create_person(s, PersonInput("Ērika", "Ņikitina")).id
        assert after not in ids and after > before


def test_bulk_insert_in_any_order_gives_ids_in_row_order(db: Database) -> None:
    """Rows against the Latvian order, more than one progress step: each row's id, ascending in row order."""
    at = datetime(2025, 1, 2, 3, 4, 5)
    columns = ("given_name", "surname", "municipality", "email", "phone", "age_group", "target_group", "notes",
               "search_text", "name_key", "phone_key", "sort_key", "created_at", "updated_at")  # fmt: skip
    surnames = [f"Z{n:04d}" for n in range(2500, 0, -1)]  # each after the next in sort order
    rows = [
        ("Anna", surname, "", "", "", "", "", "", person_keys.search_text("Anna", surname),
         person_keys.name_key("Anna", surname), "", person_keys.sort_key(surname, "Anna"), at, at)
        for surname in surnames
    ]  # fmt: skip
    done: list[int] = []
    with db.session() as s:
        ids = people_insert.insert_people(s, columns, rows, done.append)
        stored = {pid: name for pid, name in s.execute(select(Person.id, Person.surname).where(Person.id.in_(ids)))}
    assert done == [1000, 2000, 2500]
    assert ids == sorted(ids) and len(set(ids)) == 2500
    assert [stored[i] for i in ids] == surnames


class _Stop(Exception):
    pass


def test_a_progress_call_that_raises_stops_the_bulk_insert_with_its_own_error(db: Database) -> None:
    """A cancel between two chunks (on PostgreSQL inside the one COPY of them all): the progress call's own
    exception comes out, nothing of the insert stays, and the next transaction on the connection works."""
    rows = [
        {"given_name": "Anna", "surname": f"Z{n:04d}", "search_text": person_keys.search_text("Anna", f"Z{n:04d}"),
         "name_key": person_keys.name_key("Anna", f"Z{n:04d}"), "phone_key": "",
         "sort_key": person_keys.sort_key(f"Z{n:04d}", "Anna")}
        for n in range(2500)
    ]  # fmt: skip
    calls: list[int] = []

    def progress(done: int) -> None:
        calls.append(done)
        if done == 2000:
            raise _Stop

    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Person))
    with pytest.raises(_Stop), db.session() as s:
        people_insert.bulk_insert_people(s, rows, progress)
    assert calls == [1000, 2000]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == before
        people.create_person(s, PersonInput("Ērika", "Ņikitina"))
    with db.session() as s:
        assert len(people.search_people(s, "nikitina")) == 1


def test_a_failed_bulk_insert_leaves_the_trigger_in_place(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite FTS5 trigger")
    bad = {
        "given_name": "A",
        "surname": "B",
        "organisation_id": 999_999,  # no such organisation: the foreign key stops the insert
        "search_text": "a b",
        "name_key": "a b",
        "phone_key": "",
        "sort_key": "",
    }
    with pytest.raises(Exception, match="FOREIGN KEY"), db.session() as s:
        try:
            people_insert.bulk_insert_people(s, [bad])
        finally:  # restored at once, not only by the rollback
            assert s.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'people_fts_ai'")) == 1
    with db.session() as s:
        people.create_person(s, PersonInput("Ērika", "Ņikitina"))
    with db.session() as s:
        assert len(people.search_people(s, "nikitina")) == 1
        assert s.scalar(text("SELECT count(*) FROM people_fts_pause")) == 0


def test_insert_many_stores_what_core_stores(db: Database) -> None:
    at = datetime(2024, 3, 5, 14, 30, 15)
    full = {
        "given_name": "Līga",
        "surname": "Ozoliņa",
        "organisation_id": None,
        "municipality": "Ķekava",
        "email": "liga@example.lv",
        "phone": "+371 2000 0002",
        "gender": Gender.FEMALE,
        "birth_year": 1990,
        "age_group": "",
        "target_group": "Seniori",
        "consent_data": True,
        "consent_photo": False,
        "notes": "",
        "search_text": "liga ozolina",
        "name_key": "liga ozolina",
        "phone_key": "20000002",
        "sort_key": person_keys.sort_key("Ozoliņa", "Līga"),
        "created_at": at,
        "updated_at": at,
    }
    table = Person.__table__
    assert isinstance(table, Table)
    columns = [c for c in table.columns if c.key != "id"]
    with db.session() as s:
        people_insert.insert_many(s, table, [{**full, "notes": "many"}])
        s.execute(insert(table), [{**full, "notes": "core"}])
        found = s.execute(select(*columns).where(Person.surname == "Ozoliņa"))
        stored = {r.notes: {k: v for k, v in r._mapping.items() if k != "notes"} for r in found}
        assert stored["many"] == stored["core"]
        assert (stored["many"]["created_at"], stored["many"]["gender"], stored["many"]["consent_photo"]) == (
            at,
            Gender.FEMALE,
            False,
        )
        # the very values in the database (SQLite: DATETIME's text format, enum values, 0/1), not only read back
        raw = "SELECT notes, created_at, gender, consent_data, consent_photo FROM people WHERE surname = 'Ozoliņa'"
        as_stored = {r[0]: tuple(r[1:]) for r in s.execute(text(raw))}
        assert as_stored["many"] == as_stored["core"]
        log = PersonalDataLog.__table__
        assert isinstance(log, Table)
        entry = {"at": at, "actor": "tests", "person_id": None, "action": "imported", "fields": ""}
        people_insert.insert_many(s, log, [entry, entry])
        assert s.execute(select(log.c.at, log.c.actor)).all() == [(at, "tests")] * 2


def test_cached_keys_are_the_keys() -> None:
    def folded(text: str) -> str:  # the definition the caches must agree with
        return " ".join(w for w in person_keys._WORD_SPLIT.split(person_keys.fold(text)) if w)

    pairs = [("  JĀNIS ", "bērziņš"), ("Anna-Marija", "Liepiņa-Ozola"), ("", "Ūdris"), ("Ēriks", ""),
             ("O'Brien", "Šķēle"), ("!!", "??"), ("Ǆemma", "Straße"), ("e\u0301rika", "Ņ"),
             ("Jo_hn.SMITH-2", "x__y\tz\x7f"), ("a+b@C.lv", " _ ")]  # fmt: skip
    for given, surname in pairs:
        direct, swapped = person_keys.name_keys(given, surname)
        assert direct == folded(f"{given} {surname}") == person_keys.name_key(given, surname)
        assert swapped == folded(f"{surname} {given}")
        assert person_keys.search_text(given, surname, "X@Y.lv") == folded(f"{given} {surname} X@Y.lv")
        assert person_keys.search_words(f"{given} {surname}") == folded(f"{given} {surname}").split()
    for phone, key in [("+371 2612 3456", "26123456"), ("00371 26123456", "26123456"), ("(2612) 3456", "26123456"),
                       ("123", ""), ("２６１２３４５６", "２６１２３４５６"), ("", "")]:  # fmt: skip
        assert person_keys.phone_key(phone) == key
    assert person_keys.sort_key("Bērziņš", "Jānis") < person_keys.sort_key("Bērziņš", "Jēkabs")
    assert person_keys.sort_key("Sils", "Z") < person_keys.sort_key("Sils-Ozola", "A")


def test_the_collector_is_back_after_an_import_step() -> None:
    @gc_paused
    def step(fail: bool) -> bool:
        if fail:
            raise RuntimeError("boom")
        return gc.isenabled()

    assert gc.isenabled()
    assert step(False) is False
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        step(True)
    assert gc.isenabled()
    gc.disable()
    try:
        step(False)
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


class _RolledBack(Exception):
    pass


def _stored(s: Session) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[int]]:
    """Every stored column of the people, the personal-data log (but its ids: PostgreSQL's sequence does not roll
    back) and whom the search index finds by a filled e-mail."""
    people_rows = [tuple(r) for r in s.execute(select(*Person.__table__.columns).order_by(Person.id))]
    columns = [c for c in PersonalDataLog.__table__.columns if c.key != "id"]
    log = [tuple(r) for r in s.execute(select(*columns).order_by(PersonalDataLog.id))]
    return people_rows, log, [p.id for p in people.search_people(s, "jauns")]


def _three_people(db: Database) -> list[int]:
    """Jānis Bērziņš with an e-mail, Anna Liepa without contacts, Ilze Ozoliņa with a phone: their ids."""
    given_people = [("Jānis", "Bērziņš", "janis@example.lv", ""), ("Anna", "Liepa", "", ""),
                    ("Ilze", "Ozoliņa", "", "+371 2000 0001")]  # fmt: skip
    with db.session() as s:
        return [
            people.create_person(s, PersonInput(given, surname, email=email, phone=phone)).id
            for given, surname, email, phone in given_people
        ]


def test_a_person_saved_while_their_filling_was_read_ahead_is_filled_as_saved(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: the filling read and decided by a worker (apply._fill_ahead) meets a person saved since (their
    version moved on): nothing of what it decided stays, and the filling is done again on what is stored now."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("the filling ahead is PostgreSQL's")
    ids = _three_people(db)
    monkeypatch.setattr(apply, "FILL_AHEAD_ROWS", 1)
    prepare = fill.prepare_fill

    def then_saved(*args: Any) -> fill.PreparedFill | None:
        prepared = prepare(*args)
        with db.session() as other:  # someone gives Anna Liepa a phone meanwhile
            anna = people.get_person(other, ids[1])
            people.update_person(other, ids[1], replace(people.person_input(anna), phone="2000 0009"))
        return prepared

    monkeypatch.setattr(apply, "prepare_fill", then_saved)
    sheet = "Vārds;Uzvārds;Tālrunis;Pašvaldība\nAnna;Liepa;2000 0003;Ķekava\nJānis;Bērziņš;2000 0002;\n"
    with db.session() as s:
        result = apply_plan(s, build_plan(s, read_csv_bytes(sheet.encode("utf-8"))))
    assert {f.person_id: f.fields for f in result.filled} == {ids[1]: ("municipality",), ids[0]: ("phone",)}
    with db.session() as s:
        anna, janis = people.get_person(s, ids[1]), people.get_person(s, ids[0])
        assert (anna.phone, anna.municipality, anna.version) == ("2000 0009", "Ķekava", 3)
        assert (janis.phone, janis.version) == ("2000 0002", 2)


def test_filling_without_objects_writes_what_the_orm_writes(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Linked rows fill empty fields: the fast path (plain UPDATEs grouped by changed columns) and the ORM path
    store the same values, keys, versions, timestamps, log entries and search index."""
    clock.set_clock(datetime(2025, 6, 7, 8, 9, 10))
    ids = _three_people(db)
    sheet = (
        "Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Dzimšanas gads;Piezīmes\n"
        "Jānis;Bērziņš;janis@example.lv;2000 0002;Rīga;v;1980;\n"  # phone, municipality (search text), gender, year
        "Anna;Liepa;jauns@example.lv;;;s;;pirmā\n"  # an e-mail: the search text changes
        "Anna;Liepa;cits@example.lv;2000 0003;Ķekava;;1990;otrā\n"  # the same person again: what is still empty
        "Ilze;Ozoliņa;;+371 2000 0001;;;;\n"  # nothing new
    )
    table = read_csv_bytes(sheet.encode("utf-8"))
    outcomes = []
    ways = ["objects", "rows"] + (["ahead"] if db.engine.dialect.name == "postgresql" else [])
    prepared: list[fill.PreparedFill | None] = []
    prepare = fill.prepare_fill

    def recorded(*args: Any) -> fill.PreparedFill | None:
        prepared.append(prepare(*args))
        return prepared[-1]

    for way in ways:
        if way == "objects":  # the ORM's way, as taken when an organisation is to be filled
            monkeypatch.setattr(fill, "_needs_objects", lambda *_args: True)
        else:
            monkeypatch.undo()
        if way == "ahead":  # PostgreSQL: read and decided by a worker while the new people are COPYed
            monkeypatch.setattr(apply, "FILL_AHEAD_ROWS", 1)
            monkeypatch.setattr(apply, "prepare_fill", recorded)
        with pytest.raises(_RolledBack), db.session() as s:
            result = apply_plan(s, build_plan(s, table))
            outcomes.append((result.filled, result.linked, _stored(s)))
            raise _RolledBack
    assert len(prepared) == (1 if "ahead" in ways else 0) and None not in prepared
    assert all(outcome == outcomes[0] for outcome in outcomes)
    filled, linked, (rows, log, found) = outcomes[1]
    assert linked == 4
    assert {f.person_id: f.fields for f in filled} == {
        ids[0]: ("municipality", "phone", "gender", "birth_year"),
        ids[1]: ("email", "notes", "gender", "municipality", "phone", "birth_year"),
    }
    version = [c.key for c in Person.__table__.columns].index("version")
    assert [r[version] for r in rows] == [2, 2, 1]
    assert found == [ids[1]]
    assert [entry[2:] for entry in log[-2:]] == [
        (ids[0], "updated", "municipality,phone,gender,birth_year"),
        (ids[1], "updated", "email,notes,gender,municipality,phone,birth_year"),
    ]


@pytest.mark.parametrize("organisation", [False, True])
def test_undoing_an_import_empties_what_it_filled_as_a_save_would(db: Database, organisation: bool) -> None:
    """Undo of an import (plain UPDATEs): every field the import filled is empty again and the keys with it, so
    each person's stored row is what it was but for its version (a step each way), with an "updated" log entry
    each way; the search finds nobody by the filled e-mail. With an organisation column the fill took the ORM's
    way."""
    clock.set_clock(datetime(2025, 6, 7, 8, 9, 10))
    ids = _three_people(db)
    with db.session() as s:
        before = [tuple(r) for r in s.execute(select(*Person.__table__.columns).order_by(Person.id))]
    org = ";Organizācija" if organisation else ""
    sheet = (
        f"Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Dzimšanas gads;Piezīmes{org}\n"
        f"Jānis;Bērziņš;janis@example.lv;2000 0002;Rīga;v;1980;{';Zaļā biedrība' if organisation else ''}\n"
        f"Anna;Liepa;jauns@example.lv;;;s;;pirmā{';' if organisation else ''}\n"
        f"Ilze;Ozoliņa;;+371 2000 0001;;;;{';' if organisation else ''}\n"
    )
    with db.session() as s:
        result = apply_plan(s, build_plan(s, read_csv_bytes(sheet.encode("utf-8"))))
    assert {f.person_id for f in result.filled} == {ids[0], ids[1]}
    assert ("organisation_id" in dict((f.person_id, f.fields) for f in result.filled)[ids[0]]) is organisation
    with db.session() as s:
        assert [p.id for p in people.search_people(s, "jauns")] == [ids[1]]
        filled_versions = list(s.scalars(select(Person.version).order_by(Person.id)))
        undo_import(s, None, result)
    with db.session() as s:
        after = [tuple(r) for r in s.execute(select(*Person.__table__.columns).order_by(Person.id))]
        log = [
            (e.person_id, e.action, e.fields) for e in s.scalars(select(PersonalDataLog).order_by(PersonalDataLog.id))
        ]
        assert people.search_people(s, "jauns") == []
        assert [p.id for p in people.search_people(s, "janis berzins")] == [ids[0]]
    keys = [c.key for c in Person.__table__.columns]
    version = keys.index("version")
    changing = {version, keys.index("updated_at")}
    assert [[v for i, v in enumerate(r) if i not in changing] for r in after] == [
        [v for i, v in enumerate(r) if i not in changing] for r in before
    ]
    # a save's version step each way (the ORM's way may step twice when it also makes the organisation)
    assert [r[version] for r in after] == [v + (r[0] in ids[:2]) for r, v in zip(after, filled_versions, strict=True)]
    assert [v > b[version] for v, b in zip(filled_versions, before, strict=True)] == [True, True, False]
    filled = {f.person_id: ",".join(f.fields) for f in result.filled}
    assert log[-2:] == [(pid, "updated", filled[pid]) for pid in ids[:2]]
    assert log[-4:-2] == log[-2:]  # the fill's entries, then the undo's


def _linked_sheet(db: Database, n: int) -> tuple[list[int], bytes]:
    """`n` registered people without a birth year, and a sheet that links each by e-mail and brings one (every
    third also a gender: two sets of changed columns)."""
    with db.session() as s:
        ids = [
            people.create_person(s, PersonInput("Anna", f"Liepa{i}", email=f"anna{i}@example.lv")).id for i in range(n)
        ]
    lines = ["Vārds;Uzvārds;E-pasts;Dzimums;Dzimšanas gads"]
    lines += [f"Anna;Liepa{i};anna{i}@example.lv;{'s' if i % 3 == 0 else ''};{1950 + i}" for i in range(n)]
    return ids, ("\n".join(lines) + "\n").encode("utf-8")


def test_filling_many_linked_people_is_one_update_statement_per_set_of_columns(db: Database) -> None:
    """PostgreSQL fires people's statement triggers (people_words, the team's change notice) once per statement:
    the filled people are one UPDATE per set of changed columns, not one per person (10,000 linked people: 2.5 s ->
    1.5 s). Counted by a statement trigger of the test's own, inside the rolled-back transaction."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("statement triggers: PostgreSQL")
    ids, sheet = _linked_sheet(db, 30)
    with pytest.raises(_RolledBack), db.session() as s:
        run = s.connection().exec_driver_sql
        run("CREATE TEMP TABLE fired (n integer)")
        run("CREATE FUNCTION pg_temp.count_fired() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN INSERT INTO fired VALUES (1); RETURN NULL; END $$")  # fmt: skip
        run("CREATE TRIGGER count_fired AFTER UPDATE ON people "
            "FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_fired()")  # fmt: skip
        result = apply_plan(s, build_plan(s, read_csv_bytes(sheet)))
        assert (result.created, result.linked, len(result.filled)) == (0, 30, 30)
        assert run("SELECT count(*) FROM fired").scalar_one() == 2
        stored = s.execute(select(Person.id, Person.birth_year, Person.gender, Person.version).order_by(Person.id))
        assert [tuple(r) for r in stored] == [
            (pid, 1950 + i, Gender.FEMALE if i % 3 == 0 else None, 2) for i, pid in enumerate(ids)
        ]
        raise _RolledBack


def test_a_linked_person_saved_by_someone_else_meanwhile_stops_the_fill(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between reading the linked people and writing what the file fills, another user saves one of them (a team
    database): the fill must not overwrite that save unseen (the version check the ORM makes), and nothing of the
    import stays."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two writers at once: PostgreSQL (SQLite's import holds the write lock)")
    ids, sheet = _linked_sheet(db, 5)

    def save_meanwhile() -> str:
        with db.engine.begin() as other:
            bump = "UPDATE people SET birth_year = 1900, version = version + 1 WHERE id = :id"
            other.execute(text(bump), {"id": ids[2]})
        return "tester"

    monkeypatch.setattr(fill, "current_user", save_meanwhile)  # called after the read, before the write
    with pytest.raises(AppError) as raised, db.session() as s:
        apply_plan(s, build_plan(s, read_csv_bytes(sheet)))
    assert raised.value.code == "conflict.stale" and isinstance(raised.value.__cause__, StaleDataError)
    with db.session() as s:
        assert list(s.scalars(select(Person.birth_year).order_by(Person.id))) == [None, None, 1900, None, None]


def test_the_fill_checks_every_linked_persons_version_on_sqlite_too(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's fill (the driver's executemany) counts the rows its UPDATE matched, as the ORM's version check does:
    a person whose version moved on between the read and the write stops the import. (Nobody else can write while an
    SQLite import holds the lock: here the import's own transaction moves it.)"""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the other back-ends: test_a_linked_person_saved_by_someone_else_meanwhile_stops_the_fill")
    ids, sheet = _linked_sheet(db, 5)
    with pytest.raises(AppError) as raised, db.session() as s:

        def moved_on() -> str:  # called after the read, before the write
            s.execute(text("UPDATE people SET version = version + 1 WHERE id = :id"), {"id": ids[2]})
            return "tester"

        monkeypatch.setattr(fill, "current_user", moved_on)
        apply_plan(s, build_plan(s, read_csv_bytes(sheet)))
    assert raised.value.code == "conflict.stale" and isinstance(raised.value.__cause__, StaleDataError)
    with db.session() as s:
        assert list(s.scalars(select(Person.version).order_by(Person.id))) == [1] * 5


def _settled(s: Session) -> object:
    """The registry state once two readings in a row agree (PostgreSQL's changes with any write on the server: other
    tests' included)."""
    for _ in range(20):
        state = duplicates.registry_state(s)
        if duplicates.registry_state(s) == state:
            return state
    raise AssertionError("the registry state never settled")


def test_a_second_look_is_needed_only_after_a_change(db: Database) -> None:
    with db.session() as s:
        pid = people.create_person(s, PersonInput("Jānis", "Bērziņš")).id
    with db.session() as s:
        state = _settled(s)
        assert state is not None
        with db.engine.begin() as other:  # another connection commits
            other.execute(text("UPDATE people SET phone = '20000001' WHERE id = :id"), {"id": pid})
        assert duplicates.registry_state(s) != state
        people.create_person(s, PersonInput("Anna", "Liepa"))  # this connection changes something
        state = _settled(s)
        people.create_person(s, PersonInput("Ilze", "Ozola"))  # and again (PostgreSQL: the same transaction id)
        assert duplicates.registry_state(s) != state
    if db.engine.dialect.name == "postgresql":
        # a transaction that had begun writing when the state was read commits afterwards
        with db.engine.connect() as other, db.session() as s:
            other.execute(text("UPDATE people SET phone = '20000002' WHERE id = :id"), {"id": pid})
            state = _settled(s)
            other.commit()
            assert duplicates.registry_state(s) != state


def test_a_person_registered_after_the_plan_is_linked_and_an_unchanged_registry_is_not_looked_up_again(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = "Vārds;Uzvārds;E-pasts\nJānis;Bērziņš;janis@example.lv\nAnna;Liepa;anna@example.lv\n"
    table = read_csv_bytes(sheet.encode("utf-8"))
    looked = []
    recheck = apply._recheck
    monkeypatch.setattr(apply, "_recheck", lambda *a: looked.append(1) or recheck(*a))
    with pytest.raises(_RolledBack), db.session() as s:
        for _ in range(20):  # (PostgreSQL: until no other test wrote between the plan and the store)
            looked.clear()
            plan = build_plan(s, table)
            result = apply_plan(s, plan)
            if not looked:
                break
            s.rollback()
        assert not looked and (result.created, result.linked) == (2, 0)
        raise _RolledBack
    with db.session() as s:
        plan = build_plan(s, table)
        with db.session() as other:  # a second window registers Anna meanwhile
            anna = people.create_person(other, PersonInput("Anna", "Liepa", email="anna@example.lv")).id
        result = apply_plan(s, plan)
    assert looked and (result.created, result.linked) == (1, 1)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.surname == "Liepa")) == 1
        assert anna not in result.created_ids


_ODD_REGISTRY = [
    ("Anna", "Liepa", "anna@example.lv", ""),
    ("Anna", "Liepa", "", "20000001"),
    ("Anna", "Liepa", "", ""),
    ("Anna", "Liepa", "Cita.Anna@Example.lv", "20000009"),
    ("Jānis", "Bērziņš", "ĀDAMS@example.lv", ""),  # casefold beyond ASCII
    ("Jānis", "Bērziņa", " spaced@example.lv ", ""),  # stored with spaces: strip() counts
    ("Straße", "Groß", "STRASSE@example.lv", ""),
    ("Pēteris", "Kalns", "peteris@example.lv", "+371 2000 0002"),
    ("Zane", "Ozola", "Tab\tbed@example.lv", ""),  # a control character: also beyond SQL's folding
    ("Zane", "Ozola", "ZANE@EXAMPLE.LV", "20000010"),
]
_ODD_ROWS = [
    ("Anna", "Liepa", "", ""),
    ("Anna", "Liepa", "anna@example.lv", ""),
    ("Anna", "Liepa", "cits@example.lv", ""),
    ("Anna", "Liepa", "", "20000002"),
    ("Liepa", "Anna", "CITA.ANNA@example.lv", "20000009"),
    ("Cits", "Vārds", "ādams@example.lv", ""),
    ("Jānis", "Bērziņš", "spaced@EXAMPLE.lv", ""),
    ("Jānis", "Bērziņš", "citi@example.lv", ""),
    ("Cits", "Cilvēks", "strasse@example.lv", ""),
    ("Pēteris", "Kalns", "jauns@example.lv", "20000003"),
    ("Pēteris", "Kalns", "", "2000 0002"),
    ("Cita", "Persona", "tab\tbed@example.lv", ""),
    ("Cita", "Persona", "zane@example.lv", ""),
]


def _odd_registry(db: Database) -> list[duplicates.Keys]:
    """People whose e-mails SQL cannot fold as Python does, of one name with and without contacts (anonymised
    ones must never match); the keys of rows to look them up by."""
    with db.session() as s:
        for given, surname, email, phone in [*_ODD_REGISTRY, ("Anna", "Liepa", "anna@example.lv", "20000002")]:
            key, phone_key = person_keys.name_key(given, surname), person_keys.phone_key(phone)
            s.add(
                Person(given_name=given, surname=surname, email=email, phone=phone, name_key=key, phone_key=phone_key)
            )
        s.flush()
        last = s.scalar(select(func.max(Person.id)))
        s.execute(update(Person).where(Person.id == last).values(anonymised_at=clock.now()))
    return [duplicates.Keys.of(given, surname, email, phone) for given, surname, email, phone in _ODD_ROWS]


@pytest.mark.parametrize("few_lacking", [False, True, None])
def test_the_candidates_match_as_the_whole_registry_does(
    db: Database, monkeypatch: pytest.MonkeyPatch, few_lacking: bool | None
) -> None:
    """A large import reads only the people who may match (duplicates._CANDIDATES_SQL, through migration 0018's
    indexes): e-mails beyond printable ASCII or with spaces, people of one name with and without contacts must
    match as when every person is read. Also when every person lacking a contact is read instead of sending the
    names (few_lacking; None: as the count decides)."""
    keys = _odd_registry(db)
    names = {n for k in keys for n in k.names}
    phones = {k.phone for k in keys if k.phone}
    emails = {k.email for k in keys if k.email}
    monkeypatch.setattr(duplicates, "_SCAN_KEYS", 0)
    if few_lacking is not None:
        monkeypatch.setattr(duplicates, "_few_lacking", lambda connection, n: few_lacking)
    with db.session() as s:
        every = duplicates._scan(s, names, phones, emails)  # every person read
        candidates = duplicates.build_index(s, keys)  # the database's candidates
        sql = "SELECT count(*) FROM people WHERE email = '' OR phone_key = ''"
        lacking = s.connection().exec_driver_sql(sql).scalar_one()
        assert lacking > 0  # the lacking arm has people to read
        expected = lacking < len(names) if few_lacking is None else few_lacking
        assert duplicates._few_lacking(s.connection(), len(names)) is expected
    assert [candidates.matches(k) for k in keys] == [every.matches(k) for k in keys]
    if db.engine.dialect.name == "postgresql":  # a large import's look-up in parts (of 1, 2, 3, ... keys)
        with duplicates.PartedLookup(db.engine) as parted:
            start = 0
            for size in range(1, len(keys)):
                parted.send(keys[start : start + size])
                start += size
            in_parts = parted.index()
        assert start >= len(keys) and in_parts.exact
        assert [in_parts.matches(k) for k in keys] == [every.matches(k) for k in keys]
    # the second Jānis and the first Pēteris find nobody: the registered ones have other e-mails (and phone)
    assert [bool(every.matches(k)) for k in keys] == [True] * 7 + [False, True, False, True, True, True]


def test_the_candidates_are_read_through_indexes(db: Database) -> None:
    """SQLite: every part of the candidates' statement is an index look-up (none reads the whole table)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's query plan (PostgreSQL plans by its statistics of the registry)")
    params = dict.fromkeys(("phones", "emails", "names", "names_no_email", "names_no_phone"), '["a"]')
    for sql in (duplicates._CANDIDATES_SQL["sqlite"], duplicates._CANDIDATES_LACKING_SQL["sqlite"]):
        with db.session() as s:
            plan = s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
            steps = [str(row[-1]) for row in plan]
        people = [step for step in steps if " people " in f"{step} "]
        assert len(people) == 6 and all(step.startswith("SEARCH people USING INDEX")
                                        or "ix_people_dup_email_odd" in step or "ix_people_dup_name" in step
                                        for step in people), steps  # fmt: skip
        assert any("ix_people_dup_email " in f"{step} " for step in people)
        assert any("ix_people_dup_name " in f"{step} " for step in people)


def test_a_forms_lookup_matches_e_mails_as_the_whole_registry_does(db: Database) -> None:
    """A few keys (a form, a short file) are looked up key by key; their e-mails through lower(email) and the people
    whose e-mail SQL cannot fold (migration 0018's indexes): the same matches as reading everyone."""
    keys = _odd_registry(db)
    with db.session() as s:
        for k in keys:
            every = duplicates._scan(s, set(k.names), {k.phone} - {""}, {k.email} - {""})
            assert duplicates.build_index(s, [k]).matches(k) == every.matches(k), k


def test_the_page_cache_is_the_connections_own_again_after_an_import_and_its_undo(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite page cache")
    with db.session() as s:
        before = s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        with people_insert.page_cache(s, 64):
            assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -64 * 1024
        result = apply_plan(s, build_plan(s, read_csv_bytes(SHEET.encode("utf-8"))))
        assert (result.created, result.linked) == (5, 2)
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before
        sizes = []
        monkeypatch.setattr(  # the undo deletes with the import's cache
            apply, "_undo", lambda *a: sizes.append(s.connection().exec_driver_sql("PRAGMA cache_size").scalar())
        )
        undo_import(s, None, result)
        assert sizes == [-apply._CACHE_MIB * 1024]
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == before


def _matches_by_walking(index: duplicates.KeyIndex, keys: duplicates.Keys) -> dict[int, list[str]]:
    """The matching rule as first written: every person of each name tested against the row's contacts."""
    found: dict[int, list[str]] = {}
    for pid in index.by_email.get(keys.email, []) if keys.email else []:
        found.setdefault(pid, []).append(duplicates.REASON_EMAIL)
    for pid in index.by_phone.get(keys.phone, []) if keys.phone else []:
        found.setdefault(pid, []).append(duplicates.REASON_PHONE)
    for name in keys.names:
        for pid in index.by_name.get(name, []):
            email, phone = index.contacts.get(pid, ("", ""))
            conflict = (keys.email and email and email != keys.email) or (keys.phone and phone and phone != keys.phone)
            if (pid in found or not conflict) and duplicates.REASON_NAME not in found.get(pid, []):
                found.setdefault(pid, []).append(duplicates.REASON_NAME)
    return found


@pytest.mark.parametrize("exact", [True, False])
def test_matching_by_name_buckets_is_the_walk_over_every_person(exact: bool) -> None:
    """KeyIndex.matches takes the people of a name from buckets by which contacts they lack; it finds what
    walking every person of the name finds, with the same reasons in the same order (random registries)."""
    rnd = random.Random(19)
    names = ["anna liepa", "liepa anna", "janis berzins", "berzins janis", "ilze ozola"]
    emails, phones = ["", "a@x.lv", "b@x.lv", "c@x.lv"], ["", "20000001", "20000002"]
    for _ in range(300):
        index = duplicates.KeyIndex(exact=exact)
        for pid in range(1, rnd.randint(2, 30)):
            name, email, phone = rnd.choice(names), rnd.choice(emails), rnd.choice(phones)
            index.by_name[name].append(pid)
            index.contacts[pid] = (email, phone)
            if email and (exact or rnd.random() < 0.7):  # the per-key queries may miss an e-mail (not exact)
                index.by_email[email].append(pid)
            if phone:
                index.by_phone[phone].append(pid)
        for _ in range(10):
            keys = duplicates.Keys(tuple(rnd.sample(names, rnd.randint(0, 3))), rnd.choice(emails), rnd.choice(phones))
            expected = _matches_by_walking(index, keys)
            got = index.matches(keys)
            assert got == expected
            if exact:
                assert list(got) == list(expected)


def test_an_import_logs_each_person_it_created_once(db: Database) -> None:
    """One "imported" entry per created person, theirs and in id order, whether the ids are one run (one INSERT …
    SELECT of those people) or not (PostgreSQL's sequence may leave gaps: an entry of parameters each)."""
    clock.set_clock(datetime(2025, 6, 7, 8, 9, 10))
    ids = _three_people(db)
    sheet = "Vārds;Uzvārds;E-pasts\nJānis;Bērziņš;janis@example.lv\nPēteris;Kalniņš;\nŽanna;Ķuze;\nInga;Vīksna;\n"
    with db.session() as s:
        result = apply_plan(s, build_plan(s, read_csv_bytes(sheet.encode("utf-8"))))
    assert result.linked == 1 and len(result.created_ids) == 3 and ids[0] not in result.created_ids
    made = list(result.created_ids)
    with db.session() as s:
        apply._log_imported(s, [made[0], made[2]], clock.now(), "cits")  # a gap
    with db.session() as s:
        columns = (PersonalDataLog.at, PersonalDataLog.actor, PersonalDataLog.person_id, PersonalDataLog.action)
        log = s.execute(select(*columns).where(PersonalDataLog.action == "imported").order_by(PersonalDataLog.id))
        assert [tuple(r) for r in log] == [
            *((datetime(2025, 6, 7, 8, 9, 10), current_user(), pid, "imported") for pid in made),
            *((datetime(2025, 6, 7, 8, 9, 10), "cits", pid, "imported") for pid in (made[0], made[2])),
        ]
