"""Checking an import before anything is stored: every row validated (messages carry the spreadsheet's row
number), likely duplicates found among the people already registered and earlier rows of the same file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import repeat, zip_longest

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock, person_keys
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.errors import AppError, ValidationError
from projektu_vadiba.core.fast_init import fast_init
from projektu_vadiba.core.imports.gc_pause import gc_paused
from projektu_vadiba.core.imports.mapping import (
    FIELD_BY_KEY,
    FIELDS,
    IGNORE,
    guess_mapping,
    parse_gender,
    parse_role,
    parse_status,
    parse_yes_no,
    split_full_name,
)
from projektu_vadiba.core.imports.readers import RawTable
from projektu_vadiba.core.messages import Message, as_message, render, text_of
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, Event, Person
from projektu_vadiba.core.services.duplicates import PARTED_ROWS, Keys, PartedLookup, build_index, registry_state
from projektu_vadiba.core.services.people import is_tidy, validate_person

Progress = Callable[[int, int], bool | None]  # (done, total) -> False to cancel


class ImportCancelled(AppError):
    def __init__(self) -> None:
        super().__init__(code="import.cancelled")


class Choice(StrEnum):
    LINK = "link"  # a likely duplicate: use the existing person (or the earlier row's)
    CREATE = "create"  # a different person after all: create a new one


@fast_init  # made once per row of an import
@dataclass(frozen=True, slots=True)
class PlannedRow:
    row: int  # spreadsheet row number (header = its own row number, usually 1)
    person: PersonInput
    status: AttendanceStatus | None
    role: AttendanceRole | None
    problems: tuple[str, ...] = ()
    existing_id: int | None = None  # a registered person this row probably is
    existing_name: str = ""
    reasons: tuple[str, ...] = ()
    same_as_row: int | None = None  # an earlier row of the file with the same person
    # What the row was matched by (valid rows): storing it uses them again. Derived, so not part of equality.
    keys: Keys | None = field(default=None, compare=False, repr=False)
    # (search text, sort key) of the person as a new record, where the plan made them while its look-up was on the
    # server (PartedLookup): storing the row uses them. Derived, so not part of equality.
    stored: tuple[str, str] | None = field(default=None, compare=False, repr=False)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def is_duplicate(self) -> bool:
        return self.existing_id is not None or self.same_as_row is not None


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]
    mapping: tuple[str, ...]
    header_row: int
    event_id: int | None = None
    problems: tuple[str, ...] = field(default=())  # about the whole file (mapping)
    # The registry as it was looked up (duplicates.registry_state): storing need not look again if it still is.
    registry_state: object = field(default=None, compare=False, repr=False)

    @property
    def invalid(self) -> list[PlannedRow]:
        return [r for r in self.rows if not r.valid]

    @property
    def duplicates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.valid and r.is_duplicate]

    def messages(self, lang: str = "lv") -> list[str]:
        """Every problem, one line each: '7. rinda: “jānis@” nav derīga e-pasta adrese.' (in `lang`)"""
        out = [text_of(m, lang) for m in self.problems]
        for r in self.rows:
            out.extend(render("import.row", {"row": r.row, "text": text_of(m, lang)}, lang) for m in r.problems)
        return out


# A cell that is not one of the parser's words is refused with the catalogue's "import.bad_value.<key>".
_CODED: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("gender", parse_gender),
    ("consent_data", parse_yes_no),
    ("consent_photo", parse_yes_no),
    ("status", parse_status),
    ("role", parse_role),
)
_INVALID = object()


@lru_cache(maxsize=4096)  # coded columns hold a handful of distinct texts ("s", "v", "jā"): parse each once
def _coded(key: str, text: str) -> object:
    """The parsed value of a coded cell, _INVALID when the text is not one."""
    if not text:
        return None  # every parser reads an empty cell as "not given"
    parser = next(p for k, p in _CODED if k == key)
    try:
        return parser(text)
    except ValueError:
        return _INVALID


@lru_cache(maxsize=16384)  # years repeat
def _birth_year(text: str) -> object:
    """A birth-year cell's year ("1987", or a date of birth "12.05.1987"), None when empty, _INVALID otherwise."""
    if not text:
        return None
    digits = text.replace(" ", "")
    try:
        return int(digits[-4:]) if len(digits) > 4 and digits[-4:].isdigit() else int(digits)
    except ValueError:
        return _INVALID


class _Columns:
    """Where each mapped field is in a row: looked up once per file, not once per cell."""

    def __init__(self, mapping: Sequence[str]) -> None:
        index: dict[str, int] = {}
        for i, key in enumerate(mapping):
            if key != IGNORE:
                index.setdefault(key, i)
        self.index = index
        self.pairs = tuple(index.items())
        self.full_name = "full_name" in index
        self.coded = tuple(key for key, _parser in _CODED if key in index)

    def values(self, cells: Sequence[str]) -> dict[str, str]:
        """field key -> stripped cell text, for the mapped fields (a short row lacks its last cells)."""
        n = len(cells)
        return {key: cells[i].strip() if i < n else "" for key, i in self.pairs}


def _parse_row(
    cells: Sequence[str], columns: _Columns, this_year: int
) -> tuple[PersonInput, AttendanceStatus | None, AttendanceRole | None, tuple[str, ...]]:
    """One row checked: (person, status, role, problems). `this_year`: for `is_tidy`."""
    problems: list[str] = []
    values = columns.values(cells)
    get = values.get
    given, surname = get("given_name", ""), get("surname", "")
    if columns.full_name and not (given or surname):
        given, surname = split_full_name(values["full_name"])
    coded: dict[str, object] = dict.fromkeys(("gender", "consent_data", "consent_photo", "status", "role"))
    for key in columns.coded:  # the fields not mapped stay None
        text = values[key]
        value = _coded(key, text)
        if value is _INVALID:
            problems.append(Message(f"import.bad_value.{key}", field=f"label.import.{key}", text=text))
            value = None
        coded[key] = value
    birth_text = get("birth_year", "")
    birth_year = _birth_year(birth_text)
    if birth_year is _INVALID:
        problems.append(Message("import.bad_birth_year", text=birth_text))
        birth_year = None
    data = PersonInput(
        given_name=given,
        surname=surname,
        organisation_name=get("organisation_name", ""),
        municipality=get("municipality", ""),
        email=get("email", ""),
        phone=get("phone", ""),
        gender=coded["gender"],  # type: ignore[arg-type]
        birth_year=birth_year,  # type: ignore[arg-type]
        age_group=get("age_group", ""),
        target_group=get("target_group", ""),
        consent_data=coded["consent_data"],  # type: ignore[arg-type]
        consent_photo=coded["consent_photo"],  # type: ignore[arg-type]
        notes=get("notes", ""),
    )
    if not is_tidy(data, this_year):  # a clean row (nearly every one) skips building the problems it has not
        try:
            data = validate_person(data)
        except ValidationError as exc:
            problems.extend(as_message(p) for p in exc.problems)
    return data, coded["status"], coded["role"], tuple(problems)  # type: ignore[return-value]


Parsed = tuple[PersonInput, AttendanceStatus | None, AttendanceRole | None, tuple[str, ...]]
_TEXTS = ("organisation_name", "municipality", "email", "phone")  # PersonInput's texts after the names, in order
_LATER_TEXTS = ("age_group", "target_group")  # ... after the gender and the birth year


def _parse_rows(rows: Sequence[Sequence[str]], columns: _Columns, this_year: int) -> list[Parsed]:
    """`_parse_row` of each row, made column by column: each mapped column stripped and parsed in one pass, a
    PersonInput made for each row from the columns, kept when `is_tidy` says it is as `validate_person` would leave
    it. A row that needs more (a full name to split, a cell that is no gender or year, anything `is_tidy` does not
    vouch for) is parsed by `_parse_row` itself, so both ways give the same (tests/core/test_import_parse.py);
    the column way takes ~5 µs a row instead of ~9 (10,000 rows: 51 ms against 88)."""
    n = len(rows)
    cells = list(zip_longest(*rows, fillvalue=""))  # one tuple per column (short rows padded)
    blank = ("",) * n
    index = columns.index

    def texts(key: str) -> Sequence[str]:
        at = index.get(key)
        return list(map(str.strip, cells[at])) if at is not None and at < len(cells) else blank

    redo: set[int] = set()  # rows for _parse_row
    coded: dict[str, Sequence[object]] = {}
    for key, _parser in _CODED:
        if key not in columns.coded:
            coded[key] = (None,) * n
            continue
        values = list(map(_coded, repeat(key, n), texts(key)))
        if any(v is _INVALID for v in values):
            redo.update(i for i, v in enumerate(values) if v is _INVALID)
            values = [None if v is _INVALID else v for v in values]
        coded[key] = values
    years = list(map(_birth_year, texts("birth_year")))
    if any(y is _INVALID for y in years):
        redo.update(i for i, y in enumerate(years) if y is _INVALID)
        years = [None if y is _INVALID else y for y in years]  # those rows are made again; is_tidy needs a year
    given, surname = texts("given_name"), texts("surname")
    if columns.full_name:  # split by _parse_row where the name cells are empty
        redo.update(i for i, (g, s) in enumerate(zip(given, surname, strict=True)) if not (g or s))
    people = list(
        map(
            PersonInput,
            given,
            surname,
            *map(texts, _TEXTS),
            coded["gender"],
            years,
            *map(texts, _LATER_TEXTS),
            coded["consent_data"],
            coded["consent_photo"],
            texts("notes"),
        )
    )
    tidy = list(map(is_tidy, people, repeat(this_year, n)))
    if not all(tidy):
        redo.update(i for i, t in enumerate(tidy) if not t)
    out: list[Parsed] = list(zip(people, coded["status"], coded["role"], ((),) * n, strict=True))  # type: ignore[arg-type]
    for i in redo:
        out[i] = _parse_row(rows[i], columns, this_year)
    return out


def _conflict(a: Keys, b: Keys) -> bool:
    return bool((a.email and b.email and a.email != b.email) or (a.phone and b.phone and a.phone != b.phone))


def _best(matches: dict[int, list[str]]) -> int | None:
    """The registered person with the most reasons (the lowest id among equals)."""
    return min(matches, key=lambda pid: (-len(matches[pid]), pid)) if matches else None


def _stored(person: PersonInput) -> tuple[str, str]:
    """The search text and sort key a new record of `person` gets (as apply stores it)."""
    org = " ".join(person.organisation_name.split())
    text = person_keys.search_text(person.given_name, person.surname, person.email, org, person.municipality)
    return text, person_keys.sort_key(person.surname, person.given_name)


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    """'Given Surname' of each registered person a row is matched to."""
    out: dict[int, str] = {}
    run = session.connection().execute  # plain rows: no ORM row processing
    for start in range(0, len(ids), 1000):
        stmt = select(Person.id, Person.given_name, Person.surname).where(Person.id.in_(ids[start : start + 1000]))
        out.update((pid, f"{given} {surname}") for pid, given, surname in run(stmt))
    return out


def check_mapping(mapping: Sequence[str], header_row: int = 1) -> list[str]:
    keys = [k for k in mapping if k != IGNORE]
    problems: list[str] = []
    if not keys:  # no column named at all: the header was not recognised, say what it should name
        expected = [f"label.import.{f.key}" for f in FIELDS if f.key != "full_name"]
        return [Message("import.header_not_recognised", row=header_row, expected=expected)]
    if not ({"given_name", "surname"} <= set(keys) or "full_name" in keys):
        problems.append(Message("import.no_name_columns"))
    repeated = sorted({k for k in keys if keys.count(k) > 1}, key=lambda k: FIELD_BY_KEY[k].label)
    if repeated:
        problems.append(Message("import.repeated_columns", fields=[f"label.import.{k}" for k in repeated]))
    return problems


# Rows in a part of a parted look-up at least (a statement each; a quarter of the file where that is more).
_PART_MIN = 5000


@gc_paused
def build_plan(
    session: Session,
    table: RawTable,
    mapping: Sequence[str] | None = None,
    event_id: int | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Validate every row and find duplicates; stores nothing."""
    if event_id is not None and session.get(Event, event_id) is None:
        raise AppError.of("import.event_not_found", id=event_id)
    columns = list(mapping) if mapping is not None else guess_mapping(table.header)
    columns += [IGNORE] * (table.width - len(columns))
    problems = check_mapping(columns, table.header_row)
    if problems:
        return ImportPlan((), tuple(columns), table.header_row, event_id, tuple(problems))
    data_rows = table.data_rows()
    where = _Columns(columns)
    parsed: list[Parsed] = []
    keys: list[Keys | None] = []
    this_year = clock.today().year
    state = registry_state(session)  # before the look-up: a change after it must be seen as one
    bind = session.get_bind()
    parted = (
        PartedLookup(bind)
        if isinstance(bind, Engine) and bind.dialect.driver == "psycopg" and len(data_rows) >= PARTED_ROWS
        else None
    )
    part = max(_PART_MIN, len(data_rows) // 4)  # rows a part of the parted look-up
    sent = 0
    with parted or nullcontext():
        for start in range(0, len(data_rows), 500):
            chunk = data_rows[start : start + 500]
            rows = _parse_rows([cells for _number, cells in chunk], where, this_year)
            parsed += rows
            keys += [None if bad else Keys.of(p.given_name, p.surname, p.email, p.phone) for p, _s, _r, bad in rows]
            done = start + len(chunk)
            if parted is not None and (done - sent >= part or done == len(data_rows)):
                parted.send([k for k in keys[sent:done] if k is not None])
                sent = done
            if progress is not None and done % 500 == 0 and progress(done, len(data_rows) * 2) is False:
                raise ImportCancelled
        if parted is not None:
            # The server still has the last parts (the look-up takes longer than the reading): meanwhile the texts
            # that storing a new person needs, which no look-up changes (84,600 people: the store 0.2-0.3 s
            # shorter, the plan ~0.15 s longer: the server is not always the slower).
            stored = [None if bad else _stored(p) for p, _s, _r, bad in parsed]
            index = parted.index()
        else:
            stored = [None] * len(parsed)
            index = build_index(session, (k for k in keys if k is not None))
    # KeyIndex.matches' own first test inline: most rows have no key the look-up returned (no call for them)
    by_email, by_phone, named = index.by_email, index.by_phone, index.by_name.keys()
    if index.exact:
        # Closer still where the look-up brought everyone of the keys: a row whose contacts found nobody can match
        # only the namesakes who lack what it has (KeyIndex.matches' buckets), not any namesake. 100,000 rows
        # against 1,000,000 people: 46,533 calls -> 15,400, the plan 1.72-1.75 -> 1.57 s (SQLite, the same plan).
        buckets = index.name_buckets()
        none, no_email, no_phone = buckets.none.keys(), buckets.no_email.keys(), buckets.no_phone.keys()
        found = [
            index.matches(k)
            if k is not None
            and (
                k.email in by_email
                or k.phone in by_phone
                or not ((none if k.phone else no_email) if k.email else no_phone if k.phone else named).isdisjoint(
                    k.names
                )
            )
            else {}
            for k in keys
        ]
    else:
        found = [
            index.matches(k)
            if k is not None and (k.email in by_email or k.phone in by_phone or not named.isdisjoint(k.names))
            else {}
            for k in keys
        ]
    best_of = [_best(f) if f else None for f in found]
    # The names of the people linked to: from the look-up where it brought them (a large file), else read.
    labels = index.labels
    linked = {pid for pid in best_of if pid is not None}
    names = {pid: f"{labels[pid][0]} {labels[pid][1]}" for pid in linked if pid in labels}
    names |= _names(session, sorted(linked - names.keys()))
    # e-mail / phone / name key -> the first row number with it
    seen_email: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    first_keys: dict[int, Keys] = {}
    out: list[PlannedRow] = []
    for i, ((number, _cells), (person, status, role, bad), key, matches, best, texts) in enumerate(
        zip(data_rows, parsed, keys, found, best_of, stored, strict=True)
    ):
        if progress is not None and i % 500 == 499 and progress(len(data_rows) + i + 1, len(data_rows) * 2) is False:
            raise ImportCancelled
        if key is None:
            out.append(PlannedRow(number, person, status, role, bad))
            continue
        # Each key's first row, this one's where none was before (row numbers are unique: a first row that is this
        # one means none earlier); in the order of strength: e-mail, phone, then the names.
        email, phone = key.email, key.phone
        earlier = None
        if email and (first := seen_email.setdefault(email, number)) != number:
            earlier = first
        if phone and (first := seen_phone.setdefault(phone, number)) != number and earlier is None:
            earlier = first
        for n in key.names:  # the same name counts unless the contacts say these are two people
            first = seen_name.setdefault(n, number)
            if earlier is None and first != number and not _conflict(key, first_keys[first]):
                earlier = first
        first_keys[number] = key
        out.append(
            PlannedRow(
                number,
                person,
                status,
                role,
                (),
                best,
                names.get(best, "") if best is not None else "",
                tuple(matches[best]) if best is not None else (),
                earlier,
                key,
                texts,
            )
        )
    return ImportPlan(tuple(out), tuple(columns), table.header_row, event_id, registry_state=state)
