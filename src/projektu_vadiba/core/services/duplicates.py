"""Likely duplicates: the same name (case, spacing and diacritics do not matter, either order of the two parts, the
surname in either gender form: Bērziņa == Bērziņš, core.surname_forms),
the same e-mail (case does not matter) or the same phone number (digits only, without +371).

A few keys (a form) are looked up through the indexed key columns (name_key, phone_key, lower(email)); many (an
import) by one statement through the same indexes that returns only the people who may match, so checking a
10,000-row import against 100,000 people costs one query, not one per row, and reads ~1,000 people, not 100,000.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, func, literal_column, select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core import person_keys
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.dto_people import DuplicateCandidate
from projektu_vadiba.core.fast_init import fast_init
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.models import Person
from projektu_vadiba.core.services.people import people_by_ids

# Messages: Latvian strings for every reader, rendered in the UI's language where shown.
REASON_NAME = Message("duplicate.same_name")
REASON_EMAIL = Message("duplicate.same_email")
REASON_PHONE = Message("duplicate.same_phone")
_CHUNK = 500
_SCAN_KEYS = 5000  # more keys than this: one statement for all of them (_candidates) beats a query per chunk
# Plain SQL without parameters: the same text on every back-end, no statement to compile.
_SCAN_SQL = "SELECT id, name_key, email, phone_key, given_name, surname FROM people WHERE anonymised_at IS NULL"
# E-mails are looked up by lower(email), ASCII letters folded only (SQLite's lower(); PostgreSQL's under "C"), through
# migration 0018's expression index: equal to the key (strip().casefold()) for an e-mail of printable ASCII without
# spaces. Every other e-mail ("odd": a space, a letter beyond ASCII) is read through 0018's partial index and compared
# in Python. The expressions are the indexes' own text: a planner uses an index only for its own expression.
_LOWER_EMAIL = {"sqlite": "lower(email)", "postgresql": 'lower(email COLLATE "C")'}
_ODD_EMAIL = {"sqlite": "email GLOB '*[^!-~]*'", "postgresql": "email COLLATE \"C\" ~ '[^!-~]'"}
# Many keys (an import): the people who may match, in one statement of indexed look-ups, a superset of the matches
# filtered exactly in Python as a pass over everyone is (_indexed): the same phone key; the same e-mail (above); a
# person of a row's name unless their contacts conflict with every such row's (an e-mail or phone both sides have and
# that differ), matches by e-mail or phone coming back through those keys. Each key list is bound once as a JSON
# array, read as a set the index is probed with. Not `= ANY` of an array on PostgreSQL: the planner estimates every
# element of a 100,000-element constant (2.5 s at 1,000,000 people) and then scans the table; and psycopg sends a
# list of 200,000 names as an array literal 3-5 times slower than json.dumps and the server's JSON parser.
_ARMS = (
    "phone_key IN {phones}",
    "{lower} IN {emails}",
    "{odd}",
    # A person of a row's name: where the row lacks an e-mail (or a phone), any whose phone (e-mail) cannot conflict;
    # otherwise only those lacking one themselves, through 0018's partial index on name_key (its condition stated).
    "name_key IN {names_no_email} AND (phone_key = '' OR name_key IN {names_no_phone})",
    "name_key IN {names_no_phone} AND (email = '' OR name_key IN {names_no_email})",
    "name_key IN {names} AND (email = '' OR phone_key = '')"
    " AND (email = '' OR name_key IN {names_no_email}) AND (phone_key = '' OR name_key IN {names_no_phone})",
)
_LISTS = ("phones", "emails", "names", "names_no_email", "names_no_phone")
# The last arm when fewer people lack a contact than the file has name keys (a registry where nearly everyone has
# both; the generated ones): all of them through 0018's partial index (its own condition), filtered in Python as
# every arm's rows are, instead of sending every name key (10,000 rows: 40,000 keys, ~40 ms of JSON). More people
# than an arm returns only add people whom reading everyone would bring too: the matches stay the same.
_ARM_LACKING = {
    "sqlite": "people INDEXED BY ix_people_dup_name WHERE anonymised_at IS NULL AND (email = '' OR phone_key = '')",
    "postgresql": "people WHERE anonymised_at IS NULL AND (email = '' OR phone_key = '')",
}
# At most `n` steps through the same partial index (anonymised people counted too: it only errs towards the names).
_COUNT_LACKING = "SELECT count(*) FROM (SELECT 1 FROM people WHERE email = '' OR phone_key = '' LIMIT :n) AS lacking"


def _candidates_sql(dialect: str, lacking: bool = False) -> str:
    if dialect == "sqlite":
        lists = {k: f"(SELECT value FROM json_each(:{k}))" for k in _LISTS}
    else:
        lists = {k: f"(SELECT json_array_elements_text(%({k})s::json))" for k in _LISTS}
    # The names too: the plan shows the people its rows link to, and they are on the rows read anyway.
    select = "SELECT id, name_key, email, phone_key, given_name, surname FROM people WHERE anonymised_at IS NULL AND "
    arms = [select + arm.format(lower=_LOWER_EMAIL[dialect], odd=_ODD_EMAIL[dialect], **lists) for arm in _ARMS]
    if lacking:
        arms[-1] = "SELECT id, name_key, email, phone_key, given_name, surname FROM " + _ARM_LACKING[dialect]
    return "\nUNION ".join(arms) + "\nORDER BY id"


_CANDIDATES_SQL = {dialect: _candidates_sql(dialect) for dialect in ("sqlite", "postgresql")}
_CANDIDATES_LACKING_SQL = {dialect: _candidates_sql(dialect, True) for dialect in ("sqlite", "postgresql")}


def _few_lacking(connection: Connection, names: int) -> bool:
    """Whether fewer people lack an e-mail or a phone than there are `names` keys to send."""
    return int(connection.execute(text(_COUNT_LACKING), {"n": names}).scalar_one()) < names


@fast_init  # made once per row of an import
@dataclass(frozen=True, slots=True)
class Keys:
    """The keys one person (a form, a file row) is matched by."""

    names: tuple[str, ...]  # "given surname" and "surname given"
    email: str
    phone: str

    @classmethod
    def of(cls, given: str, surname: str, email: str, phone: str) -> Keys:
        # Every gender form of the surname (Anna Bērziņa is looked up as Anna Bērziņš too), either order.
        names = person_keys.name_key_forms(given, surname)
        return cls(names, person_keys.email_key(email), person_keys.phone_key(phone))


@dataclass
class KeyIndex:
    """Existing people by key: built once for a whole import (filled first, then matched)."""

    by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_email: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_phone: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    contacts: dict[int, tuple[str, str]] = field(default_factory=dict)  # id -> (e-mail key, phone key)
    # by_email / by_phone hold everyone of those keys (the one-pass look-ups: e-mails compared by their exact key)
    exact: bool = False
    # id -> (given name, surname) of everyone in the index, where the look-up brought them (the one-pass ones)
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)
    _named: _NameBuckets | None = field(default=None, init=False, repr=False, compare=False)

    def matches(self, keys: Keys) -> dict[int, list[str]]:
        """person id -> reasons, in the order of the keys' strength (e-mail, phone, name). Two people of one name
        with different e-mails or phones (both known) are two people."""
        email, phone = keys.email, keys.phone
        # Nearly every row of an import is nobody yet: none of its keys was found, so nothing below can match (every
        # name bucket is made of by_name's people). Matching a 10,000-row file: 21-23 ms -> 9-13 ms.
        if (
            (not email or email not in self.by_email)
            and (not phone or phone not in self.by_phone)
            and self.by_name.keys().isdisjoint(keys.names)
        ):
            return {}
        found: dict[int, list[str]] = {}
        for pid in self.by_email.get(email, ()) if email else ():
            found[pid] = [REASON_EMAIL]
        for pid in self.by_phone.get(phone, ()) if phone else ():
            if pid in found:
                found[pid].append(REASON_PHONE)
            else:
                found[pid] = [REASON_PHONE]
        named = self.name_buckets()
        if found:  # found by a contact: their name is one more reason
            name_of = named.name_of
            for pid, reasons in found.items():
                if name_of.get(pid) in keys.names:
                    reasons.append(REASON_NAME)
        # The others of the row's names whose contacts cannot conflict with the row's: where the row has an e-mail,
        # only people without one (one with the same e-mail was found by it), the same for the phone. In the
        # order of the names and of the people under each (as one walk over by_name testing each person).
        bucket = named.none if email and phone else named.no_email if email else named.no_phone if phone else None
        contacts = self.contacts
        for name in keys.names:
            for pid in (bucket if bucket is not None else self.by_name).get(name, ()):
                if pid not in found:
                    found[pid] = [REASON_NAME]
            # People of the name with the row's e-mail or phone that the contact look-up did not bring (the per-key
            # queries compare e-mails by SQL's ASCII-only lower()): the same name test.
            if self.exact:
                continue
            same = [*named.with_email.get((name, email), ()), *named.with_phone.get((name, phone), ())]
            for pid in same:
                if pid not in found:
                    known_email, known_phone = contacts.get(pid, ("", ""))
                    if not (
                        (email and known_email and known_email != email)
                        or (phone and known_phone and known_phone != phone)
                    ):
                        found[pid] = [REASON_NAME]
        return found

    def name_buckets(self) -> _NameBuckets:
        """The people of by_name by the contacts they lack (made at the first call)."""
        if self._named is not None:
            return self._named
        named = _NameBuckets()
        for name, ids in self.by_name.items():
            for pid in ids:
                named.name_of[pid] = name
                email, phone = self.contacts.get(pid, ("", ""))
                if not email:
                    named.no_email[name].append(pid)
                if not phone:
                    named.no_phone[name].append(pid)
                if not email and not phone:
                    named.none[name].append(pid)
                if email and not self.exact:
                    named.with_email[name, email].append(pid)
                if phone and not self.exact:
                    named.with_phone[name, phone].append(pid)
        self._named = named
        return named


@dataclass
class _NameBuckets:
    """The people of each name key without an e-mail, without a phone, without either, with a given e-mail, with a
    given phone; each person's name key."""

    no_email: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    no_phone: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    none: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    with_email: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    with_phone: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    name_of: dict[int, str] = field(default_factory=dict)


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(values))
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


# PostgreSQL's registry state: the server's snapshot (equal to a later one only if no transaction on the server
# finished or took a transaction id in between: one that changed people would have done both), and the people rows
# this transaction has inserted, updated or deleted itself (its own changes leave its snapshot as it was). Any
# write anywhere on the server, even in another database, makes the import look again: never a change missed.
_PG_STATE = (
    "SELECT inet_server_addr()::text, inet_server_port(), current_database()::text, pg_current_snapshot()::text, "
    "pg_stat_get_xact_tuples_inserted('people'::regclass), pg_stat_get_xact_tuples_updated('people'::regclass), "
    "pg_stat_get_xact_tuples_deleted('people'::regclass)"
)


def registry_state(session: Session) -> object | None:
    """A token equal to a later one only if nobody changed the database in between, or None where that cannot be
    told cheaply. SQLite: the same connection, no commit by any other (PRAGMA data_version) and no change by itself
    (total_changes). PostgreSQL: _PG_STATE. An import checks this before looking up the registry a second time
    under its write lock."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        return tuple(connection.exec_driver_sql(_PG_STATE).one())
    if connection.dialect.name != "sqlite":
        return None
    pooled = connection.connection
    raw: Any = pooled.dbapi_connection
    # The pool keeps `info` as long as the driver's connection lives: a new connection gets a new marker.
    marker = pooled.info.setdefault("registry_state", object())
    version = connection.exec_driver_sql("PRAGMA data_version").scalar()
    return marker, version, raw.total_changes


def build_index(session: Session, all_keys: Iterable[Keys]) -> KeyIndex:
    """Look up every key of `all_keys` among the people not anonymised."""
    keys = list(all_keys)
    names, phones, emails = _key_sets(keys)
    bind = session.get_bind().dialect
    if len(emails) > _CHUNK or len(names) + len(phones) > _SCAN_KEYS:
        if bind.name == "sqlite" or (bind.name == "postgresql" and bind.driver == "psycopg"):
            return _candidates(session, keys, names, phones, emails)
        return _scan(session, names, phones, emails)
    index = KeyIndex()
    live = Person.anonymised_at.is_(None)
    # Core execution on the session's connection: plain tuples, no ORM row processing (a common name can bring
    # back hundreds of people per key).
    run = session.connection().execute
    for chunk in _chunks(names):
        stmt = select(Person.id, Person.name_key, Person.email, Person.phone_key)
        for pid, key, email, phone in run(stmt.where(live, Person.name_key.in_(chunk))):
            index.by_name[key].append(pid)
            index.contacts[pid] = (person_keys.email_key(email), phone)
    for chunk in _chunks(phones):
        for pid, key in run(select(Person.id, Person.phone_key).where(live, Person.phone_key.in_(chunk))):
            index.by_phone[key].append(pid)
    if emails:
        _emails_of(session, index, emails)
    return index


def _emails_of(session: Session, index: KeyIndex, emails: set[str]) -> None:
    """`index.by_email` for a few e-mail keys: the people with an ASCII e-mail of one of the keys (lower(email) in
    SQL, through its index), and those whose e-mail SQL cannot fold (_ODD_EMAIL, a partial index), matched here by
    the key itself. Other back-ends: lower() of each e-mail, its key compared here."""
    run = session.connection().execute
    live = Person.anonymised_at.is_(None)
    name = session.get_bind().dialect.name
    lower = literal_column(_LOWER_EMAIL[name]) if name in _LOWER_EMAIL else func.lower(Person.email)
    for chunk in _chunks(emails):
        rows = run(select(Person.id, Person.email).where(live, lower.in_([e.lower() for e in chunk])))
        for pid, email in rows:
            index.by_email[person_keys.email_key(email)].append(pid)
    if name in _ODD_EMAIL:
        for pid, email in run(select(Person.id, Person.email).where(live, text(_ODD_EMAIL[name]))):
            key = person_keys.email_key(email)
            if key in emails and pid not in index.by_email[key]:
                index.by_email[key].append(pid)


def _scan(session: Session, names: set[str], phones: set[str], emails: set[str]) -> KeyIndex:
    """The index for a large import: one pass over the registry instead of a query per 500 keys (a 10,000-row
    file has ~18,000 name keys, direct and swapped, and e-mails that no index serves: measured in
    docs/benchmarks.md). The rows come straight from the driver's cursor: a plain SELECT without parameters (the
    same on every back-end), 100,000 rows that need no type conversion."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_SCAN_SQL)
        return _indexed(cursor, names, phones, emails)
    finally:
        cursor.close()


def _candidates(session: Session, keys: list[Keys], names: set[str], phones: set[str], emails: set[str]) -> KeyIndex:
    """`_scan` through the indexes: the database sends only the people who may match (_CANDIDATES_SQL)."""
    connection = session.connection()
    statement, params = _candidates_statement(connection, keys, names, phones, emails)
    if connection.dialect.name == "sqlite":
        cursor = connection.connection.cursor()
        try:
            cursor.execute(statement, params)
            return _indexed(cursor, names, phones, emails)
        finally:
            cursor.close()
    driver: Any = connection.connection.driver_connection
    with driver.cursor() as pg_cursor:
        # Not prepared: a statement of this size is not run again in the session.
        pg_cursor.execute(statement, params, prepare=False)
        return _indexed(pg_cursor, names, phones, emails)


def _candidates_statement(
    connection: Connection, keys: list[Keys], names: set[str], phones: set[str], emails: set[str]
) -> tuple[str, dict[str, str]]:
    """_CANDIDATES_SQL (or _CANDIDATES_LACKING_SQL) for the connection's back-end, and its key lists."""
    # In any order: each list becomes a hashed set on the server (sorting 300,000 keys took 0.3 s).
    few = _few_lacking(connection, len(names))
    lists = {
        "phones": list(phones),
        "emails": list(emails),
        "names": [] if few else list(names),  # not in the statement
        "names_no_email": list({n for k in keys if not k.email for n in k.names}),
        "names_no_phone": list({n for k in keys if not k.phone for n in k.names}),
    }
    statements = _CANDIDATES_LACKING_SQL if few else _CANDIDATES_SQL
    return statements[connection.dialect.name], {k: json.dumps(v) for k, v in lists.items()}


def _key_sets(keys: list[Keys]) -> tuple[set[str], set[str], set[str]]:
    """The name keys, phone keys and e-mail keys of `keys`."""
    names = {n for k in keys for n in k.names}
    phones = {k.phone for k in keys if k.phone}
    emails = {k.email for k in keys if k.email}
    return names, phones, emails


# At least this many rows, on PostgreSQL: the look-up in parts, sent while the rest is read (PartedLookup).
PARTED_ROWS = 20_000


class PartedLookup:
    """PostgreSQL, a large import: the one-statement look-up (_candidates) of each part of a file's keys, on a
    connection of its own in a worker thread, while the plan reads the next part. The driver lets go of Python's
    lock while the server works, so the server's index probes (0.6-0.7 s for 100,000 rows into 1,000,000) overlap
    the reading of the rows instead of following it. Each part's statement brings every person its own rows may
    match (the arms test each row's keys against that row's contacts), so their union holds everyone any row may
    match, and the index is exact as _candidates' is (one statement for all rows may bring a few namesakes more,
    whom no row matches). The plan checks the registry's state before
    the first part is sent, so a change made meanwhile on the server is seen as one (registry_state). Use as a
    context manager: leaving it waits for the part under way and gives the connection back."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="pv-lookup")
        self._parts: list[Future[list[tuple[Any, ...]]]] = []
        self._keys: list[Keys] = []
        self._connection: Connection | None = None

    def __enter__(self) -> PartedLookup:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)
        if self._connection is not None:
            self._connection.close()

    def send(self, keys: list[Keys]) -> None:
        """Look up these keys (a part of the file's) in the background."""
        if keys:
            self._keys += keys
            self._parts.append(self._worker.submit(self._look_up, keys))

    def _look_up(self, keys: list[Keys]) -> list[tuple[Any, ...]]:
        if self._connection is None:
            self._connection = self._engine.connect()
        connection = self._connection
        statement, params = _candidates_statement(connection, keys, *_key_sets(keys))
        driver: Any = connection.connection.driver_connection
        with driver.cursor() as cursor:
            cursor.execute(statement, params, prepare=False)
            rows: list[tuple[Any, ...]] = cursor.fetchall()
        connection.rollback()  # (read only: nothing to keep, no transaction left open between parts)
        return rows

    def index(self) -> KeyIndex:
        """The index of every part sent, once they are all back."""
        rows: dict[int, tuple[Any, ...]] = {}
        for part in self._parts:
            for row in part.result():
                rows[row[0]] = row
        names, phones, emails = _key_sets(self._keys)
        return _indexed_rows([sorted(rows.values())], names, phones, emails)  # in id order, as one statement's


def _indexed(cursor: Any, names: set[str], phones: set[str], emails: set[str]) -> KeyIndex:
    """The index of the rows (id, name key, e-mail, phone key, given name, surname) the cursor returns."""
    return _indexed_rows(iter(lambda: cursor.fetchmany(10_000), []), names, phones, emails)


def _indexed_rows(batches: Iterable[Sequence[Any]], names: set[str], phones: set[str], emails: set[str]) -> KeyIndex:
    """The index of the rows (id, name key, e-mail, phone key, given name, surname) of `batches`."""
    index = KeyIndex(exact=True)  # every person of the keys comes back, each e-mail compared by its key here
    by_name, by_phone, by_email, contacts = index.by_name, index.by_phone, index.by_email, index.contacts
    labels = index.labels
    email_key = person_keys.email_key  # one rule for e-mails everywhere; a local name for 100,000 calls
    for rows in batches:
        for pid, name, email, phone, given, surname in rows:
            key = email_key(email) if email else ""
            found = False
            if name in names:
                by_name[name].append(pid)
                contacts[pid] = (key, phone)
                found = True
            if phone in phones:
                by_phone[phone].append(pid)
                found = True
            if key in emails:
                by_email[key].append(pid)
                found = True
            if found:
                labels[pid] = (given, surname)
    return index


def find_duplicates(
    session: Session, data: PersonInput, exclude_id: int | None = None, limit: int = 10
) -> list[DuplicateCandidate]:
    """Existing people who are probably the person in `data` (a form being saved), strongest match first."""
    keys = Keys.of(data.given_name, data.surname, data.email, data.phone)
    found = build_index(session, [keys]).matches(keys)
    if exclude_id is not None:
        found.pop(exclude_id, None)
    if not found:
        return []
    ranked = sorted(found, key=lambda pid: (-len(found[pid]), pid))[:limit]
    people = {p.id: p for p in people_by_ids(session, ranked)}
    return [DuplicateCandidate(people[pid], tuple(found[pid])) for pid in ranked if pid in people]


def duplicate_groups(session: Session, limit: int = 200) -> list[list[DuplicateCandidate]]:
    """Groups of people in the registry who share a name, e-mail or phone: the list to tidy up with merges."""
    live = Person.anonymised_at.is_(None)
    groups: list[set[int]] = []
    reason_of: dict[int, set[str]] = defaultdict(set)
    for column, reason in ((Person.name_key, REASON_NAME), (Person.phone_key, REASON_PHONE)):
        shared = select(column).where(live, column != "").group_by(column).having(func.count() > 1).limit(limit)
        members: dict[str, set[int]] = defaultdict(set)
        for pid, key in session.execute(select(Person.id, column).where(live, column.in_(shared))):
            members[key].add(pid)
            reason_of[pid].add(reason)
        groups.extend(members.values())
    email = func.lower(Person.email)
    shared_email = select(email).where(live, Person.email != "").group_by(email).having(func.count() > 1).limit(limit)
    members_e: dict[str, set[int]] = defaultdict(set)
    for pid, key in session.execute(select(Person.id, email).where(live, email.in_(shared_email))):
        members_e[key].add(pid)
        reason_of[pid].add(REASON_EMAIL)
    groups.extend(members_e.values())
    merged: list[set[int]] = []  # groups sharing a person are one group
    for g in groups:
        overlapping = [m for m in merged if m & g]
        for m in overlapping:
            merged.remove(m)
            g = g | m
        merged.append(set(g))
    people = {p.id: p for p in people_by_ids(session, sorted({pid for g in merged for pid in g}))}
    out = [[DuplicateCandidate(people[pid], tuple(sorted(reason_of[pid]))) for pid in sorted(g)] for g in merged]
    return sorted(out, key=lambda g: person_keys.sort_key(g[0].person.surname, g[0].person.given_name))[:limit]
