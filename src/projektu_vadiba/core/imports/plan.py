"""Checking an import before anything is stored: every row validated (messages carry the spreadsheet's row
number), likely duplicates found among the people already registered and earlier rows of the same file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.errors import AppError, ValidationError
from projektu_vadiba.core.imports.mapping import (
    FIELD_BY_KEY,
    IGNORE,
    guess_mapping,
    parse_gender,
    parse_role,
    parse_status,
    parse_yes_no,
    split_full_name,
)
from projektu_vadiba.core.imports.readers import RawTable
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, Event, Person
from projektu_vadiba.core.services.duplicates import Keys, build_index
from projektu_vadiba.core.services.people import validate_person

Progress = Callable[[int, int], bool | None]  # (done, total) -> False to cancel


class ImportCancelled(AppError):
    def __init__(self) -> None:
        super().__init__("Imports atcelts; nekas netika saglabāts.")


class Choice(StrEnum):
    LINK = "link"  # a likely duplicate: use the existing person (or the earlier row's)
    CREATE = "create"  # a different person after all: create a new one


@dataclass(frozen=True)
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

    @property
    def invalid(self) -> list[PlannedRow]:
        return [r for r in self.rows if not r.valid]

    @property
    def duplicates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.valid and r.is_duplicate]

    def messages(self) -> list[str]:
        """Every problem, one line each: '7. rinda: “jānis@” nav derīga e-pasta adrese.'"""
        out = list(self.problems)
        for r in self.rows:
            out.extend(f"{r.row}. rinda: {m}" for m in r.problems)
        return out


def _cell(cells: Sequence[str], mapping: Sequence[str], key: str) -> str:
    try:
        return cells[mapping.index(key)].strip()
    except (ValueError, IndexError):
        return ""


def _parse_row(number: int, cells: Sequence[str], mapping: Sequence[str]) -> PlannedRow:
    problems: list[str] = []

    def get(key: str) -> str:
        return _cell(cells, mapping, key)

    given, surname = get("given_name"), get("surname")
    if "full_name" in mapping and not (given or surname):
        given, surname = split_full_name(get("full_name"))
    coded: dict[str, object] = {}
    for key, parser, what in (
        ("gender", parse_gender, "dzimums (der: sieviete, vīrietis, cits)"),
        ("consent_data", parse_yes_no, "atbilde (der: jā vai nē)"),
        ("consent_photo", parse_yes_no, "atbilde (der: jā vai nē)"),
        ("status", parse_status, "dalības statuss (der: piedalījās, nepiedalījās, reģistrējies)"),
        ("role", parse_role, "loma (der: dalībnieks, lektors, moderators, mentors, brīvprātīgais, organizators)"),
    ):
        text = get(key)
        try:
            coded[key] = parser(text)
        except ValueError:
            problems.append(f"{FIELD_BY_KEY[key].label}: “{text}” nav {what}.")
            coded[key] = None
    birth_text = get("birth_year")
    birth_year: int | None = None
    if birth_text:
        digits = birth_text.replace(" ", "")
        try:  # "1987" or a date of birth "12.05.1987"
            birth_year = int(digits[-4:]) if len(digits) > 4 and digits[-4:].isdigit() else int(digits)
        except ValueError:
            problems.append(f"Dzimšanas gads: “{birth_text}” nav gads (piemērs: 1987).")
    data = PersonInput(
        given_name=given,
        surname=surname,
        organisation_name=get("organisation_name"),
        municipality=get("municipality"),
        email=get("email"),
        phone=get("phone"),
        gender=coded["gender"],  # type: ignore[arg-type]
        birth_year=birth_year,
        age_group=get("age_group"),
        target_group=get("target_group"),
        consent_data=coded["consent_data"],  # type: ignore[arg-type]
        consent_photo=coded["consent_photo"],  # type: ignore[arg-type]
        notes=get("notes"),
    )
    try:
        data = validate_person(data)
    except ValidationError as exc:
        problems.extend(p.message for p in exc.problems)
    status, role = coded["status"], coded["role"]
    return PlannedRow(number, data, status, role, tuple(problems))  # type: ignore[arg-type]


def _conflict(a: Keys, b: Keys) -> bool:
    return bool((a.email and b.email and a.email != b.email) or (a.phone and b.phone and a.phone != b.phone))


def check_mapping(mapping: Sequence[str]) -> list[str]:
    keys = [k for k in mapping if k != IGNORE]
    problems = []
    if not ({"given_name", "surname"} <= set(keys) or "full_name" in keys):
        problems.append("Norādiet kolonnas ar vārdu un uzvārdu (vai vienu kolonnu “Vārds Uzvārds”).")
    repeated = sorted({FIELD_BY_KEY[k].label for k in keys if keys.count(k) > 1})
    if repeated:
        problems.append(f"Katram laukam var būt tikai viena kolonna: {', '.join(repeated)}.")
    return problems


def build_plan(
    session: Session,
    table: RawTable,
    mapping: Sequence[str] | None = None,
    event_id: int | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Validate every row and find duplicates; stores nothing."""
    if event_id is not None and session.get(Event, event_id) is None:
        raise AppError(f"Pasākums (nr. {event_id}) nav atrasts.")
    columns = list(mapping) if mapping is not None else guess_mapping(table.header)
    columns += [IGNORE] * (table.width - len(columns))
    problems = check_mapping(columns)
    if problems:
        return ImportPlan((), tuple(columns), table.header_row, event_id, tuple(problems))
    data_rows = table.data_rows()
    parsed: list[PlannedRow] = []
    for i, (number, cells) in enumerate(data_rows):
        parsed.append(_parse_row(number, cells, columns))
        if progress is not None and i % 500 == 499 and progress(i + 1, len(data_rows) * 2) is False:
            raise ImportCancelled
    keys = [Keys.of(r.person.given_name, r.person.surname, r.person.email, r.person.phone) for r in parsed]
    index = build_index(session, (k for k, r in zip(keys, parsed, strict=True) if r.valid))
    found = [index.matches(k) if r.valid else {} for k, r in zip(keys, parsed, strict=True)]
    linked = sorted({pid for f in found for pid in f})
    name_rows = session.execute(select(Person.id, Person.given_name, Person.surname).where(Person.id.in_(linked)))
    names = {pid: f"{given} {surname}" for pid, given, surname in name_rows}
    seen: dict[str, int] = {}  # key -> first row number with it
    first_keys: dict[int, Keys] = {}
    out: list[PlannedRow] = []
    for i, (row, key, matches) in enumerate(zip(parsed, keys, found, strict=True)):
        if progress is not None and i % 500 == 499 and progress(len(data_rows) + i + 1, len(data_rows) * 2) is False:
            raise ImportCancelled
        if not row.valid:
            out.append(row)
            continue
        contacts = ([f"e:{key.email}"] if key.email else []) + ([f"p:{key.phone}"] if key.phone else [])
        earlier = next((seen[k] for k in contacts if k in seen), None)
        if earlier is None:  # the same name counts unless the contacts say these are two people
            for n in key.names:
                first = seen.get(f"n:{n}")
                if first is not None and not _conflict(key, first_keys[first]):
                    earlier = first
                    break
        for k in contacts + [f"n:{n}" for n in key.names]:
            seen.setdefault(k, row.row)
        first_keys.setdefault(row.row, key)
        best = sorted(matches, key=lambda pid: (-len(matches[pid]), pid))[0] if matches else None
        out.append(
            PlannedRow(
                row.row,
                row.person,
                row.status,
                row.role,
                (),
                best,
                names.get(best, "") if best is not None else "",
                tuple(matches[best]) if best is not None else (),
                earlier,
            )
        )
    return ImportPlan(tuple(out), tuple(columns), table.header_row, event_id)
